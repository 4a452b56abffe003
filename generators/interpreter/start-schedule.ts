/**
 * The reference side of timer start events (generators/solidity/add-timer-start.ts): which round
 * of the start's timer may be started at block time `now`. This state belongs to the contract, not
 * to an instance, so it is kept apart from InstanceState: the caller threads one StartSchedule
 * through every start of the process, as the contract keeps one `_startRound`.
 * `startOnSchedule` checks the schedule first (StartNotDue), as the contract does, then runs
 * `start` (role, fields, routing); a rejected start leaves the schedule as it was.
 */
import type { ProcessIR } from '../ir/process-ir.js';
import { start, type Caller, type InstanceState, type Now, type StepData, type StepResult } from './interpret-process.js';

/** What `nextStartDueAt()` returns when no round is left (type(uint64).max). */
export const NO_MORE_STARTS = 2n ** 64n - 1n;

export interface StartSchedule {
  /** The next round that may start (the contract's `_startRound`). */
  readonly round: bigint;
}

export const createStartSchedule = (): StartSchedule => ({ round: 0n });

/** When the next start is due (the contract's `nextStartDueAt()`). @throws Error if the process has no timer start. */
export function nextStartDueAt(ir: ProcessIR, schedule: StartSchedule): bigint {
  const t = ir.start.timer;
  if (!t) throw new Error(`"${ir.name}" has no timer start event`);
  if (t.rounds !== undefined && schedule.round >= BigInt(t.rounds)) return NO_MORE_STARTS;
  return BigInt(t.firstDueAt) + schedule.round * BigInt(t.periodSeconds);
}

/** Starts `state` if a round is due at `now`; on success the schedule moves past the latest round due now. */
export function startOnSchedule(
  schedule: StartSchedule, state: InstanceState, caller: Caller, data: StepData = {}, choice?: number, now: Now = 0n,
): { result: StepResult; schedule: StartSchedule } {
  const { ir } = state;
  const t = ir.start.timer;
  if (!t) return { result: start(state, caller, data, choice, now), schedule };
  const at = BigInt(now);
  const due = nextStartDueAt(ir, schedule);
  if (at < due) {
    const when = due === NO_MORE_STARTS ? `no round of "${ir.start.name}" is left (${t.text})` : `the next round of "${ir.start.name}" is due at ${due} (${t.text})`;
    return { result: { ok: false, error: 'StartNotDue', elementId: ir.start.elementId, message: when }, schedule };
  }
  const result = start(state, caller, data, choice, now);
  if (!result.ok) return { result, schedule };
  const taken = t.periodSeconds ? (at - BigInt(t.firstDueAt)) / BigInt(t.periodSeconds) + 1n : 1n;
  return { result, schedule: { round: taken } };
}
