import { describe, expect, it } from 'vitest';
import { compileCondition, type FieldInScope } from './check-feel.js';

const FIELDS: FieldInScope[] = [
  { name: 'defects', type: 'uint' },
  { name: 'item', type: 'string' },
  { name: 'delta', type: 'int' },
  { name: 'due', type: 'timestamp' },
  { name: 'approved', type: 'bool' },
  { name: 'carrier', type: 'address' },
  { name: 'batch', type: 'bytes32' },
  { name: '数量', type: 'uint' },
];

const messageOf = (text: string) => {
  const r = compileCondition(text, FIELDS);
  return r.ok ? 'ok' : r.message;
};

describe('compileCondition', () => {
  it('accepts well-typed conditions over every field type', () => {
    for (const text of [
      'defects <= 2',
      'item = "gearbox" and approved',
      'delta * -1 > defects - 10',
      'due >= 1767225600',
      'not(approved) or carrier = carrier',
      'batch != batch',
      '数量 / 2 > 3',
    ])
      expect(messageOf(text), text).toBe('ok');
  });

  it('resolves names to field indexes and types every node', () => {
    const r = compileCondition('数量 > 3', FIELDS);
    expect(r.ok && r.expr).toMatchObject({ kind: 'binary', op: '>', type: 'bool', left: { kind: 'field', field: 7, fieldType: 'uint', type: 'number' } });
  });

  it('refuses comparing a number with a string, at the column of the offending operand', () => {
    // given `defects <= "two"`, when checked, then the error points at column 12 ("two")
    expect(messageOf('defects <= "two"')).toBe('condition "defects <= "two"" at column 12: "<=" compares numbers, got string');
    // and equality across types points at the comparison
    expect(messageOf('item = 1')).toBe('condition "item = 1" at column 1: cannot compare string with number');
  });

  it('refuses an unknown field and lists the known ones', () => {
    expect(messageOf('defects > 0 and colour = "red"')).toBe(
      'condition "defects > 0 and colour = "red"" at column 17: unknown field "colour" (fields: defects, item, delta, due, approved, carrier, batch, 数量)',
    );
    expect(compileCondition('x = 1', [])).toEqual({ ok: false, message: 'condition "x = 1" at column 1: unknown field "x" (fields: none)' });
  });

  it('refuses operators applied to the wrong types', () => {
    expect(messageOf('approved and defects')).toBe('condition "approved and defects" at column 14: "and" needs booleans, got number');
    expect(messageOf('item + 1 > 2')).toBe('condition "item + 1 > 2" at column 1: "+" needs numbers, got string');
    expect(messageOf('not(defects)')).toBe('condition "not(defects)" at column 5: not(...) needs a boolean, got number');
    expect(messageOf('-approved')).toBe('condition "-approved" at column 2: minus needs a number, got bool');
    expect(messageOf('carrier = "0xab"')).toBe('condition "carrier = "0xab"" at column 1: cannot compare address with string');
  });

  it('refuses a condition that is not true/false', () => {
    expect(messageOf('defects + 1')).toBe('condition "defects + 1" is a number, not true/false');
  });

  it('passes syntax errors through with a 1-based column', () => {
    expect(messageOf('defects <= ')).toBe('condition "defects <= " at column 12: expected an operand, found the end of the expression');
  });
});
