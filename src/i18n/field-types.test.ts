import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n.js';

describe('field-type strings', () => {
  it('say in words how many decimals a decimal keeps, in both languages', async () => {
    const i18n = createI18n('en');
    expect(i18n.t('fieldTypes.errors.tooPrecise', { count: 3, typed: '12.3456' })).toBe('At most 3 decimals: “12.3456” has more');
    expect(i18n.t('fieldTypes.errors.tooPrecise', { count: 1, typed: '1.23' })).toBe('At most 1 decimal: “1.23” has more');
    expect(i18n.t('fieldTypes.errors.tooPrecise', { count: 0, typed: '1.5' })).toBe('Enter a whole number: “1.5” has decimals');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('fieldTypes.errors.tooPrecise', { count: 3, typed: '12.3456' })).toBe('最多 3 位小数：“12.3456”超出了');
    expect(i18n.t('fieldTypes.pickParticipantOfRole', { role: '质检员' })).toBe('请选择参与者（质检员）…');
  });
});
