/**
 * Timer events: which ones run, and their duration. A timer runs when it is an intermediate catch
 * event or a boundary event on a user task, with exactly one timer event definition whose
 * `timeDuration` is an ISO 8601 duration of fixed-length units (generators/ir/parse-duration.ts).
 * Fixed dates (`timeDate`) and cycles (`timeCycle`) are refused: a date would need a time zone and
 * a cycle would need an unbounded number of firings.
 */
import { error, type Problem } from '../problems.js';
import type { BpmnFlowNode, ModdleElement } from '../bpmn/moddle-types.js';
import { WAIT_TASK_TYPES, describeType } from './executable-elements.js';
import { parseDuration } from './parse-duration.js';

type Where = Omit<Problem, 'severity' | 'message'>;

const isTimerDefinition = (d: ModdleElement) => d.$type === 'bpmn:TimerEventDefinition';
const bodyOf = (d: ModdleElement, name: string) => (d.get(name) as { body?: string } | undefined)?.body;

/** Whether `node` is a timer event this generator could run (its duration still to be checked). */
export function isTimerEvent(node: BpmnFlowNode): boolean {
  const defs = node.eventDefinitions ?? [];
  return (node.$type === 'bpmn:IntermediateCatchEvent' || node.$type === 'bpmn:BoundaryEvent') && defs.length === 1 && isTimerDefinition(defs[0]);
}

/** A timer boundary event on a task that waits (user, manual, receive or service task). */
export function isTaskBoundaryTimer(node: BpmnFlowNode): boolean {
  return node.$type === 'bpmn:BoundaryEvent' && isTimerEvent(node) && (WAIT_TASK_TYPES as readonly string[]).includes(node.attachedToRef?.$type ?? '');
}

/** Whether a timer event's definition is executable as modeled (a valid timeDuration only). */
export function hasRunnableDuration(node: BpmnFlowNode): boolean {
  const d = node.eventDefinitions?.[0];
  if (!d || bodyOf(d, 'timeDate') !== undefined || bodyOf(d, 'timeCycle') !== undefined) return false;
  const text = bodyOf(d, 'timeDuration');
  return text !== undefined && parseDuration(text).ok;
}

/**
 * The duration of timer event `node`, or undefined after pushing a located error saying why it
 * cannot run (`label` names the element as the other refusals do).
 */
export function readTimerDuration(node: BpmnFlowNode, label: string, where: Where, problems: Problem[]): { duration: string; seconds: number } | undefined {
  const what = `${node.$type === 'bpmn:BoundaryEvent' ? 'timer boundary event' : 'timer event'} ${label}`;
  const d = (node.eventDefinitions ?? [])[0];
  if (bodyOf(d, 'timeDate') !== undefined) {
    problems.push(error(`${what} waits for a date (timeDate); only durations (timeDuration, e.g. PT48H) are executable`, where));
    return undefined;
  }
  if (bodyOf(d, 'timeCycle') !== undefined) {
    problems.push(error(`${what} repeats (timeCycle); only a single duration (timeDuration, e.g. PT48H) is executable`, where));
    return undefined;
  }
  const text = bodyOf(d, 'timeDuration');
  if (text === undefined || text.trim() === '') {
    problems.push(error(`${what} has no duration; give its timer a timeDuration such as PT48H`, where));
    return undefined;
  }
  const parsed = parseDuration(text);
  if (!parsed.ok) {
    problems.push(error(`${what}: ${parsed.message}`, where));
    return undefined;
  }
  return { duration: text.trim(), seconds: parsed.seconds };
}

/** Why a boundary event does not run (a timer on something other than a user task, or another kind of boundary). */
export function boundaryRefusal(node: BpmnFlowNode, label: string): string {
  const host = node.attachedToRef;
  const hostText = host ? `${describeType(host.$type)} ${host.name?.trim() ? `"${host.name.trim()}"` : host.id}` : 'nothing';
  // a call activity still here was refused (an executed one is a subprocess by now): its own problem says why
  const onCall = host?.$type === 'bpmn:CallActivity' && (node.eventDefinitions ?? []).length === 1 && /^bpmn:(Timer|Message|Error)EventDefinition$/.test(node.eventDefinitions![0].$type);
  if (onCall) return `${describeType(node.eventDefinitions![0].$type).replace(/ event definition$/, '')} boundary event ${label} is attached to ${hostText}, which does not run (see its own problem)`;
  if (isTimerEvent(node)) return `timer boundary event ${label} is attached to ${hostText}; timer boundary events run on user, receive and service tasks and on embedded subprocesses only`;
  const kinds = (node.eventDefinitions ?? []).map((x) => describeType(x.$type).replace(/ event definition$/, '')).join(', ') || 'none';
  if (kinds === 'error') return `error boundary event ${label} is attached to ${hostText}; error boundary events run on embedded subprocesses only (nothing else throws errors)`;
  if (kinds === 'message') return `message boundary event ${label} is attached to ${hostText}; message boundary events run on user, receive and service tasks, embedded subprocesses and call activities only`;
  return `boundary event ${label} (${kinds}) is not executable yet; only timer and message boundary events (on user, receive and service tasks, subprocesses and call activities) and error boundary events (on subprocesses and call activities) are`;
}
