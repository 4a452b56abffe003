/**
 * The timeline entries of the newer BPMN elements, from the contract's events (process-events.ts):
 * a service task's request (`<Task>Requested`, to the devices/services holding its role, with what
 * was asked) and an error caught by an error boundary (`ErrorCaught`, which withdrew its
 * subprocess). The contracts emit nothing when a subprocess is entered or left otherwise, so those
 * are read from the marking and the steps (subprocessStates). Pure.
 */
import type { AppManifest, FieldManifest, ProcessManifest } from '../../../generators/index.js';
import { rawValue, type DescribedStep, type StepValue } from './describe-steps.js';
import { auditText, fieldText } from './field-display.js';
import type { ProcessEvent } from './process-events.js';

/** Field values of an event as the timeline shows them. */
export function stepValues(fields: readonly FieldManifest[], values: Record<string, unknown>, manifest: AppManifest): StepValue[] {
  return fields
    .filter((f) => f.name in values)
    .map((f) => {
      const raw = rawValue(values[f.name]);
      const text = fieldText(f, raw, manifest);
      return { field: f.name, label: f.label ?? f.name, raw, type: f.type, ...(text !== undefined ? { text } : {}), ...(auditText(f, raw) !== raw ? { audit: auditText(f, raw) } : {}) };
    });
}

/** The participants a service task's request goes to: the holders of its role (devices first, when there are any). */
export function requestedFrom(manifest: AppManifest, role: string): string[] {
  const holders = manifest.participants.filter((p) => p.roles.includes(role));
  const machines = holders.filter((p) => p.kind === 'device');
  return (machines.length ? machines : holders).map((p) => p.name);
}

/** Timeline steps for the request and error events of one instance (chain order kept). */
export function elementSteps(manifest: AppManifest, process: ProcessManifest, events: readonly ProcessEvent[], blockTimes: Record<number, number>): DescribedStep[] {
  const steps: DescribedStep[] = [];
  for (const e of events) {
    const at = { blockNumber: e.blockNumber, timestamp: blockTimes[e.blockNumber], txHash: e.txHash };
    if (e.kind === 'requested') {
      const task = process.tasks.find((t) => t.elementId === e.elementId);
      if (!task) continue;
      steps.push({ kind: 'requested', elementId: e.elementId, name: task.name, ...at, values: stepValues(task.requestFields ?? [], e.values, manifest), requestedFrom: requestedFrom(manifest, task.role) });
    } else if (e.kind === 'errorCaught') {
      const boundary = process.errorBoundaries?.find((b) => b.index === e.boundary);
      const subprocess = process.subprocesses?.find((s) => s.elementId === boundary?.subprocessId);
      steps.push({ kind: 'errorCaught', elementId: e.elementId, name: boundary?.name || e.elementId, ...at, values: [], errorCode: e.errorCode, subprocess: subprocess?.name });
    }
  }
  return steps;
}

/**
 * The history's steps and the element steps in one list: by block, and within a transaction an
 * element event after the step whose call emitted it (a request or a caught error is the effect of
 * the step that reached it). History entries carry no log index, so within a block their order is kept.
 */
export function mergeTimeline(history: readonly DescribedStep[], extra: readonly DescribedStep[]): DescribedStep[] {
  const out = [...history];
  for (const step of extra) {
    let at = out.length;
    const lastOfTx = out.map((s) => s.txHash).lastIndexOf(step.txHash);
    if (lastOfTx >= 0) {
      // after the tx's own entries, but before an `ended` entry of the same tx
      at = lastOfTx + 1;
      while (at > 0 && out[at - 1].txHash === step.txHash && out[at - 1].kind === 'ended') at--;
    } else {
      const later = out.findIndex((s) => s.blockNumber > step.blockNumber);
      if (later >= 0) at = later;
    }
    out.splice(at, 0, step);
  }
  return out;
}

export type SubprocessState = 'active' | 'done';

/**
 * Which subprocesses an instance is in (its bit is set in the marking) or has left (a step inside it
 * was done, or an error boundary on it caught an error, and its bit is clear). Others: not entered.
 */
export function subprocessStates(process: ProcessManifest, marking: bigint, doneElements: readonly string[]): Map<string, SubprocessState> {
  const states = new Map<string, SubprocessState>();
  const subs = process.subprocesses ?? [];
  const within = (subId: string | undefined, target: string): boolean => {
    for (let s = subId; s; s = subs.find((x) => x.elementId === s)?.parentId) if (s === target) return true;
    return false;
  };
  const done = new Set(doneElements);
  for (const sub of subs) {
    if ((marking >> BigInt(sub.bit)) & 1n) {
      states.set(sub.elementId, 'active');
      continue;
    }
    const entered =
      process.tasks.some((t) => done.has(t.elementId) && within(t.subprocessId, sub.elementId)) ||
      (process.errorBoundaries ?? []).some((b) => b.subprocessId === sub.elementId && done.has(b.elementId)) ||
      (process.timers ?? []).some((t) => t.attachedToSubprocessId === sub.elementId && done.has(t.elementId)) ||
      process.tasks.some((t) => t.attachedToSubprocessId === sub.elementId && done.has(t.elementId));
    if (entered) states.set(sub.elementId, 'done');
  }
  return states;
}
