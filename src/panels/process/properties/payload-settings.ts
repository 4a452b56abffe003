/**
 * cf:payload, the fields a send task, service task, message throw or message end event carries:
 * a comma-separated list of field names, split as generators/ir/read-messages.ts splits it.
 * Pure: parse, serialize, toggle one field, and the generator's problems for a payload.
 */
import type { BusinessObject } from './cf-model.js';
import { fieldsOf } from './cf-model.js';

const hasMessageDefinition = (bo: BusinessObject) =>
  ((bo.get('eventDefinitions') as BusinessObject[] | undefined) ?? []).some((d) => d.$instanceOf('bpmn:MessageEventDefinition'));

/** Whether the element sends a message with a payload (what the cf:payload extension applies to). */
export function carriesPayload(bo: BusinessObject): boolean {
  if (bo.$instanceOf('bpmn:SendTask') || bo.$instanceOf('bpmn:ServiceTask')) return true;
  return (bo.$instanceOf('bpmn:IntermediateThrowEvent') || bo.$instanceOf('bpmn:EndEvent')) && hasMessageDefinition(bo);
}

/** The names in a cf:payload text, in the order written (duplicates kept: they are a problem to show). */
export const parsePayload = (text: string | undefined): string[] => (text ?? '').split(/[\s,]+/).filter(Boolean);

/** The attribute value for `names`; undefined removes the attribute. */
export const serializePayload = (names: readonly string[]): string | undefined => (names.length ? names.join(', ') : undefined);

/** The payload with `name` added at the end or removed; other names, even undeclared ones, are kept as written. */
export function togglePayload(text: string | undefined, name: string, on: boolean): string | undefined {
  const names = parsePayload(text).filter((n) => n !== name);
  return serializePayload(on ? [...names, name] : names);
}

/** The generator's problems for a payload (read-messages.ts readPayload), given the process's declared field names. */
export function payloadProblems(text: string | undefined, declared: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of parsePayload(text)) {
    if (!declared.includes(name)) problems.push(`cf:payload names field "${name}", which no start event or task declares (cf:field)`);
    else if (seen.has(name)) problems.push(`cf:payload names field "${name}" twice`);
    seen.add(name);
  }
  return problems;
}

/** The process (or the outermost container) an element belongs to. */
export function processOf(bo: BusinessObject): BusinessObject | undefined {
  let at = bo.$parent;
  while (at && !at.$instanceOf('bpmn:Process')) at = at.$parent;
  return at;
}

/** Every field name the element's process declares (cf:field of any element, subprocesses included), first occurrence first. */
export function declaredFieldNames(bo: BusinessObject): string[] {
  const names: string[] = [];
  const visit = (container: BusinessObject | undefined) => {
    for (const node of (container?.get('flowElements') as BusinessObject[] | undefined) ?? []) {
      for (const field of fieldsOf(node)) {
        const name = String(field.get('name') ?? '').trim();
        if (name && !names.includes(name)) names.push(name);
      }
      if (node.$instanceOf('bpmn:SubProcess')) visit(node);
    }
  };
  visit(processOf(bo));
  return names;
}
