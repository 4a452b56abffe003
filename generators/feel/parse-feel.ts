/**
 * Parser for the FEEL subset of sequence-flow conditions. Returns an AST or a located error
 * (`at 7: expected an operand`), never throws. Grammar, loosest binding first:
 *   or  ->  and ('or' and)*
 *   and ->  cmp ('and' cmp)*
 *   cmp ->  sum (('=' | '!=' | '<' | '<=' | '>' | '>=') sum)?
 *   sum ->  prod (('+' | '-') prod)*
 *   prod -> unary (('*' | '/') unary)*
 *   unary -> '-' unary | 'not' '(' or ')' | atom
 *   atom -> number (12 or 12.5) | "string" | true | false | name | '(' or ')'
 * Names are field names: letters (any script, so Chinese works), digits and '_', not starting with a digit.
 */
import type { BinaryOp, FeelExpr, Span } from './feel-ast.js';

export type ParseResult = { ok: true; expr: FeelExpr } | { ok: false; message: string; span: Span };

type Token =
  | { t: 'num'; value: bigint; scale?: number; span: Span }
  | { t: 'str'; value: string; span: Span }
  | { t: 'name'; value: string; span: Span }
  | { t: 'op'; value: string; span: Span }
  | { t: 'eof'; span: Span };

class FeelSyntaxError extends Error {
  constructor(message: string, readonly span: Span) {
    super(message);
  }
}

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;
const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(ch)) {
      while (i < text.length && /[0-9_]/.test(text[i])) i++;
      let decimals = '';
      if (text[i] === '.') {
        // a decimal literal (12.5) is kept exact: its digits as an integer and how many follow the point
        const point = i++;
        while (i < text.length && /[0-9]/.test(text[i])) decimals += text[i++];
        if (!decimals) throw new FeelSyntaxError('a decimal point needs digits after it (12.5)', { start: point, end: i });
      }
      const digits = text.slice(start, i - (decimals ? decimals.length + 1 : 0)).replace(/_/g, '') + decimals;
      tokens.push({ t: 'num', value: BigInt(digits), ...(decimals ? { scale: decimals.length } : {}), span: { start, end: i } });
    } else if (ch === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i++];
      }
      if (i >= text.length) throw new FeelSyntaxError('unterminated string', { start, end: i });
      i++;
      tokens.push({ t: 'str', value, span: { start, end: i } });
    } else if (NAME_START.test(ch)) {
      while (i < text.length && NAME_PART.test(text[i])) i++;
      tokens.push({ t: 'name', value: text.slice(start, i), span: { start, end: i } });
    } else {
      const two = text.slice(i, i + 2);
      const op = ['!=', '<=', '>='].includes(two) ? two : ch;
      if (!['=', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '(', ')'].includes(op))
        throw new FeelSyntaxError(`unexpected character "${ch}"`, { start, end: i + 1 });
      i += op.length;
      tokens.push({ t: 'op', value: op, span: { start, end: i } });
    }
  }
  tokens.push({ t: 'eof', span: { start: text.length, end: text.length } });
  return tokens;
}

export function parseFeel(text: string): ParseResult {
  try {
    const tokens = tokenize(text);
    let pos = 0;
    const peek = () => tokens[pos];
    const isOp = (v: string) => peek().t === 'op' && (peek() as { value: string }).value === v;
    const isWord = (v: string) => peek().t === 'name' && (peek() as { value: string }).value === v;
    const expectOp = (v: string) => {
      if (!isOp(v)) throw new FeelSyntaxError(`expected "${v}"`, peek().span);
      return tokens[pos++];
    };
    const binary = (op: BinaryOp, left: FeelExpr, right: FeelExpr): FeelExpr => ({
      kind: 'binary', op, left, right, span: { start: left.span.start, end: right.span.end },
    });

    const parseOr = (): FeelExpr => {
      let left = parseAnd();
      while (isWord('or')) { pos++; left = binary('or', left, parseAnd()); }
      return left;
    };
    const parseAnd = (): FeelExpr => {
      let left = parseCmp();
      while (isWord('and')) { pos++; left = binary('and', left, parseCmp()); }
      return left;
    };
    const parseCmp = (): FeelExpr => {
      const left = parseSum();
      for (const op of ['=', '!=', '<', '<=', '>', '>='] as const) {
        if (isOp(op)) { pos++; return binary(op, left, parseSum()); }
      }
      return left;
    };
    const parseSum = (): FeelExpr => {
      let left = parseProd();
      while (isOp('+') || isOp('-')) { const op = (tokens[pos++] as { value: string }).value as BinaryOp; left = binary(op, left, parseProd()); }
      return left;
    };
    const parseProd = (): FeelExpr => {
      let left = parseUnary();
      while (isOp('*') || isOp('/')) { const op = (tokens[pos++] as { value: string }).value as BinaryOp; left = binary(op, left, parseUnary()); }
      return left;
    };
    const parseUnary = (): FeelExpr => {
      const tok = peek();
      if (isOp('-')) { pos++; const arg = parseUnary(); return { kind: 'neg', arg, span: { start: tok.span.start, end: arg.span.end } }; }
      if (isWord('not')) {
        pos++;
        expectOp('(');
        const arg = parseOr();
        const close = expectOp(')');
        return { kind: 'not', arg, span: { start: tok.span.start, end: close.span.end } };
      }
      return parseAtom();
    };
    const parseAtom = (): FeelExpr => {
      const tok = tokens[pos];
      switch (tok.t) {
        case 'num': pos++; return { kind: 'number', value: tok.value, ...(tok.scale ? { scale: tok.scale } : {}), span: tok.span };
        case 'str': pos++; return { kind: 'string', value: tok.value, span: tok.span };
        case 'name':
          if (tok.value === 'true' || tok.value === 'false') { pos++; return { kind: 'bool', value: tok.value === 'true', span: tok.span }; }
          if (KEYWORDS.has(tok.value)) throw new FeelSyntaxError(`"${tok.value}" needs an operand before it`, tok.span);
          pos++;
          return { kind: 'name', name: tok.value, span: tok.span };
        case 'op':
          if (tok.value === '(') { pos++; const inner = parseOr(); expectOp(')'); return inner; }
          throw new FeelSyntaxError(`expected an operand, found "${tok.value}"`, tok.span);
        case 'eof':
          throw new FeelSyntaxError('expected an operand, found the end of the expression', tok.span);
      }
    };

    const expr = parseOr();
    if (peek().t !== 'eof') throw new FeelSyntaxError('unexpected text after the expression', peek().span);
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof FeelSyntaxError) return { ok: false, message: e.message, span: e.span };
    throw e;
  }
}
