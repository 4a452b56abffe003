/**
 * Block time in a trace: a step may say when it runs, so a trace can start a timer-started process in
 * its round, or fire a timer once it is due.
 * - `"at"`: the block time of the step, an ISO 8601 date-time with a zone (`2026-01-01T08:00:00+08:00`)
 *   or Unix seconds.
 * - `"after"`: time passed since the step before (the later of the chain's latest block and the time
 *   the previous timed step asked for, as a refused step mines no block), an ISO 8601 duration
 *   (`PT8H`) or seconds.
 * Block time never goes back: an `at` before the latest block is a mistake of the trace. On the
 * in-process ledger the CLI owns the clock; on a JSON-RPC node the time is set with
 * `evm_setNextBlockTimestamp` (Hardhat, Anvil), which a production chain refuses.
 */
import type { Provider } from 'ethers';
import { parseDateTime } from '../../generators/ir/parse-time-spec.js';
import { parseDuration } from '../../generators/ir/parse-duration.js';

export type StepTime = { at: number } | { after: number };

/** The time a raw step asks for; undefined when it sets none. @throws Error saying which key is wrong and how to write it. */
export function readStepTime(step: Record<string, unknown>): StepTime | undefined {
  const { at, after } = step;
  if (at !== undefined && after !== undefined) throw new Error('give "at" or "after", not both');
  if (at !== undefined) {
    if (isSeconds(at)) return { at };
    if (typeof at !== 'string') throw new Error('"at" must be an ISO 8601 date-time with a zone (2026-01-01T08:00:00+08:00) or Unix seconds');
    const parsed = parseDateTime(at);
    if (!parsed.ok) throw new Error(`"at": ${parsed.message}`);
    return { at: parsed.seconds };
  }
  if (after !== undefined) {
    if (isSeconds(after)) return { after };
    if (typeof after !== 'string') throw new Error('"after" must be an ISO 8601 duration (PT8H, P1D) or a number of seconds');
    const parsed = parseDuration(after);
    if (!parsed.ok) throw new Error(`"after": ${parsed.message}`);
    return { after: parsed.seconds };
  }
  return undefined;
}

const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Unix seconds as `2026-01-01T00:00:00Z`. */
export const isoTime = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/** A clock the in-process ledger reads (milliseconds): the wall clock until a step moves it, then on from there. */
export function createTraceClock() {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    /** The next block is at `seconds` or later (the wall clock runs on from there). */
    moveTo(seconds: number) {
      offsetMs = seconds * 1000 - Date.now();
    },
  };
}
export type TraceClock = ReturnType<typeof createTraceClock>;

/**
 * Makes the next block run at the time `time` asks for, and returns that time (Unix seconds).
 * `since`: the time the previous timed step asked for.
 * @throws Error when the time is before the latest block or `since`, or the node cannot set block time.
 */
export async function setStepTime(time: StepTime, provider: Provider, clock: TraceClock | undefined, since?: number): Promise<number> {
  const head = await provider.getBlock('latest');
  if (!head) throw new Error('the chain has no latest block');
  const from = Math.max(head.timestamp, since ?? 0);
  const target = 'at' in time ? time.at : from + time.after;
  if (target < from) throw new Error(`block time cannot go back: the trace is at ${isoTime(from)}, the step asks for ${isoTime(target)}`);
  if (clock) {
    clock.moveTo(target);
    return target;
  }
  const send = (provider as { send?: (method: string, params: unknown[]) => Promise<unknown> }).send;
  if (typeof send !== 'function') throw new Error('this provider cannot set block time');
  try {
    await send.call(provider, 'evm_setNextBlockTimestamp', [target]);
  } catch (e) {
    throw new Error(`the node cannot set block time (evm_setNextBlockTimestamp: ${(e as Error).message.split('\n')[0]}); "at" and "after" need the in-process ledger or a development node (Hardhat, Anvil)`);
  }
  return target;
}
