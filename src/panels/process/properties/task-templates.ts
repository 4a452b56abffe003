/**
 * Templates for the consortium's common tasks: each fills the settings the panel edits (name,
 * fields, multi-instance, payload) of a task of the right type. The user picks the type with
 * bpmn-js's replace menu; the panel offers the templates that fit it. Pure: a template and the
 * task give a plan; the entry turns the plan into one command.
 */
import type { FieldType } from '../../../../generators/model/workspace.js';
import type { BusinessObject } from './cf-model.js';
import { fieldsOf } from './cf-model.js';
import { declaredFieldNames, serializePayload } from './payload-settings.js';

export interface TemplateField {
  name: string;
  type: FieldType;
  label: string;
  required: boolean;
  scale?: number;
}

export interface TaskTemplate {
  id: string;
  /** English label, the translation key. */
  label: string;
  /** The task types it applies to. */
  types: readonly string[];
  name: string;
  fields: readonly TemplateField[];
  multiInstance?: { cardinality: number; completion: string };
  /** Send the fields the process declares (the user then unticks what the partner must not see). */
  payloadAllFields?: boolean;
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
    id: 'device-reading',
    label: 'Device reports reading',
    types: ['bpmn:ServiceTask'],
    name: 'Report reading',
    fields: [{ name: 'reading', type: 'decimal', label: 'Reading', required: true, scale: 2 }],
  },
  { id: 'notify-partner', label: 'Notify partner', types: ['bpmn:SendTask'], name: 'Notify partner', fields: [], payloadAllFields: true },
];

export const templatesFor = (bo: BusinessObject): TaskTemplate[] => TASK_TEMPLATES.filter((t) => t.types.some((type) => bo.$type === type));

export interface TemplatePlan {
  name: string;
  /** Fields the task does not declare yet (a name it has is kept as the user made it). */
  fields: TemplateField[];
  multiInstance?: TaskTemplate['multiInstance'];
  payload?: string;
}

/** What applying `template` to task `bo` sets. The task's own name wins over the template's when it has one. */
export function templatePlan(template: TaskTemplate, bo: BusinessObject): TemplatePlan {
  const own = new Set(fieldsOf(bo).map((f) => String(f.get('name') ?? '')));
  const fields = template.fields.filter((f) => !own.has(f.name));
  const payload = template.payloadAllFields ? serializePayload(declaredFieldNames(bo)) : undefined;
  return {
    name: bo.name?.trim() ? bo.name : template.name,
    fields,
    ...(template.multiInstance ? { multiInstance: template.multiInstance } : {}),
    ...(payload ? { payload } : {}),
  };
}
