/**
 * Where a timer start event's schedule stands at block time `now` (Unix seconds), for the start
 * form's line "one instance per round, every 1 d from ...; the current round is due since ...".
 * Pure. Which rounds were started already is the contract's (`nextStartDueAt()`); this reads only
 * the schedule in the manifest, so it says when a round is due, not whether someone took it: a
 * second start in a round is refused by the contract, in words (src/chain/explain-error.ts).
 */
import type { StartTimerManifest } from '../../../generators/index.js';

export interface StartTimerStatus {
  firstDueAt: number;
  /** 0: one round only (a timeDate). */
  periodSeconds: number;
  rounds?: number;
  /** The latest round due at `now` (the last round, once past it): when it became due. Absent before the first round. */
  dueSince?: number;
  /** The next round after `now`. Absent when no round is left. */
  nextAt?: number;
}

export function startTimerStatus(timer: StartTimerManifest, now: number): StartTimerStatus {
  const { firstDueAt, periodSeconds, rounds } = timer;
  const total = periodSeconds === 0 ? 1 : rounds; // undefined: no end
  const base = { firstDueAt, periodSeconds, ...(rounds !== undefined ? { rounds } : {}) };
  if (now < firstDueAt) return { ...base, nextAt: firstDueAt };
  const latest = periodSeconds === 0 ? 0 : Math.floor((now - firstDueAt) / periodSeconds);
  const last = total === undefined ? latest : Math.min(latest, total - 1);
  const dueSince = firstDueAt + last * periodSeconds;
  const hasNext = total === undefined || last + 1 < total;
  return {
    ...base,
    // the last round stays due until someone starts it (the contract skips only rounds a later one replaced)
    dueSince,
    ...(hasNext && periodSeconds > 0 ? { nextAt: firstDueAt + (last + 1) * periodSeconds } : {}),
  };
}
