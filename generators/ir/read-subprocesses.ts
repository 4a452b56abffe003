/**
 * Embedded subprocesses as the IR builder reads them. A subprocess is flattened into its process:
 * its inner elements become ordinary tasks, gateways, timers and ends of the one IR (one marking),
 * each remembering the innermost subprocess holding it (`scopeOf`). Only plain embedded
 * subprocesses are flattened: event subprocesses (triggeredByEvent), transactions and ad-hoc
 * subprocesses stay refused as a whole by the builder.
 */
import type { BpmnFlowNode, BpmnProcess, BpmnSequenceFlow, ModdleElement } from '../bpmn/moddle-types.js';

/** A subprocess the generator runs: bpmn:SubProcess exactly, not an event subprocess. */
export function isEmbeddedSubprocess(node: ModdleElement | undefined): boolean {
  return node?.$type === 'bpmn:SubProcess' && !node.get('triggeredByEvent');
}

/**
 * Every flow element of `process`, the insides of embedded subprocesses included (after the
 * subprocess, in document order), and for each element inside a subprocess the id of the innermost
 * subprocess holding it.
 */
export function flattenScopes(process: BpmnProcess): { elements: (BpmnFlowNode | BpmnSequenceFlow)[]; scopeOf: Map<string, string> } {
  const elements: (BpmnFlowNode | BpmnSequenceFlow)[] = [];
  const scopeOf = new Map<string, string>();
  const visit = (list: (BpmnFlowNode | BpmnSequenceFlow)[] | undefined, scope: string | undefined) => {
    for (const e of list ?? []) {
      elements.push(e);
      if (scope) scopeOf.set(e.id, scope);
      if (isEmbeddedSubprocess(e)) visit(e.get('flowElements') as (BpmnFlowNode | BpmnSequenceFlow)[] | undefined, e.id);
    }
  };
  visit(process.flowElements, undefined);
  return { elements, scopeOf };
}

export const isErrorDefinition = (d: ModdleElement | undefined) => d?.$type === 'bpmn:ErrorEventDefinition';

/** An error end event: an end event with exactly one error event definition. */
export function isErrorEnd(node: BpmnFlowNode): boolean {
  const defs = node.eventDefinitions ?? [];
  return node.$type === 'bpmn:EndEvent' && defs.length === 1 && isErrorDefinition(defs[0]);
}

/** A boundary event this generator runs on a subprocess: a timer or an error boundary. */
export function subprocessBoundaryKind(node: BpmnFlowNode): 'timer' | 'error' | undefined {
  const defs = node.eventDefinitions ?? [];
  if (node.$type !== 'bpmn:BoundaryEvent' || !isEmbeddedSubprocess(node.attachedToRef) || defs.length !== 1) return undefined;
  if (defs[0].$type === 'bpmn:TimerEventDefinition') return 'timer';
  return isErrorDefinition(defs[0]) ? 'error' : undefined;
}

/**
 * The error an error event refers to, as a code: the bpmn:Error's errorCode, else its name, else its
 * id; undefined for an event without errorRef (an end throws an unnamed error, a boundary catches any).
 */
export function errorCodeOf(node: BpmnFlowNode): string | undefined {
  const ref = node.eventDefinitions?.[0]?.get('errorRef') as (ModdleElement & { errorCode?: string }) | undefined;
  if (!ref) return undefined;
  return ref.errorCode?.trim() || ref.name?.trim() || ref.id;
}
