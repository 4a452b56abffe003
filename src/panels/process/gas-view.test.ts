import { describe, expect, it } from 'vitest';
import type { ProcessGas } from '../../gas-estimate/gas-types.js';
import { ageOf, badgesOf, formatGas, formatGasShort } from './gas-view.js';

describe('gas on screen', () => {
  it('writes figures compactly on badges and in full elsewhere, per language', () => {
    expect(formatGasShort(52_134, 'en')).toBe('52.1K');
    expect(formatGasShort(52_134, 'zh-CN')).toBe('5.2万');
    expect(formatGas(1_234_567, 'en')).toBe('1,234,567');
  });

  it('tells the age of a figure', () => {
    expect(ageOf(10_000, 12_000)).toEqual({ key: 'justNow', n: 0 });
    expect(ageOf(10_000, 40_000)).toEqual({ key: 'secondsAgo', n: 30 });
    expect(ageOf(0, 5 * 60_000 + 10_000)).toEqual({ key: 'minutesAgo', n: 5 });
  });

  it('makes one badge per measured element with its median, the start described as creation', () => {
    const process = {
      elements: { Start_1: { min: 90_000, median: 95_000, max: 99_000, samples: 3 }, Task_收货: { min: 40_000, median: 41_000, max: 45_000, samples: 2 } },
    } as unknown as ProcessGas;
    const badges = badgesOf(process, 'Start_1', 'en', (isStart, f) => `${isStart ? 'creation' : 'task'} ${f.median}`);
    expect(badges).toEqual([
      { elementId: 'Start_1', text: '95K', title: 'creation 95000', gas: 95_000 },
      { elementId: 'Task_收货', text: '41K', title: 'task 41000', gas: 41_000 },
    ]);
    expect(badgesOf(undefined, 'Start_1', 'en', () => '')).toEqual([]);
  });
});
