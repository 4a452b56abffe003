/**
 * Reading the ChainFlow extension off bpmn-js business objects: roles (own, or inherited from
 * the lane or pool as the generator resolves them) and cf:field declarations. Pure: only reads.
 */
import { valuesOf } from './field-type-settings.js';
import type { FieldInScope } from '../../../../generators/feel/check-feel.js';
import { FIELD_TYPES, type FieldType } from '../../../../generators/model/workspace.js';
import type { LintElement } from '../lint/process-graph.js';
import { laneRoles, poolRole } from '../lint/rules/task-role.js';

export interface BusinessObject extends LintElement {
  $parent?: BusinessObject;
  extensionElements?: BusinessObject & { values?: BusinessObject[] };
  [key: string]: unknown;
}

export const ROLE_HOLDERS = ['bpmn:Lane', 'bpmn:Task', 'bpmn:StartEvent', 'bpmn:Participant'] as const;
export const FIELD_WRITERS = ['bpmn:Task', 'bpmn:StartEvent'] as const;

export const isAny = (bo: BusinessObject, types: readonly string[]) => types.some((t) => bo.$instanceOf(t));

export function ownRole(bo: BusinessObject): string {
  const role = bo.get('cf:role');
  return typeof role === 'string' ? role : '';
}

/**
 * The role a task or start event would get without its own cf:role: innermost lane (cf:role or
 * name), else pool. Where it comes from is said in `from` (the lane or pool name).
 */
export function inheritedRole(bo: BusinessObject): { role: string; from: string } | undefined {
  const process = bo.$parent;
  if (!process || !process.$instanceOf('bpmn:Process')) return undefined;
  const lane = laneRoles(process).get(bo.id);
  if (lane) return { role: lane, from: laneName(process, bo.id) ?? lane };
  const pool = poolRole(process);
  return pool ? { role: pool, from: pool } : undefined;
}

function laneName(process: BusinessObject, id: string): string | undefined {
  let found: string | undefined;
  const visit = (lanes: BusinessObject[] | undefined) => {
    for (const lane of lanes ?? []) {
      if ((lane.get('flowNodeRef') as BusinessObject[] | undefined)?.some((n) => n.id === id)) found = lane.name || lane.id;
      visit((lane.get('childLaneSet') as { lanes?: BusinessObject[] } | undefined)?.lanes);
    }
  };
  for (const set of (process.get('laneSets') as { lanes?: BusinessObject[] }[] | undefined) ?? []) visit(set.lanes);
  return found;
}

export function fieldsOf(bo: BusinessObject): BusinessObject[] {
  return (bo.extensionElements?.values ?? []).filter((v) => v.$type === 'cf:Field');
}

/** Every field the process declares, first declaration's type wins (the generator reports clashes). */
export function processFields(process: BusinessObject | undefined): FieldInScope[] {
  const fields = new Map<string, FieldInScope>();
  for (const node of (process?.get('flowElements') as BusinessObject[] | undefined) ?? []) {
    for (const field of fieldsOf(node)) {
      const name = String(field.get('name') ?? '').trim();
      const type = field.get('type') as FieldType;
      // an enum's values and a decimal's scale, so conditions are checked as the generator checks them
      const scale = field.get('scale') as number | undefined;
      const options = type === 'enum' ? { values: valuesOf(field) } : type === 'decimal' && scale !== undefined ? { scale: Number(scale) } : {};
      if (name && FIELD_TYPES.includes(type) && !fields.has(name)) fields.set(name, { name, type, ...options });
    }
  }
  return [...fields.values()];
}
