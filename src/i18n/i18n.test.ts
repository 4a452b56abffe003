import { describe, expect, it } from 'vitest';
import { bpmnStrings, createI18n, preferredLanguage } from './i18n.js';

describe('i18n', () => {
  it('prefers the saved language, else a Chinese browser gets zh-CN', () => {
    expect(preferredLanguage({ getItem: () => 'zh-CN' }, 'en-US')).toBe('zh-CN');
    expect(preferredLanguage({ getItem: () => 'fr' }, 'zh-TW')).toBe('zh-CN');
    expect(preferredLanguage({ getItem: () => null }, 'de-DE')).toBe('en');
  });

  it('switches language at runtime and interpolates', async () => {
    const i18n = createI18n('en');
    expect(i18n.t('topbar.build.failed', { count: 2 })).toBe('Build failed (2)');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('topbar.build.failed', { count: 2 })).toBe('构建失败（2）');
  });

  it('feeds bpmn-js with its own strings by template', () => {
    expect(bpmnStrings('zh-CN')['Create start event']).toBe('创建开始事件');
    expect(bpmnStrings('en')['Create start event']).toBeUndefined();
  });
});
