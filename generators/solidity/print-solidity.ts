/**
 * The one printer: SourceUnit -> Solidity text, laid out exactly as prettier-plugin-solidity
 * lays it out (4-space indent, 80 columns), so the output is already formatted; a test checks
 * prettier leaves it unchanged. Declarations and statements become layout documents built the
 * way the plugin builds them (same groups, same indentation rules, same parentheses it adds),
 * and layout-doc.ts breaks them as prettier would. It also records the line range of every
 * function that implements a BPMN element, for the IDE's code reveal.
 */
import type {
  ContractDecl, Expr, FunctionDecl, NatSpec, Param, SourceUnit, Statement,
} from './contract-model.js';
import { commentLines, commentText, solidityStringLiteral } from './escape-text.js';
import {
  dedent, group, hardline, indent, indentIfBreak, isLabel, join, label, line, renderDoc, softline, type Doc,
} from './layout-doc.js';

const WIDTH = 80;
const INDENT = '    ';

export interface ElementLines {
  elementId: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
}

export interface PrintResult {
  text: string;
  elementLines: ElementLines[];
}

// ---- expressions -------------------------------------------------------------------------

const PRECEDENCE: Record<string, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '|': 5, '&': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10,
};

/** The plugin's node kind of each binary operator. */
type BinKind = 'or' | 'and' | 'equality' | 'inequality' | 'bitor' | 'bitand' | 'shift' | 'additive' | 'multiplicative';
const KIND: Record<string, BinKind> = {
  '||': 'or', '&&': 'and', '==': 'equality', '!=': 'equality', '<': 'inequality', '<=': 'inequality', '>': 'inequality', '>=': 'inequality',
  '|': 'bitor', '&': 'bitand', '<<': 'shift', '>>': 'shift', '+': 'additive', '-': 'additive', '*': 'multiplicative', '/': 'multiplicative',
};
/** Parent kinds under which an operation is grouped and its right side indented (per operation kind). */
const GROUP_UNDER: Record<BinKind, BinKind[]> = {
  or: [], and: [],
  equality: ['and', 'or'],
  inequality: ['equality', 'and', 'or'],
  bitor: ['inequality', 'equality', 'and', 'or'],
  bitand: ['inequality', 'equality', 'and', 'or'],
  shift: ['bitand', 'bitor', 'inequality', 'equality', 'and', 'or'],
  additive: ['shift', 'bitand', 'bitor', 'inequality', 'equality', 'and', 'or'],
  multiplicative: ['additive', 'shift', 'bitand', 'bitor', 'inequality', 'equality', 'and', 'or'],
};
/** Operators of an operand that the plugin wraps in parentheses ("hugs"), per parent operator and side. */
const ARITH = ['+', '-', '*', '/', '**', '<<', '>>'];
const HUG: Record<string, [left: string[], right: string[]]> = {
  '||': [['&&'], ['&&']], '&': [ARITH, ARITH], '|': [[...ARITH, '&', '^'], [...ARITH, '&', '^']],
  '==': [['==', '!='], []], '!=': [['==', '!='], []], '<<': [ARITH, ['+', '-', '*', '/', '**']], '>>': [ARITH, ['+', '-', '*', '/', '**']],
  '+': [['%'], ['%']], '-': [['%'], ['%']], '*': [['/', '%'], []], '/': [['*', '%'], []],
};

/** Where an expression sits, nearest first: what the plugin's rules look at. */
type Parent =
  | { kind: 'binary'; op: BinKind; right: boolean }
  | { kind: 'assignment'; right: boolean }
  | { kind: 'call' | 'index' | 'member'; operand: boolean }
  | { kind: 'return' | 'if' | 'forCondition' | 'other' };
const OTHER: Parent = { kind: 'other' };

const CHAIN = Symbol('MemberAccessChain');
const SEPARATOR = Symbol('separator');

const isBinaryParent = (p: Parent) => p.kind === 'binary' || p.kind === 'assignment';
const isChainable = (e: Expr) => e.kind === 'call' || e.kind === 'index' || e.kind === 'member';

function needsParens(child: Expr, parentOp: string | undefined, parentPrec: number, side: 0 | 1): boolean {
  if (child.kind !== 'bin') return false;
  // bitwise operators inside comparisons (and `&` inside `|`) get parentheses even where
  // Solidity would not need them: readers coming from C expect `==` to bind tighter than `&`
  const bitwise = child.op === '&' || child.op === '|' || child.op === '<<' || child.op === '>>';
  const clarify = bitwise && parentPrec > 0 && (parentPrec <= 4 || (parentPrec === PRECEDENCE['|'] && child.op === '&'));
  const hug = parentOp !== undefined && (HUG[parentOp]?.[side] ?? []).includes(child.op);
  return PRECEDENCE[child.op] < parentPrec || clarify || hug;
}

function operandDoc(child: Expr, parens: boolean, parents: Parent[]): Doc {
  return parens ? ['(', exprDoc(child, [OTHER]), ')'] : exprDoc(child, parents);
}

/** The plugin's `operand.flat()` before it appends `.member`. */
function flat1(doc: Doc): Doc[] {
  return Array.isArray(doc) ? doc.flat() : [doc];
}

/** A call or index after `operand`, continuing a member-access chain when there is one. */
function chainItem(operand: Doc, predicate: Doc[]): Doc {
  if (isLabel(operand, CHAIN)) {
    const id = Symbol('chain');
    return label(CHAIN, [group(operand.contents, { id }), indentIfBreak(predicate, id)]);
  }
  return [...(Array.isArray(operand) ? operand : [operand]), ...predicate];
}

function isEndOfChain(parents: Parent[]): boolean {
  for (const p of parents) {
    if (p.kind === 'member') return false;
    if (p.kind !== 'call' && p.kind !== 'index') return true;
    if (!p.operand) return true;
  }
  return true;
}

function argumentsDoc(args: Expr[]): Doc[] {
  if (args.length === 0) return ['(', ')'];
  return ['(', group([indent([softline, join([',', line], args.map((a) => exprDoc(a, [OTHER])))]), softline]), ')'];
}

function binaryDoc(e: Extract<Expr, { kind: 'bin' }>, parents: Parent[]): Doc {
  const kind = KIND[e.op];
  const prec = PRECEDENCE[e.op];
  const leftParens = needsParens(e.left, e.op, prec, 0);
  const left = operandDoc(e.left, leftParens, [{ kind: 'binary', op: kind, right: false }, ...parents]);
  const right = operandDoc(e.right, needsParens(e.right, e.op, prec + 1, 1), [{ kind: 'binary', op: kind, right: true }, ...parents]);
  const parent = parents[0];
  let rightDoc: Doc = [` ${e.op}`, line, right]; // prettier's default operator position: end of line
  if (!(e.left.kind === 'bin' && !leftParens) && (!isBinaryParent(parent) || parent.kind === 'assignment')) rightDoc = group(rightDoc);
  const shouldGroupUnder = (p: Parent) => p.kind === 'binary' && GROUP_UNDER[kind].includes(p.op);
  let indented = false;
  for (const p of parents) {
    if (p.kind === 'return' || p.kind === 'if' || p.kind === 'forCondition') break;
    if (!isBinaryParent(p) || shouldGroupUnder(p)) {
      indented = true;
      break;
    }
    if ((p as { right: boolean }).right) break;
  }
  const doc: Doc = [left, indented ? indent(rightDoc) : rightDoc];
  return !isBinaryParent(parent) || shouldGroupUnder(parent) ? group(doc) : doc;
}

function exprDoc(e: Expr, parents: Parent[]): Doc {
  switch (e.kind) {
    case 'id':
      return e.name;
    case 'num':
      return e.hex ? `0x${e.value.toString(16)}` : e.value.toString();
    case 'bool':
      return String(e.value);
    case 'str':
      return solidityStringLiteral(e.value);
    case 'un': {
      // `- -x` must not print as the decrement `--x`
      const parens = e.arg.kind === 'bin' || (e.op === '-' && e.arg.kind === 'un' && (e.arg.op === '-' || e.arg.op === '++'));
      return [e.op, operandDoc(e.arg, parens, [OTHER])];
    }
    case 'call':
      return chainItem(operandDoc(e.fn, needsParens(e.fn, undefined, 12, 0), [{ kind: 'call', operand: true }, ...parents]), argumentsDoc(e.args));
    case 'index': {
      const operand = operandDoc(e.obj, needsParens(e.obj, undefined, 12, 0), [{ kind: 'index', operand: true }, ...parents]);
      return chainItem(operand, ['[', group([indent([softline, exprDoc(e.index, [{ kind: 'index', operand: false }])]), softline]), ']']);
    }
    case 'member': {
      const operand = operandDoc(e.obj, needsParens(e.obj, undefined, 12, 0), [{ kind: 'member', operand: true }, ...parents]);
      const chain = [...flat1(operand), label(SEPARATOR, [softline, '.']), e.name];
      if (!isEndOfChain(parents)) return chain;
      const first = chain.findIndex((d) => isLabel(d, SEPARATOR));
      return label(CHAIN, [chain.slice(0, first), group(indent(chain.slice(first)))]);
    }
    case 'bin':
      return binaryDoc(e, parents);
  }
}

/** An expression on one line, as it would print with unlimited width. */
export function printExpr(e: Expr): string {
  return renderDoc(exprDoc(e, [OTHER]), { width: Number.POSITIVE_INFINITY });
}

// ---- statements --------------------------------------------------------------------------

/** `= value` after a declaration or assignment: calls and accesses stay on the line, the rest may move below. */
function assignedValue(value: Expr): Doc {
  const doc = exprDoc(value, [OTHER]);
  return isChainable(value) ? [' ', doc] : group(indent([line, doc]));
}

/** The plugin's declaration shape: a head group, and what follows indented when the head broke. */
function declarationDoc(head: Doc[], tail: Doc[]): Doc {
  const id = Symbol('declaration');
  return [group(head, { id }), indentIfBreak(tail, id)];
}

function blockDoc(body: Statement[]): Doc {
  return body.length ? ['{', indent([hardline, join(hardline, body.map(statementDoc))]), hardline, '}'] : '{}';
}

function statementDoc(s: Statement): Doc {
  switch (s.kind) {
    case 'let': {
      const [, type, location] = /^(.*?)(?: (memory|storage|calldata))?$/.exec(s.type)!;
      const value: Doc = s.value ? [' =', assignedValue(s.value)] : '';
      return declarationDoc([type, location ? indent([line, location]) : '', ' ', s.name], [value, ';']);
    }
    case 'assign': {
      const value = exprDoc(s.value, [{ kind: 'assignment', right: true }, OTHER]);
      const right = isChainable(s.value) ? [' ', value] : group(indent([line, value]));
      return [exprDoc(s.target, [{ kind: 'assignment', right: false }, OTHER]), ` ${s.op}`, right, ';'];
    }
    case 'expr':
      return [exprDoc(s.expr, [OTHER]), ';'];
    case 'return':
      return ['return', s.value ? group(indent([line, exprDoc(s.value, [{ kind: 'return' }])])) : '', ';'];
    case 'comment':
      return join(hardline, commentLines(s.text).map((l) => `// ${l}`));
    case 'revert':
      return ['revert ', s.error, ...argumentsDoc(s.args), ';'];
    case 'emit':
      return ['emit ', s.event, ...argumentsDoc(s.args), ';'];
    case 'unchecked':
      return ['unchecked ', blockDoc(s.body)];
    case 'for': {
      const i = s.index;
      const init = declarationDoc(['uint256', '', ' ', i], [[' =', group(indent([line, '0']))], ';']);
      const condition = [exprDoc({ kind: 'bin', op: '<', left: { kind: 'id', name: i }, right: s.bound }, [{ kind: 'forCondition' }]), ';'];
      return ['for (', group([indent([softline, init, line, condition, line, `++${i}`]), softline]), ') ', blockDoc(s.body)];
    }
    case 'if': {
      const out: Doc[] = ['if (', group([indent([softline, exprDoc(s.cond, [{ kind: 'if' }])]), softline]), ') ', blockDoc(s.then)];
      if (s.else?.length) out.push(' else ', s.else.length === 1 && s.else[0].kind === 'if' ? statementDoc(s.else[0]) : blockDoc(s.else));
      return out;
    }
  }
}

// ---- declarations ------------------------------------------------------------------------

function printNatSpec(n: NatSpec | undefined, indent: string): string[] {
  if (!n) return [];
  const out: string[] = [];
  const tag = (name: string, text: string) => {
    const lines = commentLines(text);
    lines.forEach((l, i) => out.push(`${indent}/// ${i === 0 ? `@${name} ` : ''}${l}`));
  };
  if (n.title) tag('title', n.title);
  if (n.author) tag('author', n.author);
  n.notice?.forEach((t) => tag('notice', t));
  n.dev?.forEach((t) => tag('dev', t));
  n.params?.forEach((p) => tag('param', `${p.name} ${commentText(p.text)}`));
  n.returns?.forEach((r) => tag('return', `${r.name} ${commentText(r.text)}`));
  return out;
}

/** Parameters of a function: broken together with the function head, one per line. */
function parameterList(params: Param[]): Doc {
  if (params.length === 0) return '';
  const each = params.map((p) => group([p.type, p.location ? [' ', p.location] : '', p.name ? [' ', p.name] : '']));
  return [indent([softline, join([',', line], each)]), softline];
}

/** Parameters of an event or error: a group of their own. */
function declarationParameters(params: Param[]): Doc {
  if (params.length === 0) return '';
  const each = params.map((p): Doc => [p.type, p.indexed ? ' indexed' : '', p.name ? [' ', p.name] : '']);
  return group([indent([softline, join([',', line], each)]), softline]);
}

function functionDoc(f: FunctionDecl): Doc {
  const head = f.kind === 'constructor' ? 'constructor' : `function ${f.name}`;
  const attributes = [f.kind === 'constructor' ? '' : f.visibility, f.mutability === 'nonpayable' ? '' : f.mutability].filter(Boolean);
  const returns: Doc = f.returns.length ? [line, 'returns ', group(['(', parameterList(f.returns), ')'])] : '';
  return [
    group([head, '(', parameterList(f.params), ')', indent(group([...attributes.map((a) => [line, a]), returns, f.body ? dedent(line) : '']))]),
    f.body ? blockDoc(f.body) : ';',
  ];
}

/** Renders a contract member at one level of indentation, as lines. */
function member(doc: Doc): string[] {
  return renderDoc(doc, { width: WIDTH, unit: INDENT, level: 1 }).split('\n');
}

function printContract(c: ContractDecl, lineOffset: number, elementLines: ElementLines[]): string[] {
  const i = INDENT;
  const out: string[] = [...printNatSpec(c.natspec, ''), ...renderDoc([`${c.kind} `, group([c.name, line, '{'])], { width: WIDTH }).split('\n')];
  // declarations come in sections; items that carry NatSpec are separated by a blank line
  const section = (items: string[][]) =>
    items.flatMap((lines, k) => (k > 0 && (lines.length > 1 || items[k - 1].length > 1) ? ['', ...lines] : lines));
  const sections = [
    section(c.constants.map((k) => [
      ...printNatSpec(k.natspec, i),
      ...member(declarationDoc([k.type, indent([line, k.visibility, line, 'constant']), ' ', k.name], [[' =', assignedValue(k.value)], ';'])),
    ])),
    section((c.enums ?? []).map((en) => [
      ...printNatSpec(en.natspec, i),
      ...member(['enum ', en.name, ' {', indent([hardline, join([',', hardline], en.members)]), hardline, '}']),
    ])),
    section(c.structs.map((s) => [
      ...printNatSpec(s.natspec, i),
      ...member(['struct ', s.name, ' {', indent([hardline, join(hardline, s.members.map((m) => `${m.type} ${m.name};`))]), hardline, '}']),
    ])),
    section(c.stateVars.map((v) => [
      ...printNatSpec(v.natspec, i),
      ...member(declarationDoc([v.type, indent([line, v.visibility, v.immutable ? [line, 'immutable'] : '']), ' ', v.name], [';'])),
    ])),
    section(c.errors.map((e) => [...printNatSpec(e.natspec, i), ...member(['error ', e.name, '(', declarationParameters(e.params), ')', ';'])])),
    section(c.events.map((e) => [...printNatSpec(e.natspec, i), ...member(['event ', e.name, '(', declarationParameters(e.params), ')', ';'])])),
  ].filter((s) => s.length > 0);
  let first = true;
  const separate = () => {
    if (!first) out.push('');
    first = false;
  };
  for (const s of sections) {
    separate();
    out.push(...s);
  }
  for (const f of c.functions) {
    separate();
    const lines = [...printNatSpec(f.natspec, i), ...member(functionDoc(f))];
    const start = lineOffset + out.length + 1;
    out.push(...lines);
    if (f.elementId) elementLines.push({ elementId: f.elementId, startLine: start, endLine: lineOffset + out.length });
  }
  out.push('}');
  return out;
}

export function printSourceUnit(unit: SourceUnit): PrintResult {
  const lines: string[] = [`// SPDX-License-Identifier: ${unit.license}`, ...unit.header.map((h) => `// ${commentText(h)}`), `pragma solidity ${unit.pragma};`];
  const elementLines: ElementLines[] = [];
  for (const c of unit.contracts) {
    lines.push('');
    lines.push(...printContract(c, lines.length, elementLines));
  }
  return { text: `${lines.join('\n')}\n`, elementLines };
}
