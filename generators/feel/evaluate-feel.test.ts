import { describe, expect, it } from 'vitest';
import { compileCondition, type FieldInScope } from './check-feel.js';
import { evaluateFeel, FeelRuntimeError, type FeelValue } from './evaluate-feel.js';
import { numericDomain } from './numeric-domain.js';

const FIELDS: FieldInScope[] = [
  { name: 'defects', type: 'uint' },
  { name: 'delta', type: 'int' },
  { name: 'item', type: 'string' },
  { name: 'carrier', type: 'address' },
  { name: 'other', type: 'address' },
  { name: 'due', type: 'timestamp' },
];
const UINT_MAX = (1n << 256n) - 1n;
const INT_MAX = (1n << 255n) - 1n;

function compile(text: string) {
  const r = compileCondition(text, FIELDS);
  if (!r.ok) throw new Error(r.message);
  return r.expr;
}

/** Evaluates `text` with the given field values (defects, delta, item, carrier, other, due). */
function run(text: string, values: Partial<{ defects: bigint; delta: bigint; item: string; carrier: string; other: string; due: bigint }> = {}): FeelValue {
  const v = { defects: 0n, delta: 0n, item: '', carrier: `0x${'0'.repeat(40)}`, other: `0x${'0'.repeat(40)}`, due: 0n, ...values };
  return evaluateFeel(compile(text), [v.defects, v.delta, v.item, v.carrier, v.other, v.due]);
}

describe('evaluateFeel', () => {
  it('computes comparisons and boolean logic', () => {
    expect(run('defects <= 2', { defects: 2n })).toBe(true);
    expect(run('defects <= 2', { defects: 3n })).toBe(false);
    expect(run('not(defects = 1) and (defects > 0 or false)', { defects: 2n })).toBe(true);
  });

  it('throws when unsigned arithmetic goes below zero, as the contract reverts', () => {
    // given only unsigned operands, the expression is computed in uint256
    expect(numericDomain(compile('defects - 5 < 1'))).toBe('uint256');
    // when the subtraction would be negative, then it is rejected, not wrapped
    expect(() => run('defects - 5 < 1', { defects: 3n })).toThrow(FeelRuntimeError);
    expect(() => run('defects - 5 < 1', { defects: 3n })).toThrow('arithmetic result -2 outside uint256');
    expect(run('defects - 2 < 2', { defects: 3n })).toBe(true);
    // and overflow is rejected too
    expect(() => run('defects * 2 > 1', { defects: UINT_MAX })).toThrow('outside uint256');
  });

  it('truncates division toward zero', () => {
    expect(run('defects / 2 = 3', { defects: 7n })).toBe(true);
    expect(run('delta / 2 = -3', { delta: -7n })).toBe(true);
    expect(run('delta / -2 = 3', { delta: -7n })).toBe(true);
    expect(() => run('defects / delta = 0', { defects: 1n, delta: 0n })).toThrow('division by zero');
  });

  it('computes in int256 as soon as a signed field or a minus sign takes part', () => {
    expect(numericDomain(compile('delta - defects < 0'))).toBe('int256');
    expect(numericDomain(compile('-defects < 1'))).toBe('int256');
    // given a signed field, a negative intermediate is fine
    expect(run('delta - defects < 0', { delta: -5n, defects: 3n })).toBe(true);
    expect(run('-defects < 0', { defects: 4n })).toBe(true);
    // but an unsigned value beyond int256 cannot take part, as on chain (_toInt256 reverts)
    const errorName = (f: () => unknown) => {
      try { f(); return 'none'; } catch (e) { return (e as FeelRuntimeError).errorName; }
    };
    expect(errorName(() => run('delta + defects > 0', { defects: INT_MAX + 1n }))).toBe('ValueOutOfRange');
    // and a signed result outside int256 is a checked-arithmetic panic
    expect(errorName(() => run('delta * 2 < 0', { delta: -INT_MAX - 1n }))).toBe('Panic');
  });

  it('computes both sides of a comparison in one domain', () => {
    // given a signed left side, the unsigned right side is computed in int256 too, so 0 - 1 is fine
    expect(numericDomain(compile('delta < defects - 1'))).toBe('int256');
    expect(run('delta < defects - 1', { delta: -2n, defects: 0n })).toBe(true);
  });

  it('short-circuits and/or like Solidity does', () => {
    // given defects = 0, the right side would divide by zero, but is never evaluated
    expect(run('defects = 0 or 10 / defects > 1', { defects: 0n })).toBe(true);
    expect(run('defects != 0 and 10 / defects > 1', { defects: 0n })).toBe(false);
  });

  it('compares strings by value and addresses regardless of case', () => {
    expect(run('item = "齿轮箱"', { item: '齿轮箱' })).toBe(true);
    expect(run('item != "a"', { item: 'A' })).toBe(true);
    const lower = `0x${'ab'.repeat(20)}`;
    expect(run('carrier = other', { carrier: lower, other: lower.toUpperCase().replace('0X', '0x') })).toBe(true);
  });

  it('treats timestamps as unsigned numbers', () => {
    expect(run('due >= 1767225600', { due: 1767225600n })).toBe(true);
    expect(numericDomain(compile('due - 1 > 0'))).toBe('uint256');
  });
});
