/**
 * Test support: a small collaboration of executable pools, written as BPMN text, and its workspace.
 * Manufacturer (initiator) orders, sends the order to the carrier's message start, waits for the
 * delivery notice; the carrier ships and sends the notice. Each pool's process and the message flows may be replaced.
 */
import type { Workspace } from '../model/workspace.js';

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test"`;
export const MSG = '<bpmn:messageEventDefinition />';
export const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
export const mflow = (id: string, from: string, to: string, name = '') => `<bpmn:messageFlow id="${id}"${name ? ` name="${name}"` : ''} sourceRef="${from}" targetRef="${to}" />`;

export interface PoolText { id: string; name: string; process: string; role: string; body: string; executable?: boolean }

export function collaborationXml(pools: PoolText[], messageFlows: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}><bpmn:collaboration id="Collab" name="Shipping">
${pools.map((p) => `<bpmn:participant id="${p.id}" name="${p.name}" processRef="${p.process}" cf:role="${p.role}" />`).join('\n')}
${messageFlows}</bpmn:collaboration>
${pools.map((p) => `<bpmn:process id="${p.process}" isExecutable="${p.executable ?? true}">${p.body}</bpmn:process>`).join('\n')}
</bpmn:definitions>`;
}

/** The two-pool order/ship collaboration; `manufacturer`, `carrier` (process bodies) and `flows` (message flows) replace the defaults. */
export function shippingXml(opts: { manufacturer?: string; carrier?: string; flows?: string } = {}): string {
  const manufacturer = opts.manufacturer ?? `<bpmn:startEvent id="S" name="需要运输" />
    <bpmn:userTask id="Order" name="下单"><bpmn:extensionElements><cf:field name="weight" type="int" required="true" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sendTask id="SendOrder" name="发送订单" cf:payload="weight" />
    <bpmn:receiveTask id="Notice" name="Delivery notice" />
    <bpmn:endEvent id="E1" />
    ${flow('a1', 'S', 'Order')}${flow('a2', 'Order', 'SendOrder')}${flow('a3', 'SendOrder', 'Notice')}${flow('a4', 'Notice', 'E1')}`;
  const carrier = opts.carrier ?? `<bpmn:startEvent id="CS" name="Order received">${MSG}</bpmn:startEvent>
    <bpmn:userTask id="Ship" name="运输"><bpmn:extensionElements><cf:field name="tracking" type="string" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="CE" name="Delivered">${MSG}</bpmn:endEvent>
    ${flow('c1', 'CS', 'Ship')}${flow('c2', 'Ship', 'CE')}`;
  return collaborationXml([
    { id: 'PoolM', name: '制造商', process: 'Manufacturing', role: 'Manufacturer', body: manufacturer },
    { id: 'PoolC', name: 'Carrier', process: 'Carriage', role: 'Carrier', body: carrier },
  ], opts.flows ?? `${mflow('M1', 'SendOrder', 'CS', '订单')}${mflow('M2', 'CE', 'Notice', 'Notice')}`);
}

export function collaborationWorkspace(xml: string, roles = ['Manufacturer', 'Carrier', 'Bank']): Workspace {
  return {
    schemaVersion: 1, name: 'Collaboration', organizations: [{ id: 'org', name: 'Org' }], roles: roles.map((r) => ({ id: r, name: r })),
    participants: roles.map((r) => ({ id: r.toLowerCase(), name: r, kind: 'person' as const, organization: 'org', roles: [r] })),
    processes: [{ id: 'p1', name: 'Shipping', bpmn: xml }],
  };
}
