import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(2 * 86_400 + 5 * 3_600 + 59, 'en')).toBe('2d 5h');
    expect(formatDuration(200, 'en')).toBe('3m 20s');
    expect(formatDuration(0, 'en')).toBe('0s');
  });

  it('stops at an empty unit and never shows a negative duration', () => {
    expect(formatDuration(2 * 86_400 + 30, 'en')).toBe('2d');
    expect(formatDuration(-5, 'en')).toBe('0s');
  });

  it('speaks Chinese', () => {
    expect(formatDuration(3_600 + 60, 'zh-CN')).toBe('1小时 1分钟');
  });
});
