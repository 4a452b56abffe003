import { describe, expect, it } from 'vitest';
import type { FieldManifest } from '../../../generators/index.js';
import { parseField, parseForm } from './field-values.js';
import { auditText, fieldText } from './field-display.js';

const weight: FieldManifest = { name: 'weight', identifier: 'weight', type: 'decimal', scale: 3, unit: 'kg', required: true };
const grade: FieldManifest = { name: '质量等级', identifier: 'zhiLiangDengJi', type: 'enum', values: ['合格', '返工', '报废'], required: true };
const inspector: FieldManifest = { name: 'inspector', identifier: 'inspector', type: 'participant', role: 'Inspector', required: false };

describe('decimal fields in forms', () => {
  it('parses the typed text exactly to the scaled integer, no floats', () => {
    // given a decimal field of scale 3, when "12.5" is typed, then the contract gets 12500
    expect(parseField(weight, '12.5')).toEqual({ value: 12500n });
    expect(parseField(weight, ' 0.001 ')).toEqual({ value: 1n });
    expect(parseField(weight, '7')).toEqual({ value: 7000n });
    // 0.1 + 0.2 would not be 0.3 in floats; here 0.3 is exactly 300
    expect(parseField(weight, '0.3')).toEqual({ value: 300n });
    // trailing zeros beyond the scale are not precision: 1.2500 is 1.25
    expect(parseField(weight, '1.2500')).toEqual({ value: 1250n });
    expect(parseField(weight, '123456789012345678901234567890.123')).toEqual({ value: 123456789012345678901234567890123n });
  });

  it('refuses too many decimals, negatives, commas and text before anything is sent', () => {
    expect(parseField(weight, '12.3456')).toEqual({ error: 'tooPrecise' });
    expect(parseField(weight, '-1')).toEqual({ error: 'notDecimal' });
    expect(parseField(weight, '1,5')).toEqual({ error: 'notDecimal' });
    expect(parseField(weight, '1e3')).toEqual({ error: 'notDecimal' });
    expect(parseField(weight, '')).toEqual({ error: 'required' });
    expect(parseField({ ...weight, required: false }, '')).toEqual({ value: 0n });
  });
});

describe('enum and participant fields in forms', () => {
  it('sends the index of the chosen value and requires a choice', () => {
    expect(parseField(grade, '1')).toEqual({ value: 1n });
    expect(parseField(grade, '')).toEqual({ error: 'required' });
    expect(parseField(grade, '3')).toEqual({ error: 'notInList' });
  });

  it('takes a participant as an address; an optional one may stay empty', () => {
    expect(parseForm([inspector], { inspector: '' })).toEqual({ data: { inspector: `0x${'0'.repeat(40)}` }, errors: {} });
    expect(parseField(inspector, '0x12')).toEqual({ error: 'notAddress' });
  });
});

describe('values as people read them', () => {
  const manifest = { participants: [{ id: 'li-na', name: '李娜 Li Na', kind: 'person' as const, organization: 'qc', roles: ['Inspector'], address: `0x${'ab'.repeat(20)}` }] };
  it('shows an enum by its text, a decimal exactly with its unit, a participant by name', () => {
    expect(fieldText(grade, '2')).toBe('报废');
    expect(fieldText(weight, '12500')).toBe('12.5 kg');
    expect(fieldText(weight, '1')).toBe('0.001 kg');
    expect(fieldText(weight, '7000')).toBe('7 kg');
    expect(fieldText(inspector, `0x${'AB'.repeat(20)}`, manifest)).toBe('李娜 Li Na');
    // a value the field does not know is left as read
    expect(fieldText(grade, '9')).toBeUndefined();
    expect(fieldText({ ...weight, type: 'uint', scale: undefined, unit: '件' }, '3')).toBe('3 件');
  });

  it('records enum text and exact decimals in the audit package, addresses as they are', () => {
    expect(auditText(weight, '12500')).toBe('12.5 kg');
    expect(auditText(grade, '0')).toBe('合格');
    expect(auditText(inspector, `0x${'ab'.repeat(20)}`)).toBe(`0x${'ab'.repeat(20)}`);
  });
});
