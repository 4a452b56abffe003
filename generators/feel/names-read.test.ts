import { describe, expect, it } from 'vitest';
import { namesRead } from './names-read.js';

describe('namesRead', () => {
  it('lists the names a condition reads, and nothing for text that does not parse', () => {
    expect(namesRead('defects <= 2 and not(approved) or 分数 > -1')).toEqual(['defects', 'approved', '分数']);
    expect(namesRead('defects <=')).toBeUndefined();
    expect(namesRead('a > 1 and not(b) or c = "x"')).toEqual(['a', 'b', 'c']);
    expect(namesRead('a >')).toBeUndefined();
  });
});
