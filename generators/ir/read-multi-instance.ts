/**
 * Multi-instance user tasks (bpmn:multiInstanceLoopCharacteristics): how many instances, in
 * parallel or one after the other, and the completion condition. What runs: a fixed
 * `loopCardinality` (a whole number 1..255) and an optional `completionCondition` in FEEL over the
 * three BPMN counters only (MULTI_INSTANCE_VARIABLES), or cf:forEachOf="<role>" on the
 * loop characteristics: one instance per holder of the role, counted when the task is activated.
 * Refused with a located error: a standard loop, a cardinality that is not a literal whole number,
 * both or neither of loopCardinality and cf:forEachOf,
 * a completion condition over process fields, and a multi-instance task that decides a gateway or
 * nominates a participant (cf:binds); a parallel one done by a role bound per instance is warned about.
 */
import { error, type Problem } from '../problems.js';
import type { BpmnFlowNode, ModdleElement } from '../bpmn/moddle-types.js';
import { compileCondition } from '../feel/check-feel.js';
import type { FieldIR, MultiInstanceIR } from './process-ir.js';

type Where = Omit<Problem, 'severity' | 'message'>;

export const MAX_CARDINALITY = 255;

/** The counters a completion condition reads, as FEEL sees them (field index = position). */
export const MULTI_INSTANCE_VARIABLES: readonly FieldIR[] = (['nrOfInstances', 'nrOfCompletedInstances', 'nrOfActiveInstances'] as const)
  .map((name) => ({ name, identifier: name, type: 'uint' as const, stored: false }));

const bodyOf = (e: unknown) => (e as { body?: string } | undefined)?.body?.trim();

/** Whether the task's loop characteristics are multi-instance ones this generator may run. */
export function isMultiInstance(node: BpmnFlowNode): boolean {
  return node.loopCharacteristics?.$type === 'bpmn:MultiInstanceLoopCharacteristics';
}

/** The task's multi-instance settings, or undefined after pushing located errors. `roleOf` resolves cf:forEachOf to a role id (undefined: no such role). */
export function readMultiInstance(node: BpmnFlowNode, label: string, where: Where, problems: Problem[], roleOf: (text: string) => string | undefined): MultiInstanceIR | undefined {
  const mi = node.loopCharacteristics as ModdleElement & { $attrs?: Record<string, string> };
  const before = problems.length;
  const forEachOf = mi.$attrs?.['cf:forEachOf'] ?? (node as unknown as { $attrs?: Record<string, string> }).$attrs?.['cf:forEachOf'];
  const role = forEachOf === undefined ? undefined : roleOf(forEachOf.trim());
  if (forEachOf !== undefined && role === undefined) problems.push(error(`multi-instance task ${label}: cf:forEachOf names role "${forEachOf}", which is not defined`, where));
  const text = bodyOf(mi.get('loopCardinality'));
  let cardinality = 0;
  if (text === undefined) {
    if (forEachOf === undefined) problems.push(error(`multi-instance task ${label} has no loopCardinality; give the number of instances, e.g. 3, or cf:forEachOf="<role>" for one per holder of a role`, where));
  } else if (forEachOf !== undefined) {
    problems.push(error(`multi-instance task ${label} has both a loopCardinality and cf:forEachOf; give one`, where));
  } else if (!/^[0-9]+$/.test(text) || Number(text) < 1 || Number(text) > MAX_CARDINALITY) {
    problems.push(error(`multi-instance task ${label}: loopCardinality "${text}" must be a whole number from 1 to ${MAX_CARDINALITY}`, where));
  } else cardinality = Number(text);
  if (mi.get('loopDataInputRef') || mi.get('inputDataItem')) problems.push(error(`multi-instance task ${label}: input collections (loopDataInputRef, inputDataItem) are not executable; give a fixed loopCardinality`, where));
  const conditionText = bodyOf(mi.get('completionCondition'));
  let completion;
  if (conditionText) {
    const compiled = compileCondition(conditionText, MULTI_INSTANCE_VARIABLES);
    if (compiled.ok) completion = compiled.expr;
    else problems.push(error(`multi-instance task ${label}: completion ${compiled.message} (it may read nrOfInstances, nrOfCompletedInstances and nrOfActiveInstances)`, where));
  }
  if (problems.length > before) return undefined;
  return { sequential: mi.get('isSequential') === true, cardinality, ...(role ? { forEachOf: role } : {}), ...(completion ? { completion, completionText: conditionText } : {}) };
}
