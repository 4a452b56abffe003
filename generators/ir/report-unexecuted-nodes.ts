/**
 * Flow nodes the generator never walks, because their container is refused as a whole (the
 * inside of a sub-process, a second pool's process), are still named one by one, so a modeler
 * sees every element that would not run, not only the container.
 */
import { error, type Problem } from '../problems.js';
import type { BpmnFlowNode, ModdleElement } from '../bpmn/moddle-types.js';
import { hasRunnableDuration, isTaskBoundaryTimer, isTimerEvent } from './read-timer.js';
import { isExecutableMessageNode } from './read-messages.js';
import { isTimerStart } from './read-timer-start.js';
import { isEmbeddedSubprocess, isErrorEnd, subprocessBoundaryKind } from './read-subprocesses.js';
import { EXECUTABLE_SUMMARY, GATEWAY_TYPES, HUMAN_TASK_TYPES, describeType } from './executable-elements.js';

/** Whether the generator executes this node as modeled (docs/process-format.md, "Executed elements"). */
export function isExecutableNode(node: BpmnFlowNode): boolean {
  const defs = node.eventDefinitions ?? [];
  if (isExecutableMessageNode(node)) return true;
  if (node.$type === 'bpmn:StartEvent') return defs.length === 0 || isTimerStart(node);
  if (node.$type === 'bpmn:EndEvent') return defs.length === 0 || isErrorEnd(node) || (defs.length === 1 && defs[0].$type === 'bpmn:TerminateEventDefinition');
  if ((HUMAN_TASK_TYPES as readonly string[]).includes(node.$type)) return !node.loopCharacteristics || node.loopCharacteristics.$type === 'bpmn:MultiInstanceLoopCharacteristics';
  if (node.$type === 'bpmn:ScriptTask') return !node.loopCharacteristics && /^$|feel/i.test(String(node.get('scriptFormat') ?? '').trim()) && String(node.get('script') ?? '').trim() !== '';
  if (node.$type === 'bpmn:IntermediateCatchEvent') return isTimerEvent(node) && hasRunnableDuration(node);
  if (isEmbeddedSubprocess(node)) return !node.loopCharacteristics;
  // a call activity runs as a scope holding the process it calls (expand-call-activities.ts checks that process)
  if (node.$type === 'bpmn:CallActivity') return !node.loopCharacteristics;
  if (node.$type === 'bpmn:BoundaryEvent' && node.attachedToRef?.$type === 'bpmn:CallActivity' && !node.attachedToRef.loopCharacteristics) {
    const def = (node.eventDefinitions ?? []).length === 1 ? node.eventDefinitions![0].$type : '';
    return (def === 'bpmn:TimerEventDefinition' && hasRunnableDuration(node)) || (def === 'bpmn:ErrorEventDefinition' && node.get('cancelActivity') !== false);
  }
  if (node.$type === 'bpmn:BoundaryEvent' && subprocessBoundaryKind(node) === 'error') return !node.attachedToRef?.loopCharacteristics && node.get('cancelActivity') !== false;
  if (node.$type === 'bpmn:BoundaryEvent' && subprocessBoundaryKind(node) === 'timer') return hasRunnableDuration(node) && !node.attachedToRef?.loopCharacteristics;
  if (node.$type === 'bpmn:BoundaryEvent') return isTaskBoundaryTimer(node) && hasRunnableDuration(node) && (!node.attachedToRef?.loopCharacteristics || node.attachedToRef.loopCharacteristics.$type === 'bpmn:MultiInstanceLoopCharacteristics');
  return (GATEWAY_TYPES as readonly string[]).includes(node.$type);
}

/**
 * One error per non-executable flow node in `elements` and, recursively, inside them.
 * `container` says where they are (e.g. `sub-process "Check"`); `at` locates an element.
 */
export function reportUnexecutedNodes(elements: readonly ModdleElement[] | undefined, container: string, at: (id: string) => Omit<Problem, 'severity' | 'message'>): Problem[] {
  const problems: Problem[] = [];
  for (const e of elements ?? []) {
    if (e.$type === 'bpmn:SequenceFlow' || /^bpmn:Data(Object|ObjectReference|StoreReference)$/.test(e.$type)) continue;
    const node = e as BpmnFlowNode;
    const label = node.name?.trim() ? `"${node.name.trim()}"` : node.id;
    if (!isExecutableNode(node)) problems.push(error(`${describeType(node.$type)} ${label} in ${container} is not executable yet (${EXECUTABLE_SUMMARY})`, at(node.id)));
    const nested = e.get('flowElements') as ModdleElement[] | undefined;
    if (nested?.length) problems.push(...reportUnexecutedNodes(nested, `${describeType(node.$type)} ${label}`, at));
  }
  return problems;
}
