import { describe, expect, it } from 'vitest';
import { MAX_DURATION_SECONDS, parseDuration } from './parse-duration.js';

describe('parseDuration', () => {
  it.each([
    ['PT48H', 172_800], ['P2D', 172_800], ['PT30M', 1_800], ['P1DT2H', 93_600], ['PT0S', 0],
    ['P1W', 604_800], ['P1DT1H1M1S', 90_061], [' PT5S ', 5], ['PT90M', 5_400],
  ])('given %s, then it is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each([
    ['', 'is empty'],
    ['48H', 'must start with "P"'],
    ['P', 'has no amount'],
    ['PT', 'has no amount'],
    ['P1DT', 'has a "T" with no hours'],
    ['PT1.5H', 'has a fraction'],
    ['P1Y', 'uses years'],
    ['P1M', 'uses months'],
    ['PT-1H', 'is not an ISO 8601 duration'],
    ['PT1H2D', 'is not an ISO 8601 duration'],
    ['p2d', 'must start with "P"'],
    [`PT${MAX_DURATION_SECONDS + 1}S`, 'is too long'],
  ])('given %j, then it is refused: %s', (text, why) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });
});
