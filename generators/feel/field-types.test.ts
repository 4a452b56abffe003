import { describe, expect, it } from 'vitest';
import { compileCondition, type FieldInScope } from './check-feel.js';
import { evaluateFeel, type FeelValue } from './evaluate-feel.js';

const FIELDS: FieldInScope[] = [
  { name: 'weight', type: 'decimal', scale: 3 },
  { name: 'price', type: 'decimal', scale: 2 },
  { name: 'defects', type: 'uint' },
  { name: '等级', type: 'enum', values: ['合格', '返工', '报废'] },
  { name: 'grade2', type: 'enum', values: ['A', 'B'] },
  { name: 'inspector', type: 'participant' },
  { name: 'carrier', type: 'address' },
];
const messageOf = (text: string) => {
  const r = compileCondition(text, FIELDS);
  return r.ok ? 'ok' : r.message;
};
/** weight 12.5 kg (12500), price 3.20 (320), defects 2, 等级 返工 (1), grade2 A, inspector = carrier. */
const VALUES: FeelValue[] = [12500n, 320n, 2n, 1n, 0n, `0x${'ab'.repeat(20)}`, `0x${'AB'.repeat(20)}`];
const run = (text: string, values = VALUES) => {
  const r = compileCondition(text, FIELDS);
  if (!r.ok) throw new Error(r.message);
  return evaluateFeel(r.expr, values);
};

describe('decimal fields in conditions', () => {
  it('compares with literals scaled exactly to the field, never through floats', () => {
    // given weight = 12.500 (held as 12500), when compared with literals of up to 3 decimals
    expect(run('weight = 12.5')).toBe(true);
    expect(run('weight > 12.499')).toBe(true);
    expect(run('weight < 12.501')).toBe(true);
    expect(run('weight >= 13')).toBe(false);
    // then the literal became the scaled integer: 12.5 -> 12500
    const r = compileCondition('weight = 12.5', FIELDS);
    expect(r.ok && r.expr).toMatchObject({ right: { kind: 'number', value: 12500n } });
  });

  it('refuses a literal with more decimals than the field, naming both', () => {
    expect(messageOf('weight > 12.3456')).toBe('condition "weight > 12.3456" at column 10: 12.3456 has 4 decimals, more than weight has (scale 3)');
    expect(messageOf('defects > 1.5')).toBe('condition "defects > 1.5" at column 11: 1.5 has 1 decimal, more than defects has (a whole number)');
  });

  it('aligns mixed scales up to the finer one, exactly', () => {
    // given price at scale 2 and weight at scale 3, price is multiplied by 10 before comparing
    expect(run('price * 4 = 12.8')).toBe(true); // scale 2 + 0 = 2; 1280 = 1280
    expect(run('weight > price')).toBe(true); // 12500 > 3200
    expect(run('weight - price = 9.3')).toBe(true); // 12500 - 3200 = 9300 at scale 3
    expect(run('weight + defects = 14.5')).toBe(true); // a whole number is scale 0
  });

  it('multiplies scales and divides keeping the dividend\'s scale, truncating', () => {
    // 12.5 * 3.20 = 40.000 (scale 5)
    expect(run('weight * price = 40')).toBe(true);
    // 12.5 / 3 = 4.166 at scale 3, truncated
    expect(run('weight / 3 = 4.166')).toBe(true);
    // 12.5 / 2.5 = 5.000: the dividend is scaled up by the divisor's scale first
    expect(run('weight / 2.5 = 5')).toBe(true);
  });
});

describe('enum fields in conditions', () => {
  it('compares with its own values written as text, Chinese included', () => {
    expect(run('等级 = "返工"')).toBe(true);
    expect(run('"合格" != 等级')).toBe(true);
    expect(run('等级 = "报废" or grade2 = "A"')).toBe(true);
    const r = compileCondition('等级 = "报废"', FIELDS);
    expect(r.ok && r.expr).toMatchObject({ right: { kind: 'enumValue', field: 3, index: 2, label: '报废' } });
  });

  it('refuses a value not in the enum, at the value, listing the values', () => {
    expect(messageOf('等级 = "优秀"')).toBe('condition "等级 = "优秀"" at column 6: "优秀" is not a value of 等级 (合格, 返工, 报废)');
  });

  it('refuses anything but = and != with its own values', () => {
    expect(messageOf('等级 = 1')).toBe('condition "等级 = 1" at column 1: enum field 等级 compares only with one of its values as text, e.g. 等级 = "合格"');
    expect(messageOf('等级 = grade2')).toBe('condition "等级 = grade2" at column 1: enum field 等级 compares only with one of its values as text, e.g. 等级 = "合格"');
    expect(messageOf('等级 < "返工"')).toBe('condition "等级 < "返工"" at column 1: "<" compares numbers, got enum');
  });
});

describe('participant fields in conditions', () => {
  it('behave like addresses', () => {
    expect(run('inspector = carrier')).toBe(true);
    expect(messageOf('inspector = 1')).toBe('condition "inspector = 1" at column 1: cannot compare address with number');
  });
});
