/**
 * Which marking bits a step touches, shared by the contract generator and the reference
 * interpreter so both withdraw and start exactly the same wait states.
 * - A token reaching a task also arms the task's boundary events: the bits of its boundary timers
 *   (which start) and of its message boundary events are set with its bit.
 * - Completing a task withdraws its boundary events (their bits are cleared with its bit).
 * - An interrupting boundary event (timer or message) that occurs withdraws its task and the task's
 *   other boundary events; a non-interrupting timer clears only its own bit, so it fires at most once
 *   per activation of the task; a non-interrupting message clears nothing, so it may be delivered
 *   again while the task is enabled (each delivery starts a token on its path).
 * - A target of an event-based gateway that occurs withdraws the gateway's other targets.
 * - Entering a subprocess (or call activity) starts its boundary timers and arms its message boundary
 *   events; an interrupting one that occurs withdraws the subprocess with everything inside it and its
 *   other boundary events (subprocessBits); a non-interrupting message clears nothing (the subprocess
 *   goes on; it may be delivered again while the subprocess runs). Completing the subprocess clears
 *   the bits of its boundary events.
 */
import type { FlowTarget, ProcessIR } from './process-ir.js';

/** Indexes (into `ir.timers`) of the boundary timers attached to task `taskIndex`, in timer order. */
export function boundaryTimersOf(ir: ProcessIR, taskIndex: number): number[] {
  return ir.timers.flatMap((t, k) => (t.attachedTo === taskIndex ? [k] : []));
}

/** Indexes (into `ir.tasks`) of the message boundary events attached to task `taskIndex`, in task order. */
export function boundaryMessagesOf(ir: ProcessIR, taskIndex: number): number[] {
  return ir.tasks.flatMap((t, k) => (t.attachedTo === taskIndex ? [k] : []));
}

/** Bits set together with task `taskIndex`'s own: its boundary timers', then its message boundaries'. */
export function bitsArmedWith(ir: ProcessIR, taskIndex: number): number[] {
  return [...boundaryTimersOf(ir, taskIndex).map((k) => ir.timers[k].bit), ...boundaryMessagesOf(ir, taskIndex).map((k) => ir.tasks[k].bit)];
}

/** Where the tokens of task `taskIndex`'s boundary events go (reachability and the inclusive join rule). */
export function boundaryNexts(ir: ProcessIR, taskIndex: number): FlowTarget[] {
  return [...boundaryTimersOf(ir, taskIndex).map((k) => ir.timers[k].next), ...boundaryMessagesOf(ir, taskIndex).map((k) => ir.tasks[k].next)];
}

/** The bits of the other targets of the event-based gateway `race`, for the target with bit `own`. */
function raceRivals(ir: ProcessIR, race: number | undefined, own: number): number[] {
  if (race === undefined) return [];
  return ir.gateways[race].branches.flatMap((b) => {
    const bit = b.target.kind === 'task' ? ir.tasks[b.target.index].bit : b.target.kind === 'timer' ? ir.timers[b.target.index].bit : undefined;
    return bit === undefined || bit === own ? [] : [bit];
  });
}

/** Indexes (into `ir.timers`) of the boundary timers attached to subprocess `sub`, in timer order. */
export function subprocessTimersOf(ir: ProcessIR, sub: number): number[] {
  return ir.timers.flatMap((t, k) => (t.attachedToSubprocess === sub ? [k] : []));
}

/** Indexes (into `ir.tasks`) of the message boundary events attached to subprocess `sub`, in task order. */
export function subprocessMessagesOf(ir: ProcessIR, sub: number): number[] {
  return ir.tasks.flatMap((t, k) => (t.attachedToSubprocess === sub ? [k] : []));
}

/** Bits set together with subprocess `sub`'s own when it is entered, cleared with it: its boundary timers', then its message boundaries'. */
export function subprocessArmedBits(ir: ProcessIR, sub: number): number[] {
  return [...subprocessTimersOf(ir, sub).map((k) => ir.timers[k].bit), ...subprocessMessagesOf(ir, sub).map((k) => ir.tasks[k].bit)];
}

/** Where the tokens of subprocess `sub`'s boundary events go (timers, then messages; error boundaries are reached through error ends). */
export function subprocessBoundaryNexts(ir: ProcessIR, sub: number): FlowTarget[] {
  return [...subprocessTimersOf(ir, sub).map((k) => ir.timers[k].next), ...subprocessMessagesOf(ir, sub).map((k) => ir.tasks[k].next)];
}

/** Every marking bit of subprocess `sub` (bit numbers): its own, those inside it, its boundary events'. Withdrawing it clears them all. */
export function subprocessBits(ir: ProcessIR, sub: number): number[] {
  const s = ir.subprocesses[sub];
  return [s.bit, ...s.inner, ...subprocessArmedBits(ir, sub)];
}

/** Marking bits (as bit numbers) a step clears before it routes its token on. */
export function bitsConsumedBy(ir: ProcessIR, step: { task: number } | { timer: number }): number[] {
  if ('task' in step) {
    const task = ir.tasks[step.task];
    if (task.attachedTo !== undefined) return task.interrupting === false ? [] : [task.bit, ...bitsConsumedBy(ir, { task: task.attachedTo }).filter((b) => b !== task.bit)];
    // a message boundary on a subprocess: interrupting withdraws all of it, non-interrupting nothing
    if (task.attachedToSubprocess !== undefined) return task.interrupting === false ? [] : [task.bit, ...subprocessBits(ir, task.attachedToSubprocess).filter((b) => b !== task.bit)];
    return [task.bit, ...bitsArmedWith(ir, step.task), ...raceRivals(ir, task.race, task.bit)];
  }
  const timer = ir.timers[step.timer];
  // an interrupting timer on a subprocess withdraws the whole subprocess
  if (timer.attachedToSubprocess !== undefined && timer.interrupting) return [timer.bit, ...subprocessBits(ir, timer.attachedToSubprocess).filter((b) => b !== timer.bit)];
  if (timer.attachedTo === undefined || !timer.interrupting) return [timer.bit, ...raceRivals(ir, timer.race, timer.bit)];
  return [timer.bit, ...bitsConsumedBy(ir, { task: timer.attachedTo }).filter((b) => b !== timer.bit)];
}
