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

/** Indexes (into `ir.timers`) of the boundary timers attached to subprocess `sub`, in timer order. */
export function subprocessTimersOf(ir: ProcessIR, sub: number): number[] {
  return ir.timers.flatMap((t, k) => (t.attachedToSubprocess === sub ? [k] : []));
}

/** Every marking bit of subprocess `sub` (bit numbers): its own, those inside it, its boundary timers'. Withdrawing it clears them all. */
export function subprocessBits(ir: ProcessIR, sub: number): number[] {
  const s = ir.subprocesses[sub];
  return [s.bit, ...s.inner, ...subprocessTimersOf(ir, sub).map((k) => ir.timers[k].bit)];
}

/** Marking bits (as bit numbers) a step clears before it routes its token on. */
export function bitsConsumedBy(ir: ProcessIR, step: { task: number } | { timer: number }): number[] {
  if ('task' in step) return [ir.tasks[step.task].bit, ...boundaryTimersOf(ir, step.task).map((k) => ir.timers[k].bit)];
  const timer = ir.timers[step.timer];
  // an interrupting timer on a subprocess withdraws the whole subprocess
  if (timer.attachedToSubprocess !== undefined && timer.interrupting) return [timer.bit, ...subprocessBits(ir, timer.attachedToSubprocess).filter((b) => b !== timer.bit)];
  if (timer.attachedTo === undefined || !timer.interrupting) return [timer.bit];
  return [timer.bit, ...bitsConsumedBy(ir, { task: timer.attachedTo }).filter((b) => b !== timer.bit)];
}
