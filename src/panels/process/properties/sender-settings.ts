/**
 * Who may deliver a message a catch event or message boundary event waits for. The docs' order:
 * an incoming message flow decides first, then the element's cf:role, its lane, the pool.
 * Pure: reads business objects and diagram connections.
 */
import type { BusinessObject } from './cf-model.js';
import { inheritedRole } from './cf-model.js';
import type { Shape } from './panel-services.js';

const isMessageEvent = (bo: BusinessObject) =>
  ((bo.get('eventDefinitions') as BusinessObject[] | undefined) ?? []).some((d) => d.$instanceOf('bpmn:MessageEventDefinition'));

/** Elements whose cf:role names the sending role (cf:SenderRole in the moddle schema). */
export const takesSenderRole = (bo: BusinessObject): boolean =>
  (bo.$instanceOf('bpmn:IntermediateCatchEvent') || bo.$instanceOf('bpmn:BoundaryEvent')) && isMessageEvent(bo);

/** The names of the sources of message flows into the element (pool name or role, else the element's name or id). */
export function messageFlowSenders(element: Shape): string[] {
  return (element.incoming ?? [])
    .filter((c) => c.type === 'bpmn:MessageFlow' && c.source)
    .map((c) => {
      const bo = c.source!.businessObject;
      const role = bo.get('cf:role');
      return typeof role === 'string' && role ? role : bo.name || bo.id;
    });
}

/** Where the sender comes from when the element names none itself: a lane or pool, or nothing (refused by the generator). */
export function fallbackSender(bo: BusinessObject): string | undefined {
  if (bo.$instanceOf('bpmn:BoundaryEvent')) {
    const host = bo.get('attachedToRef') as BusinessObject | undefined;
    return host ? inheritedRole(host)?.role : undefined;
  }
  return inheritedRole(bo)?.role;
}
