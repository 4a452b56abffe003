/**
 * Where a multi-instance task stands in one instance, from the contract's events alone: how many of
 * its instances are done in the current activation (k of n), who did them, and the completion
 * condition in words. Each call of the task's function emits its `<Task>Completed` event, so the
 * completions since the last finished activation are the current one's; an activation finishes when
 * all n are done or the completion condition holds (evaluated as the contract does), or when an
 * interrupting timer on the task fired. Pure; the work list and the instance view read it.
 */
import type { AppManifest, ProcessManifest, TaskManifest } from '../../../generators/index.js';
import { compileCondition } from '../../../generators/feel/check-feel.js';
import { evaluateCondition } from '../../../generators/feel/evaluate-feel.js';
import { MULTI_INSTANCE_VARIABLES } from '../../../generators/ir/read-multi-instance.js';
import type { ProcessEvent } from './process-events.js';

export interface MultiInstanceProgress {
  completed: number;
  /** Instances of this activation: the cardinality, or the holders of the forEachOf role. */
  total: number;
  /** Who completed an instance in this activation, in chain order (addresses). */
  doneBy: string[];
  /** The completion condition, read for people: `enough` instances suffice, or the condition as modeled. */
  condition?: { enough: number } | { text: string };
}

/** How many instances an activation has: the fixed cardinality, else one per current holder of the forEachOf role. */
export function instanceTotal(task: TaskManifest, manifest: Pick<AppManifest, 'participants'>): number {
  const mi = task.multiInstance;
  if (!mi) return 1;
  if (mi.cardinality > 0) return mi.cardinality;
  return manifest.participants.filter((p) => mi.forEachOf !== undefined && p.roles.includes(mi.forEachOf)).length;
}

/** The condition's words: "nrOfCompletedInstances >= 2" reads "2 are enough"; any other condition is shown as modeled. */
export function describeCompletion(condition: string | undefined): MultiInstanceProgress['condition'] {
  if (!condition?.trim()) return undefined;
  const m = /^\s*nrOfCompletedInstances\s*(>=|>|=)\s*(\d+)\s*$/.exec(condition);
  if (m) return { enough: Number(m[2]) + (m[1] === '>' ? 1 : 0) };
  return { text: condition.trim() };
}

/** Whether an activation with `completed` of `total` done is over (the contract's own rule). */
export function activationFinished(condition: string | undefined, completed: number, total: number, sequential = false): boolean {
  if (completed >= total) return true;
  if (!condition?.trim()) return false;
  const compiled = compileCondition(condition, MULTI_INSTANCE_VARIABLES);
  if (!compiled.ok) return false; // the generator refused such a model; count on to n
  return evaluateCondition(compiled.expr, [BigInt(total), BigInt(completed), BigInt(sequential ? 1 : total - completed)]);
}

/**
 * The current activation of `task` in one instance. `events` are that instance's events in chain
 * order; `withdraws` tells the events that withdraw the task (an interrupting boundary fired, its
 * subprocess was withdrawn), which end an activation too.
 */
export function multiInstanceProgress(
  task: TaskManifest,
  events: readonly ProcessEvent[],
  total: number,
  withdraws: (e: ProcessEvent) => boolean = () => false,
): MultiInstanceProgress {
  const condition = task.multiInstance?.completionCondition;
  let doneBy: string[] = [];
  for (const e of events) {
    if (e.kind === 'completed' && e.elementId === task.elementId) {
      doneBy.push(e.by);
      if (activationFinished(condition, doneBy.length, total, task.multiInstance?.sequential)) doneBy = [];
    } else if (withdraws(e)) {
      doneBy = [];
    }
  }
  return { completed: doneBy.length, total, doneBy, condition: describeCompletion(condition) };
}

/** The progress of a multi-instance task (undefined for any other), with what withdraws it in this process. */
export function taskProgress(
  manifest: Pick<AppManifest, 'participants'>,
  process: Pick<ProcessManifest, 'timers' | 'tasks' | 'errorBoundaries'>,
  task: TaskManifest,
  events: readonly ProcessEvent[],
): MultiInstanceProgress | undefined {
  if (!task.multiInstance) return undefined;
  const timers = new Set((process.timers ?? []).filter((x) => x.interrupting && (x.attachedToTaskId === task.elementId || (task.subprocessId !== undefined && x.attachedToSubprocessId === task.subprocessId))).map((x) => x.index));
  const messages = new Set(process.tasks.filter((x) => x.interrupting !== false && (x.attachedToTaskId === task.elementId || (task.subprocessId !== undefined && x.attachedToSubprocessId === task.subprocessId))).map((x) => x.elementId));
  const withdraws = (e: ProcessEvent) =>
    (e.kind === 'timerFired' && timers.has(e.timer)) ||
    (e.kind === 'completed' && messages.has(e.elementId)) ||
    (e.kind === 'errorCaught' && task.subprocessId !== undefined && process.errorBoundaries?.find((b) => b.index === e.boundary)?.subprocessId === task.subprocessId);
  return multiInstanceProgress(task, events, instanceTotal(task, manifest), withdraws);
}

/** Whether `address` has already done its part of a parallel multi-instance task (the contract would refuse it again). */
export function hasDoneItsPart(task: TaskManifest, progress: MultiInstanceProgress, address: string | undefined): boolean {
  if (!task.multiInstance || task.multiInstance.sequential || !address) return false;
  return progress.doneBy.some((a) => a.toLowerCase() === address.toLowerCase());
}

/**
 * Whether the acting participant sees a work item of `task`, and its k of n. Hidden: a parallel
 * multi-instance task they did their part of, and any multi-instance task whose confirmed completion
 * (`confirmedTx`, from the app's last act on it) the events do not include yet: the instances are
 * read before the events, and a doer who saw it again could send again and be refused.
 */
export function multiInstanceItem(
  manifest: Pick<AppManifest, 'participants'>,
  process: Pick<ProcessManifest, 'timers' | 'tasks' | 'errorBoundaries'>,
  task: TaskManifest,
  events: readonly ProcessEvent[],
  address: string | undefined,
  confirmedTx?: string,
): { hidden: boolean; progress?: MultiInstanceProgress } {
  const progress = taskProgress(manifest, process, task, events);
  if (!progress) return { hidden: false };
  const unread = confirmedTx !== undefined && !events.some((e) => e.txHash === confirmedTx);
  return { hidden: unread || hasDoneItsPart(task, progress, address), progress };
}
