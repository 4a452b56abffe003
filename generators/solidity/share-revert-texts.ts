/**
 * Code size, the last pass over a process contract before NatSpec and printing. A custom error
 * with string arguments (a task's or role's name, a field's label) costs its whole ABI encoding
 * at every revert site, and every task function has two or three of them: most of a process
 * contract's deployment gas. Here each such revert becomes a call of one private helper per
 * error, `_revert<Error>(…)`, with every text replaced by its number in one table,
 * `_errorText(k)`, which holds each distinct text once. The error the caller receives is the
 * same error with the same texts (the app decodes it through the ABI, unchanged); a comment at
 * the site spells it out for readers of the source.
 *
 * A revert that ends a function with a return value stays inline: the compiler cannot see that
 * the helper never returns, and would warn that the return value may stay unassigned.
 * Only the revert path pays (one extra jump and the table lookup); success paths are untouched.
 */
import { call, id, index, num, str, type ContractDecl, type ErrorDecl, type Expr, type FunctionDecl, type Statement } from './contract-model.js';
import { printExpr } from './print-solidity.js';

export const ERROR_TEXT = '_errorText';
export const revertHelperName = (error: string) => `_revert${error}`;

type Revert = Extract<Statement, { kind: 'revert' }>;

export function shareRevertTexts(contract: ContractDecl): void {
  const errors = new Map(contract.errors.map((e) => [e.name, e]));
  const texts: string[] = [];
  const used = new Set<string>();
  const numberOf = (text: string) => {
    if (!texts.includes(text)) texts.push(text);
    return texts.indexOf(text);
  };
  // every string argument of the error is a literal: only then can the helper take numbers
  const shareable = (r: Revert) => {
    const e = errors.get(r.error);
    return !!e && e.params.some((p) => p.type === 'string') && e.params.every((p, i) => p.type !== 'string' || r.args[i]?.kind === 'str');
  };
  const rewrite = (body: Statement[], tail: boolean, returns: boolean): Statement[] =>
    body.flatMap((s, i): Statement[] => {
      const last = tail && i === body.length - 1;
      if (s.kind === 'if') return [{ ...s, then: rewrite(s.then, last, returns), ...(s.else ? { else: rewrite(s.else, last, returns) } : {}) }];
      if (s.kind === 'for' || s.kind === 'unchecked') return [{ ...s, body: rewrite(s.body, false, returns) }];
      if (s.kind !== 'revert' || !shareable(s) || (last && returns)) return [s];
      used.add(s.error);
      const args = s.args.map((a): Expr => (a.kind === 'str' ? num(numberOf(a.value)) : a));
      return [
        { kind: 'comment', text: `${s.error}(${s.args.map(argText).join(', ')})` },
        { kind: 'expr', expr: call(revertHelperName(s.error), ...args) },
      ];
    });
  for (const f of contract.functions) if (f.body) f.body = rewrite(f.body, true, f.returns.length > 0);
  if (texts.length === 0) return;
  for (const name of used) contract.functions.push(helper(errors.get(name)!));
  contract.functions.push(...textTable(texts));
  if (texts.filter(isShort).length >= SHORT_TEXTS_WORTH_IT) contract.functions.push(shortTextHelper());
}

function helper(e: ErrorDecl): FunctionDecl {
  return {
    kind: 'function', name: revertHelperName(e.name), visibility: 'private', mutability: 'pure',
    params: e.params.map((p) => ({ type: p.type === 'string' ? 'uint256' : p.type, name: p.name })), returns: [],
    natspec: {
      notice: [`Reverts with ${e.name}, its texts taken from ${ERROR_TEXT} (one encoding of the error for every site).`],
      params: e.params.filter((p) => p.type === 'string').map((p) => ({ name: p.name, text: `Number of the ${p.name}'s text in ${ERROR_TEXT}.` })),
    },
    body: [{ kind: 'revert', error: e.name, args: e.params.map((p) => (p.type === 'string' ? call(ERROR_TEXT, id(p.name)) : id(p.name))) }],
  };
}

/** solhint allows 50 lines a function; an entry takes three. */
const ENTRIES_PER_FUNCTION = 15;
const tableName = (from: number) => (from === 0 ? ERROR_TEXT : `${ERROR_TEXT}From${from}`);

/** `_errorText(k)`: an `if` per text and the last one returned; past 16 texts, the rest in `_errorTextFrom15(k)` and so on. */
function textTable(texts: string[]): FunctionDecl[] {
  const k = id('k');
  const compact = texts.filter(isShort).length >= SHORT_TEXTS_WORTH_IT;
  const textExpr = (t: string): Expr => (compact && isShort(t) ? call(SHORT_TEXT, str(t), num(utf8Length(t))) : str(t));
  const out: FunctionDecl[] = [];
  for (let from = 0; ; from += ENTRIES_PER_FUNCTION) {
    const last = texts.length - from <= ENTRIES_PER_FUNCTION + 1;
    const entries = texts.slice(from, last ? texts.length - 1 : from + ENTRIES_PER_FUNCTION);
    out.push({
      kind: 'function', name: tableName(from), visibility: 'private', mutability: 'pure',
      // a single text needs no number (an unused parameter would be a warning)
      params: [{ type: 'uint256', name: entries.length ? 'k' : '' }], returns: [{ type: 'string', name: '', location: 'memory' }],
      natspec: {
        notice: [from === 0 ? 'The texts that errors carry (names of tasks and roles, labels of fields), each once.' : `The texts that errors carry, from number ${from} on.`],
        params: entries.length ? [{ name: 'k', text: "The text's number." }] : [],
      },
      body: [
        ...entries.map((t, i): Statement => ({ kind: 'if', cond: { kind: 'bin', op: '==', left: k, right: num(from + i) }, then: [{ kind: 'return', value: textExpr(t) }] })),
        { kind: 'return', value: last ? textExpr(texts[texts.length - 1]) : call(tableName(from + ENTRIES_PER_FUNCTION), k) },
      ],
    });
    if (last) return out;
  }
}

/**
 * In a table of many texts, a text of up to 32 bytes is returned as `_text("…", length)`: a bytes32
 * literal and one shared copy into a string take less code than a string literal each (on the
 * revert path only, at most 32 loop rounds). Below SHORT_TEXTS_WORTH_IT such texts the shared
 * copy costs more than it saves (measured on the bench:gas rows). Longer texts stay literals.
 */
const SHORT_TEXT = '_text';
const SHORT_TEXTS_WORTH_IT = 16;
const utf8Length = (t: string) => new TextEncoder().encode(t).length;
const isShort = (t: string) => utf8Length(t) > 0 && utf8Length(t) <= 32;

function shortTextHelper(): FunctionDecl {
  const text = id('text');
  const i = id('i');
  return {
    kind: 'function', name: SHORT_TEXT, visibility: 'private', mutability: 'pure',
    params: [{ type: 'bytes32', name: 'data' }, { type: 'uint256', name: 'length' }], returns: [{ type: 'string', name: '', location: 'memory' }],
    natspec: {
      notice: ['A text of the table as a string: its first `length` bytes.'],
      params: [{ name: 'data', text: 'The text, left-aligned.' }, { name: 'length', text: 'Its length in bytes (UTF-8).' }],
    },
    body: [
      { kind: 'let', type: 'bytes memory', name: 'text', value: call('new bytes', id('length')) },
      { kind: 'for', index: 'i', bound: id('length'), body: [{ kind: 'assign', target: index(text, i), op: '=', value: index(id('data'), i) }] },
      { kind: 'return', value: call('string', text) },
    ],
  };
}

/** An argument as a reader of the comment wants it: texts quoted, the rest as in the source. */
const argText = (e: Expr): string => (e.kind === 'str' ? JSON.stringify(e.value) : printExpr(e));
