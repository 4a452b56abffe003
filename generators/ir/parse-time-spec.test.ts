import { describe, expect, it } from 'vitest';
import { parseCycle, parseDateTime } from './parse-time-spec.js';

describe('parseDateTime', () => {
  it.each([
    ['2026-01-01T00:00:00Z', 1_767_225_600],
    ['2026-01-01T08:00:00+08:00', 1_767_225_600],
    ['2025-12-31T19:00-05:00', 1_767_225_600],
    ['2024-02-29T12:00:00Z', 1_709_208_000],
  ])('reads %s as %i seconds of block time', (text, seconds) => {
    expect(parseDateTime(text)).toEqual({ ok: true, seconds });
  });

  it.each([
    ['2026-01-01T08:00:00', 'has no time zone'],
    ['2026-01-01', 'is not an ISO 8601 date-time'],
    ['2026-01-01T08:00:00.5Z', 'fraction of a second'],
    ['2026-02-30T08:00:00Z', 'does not exist'],
    ['2026-01-01T24:00:00Z', 'does not exist'],
    ['1969-12-31T23:59:59Z', 'before 1970'],
    ['', 'is empty'],
  ])('refuses %j: %s', (text, why) => {
    const r = parseDateTime(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });
});

describe('parseCycle', () => {
  it('reads an unbounded cycle: first due time and period, no round count', () => {
    expect(parseCycle('R/2026-01-01T08:00:00+08:00/P1D')).toEqual({ ok: true, firstDueAt: 1_767_225_600, periodSeconds: 86_400, period: 'P1D' });
  });

  it('reads a bounded cycle with its number of rounds', () => {
    expect(parseCycle(' R5/2026-01-01T00:00:00Z/PT12H ')).toEqual({ ok: true, firstDueAt: 1_767_225_600, periodSeconds: 43_200, period: 'PT12H', rounds: 5 });
  });

  it.each([
    ['R/P1D', 'has no start date'],
    ['R3/PT1H/2026-01-01T00:00:00Z', 'period before its start'],
    ['R/2026-01-01T00:00:00Z/2026-02-01T00:00:00Z', 'ends with a date'],
    ['R0/2026-01-01T00:00:00Z/P1D', 'fewer than once'],
    ['0 8 * * *', 'cron and other forms'],
    ['R/2026-01-01T00:00:00/P1D', 'has no time zone'],
    ['R/2026-01-01T00:00:00Z/P1M', 'uses months'],
    ['R/2026-01-01T00:00:00Z/PT0S', 'period of zero'],
    ['R/2026-01-01T00:00:00Z/P1D/x', 'exactly three parts'],
  ])('refuses %j: %s', (text, why) => {
    const r = parseCycle(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });
});
