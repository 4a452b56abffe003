import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBpmn } from '../../generators/bpmn/read-bpmn.js';
import type { BpmnFlowNode, BpmnProcess } from '../../generators/bpmn/moddle-types.js';
import { setElementRole } from './task-role-xml.js';

const xml = readFileSync(new URL('../../generators/samples/order-fulfilment/order-fulfilment.bpmn', import.meta.url), 'utf8');

async function nodeOf(text: string, id: string) {
  const { definitions } = await readBpmn(text, 'f.bpmn');
  const process = definitions!.rootElements!.find((e) => e.$type === 'bpmn:Process') as BpmnProcess;
  return { node: process.flowElements!.find((e) => e.id === id) as BpmnFlowNode, definitions: definitions! };
}

describe('setElementRole', () => {
  it('writes cf:role on the task and keeps the diagram and the fields', async () => {
    // given the sample, when "Confirm order" is given the role Buyer
    const result = await setElementRole(xml, 'Task_ConfirmOrder', 'Buyer', 'Order.bpmn');
    // then the task has its own role, its field is still there, and the diagram too
    expect(result.ok).toBe(true);
    const out = (result as { xml: string }).xml;
    const { node, definitions } = await nodeOf(out, 'Task_ConfirmOrder');
    expect(node.role).toBe('Buyer');
    expect(node.extensionElements?.values?.map((v) => v.get('name'))).toEqual(['unitPrice']);
    expect(definitions.diagrams?.length).toBe(1);
    expect(out).toContain('bpmnElement="Task_ConfirmOrder"');
  });

  it('clears an own role so the lane decides again', async () => {
    // given a task with its own role
    const first = await setElementRole(xml, 'Task_Ship', 'Sales', 'Order.bpmn');
    // when it is cleared
    const second = await setElementRole((first as { xml: string }).xml, 'Task_Ship', undefined, 'Order.bpmn');
    // then the attribute is gone
    const { node } = await nodeOf((second as { xml: string }).xml, 'Task_Ship');
    expect(node.role).toBeUndefined();
    expect((second as { xml: string }).xml).not.toMatch(/id="Task_Ship"[^>]*cf:role/);
  });

  it('returns the same text when nothing changes', async () => {
    const same = await setElementRole(xml, 'Task_Ship', undefined, 'Order.bpmn');
    expect(same).toEqual({ ok: true, xml });
  });

  it('says where when the element or the file is wrong', async () => {
    expect(await setElementRole(xml, 'Nope', 'Buyer', 'Order.bpmn')).toEqual({ ok: false, message: 'Order.bpmn: no element "Nope"' });
    expect(await setElementRole(xml, 'Flow_Ok', 'Buyer', 'Order.bpmn')).toEqual({ ok: false, message: 'Order.bpmn: Flow_Ok: a bpmn:SequenceFlow has no role' });
    const broken = await setElementRole('<bpmn:definitions', 'X', 'Buyer', 'Broken.bpmn');
    expect(broken.ok).toBe(false);
    expect((broken as { message: string }).message).toMatch(/^Broken\.bpmn: not a readable BPMN 2\.0 file/);
  });
});
