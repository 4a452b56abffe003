/**
 * ISO 8601 date-times and repeating intervals for timer START events, turned into Unix seconds
 * because the contract compares them with block.timestamp.
 * - A date-time must name its time zone (`Z` or `+08:00`): without one, each participant's clock
 *   would read it differently. Seconds are optional, fractions are refused (no sub-second blocks).
 * - A cycle is `R[n]/<date-time>/<duration>`: a start date (the first due time), then a period of
 *   fixed-length units (parse-duration.ts), n rounds (unbounded without n). Other forms (no start
 *   date, an end date, cron) are refused: the contract must know every due time from the model.
 */
import { parseDuration } from './parse-duration.js';

export type DateTimeResult = { ok: true; seconds: number } | { ok: false; message: string };
export interface Cycle { firstDueAt: number; periodSeconds: number; period: string; rounds?: number }
export type CycleResult = ({ ok: true } & Cycle) | { ok: false; message: string };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/** `2026-01-01T08:00:00+08:00` -> 1767225600. */
export function parseDateTime(text: string): DateTimeResult {
  const t = text.trim();
  const fail = (why: string): DateTimeResult => ({ ok: false, message: `date-time "${t}" ${why}` });
  if (t === '') return { ok: false, message: 'date-time is empty; write an ISO 8601 date-time such as 2026-01-01T08:00:00+08:00' };
  if (/T\d{2}:\d{2}:\d{2}[.,]/.test(t)) return fail('has a fraction of a second; block time counts whole seconds');
  const m = DATE_TIME.exec(t);
  if (!m) return fail('is not an ISO 8601 date-time: expected YYYY-MM-DDThh:mm[:ss] and a zone (Z or +08:00), e.g. 2026-01-01T08:00:00+08:00');
  if (m[7] === undefined) return fail('has no time zone, so each participant would read it in their own; add Z (UTC) or an offset such as +08:00');
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(local);
  // Date.UTC rolls over (Feb 30 -> Mar 2): a date that does not round-trip does not exist
  if (month < 1 || month > 12 || back.getUTCDate() !== day || back.getUTCMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) return fail('names a day or time that does not exist');
  const offset = m[7] === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (Number(m[7].slice(1, 3)) * 3600 + Number(m[7].slice(4, 6)) * 60);
  const seconds = local / 1000 - offset;
  if (seconds < 0) return fail('is before 1970-01-01T00:00:00Z, the start of block time');
  return { ok: true, seconds };
}

/** `R5/2026-01-01T08:00:00+08:00/P1D` -> first due time, period and rounds. */
export function parseCycle(text: string): CycleResult {
  const t = text.trim();
  const fail = (why: string): CycleResult => ({ ok: false, message: `cycle "${t}" ${why}` });
  const example = 'e.g. R/2026-01-01T08:00:00+08:00/P1D (daily, no end) or R5/2026-01-01T00:00:00Z/PT12H (5 rounds)';
  if (t === '') return { ok: false, message: `cycle is empty; write an ISO 8601 repeating interval, ${example}` };
  const parts = t.split('/');
  if (!/^R\d*$/.test(parts[0])) return fail(`is not an ISO 8601 repeating interval (R[n]/start/period); cron and other forms are not executable; ${example}`);
  if (parts.length === 2) return fail(`has no start date, so the contract would not know when the first round is due; ${example}`);
  if (parts.length !== 3) return fail(`must have exactly three parts, R[n]/start/period; ${example}`);
  const [r, first, period] = parts;
  if (first.startsWith('P')) return fail(`gives a period before its start (R/period/end); write R[n]/start/period, ${example}`);
  if (!period.startsWith('P')) return fail(`ends with a date: only R[n]/start/period is executable (the last due time follows from n), ${example}`);
  const rounds = r === 'R' ? undefined : Number(r.slice(1));
  if (rounds !== undefined && (rounds < 1 || !Number.isSafeInteger(rounds))) return fail('repeats fewer than once; write R1 or more, or R for no end');
  const start = parseDateTime(first);
  if (!start.ok) return fail(`has a bad start: ${start.message}`);
  const p = parseDuration(period);
  if (!p.ok) return fail(`has a bad period: ${p.message}`);
  if (p.seconds === 0) return fail('has a period of zero; every round would be due at once');
  return { ok: true, firstDueAt: start.seconds, periodSeconds: p.seconds, period: period.trim(), ...(rounds !== undefined ? { rounds } : {}) };
}
