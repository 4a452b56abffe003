import { describe, expect, it } from 'vitest';
import type { StartTimerManifest } from '../../../generators/index.js';
import { startTimerStatus } from './start-timer.js';

const DAY = 86_400;
const first = Date.UTC(2026, 0, 1) / 1000;
const daily: StartTimerManifest = { definition: 'timeCycle', expression: 'R/2026-01-01T00:00:00Z/P1D', firstDueAt: first, periodSeconds: DAY, nextDueFunction: 'nextStartDueAt' };

describe('startTimerStatus', () => {
  it('before the first round: only when it is due', () => {
    expect(startTimerStatus(daily, first - 10)).toEqual({ firstDueAt: first, periodSeconds: DAY, nextAt: first });
  });

  it('in an endless cycle: the round due now and the next one', () => {
    // given day 3 of a daily cycle, at noon
    const s = startTimerStatus(daily, first + 3 * DAY + DAY / 2);
    // then round 3 is due since its midnight, round 4 comes next
    expect(s.dueSince).toBe(first + 3 * DAY);
    expect(s.nextAt).toBe(first + 4 * DAY);
  });

  it('a cycle of 3 rounds: the last round stays due after its day (as the contract lets it be started once), none follows', () => {
    const r3 = { ...daily, expression: 'R3/2026-01-01T00:00:00Z/P1D', rounds: 3 };
    expect(startTimerStatus(r3, first + DAY + 1)).toMatchObject({ dueSince: first + DAY, nextAt: first + 2 * DAY });
    const late = startTimerStatus(r3, first + 5 * DAY);
    expect(late.dueSince).toBe(first + 2 * DAY);
    expect(late.nextAt).toBeUndefined();
  });

  it('a single date: due from then on, never again', () => {
    const once: StartTimerManifest = { ...daily, definition: 'timeDate', expression: '2026-01-01T00:00:00Z', periodSeconds: 0 };
    expect(startTimerStatus(once, first + 100 * DAY)).toEqual({ firstDueAt: first, periodSeconds: 0, dueSince: first });
  });
});
