/**
 * Which timers of an instance wait now and when they are due: a timer waits while its marking bit
 * is set (the contract's state), and its deadline is the dueAt of its latest TimerStarted event
 * (a timer restarts each time its task or catch event is reached again). Overdue means the chain's
 * clock passed the deadline, so its trigger function would succeed. Pure.
 */
import type { ProcessManifest, TimerManifest } from '../../../generators/index.js';
import type { ProcessEvent } from './process-events.js';

export interface WaitingTimer {
  processId: string;
  instanceId: bigint;
  timer: TimerManifest;
  /** Unix seconds; undefined when its TimerStarted event has not been read yet. */
  dueAt?: number;
  /** Boundary timer: the name of the task it is attached to. */
  taskName?: string;
}

export type TimerState = 'overdue' | 'waiting' | 'unknown';

export function waitingTimers(
  process: ProcessManifest,
  instance: { instanceId: bigint; marking: bigint; ended: boolean },
  instanceEvents: readonly ProcessEvent[],
): WaitingTimer[] {
  if (instance.ended) return [];
  return (process.timers ?? [])
    .filter((t) => (instance.marking >> BigInt(t.bit)) & 1n)
    .map((timer) => {
      let dueAt: number | undefined;
      for (const e of instanceEvents) if (e.kind === 'timerStarted' && e.timer === timer.index && e.instanceId === instance.instanceId) dueAt = e.dueAt;
      const task = timer.attachedToTaskId ? process.tasks.find((x) => x.elementId === timer.attachedToTaskId) : undefined;
      return { processId: process.id, instanceId: instance.instanceId, timer, dueAt, taskName: task?.name };
    });
}

export function timerState(dueAt: number | undefined, nowSeconds: number): TimerState {
  if (dueAt === undefined) return 'unknown';
  return nowSeconds >= dueAt ? 'overdue' : 'waiting';
}

/**
 * The chain's "now" in seconds: the wall clock, unless the chain's latest block is later (a test
 * chain moved forward in time). The next block's timestamp is at least this, so a timer overdue by
 * this clock can be triggered.
 */
export function chainNow(wallClockMs: number, latestBlockTime?: number): number {
  return Math.max(Math.floor(wallClockMs / 1000), latestBlockTime ?? 0);
}

/** Earliest due time first; timers whose due time is unknown last. */
export function byDue(a: WaitingTimer, b: WaitingTimer): number {
  return (a.dueAt ?? Number.POSITIVE_INFINITY) - (b.dueAt ?? Number.POSITIVE_INFINITY) || Number(a.instanceId - b.instanceId);
}
