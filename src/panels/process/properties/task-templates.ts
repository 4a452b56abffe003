/**
 * Templates for the consortium's common tasks: each fills the settings the panel edits (name,
 * role, fields, multi-instance, payload, documentation) of a task of the right type. Built-in
 * templates cover the white paper's everyday steps; the consortium adds its own by saving a task
 * it has set up (workspace.taskTemplates). The user picks the type with bpmn-js's replace menu;
 * the panel offers the templates that fit it. Pure: a template and the task give a plan; the
 * entry turns the plan into one command.
 */
import { TEMPLATE_TASK_TYPES, type TaskTemplateDef, type TemplateFieldDef } from '../../../../generators/model/workspace.js';
import type { BusinessObject } from './cf-model.js';
import { fieldsOf, ownRole } from './cf-model.js';
import { valuesOf } from './field-type-settings.js';
import { forEachOfOf, multiInstanceOf } from './multi-instance-settings.js';
import { declaredFieldNames, parsePayload, serializePayload } from './payload-settings.js';

export type TemplateField = TemplateFieldDef;

export interface TaskTemplate {
  id: string;
  /** A built-in's English label is its translation key; the consortium's own are shown as saved. */
  label: string;
  /** Saved by the consortium (workspace.taskTemplates), not built in. */
  own?: boolean;
  /** The task types it applies to. */
  types: readonly string[];
  name: string;
  role?: string;
  documentation?: string;
  fields: readonly TemplateField[];
  multiInstance?: TaskTemplateDef['multiInstance'];
  /** Field names to send; `'all'`: every field the process declares (the user then unticks what the partner must not see). */
  payload?: readonly string[] | 'all';
}

export const TASK_TEMPLATES: readonly TaskTemplate[] = [
  {
    id: 'approve-2-of-3',
    label: 'Approve (2 of 3)',
    types: ['bpmn:UserTask'],
    name: 'Approve',
    fields: [{ name: 'approved', type: 'bool', label: 'Approved', required: true }],
    multiInstance: { cardinality: 3, completion: 'nrOfCompletedInstances >= 2' },
  },
  {
    id: 'register-device',
    label: 'Register device',
    types: ['bpmn:UserTask'],
    name: 'Register device',
    documentation: 'Records a device’s identity: its make, model, serial number and the account its key signs with.',
    fields: [
      { name: 'serialNo', type: 'string', label: 'Serial number', required: true },
      { name: 'make', type: 'string', label: 'Make', required: true },
      { name: 'model', type: 'string', label: 'Model', required: true },
      { name: 'deviceAccount', type: 'address', label: 'Device account', required: true },
    ],
  },
  {
    id: 'record-inspection',
    label: 'Record inspection',
    types: ['bpmn:UserTask'],
    name: 'Record inspection',
    fields: [
      { name: 'result', type: 'enum', label: 'Result', required: true, values: ['passed', 'failed'] },
      { name: 'report', type: 'string', label: 'Report', required: false },
    ],
  },
  {
    id: 'confirm-receipt',
    label: 'Confirm receipt',
    types: ['bpmn:UserTask'],
    name: 'Confirm receipt',
    fields: [
      { name: 'receivedOk', type: 'bool', label: 'Received in good order', required: true },
      { name: 'remark', type: 'string', label: 'Remark', required: false },
    ],
  },
  {
    id: 'approve-financing',
    label: 'Approve financing',
    types: ['bpmn:UserTask'],
    name: 'Approve financing',
    fields: [
      { name: 'financingApproved', type: 'bool', label: 'Approved', required: true },
      { name: 'financedAmount', type: 'decimal', label: 'Financed amount', required: true, scale: 2, unit: 'CNY' },
    ],
  },
  {
    id: 'device-reading',
    label: 'Device reports reading',
    types: ['bpmn:ServiceTask'],
    name: 'Report reading',
    fields: [{ name: 'reading', type: 'decimal', label: 'Reading', required: true, scale: 2 }],
  },
  { id: 'notify-partner', label: 'Notify partner', types: ['bpmn:SendTask'], name: 'Notify partner', fields: [], payload: 'all' },
];

/** A saved template as the panel offers it. */
export const ownTemplate = (def: TaskTemplateDef): TaskTemplate => ({
  id: `own:${def.id}`,
  label: def.label,
  own: true,
  types: [def.taskType],
  name: def.name,
  ...(def.role ? { role: def.role } : {}),
  ...(def.documentation ? { documentation: def.documentation } : {}),
  fields: def.fields,
  ...(def.multiInstance ? { multiInstance: def.multiInstance } : {}),
  ...(def.payload?.length ? { payload: def.payload } : {}),
});

/** Built-in templates, then the consortium's own, that fit the task's type. */
export const templatesFor = (bo: BusinessObject, own: readonly TaskTemplateDef[] = []): TaskTemplate[] =>
  [...TASK_TEMPLATES, ...own.map(ownTemplate)].filter((t) => t.types.some((type) => bo.$type === type));

export interface TemplatePlan {
  name: string;
  /** Fields the task does not declare yet (a name it has is kept as the user made it). */
  fields: TemplateField[];
  /** The task's own role, when the template names one the consortium still has. */
  role?: string;
  /** Documentation, only when the task has none of its own. */
  documentation?: string;
  multiInstance?: TaskTemplate['multiInstance'];
  payload?: string;
}

/**
 * What applying `template` to task `bo` sets. The task's own name and documentation win over the
 * template's when it has them; a role the consortium no longer has is not set.
 */
export function templatePlan(template: TaskTemplate, bo: BusinessObject, roleIds?: ReadonlySet<string>): TemplatePlan {
  const own = new Set(fieldsOf(bo).map((f) => String(f.get('name') ?? '')));
  const fields = template.fields.filter((f) => !own.has(f.name));
  const names = template.payload === 'all' ? declaredFieldNames(bo) : [...(template.payload ?? [])];
  const payload = serializePayload(names);
  const hasDocs = ((bo.get('documentation') as BusinessObject[] | undefined) ?? []).some((d) => String(d.get('text') ?? '').trim());
  const roleKnown = template.role !== undefined && (roleIds === undefined || roleIds.has(template.role));
  return {
    name: bo.name?.trim() ? bo.name : template.name,
    fields,
    ...(roleKnown ? { role: template.role } : {}),
    ...(template.documentation && !hasDocs ? { documentation: template.documentation } : {}),
    ...(template.multiInstance ? { multiInstance: template.multiInstance } : {}),
    ...(payload ? { payload } : {}),
  };
}

function fieldDef(field: BusinessObject): TemplateField {
  const attr = (key: string) => field.get(key) as string | number | boolean | undefined;
  const values = valuesOf(field);
  return {
    name: String(attr('name') ?? ''),
    type: (attr('type') ?? 'string') as TemplateField['type'],
    label: String(attr('label') ?? attr('name') ?? ''),
    required: attr('required') === true,
    ...(attr('scale') !== undefined ? { scale: Number(attr('scale')) } : {}),
    ...(attr('unit') ? { unit: String(attr('unit')) } : {}),
    ...(attr('role') ? { role: String(attr('role')) } : {}),
    ...(values.length ? { values } : {}),
  };
}

/** A task as a template to save under `label`: its type, name, own role, fields, multi-instance, payload and documentation. */
export function templateFromTask(bo: BusinessObject, label: string): Omit<TaskTemplateDef, 'id'> {
  const mi = multiInstanceOf(bo);
  const body = (key: string) => {
    const text = (mi?.get(key) as BusinessObject | undefined)?.get('body');
    return typeof text === 'string' && text.trim() ? text.trim() : undefined;
  };
  const cardinality = Number(body('loopCardinality'));
  const forEachOf = mi && forEachOfOf(mi);
  const completion = body('completionCondition');
  const documentation = ((bo.get('documentation') as BusinessObject[] | undefined) ?? []).map((d) => String(d.get('text') ?? '')).join('\n').trim();
  const payload = parsePayload(bo.get('cf:payload') as string | undefined);
  return {
    label: label.trim(),
    taskType: bo.$type as TaskTemplateDef['taskType'],
    name: bo.name?.trim() || label.trim(),
    ...(ownRole(bo) ? { role: ownRole(bo) } : {}),
    ...(documentation ? { documentation } : {}),
    fields: fieldsOf(bo).map(fieldDef).filter((f) => f.name),
    ...(mi
      ? {
        multiInstance: {
          ...(mi.get('isSequential') === true ? { sequential: true } : {}),
          ...(forEachOf ? { forEachOf } : Number.isInteger(cardinality) && cardinality > 0 ? { cardinality } : {}),
          ...(completion ? { completion } : {}),
        },
      }
      : {}),
    ...(payload.length ? { payload } : {}),
  };
}

/** Whether a task can be saved as a template (the types templates fill). */
export const isSavableTask = (bo: BusinessObject): boolean => TEMPLATE_TASK_TYPES.some((type) => bo.$type === type);
