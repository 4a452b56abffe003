/**
 * Which marking bits a timer step touches, shared by the contract generator and the reference
 * interpreter so both withdraw and start exactly the same timers.
 * - A token reaching a task also starts the task's boundary timers (their bits are set with its bit).
 * - Completing a task withdraws its boundary timers (their bits are cleared with its bit).
 * - An interrupting boundary timer that fires withdraws its task and the task's other boundary timers;
 *   a non-interrupting one clears only its own bit, so it fires at most once per activation of the task.
 */
import type { ProcessIR } from './process-ir.js';

/** Indexes (into `ir.timers`) of the boundary timers attached to task `taskIndex`, in timer order. */
export function boundaryTimersOf(ir: ProcessIR, taskIndex: number): number[] {
  return ir.timers.flatMap((t, k) => (t.attachedTo === taskIndex ? [k] : []));
}

/** Marking bits (as bit numbers) a step clears before it routes its token on. */
export function bitsConsumedBy(ir: ProcessIR, step: { task: number } | { timer: number }): number[] {
  if ('task' in step) return [ir.tasks[step.task].bit, ...boundaryTimersOf(ir, step.task).map((k) => ir.timers[k].bit)];
  const timer = ir.timers[step.timer];
  if (timer.attachedTo === undefined || !timer.interrupting) return [timer.bit];
  return [timer.bit, ...bitsConsumedBy(ir, { task: timer.attachedTo }).filter((b) => b !== timer.bit)];
}
