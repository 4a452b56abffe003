import { describe, expect, it } from 'vitest';
import type { FieldManifest } from '../../../generators/index.js';
import { parseField, parseForm } from './field-values.js';

const field = (type: FieldManifest['type'], required = true): FieldManifest => ({ name: 'f', identifier: 'f', type, required });

describe('parseField', () => {
  it('reads integers as bigint and refuses what the type cannot hold', () => {
    expect(parseField(field('uint'), ' 42 ')).toEqual({ value: 42n });
    expect(parseField(field('uint'), '-1')).toEqual({ error: 'negative' });
    expect(parseField(field('uint'), '1.5')).toEqual({ error: 'notInteger' });
    expect(parseField(field('uint'), (1n << 256n).toString())).toEqual({ error: 'tooLarge' });
    expect(parseField(field('int'), '-7')).toEqual({ value: -7n });
  });

  it('reads a date-time input as unix seconds', () => {
    expect(parseField(field('timestamp'), '2025-03-01T08:30:00Z')).toEqual({ value: 1740817800n });
    expect(parseField(field('timestamp'), 'tomorrow')).toEqual({ error: 'notDate' });
  });

  it('checks addresses and encodes short text as bytes32', () => {
    expect(parseField(field('address'), '0x12')).toEqual({ error: 'notAddress' });
    expect(parseField(field('address'), '0xg0000000000000000000000000000000000000b1')).toEqual({ error: 'notAddress' });
    const bytes = parseField(field('bytes32'), '批次A');
    expect(bytes).toEqual({ value: `0x${'e689b9e6aca141'.padEnd(64, '0')}` });
    expect(parseField(field('bytes32'), 'x'.repeat(33))).toEqual({ error: 'notBytes32' });
  });

  it('requires required fields but gives optional ones their zero value', () => {
    expect(parseField(field('string'), '  ')).toEqual({ error: 'required' });
    expect(parseField(field('uint', false), '')).toEqual({ value: 0n });
    expect(parseField(field('address', false), '')).toEqual({ value: '0x0000000000000000000000000000000000000000' });
    expect(parseField(field('bool'), false)).toEqual({ value: false });
  });

  it('keeps string values exactly as typed, Chinese included', () => {
    expect(parseField(field('string'), ' 螺丝 M6 ')).toEqual({ value: ' 螺丝 M6 ' });
  });
});

describe('address checksums (EIP-55)', () => {
  const checksummed = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
  it('takes a correctly checksummed address and one without a checksum (one case)', () => {
    expect(parseField(field('address'), checksummed)).toEqual({ value: checksummed });
    expect(parseField(field('address'), checksummed.toLowerCase())).toEqual({ value: checksummed.toLowerCase() });
    expect(parseField(field('address'), `0x${checksummed.slice(2).toUpperCase()}`)).toEqual({ value: `0x${checksummed.slice(2).toUpperCase()}` });
  });

  it('refuses a mixed-case address whose checksum is wrong: one letter typed in the wrong case', () => {
    const typo = checksummed.replace('aAeb', 'aaeb');
    expect(parseField(field('address'), typo)).toEqual({ error: 'badChecksum' });
  });
});

describe('parseForm', () => {
  it('collects values by field name and errors separately', () => {
    const fields: FieldManifest[] = [
      { name: 'item', identifier: 'item', type: 'string', required: true },
      { name: '数量', identifier: 'shuLiang', type: 'uint', required: true },
    ];
    expect(parseForm(fields, { item: '螺丝', 数量: '12' })).toEqual({ data: { item: '螺丝', 数量: 12n }, errors: {} });
    expect(parseForm(fields, { item: '' }).errors).toEqual({ item: 'required', 数量: 'required' });
  });
});
