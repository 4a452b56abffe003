/**
 * What the panel says about a multi-instance task, in the generator's own words: the checks are
 * generators/ir/read-multi-instance.ts run on the business object, so the panel and the build
 * never disagree. Pure (reads business objects, returns data): tested without a modeler.
 */
import { compileCondition } from '../../../../generators/feel/check-feel.js';
import type { BpmnFlowNode } from '../../../../generators/bpmn/moddle-types.js';
import type { Role } from '../../../../generators/model/workspace.js';
import type { Problem } from '../../../../generators/problems.js';
import { MAX_CARDINALITY, MULTI_INSTANCE_VARIABLES, readMultiInstance } from '../../../../generators/ir/read-multi-instance.js';
import type { BusinessObject } from './cf-model.js';

/** How the number of instances is decided: a literal count, or one per holder of a role (cf:forEachOf). */
export const COUNT_MODES = ['count', 'role'] as const;
export type CountMode = (typeof COUNT_MODES)[number];

/** The attribute the generator reads off the loop characteristics (not in the moddle schema: kept in $attrs). */
export const FOR_EACH_OF = 'cf:forEachOf';

const bodyOf = (e: unknown) => (e as { body?: string } | undefined)?.body ?? '';

/** The task's multi-instance loop characteristics, if it has them. */
export function multiInstanceOf(task: BusinessObject): BusinessObject | undefined {
  const loop = task.get('loopCharacteristics') as BusinessObject | undefined;
  return loop?.$instanceOf('bpmn:MultiInstanceLoopCharacteristics') ? loop : undefined;
}

export const cardinalityText = (mi: BusinessObject): string => bodyOf(mi.get('loopCardinality'));
export const completionText = (mi: BusinessObject): string => bodyOf(mi.get('completionCondition'));
export const forEachOfOf = (mi: BusinessObject): string | undefined => mi.get(FOR_EACH_OF) as string | undefined;

/** cf:forEachOf wins when both are written, so the role picker shows what the generator complains about. */
export const countModeOf = (mi: BusinessObject): CountMode => (forEachOfOf(mi) !== undefined ? 'role' : 'count');

/** Why a typed cardinality cannot run, or null (the generator's rule: a literal whole number 1…255). */
export function cardinalityError(text: string): string | null {
  const t = text.trim();
  if (!t) return 'give the number of instances, e.g. 3';
  return /^[0-9]+$/.test(t) && Number(t) >= 1 && Number(t) <= MAX_CARDINALITY ? null : `must be a whole number from 1 to ${MAX_CARDINALITY}`;
}

/** The FEEL checker's message for a completion condition, or null when it is valid or empty. */
export function completionError(text: string): string | null {
  if (!text.trim()) return null;
  const result = compileCondition(text, MULTI_INSTANCE_VARIABLES);
  return result.ok ? null : `${result.message} (it may read nrOfInstances, nrOfCompletedInstances and nrOfActiveInstances)`;
}

/** A role written by id or name resolves to its id, as the generator resolves roles. */
export const roleResolver = (roles: readonly Role[]) => (text: string) => roles.find((r) => r.id === text || r.name === text)?.id;

/** Every problem the generator reports for the task's multi-instance settings (empty: it runs). */
export function multiInstanceProblems(task: BusinessObject, roles: readonly Role[]): string[] {
  if (!multiInstanceOf(task)) return [];
  const problems: Problem[] = [];
  const label = `"${task.name || task.id}"`;
  readMultiInstance(task as unknown as BpmnFlowNode, label, { elementId: task.id }, problems, roleResolver(roles));
  return problems.map((p) => p.message);
}

/**
 * The properties that switch `mi` to `mode` in one update (so one undo restores it): the other
 * mode's setting is removed; a new count starts at 2, a new role at the first of the consortium.
 */
export function modeChange(mode: CountMode, mi: BusinessObject, roles: readonly Role[], expression: (body: string) => unknown): Record<string, unknown> {
  if (mode === countModeOf(mi) && !(mode === 'role' && mi.get('loopCardinality'))) return {};
  return mode === 'role'
    ? { loopCardinality: undefined, [FOR_EACH_OF]: forEachOfOf(mi) ?? roles[0]?.id ?? '' }
    : { [FOR_EACH_OF]: undefined, loopCardinality: mi.get('loopCardinality') ?? expression('2') };
}
