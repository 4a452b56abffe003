import { describe, expect, it } from 'vitest';
import { checkFieldOptions, formatDecimal, parseDecimal, sameFieldOptions } from './field-options.js';

describe('checkFieldOptions', () => {
  it('accepts each type with its own options', () => {
    expect(checkFieldOptions('grade', 'enum', { values: ['合格', '返工', '报废'] })).toEqual([]);
    expect(checkFieldOptions('weight', 'decimal', { scale: 3, unit: 'kg' })).toEqual([]);
    expect(checkFieldOptions('inspector', 'participant', { role: 'Inspector' })).toEqual([]);
    expect(checkFieldOptions('count', 'uint', { unit: '件' })).toEqual([]);
  });

  it('says what is wrong with an enum\'s values', () => {
    expect(checkFieldOptions('grade', 'enum', {})).toEqual(['enum field "grade" needs at least one value (<cf:value>…</cf:value>)']);
    expect(checkFieldOptions('grade', 'enum', { values: ['A', '', 'A', ' B'] })).toEqual([
      'enum field "grade": value 2 is empty',
      'enum field "grade": value "A" is listed twice',
      'enum field "grade": value " B" has spaces at its ends',
    ]);
    expect(checkFieldOptions('grade', 'enum', { values: Array.from({ length: 257 }, (_, i) => `v${i}`) })).toEqual(['enum field "grade" has 257 values; at most 256 fit its uint8']);
  });

  it('requires a decimal\'s scale within 0..18 and refuses options of other types', () => {
    expect(checkFieldOptions('w', 'decimal', {})).toEqual(['decimal field "w" needs a scale (number of decimals, 0..18)']);
    expect(checkFieldOptions('w', 'decimal', { scale: 19 })).toEqual(['decimal field "w" has scale 19; use a whole number 0..18']);
    expect(checkFieldOptions('n', 'uint', { scale: 2, values: ['a'], role: 'R' })).toEqual([
      'field "n" is uint: only an enum field lists values',
      'field "n" is uint: only a decimal field has a scale',
      'field "n" is uint: only a participant field has a role filter',
    ]);
  });

  it('compares two declarations of one field', () => {
    expect(sameFieldOptions({ values: ['a', 'b'] }, { values: ['a', 'b'] })).toBe(true);
    expect(sameFieldOptions({ values: ['a', 'b'] }, { values: ['b', 'a'] })).toBe(false);
    expect(sameFieldOptions({ scale: 2 }, { scale: 3 })).toBe(false);
  });
});

describe('parseDecimal and formatDecimal', () => {
  it('round-trip exactly at any scale', () => {
    for (const [text, scale, value] of [['12.5', 3, 12500n], ['0', 0, 0n], ['0.000000000000000001', 18, 1n], ['100', 2, 10000n]] as const) {
      expect(parseDecimal(text, scale)).toEqual({ value });
      expect(formatDecimal(value, scale)).toBe(text);
    }
    expect(parseDecimal('1.23', 1)).toEqual({ tooPrecise: 2 });
    expect(parseDecimal('.5', 1)).toBeUndefined();
    expect(parseDecimal('5.', 1)).toEqual({ value: 50n });
  });
});
