import { describe, expect, it } from 'vitest';
import type { FeelExpr } from './feel-ast.js';
import { parseFeel } from './parse-feel.js';

/** The parse tree without spans, in prefix notation, for readable assertions. */
function show(e: FeelExpr): string {
  switch (e.kind) {
    case 'number':
      return e.value.toString();
    case 'string':
      return JSON.stringify(e.value);
    case 'bool':
      return String(e.value);
    case 'name':
      return e.name;
    case 'not':
      return `(not ${show(e.arg)})`;
    case 'neg':
      return `(neg ${show(e.arg)})`;
    case 'binary':
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
  }
}

const tree = (text: string) => {
  const r = parseFeel(text);
  if (!r.ok) throw new Error(r.message);
  return show(r.expr);
};

describe('parseFeel', () => {
  it('binds or < and < comparison < sum < product < unary', () => {
    expect(tree('a or b and c')).toBe('(or a (and b c))');
    expect(tree('a + b * c <= d - e / f')).toBe('(<= (+ a (* b c)) (- d (/ e f)))');
    expect(tree('not(a) and -b < 2')).toBe('(and (not a) (< (neg b) 2))');
    expect(tree('(a or b) and c')).toBe('(and (or a b) c)');
  });

  it('is left-associative for arithmetic', () => {
    expect(tree('a - b - c')).toBe('(- (- a b) c)');
    expect(tree('a / b * c')).toBe('(* (/ a b) c)');
  });

  it('reads literals: integers with _ separators, strings with escapes, booleans', () => {
    expect(tree('n >= 1_000_000')).toBe('(>= n 1000000)');
    expect(tree('s = "say \\"hi\\""')).toBe('(= s "say \\"hi\\"")');
    expect(tree('ok = true or done != false')).toBe('(or (= ok true) (!= done false))');
  });

  it('accepts field names in any script', () => {
    expect(tree('数量 > 3 and 合格')).toBe('(and (> 数量 3) 合格)');
  });

  it('records where each node is', () => {
    const r = parseFeel('defects <= 2');
    expect(r.ok && r.expr.span).toEqual({ start: 0, end: 12 });
    expect(r.ok && r.expr.kind === 'binary' && r.expr.right.span).toEqual({ start: 11, end: 12 });
  });

  it('reads a decimal literal exactly, as its digits and how many follow the point', () => {
    // given 12.50 and 1_000.5, when parsed, then no float is involved: digits and scale
    const r = parseFeel('weight >= 12.50 and weight < 1_000.5');
    expect(r.ok && r.expr).toMatchObject({
      left: { right: { kind: 'number', value: 1250n, scale: 2 } },
      right: { right: { kind: 'number', value: 10005n, scale: 1 } },
    });
    // and a whole number carries no scale
    expect(parseFeel('3').ok && (parseFeel('3') as { expr: object }).expr).not.toHaveProperty('scale');
  });

  it.each([
    ['defects <= ', 11, 'expected an operand, found the end of the expression'],
    ['weight <= 2.', 11, 'a decimal point needs digits after it (12.5)'],
    ['defects @ 2', 8, 'unexpected character "@"'],
    ['item = "abc', 7, 'unterminated string'],
    ['(defects > 1', 12, 'expected ")"'],
    ['defects 2', 8, 'unexpected text after the expression'],
    ['and x', 0, '"and" needs an operand before it'],
    ['not defects', 4, 'expected "("'],
    ['a < b < c', 6, 'unexpected text after the expression'],
    ['x = )', 4, 'expected an operand, found ")"'],
  ])('reports %j as a syntax error at offset %i', (text, start, message) => {
    // given a malformed condition, when parsed, then the error says what and where, without throwing
    const r = parseFeel(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe(message);
      expect(r.span.start).toBe(start);
    }
  });
});
