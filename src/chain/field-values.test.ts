import { describe, expect, it } from 'vitest';
import type { FieldManifest } from '../../generators/index.js';
import { FieldValueError, toContractValue } from './field-values.js';

const weight: FieldManifest = { name: 'weight', identifier: 'weight', type: 'decimal', scale: 3, unit: 'kg', required: true, label: 'Declared weight' };
const grade: FieldManifest = { name: '质量等级', identifier: 'zhiLiangDengJi', type: 'enum', values: ['合格', '返工', '报废'], required: false };

describe('toContractValue for the typed fields (traces and the CLI)', () => {
  it('reads a decimal from text or a number in its unit, and takes a bigint as already scaled', () => {
    expect(toContractValue(weight, '12.5')).toBe(12500n);
    expect(toContractValue(weight, 12.5)).toBe(12500n);
    expect(toContractValue(weight, 12500n)).toBe(12500n);
    expect(() => toContractValue(weight, '12.3456')).toThrow('"Declared weight" has 4 decimals; at most 3 are kept (got "12.3456")');
    expect(() => toContractValue(weight, '')).toThrow(FieldValueError);
  });

  it('reads an enum from its value\'s text or index', () => {
    expect(toContractValue(grade, '返工')).toBe(1n);
    expect(toContractValue(grade, 2)).toBe(2n);
    expect(toContractValue(grade, undefined)).toBe(0n);
    expect(() => toContractValue(grade, '优秀')).toThrow('"质量等级" must be one of 合格, 返工, 报废 (got "优秀")');
  });
});
