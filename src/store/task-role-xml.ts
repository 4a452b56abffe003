/**
 * Sets (or clears) the cf:role of one element of a process file, as the properties panel does
 * with `modeling.updateProperties(element, { 'cf:role': … })`, but on the XML with bpmn-moddle:
 * the permission matrix edits processes that are not open in the modeler. Everything else in the
 * file (diagram, extensions, other attributes) is kept. Never throws: failures say where.
 */
import { createModdle } from '../../generators/bpmn/read-bpmn.js';

export type RoleEditResult = { ok: true; xml: string } | { ok: false; message: string };

interface ModdleObject {
  $type: string;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

export async function setElementRole(xml: string, elementId: string, role: string | undefined, file: string): Promise<RoleEditResult> {
  const moddle = createModdle();
  let parsed: { rootElement: unknown; elementsById: Record<string, ModdleObject | undefined> };
  try {
    parsed = (await moddle.fromXML(xml, 'bpmn:Definitions')) as unknown as typeof parsed;
  } catch (e) {
    return { ok: false, message: `${file}: not a readable BPMN 2.0 file: ${(e as Error).message.split('\n')[0]}` };
  }
  const element = parsed.elementsById[elementId];
  if (!element) return { ok: false, message: `${file}: no element "${elementId}"` };
  if (!['bpmn:FlowNode', 'bpmn:Lane', 'bpmn:Participant'].some((t) => (element as unknown as { $instanceOf(t: string): boolean }).$instanceOf(t)))
    return { ok: false, message: `${file}: ${elementId}: a ${element.$type} has no role` };
  if ((element.get('cf:role') ?? undefined) === (role || undefined)) return { ok: true, xml };
  element.set('cf:role', role || undefined);
  try {
    const { xml: out } = await moddle.toXML(parsed.rootElement as never, { format: true });
    return { ok: true, xml: out };
  } catch (e) {
    return { ok: false, message: `${file}: the process could not be written: ${(e as Error).message}` };
  }
}
