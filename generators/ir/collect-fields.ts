/**
 * Collects the data fields that the start event and the tasks declare (cf:field), checking
 * names, types and that a field written by several elements has one type everywhere. A
 * `cf:binds` nominates through an address field of its element: the one its `field` names
 * (declared there with cf:field, or else added as a required address write), by default a field
 * named after the role.
 */
import { error, type Problem } from '../problems.js';
import { FIELD_TYPES, type FieldType, type Role } from '../model/workspace.js';
import type { BpmnFlowNode, CfBinds, CfField } from '../bpmn/moddle-types.js';
import { checkFieldOptions, sameFieldOptions } from '../model/field-options.js';
import { nameEnumTypes, readFieldOptions, resolveFieldRole } from './read-field-options.js';
import type { FieldIR, FieldWrite } from './process-ir.js';
import { deriveIdentifier, IdentifierScope } from '../naming/derive-identifier.js';

const FEEL_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const FEEL_WORDS = new Set(['and', 'or', 'not', 'true', 'false', 'null']);

export interface FieldTable {
  fields: FieldIR[];
  writesOf: Map<string, FieldWrite[]>;
  /** The cf:binds of each element (by element id) with the field carrying its nominee; only elements that have some. */
  bindsOf: Map<string, { decl: CfBinds; field: number }[]>;
}

/** Names a process with role bindings uses in its task functions (a local and the public getter). */
export const BINDING_NAMES = ['boundTo', 'bound'] as const;
/** Locals of the function of a multi-instance task, and its count getter (generators/solidity/add-multi-instance.ts). */
export const MULTI_INSTANCE_NAMES = ['w', 'activation', 'completed', 'total', 'completedInstances'] as const;

export function collectFields(
  writers: BpmnFlowNode[],
  where: (node: BpmnFlowNode) => { path: string; elementId: string; file: string },
  problems: Problem[],
  roles?: readonly Role[],
): FieldTable {
  const fields: FieldIR[] = [];
  const writesOf = new Map<string, FieldWrite[]>();
  const declaredBy = new Map<string, string>();
  const bindsOf = new Map<string, { decl: CfBinds; field: number }[]>();
  for (const node of writers) {
    const writes: FieldWrite[] = [];
    const seen = new Set<string>();
    for (const ext of node.extensionElements?.values ?? []) {
      if (ext.$type !== 'cf:Field') continue;
      const decl = ext as CfField;
      const name = (decl.name ?? '').trim();
      const at = where(node);
      if (!FEEL_NAME.test(name) || FEEL_WORDS.has(name)) {
        problems.push(error(`field name ${JSON.stringify(name)} must be a single word of letters, digits or _ (and not and/or/not/true/false)`, at));
        continue;
      }
      if (!FIELD_TYPES.includes(decl.type as FieldType)) {
        problems.push(error(`field "${name}" has type ${JSON.stringify(decl.type ?? '')}; use one of ${FIELD_TYPES.join(', ')}`, at));
        continue;
      }
      if (seen.has(name)) {
        problems.push(error(`field "${name}" is declared twice on this element`, at));
        continue;
      }
      seen.add(name);
      const options = readFieldOptions(decl);
      const optionProblems = checkFieldOptions(name, decl.type as FieldType, options);
      if (optionProblems.length) {
        for (const message of optionProblems) problems.push(error(message, at));
        continue;
      }
      if (options.role !== undefined && roles) {
        const resolved = resolveFieldRole(name, options.role, roles);
        if ('message' in resolved) {
          problems.push(error(resolved.message, at));
          continue;
        }
        options.role = resolved.id;
      }
      let index = fields.findIndex((f) => f.name === name);
      if (index >= 0 && fields[index].type !== decl.type) {
        problems.push(error(`field "${name}" is ${decl.type} here but ${fields[index].type} on ${declaredBy.get(name)}`, at));
        continue;
      }
      if (index >= 0 && !sameFieldOptions(fields[index], options)) {
        problems.push(error(`field "${name}" is declared with other values, scale, unit or role here than on ${declaredBy.get(name)}; declare it the same everywhere`, at));
        continue;
      }
      if (index < 0) {
        index = fields.push({ name, identifier: '', type: decl.type as FieldType, label: decl.label, stored: false, ...options }) - 1;
        declaredBy.set(name, node.name ? `"${node.name}"` : node.id);
      }
      writes.push({ field: index, required: decl.required === true });
    }
    const binds = nomineeFields(node, fields, writes, declaredBy, where(node), problems);
    if (binds.length) bindsOf.set(node.id, binds);
    writesOf.set(node.id, writes);
  }
  // identifiers: stable by field name order, unique within the contract's data struct, and
  // never one of the names a task function or event already declares (m, d: locals; by: event)
  // (rest: a local of the task functions that start timers)
  const multi = writers.some((n) => n.loopCharacteristics?.$type === 'bpmn:MultiInstanceLoopCharacteristics');
  const scope = new IdentifierScope(['instanceId', 'choice', 'm', 'd', 'by', 'rest', 'startDueAt', ...(bindsOf.size ? BINDING_NAMES : []), ...(multi ? MULTI_INSTANCE_NAMES : [])]);
  [...fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).forEach((f) => {
    f.identifier = scope.claim(deriveIdentifier(f.name, f.name, 'camel'));
  });
  nameEnumTypes(fields);
  return { fields, writesOf, bindsOf };
}

/** The address field of each cf:binds of `node`, adding a required write where the element does not declare the field itself. */
function nomineeFields(
  node: BpmnFlowNode, fields: FieldIR[], writes: FieldWrite[], declaredBy: Map<string, string>,
  at: { path: string; elementId: string; file: string }, problems: Problem[],
): { decl: CfBinds; field: number }[] {
  const out: { decl: CfBinds; field: number }[] = [];
  for (const ext of node.extensionElements?.values ?? []) {
    if (ext.$type !== 'cf:Binds') continue;
    const decl = ext as CfBinds;
    const role = (decl.role ?? '').trim();
    if (!role) continue; // reported with the binding's other problems (read-bindings.ts)
    const name = (decl.field ?? '').trim() || deriveIdentifier(role, 'nominee', 'camel');
    if (!FEEL_NAME.test(name) || FEEL_WORDS.has(name)) {
      problems.push(error(`cf:binds of role "${role}": nominee field name ${JSON.stringify(name)} must be a single word of letters, digits or _; set field="…"`, at));
      continue;
    }
    let index = fields.findIndex((f) => f.name === name);
    if (index >= 0 && fields[index].type !== 'address' && fields[index].type !== 'participant') {
      problems.push(error(`cf:binds of role "${role}" nominates through field "${name}", which is ${fields[index].type}; the nominee field must be an address`, at));
      continue;
    }
    if (index < 0) {
      index = fields.push({ name, identifier: '', type: 'address', label: role, stored: false }) - 1;
      declaredBy.set(name, node.name ? `"${node.name}"` : node.id);
    }
    if (!writes.some((w) => w.field === index)) writes.push({ field: index, required: true });
    out.push({ decl, field: index });
  }
  return out;
}
