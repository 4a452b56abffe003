import { describe, expect, it } from 'vitest';
import { clampFraction, CODE_SPLIT, fractionAt, loadFraction, saveFraction } from './split-size.js';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('split sizes', () => {
  it('gives the modeler most of the room by default and remembers a chosen size', () => {
    const storage = memoryStorage();
    expect(loadFraction(CODE_SPLIT, storage)).toBe(0.3);
    saveFraction(CODE_SPLIT, 0.4567, storage);
    expect(loadFraction(CODE_SPLIT, storage)).toBe(0.457);
  });

  it('never lets a side vanish, whatever is saved or dragged', () => {
    const storage = memoryStorage();
    storage.setItem(CODE_SPLIT.key, '0.99');
    expect(loadFraction(CODE_SPLIT, storage)).toBe(CODE_SPLIT.max);
    storage.setItem(CODE_SPLIT.key, 'garbage');
    expect(loadFraction(CODE_SPLIT, storage)).toBe(CODE_SPLIT.initial);
    expect(clampFraction(CODE_SPLIT, -1)).toBe(CODE_SPLIT.min);
  });

  it('turns a pointer position into the fraction of the side being resized', () => {
    // a container from x=100, 1000 wide; the code panel on the right
    expect(fractionAt(CODE_SPLIT, 700, 100, 1000, 'right')).toBeCloseTo(0.4);
    expect(fractionAt(CODE_SPLIT, 300, 100, 1000, 'left')).toBeCloseTo(0.2);
    expect(fractionAt(CODE_SPLIT, 1090, 100, 1000, 'right')).toBe(CODE_SPLIT.min);
  });

  it('survives storage that throws', () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(loadFraction(CODE_SPLIT, throwing)).toBe(CODE_SPLIT.initial);
    expect(() => saveFraction(CODE_SPLIT, 0.5, throwing)).not.toThrow();
  });
});
