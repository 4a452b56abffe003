/**
 * Collaborations of several executable pools (rewrite-collaboration.ts): one process with a scope per
 * pool inside a collaboration scope; message flows between pools become joins and sends; the
 * located refusals.
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Problem } from '../problems.js';
import { collaborationWorkspace, flow, mflow, MSG, shippingXml } from '../testing/collaboration-fixture.js';

const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => `${p.elementId}: ${p.message}`);
const build = async (xml: string) => {
  const out = await generateWorkspace(collaborationWorkspace(xml));
  return { ir: out.processes[0]?.ir, errors: errorsOf(out.problems), out };
};

describe('a collaboration of executable pools', () => {
  it('becomes one process: a scope per pool inside the collaboration scope, the initiator\'s start starts it', async () => {
    const { ir, errors } = await build(shippingXml());
    expect(errors).toEqual([]);
    expect(ir!.start).toMatchObject({ elementId: 'S', roles: ['Manufacturer'] });
    expect(ir!.subprocesses.map((s) => [s.elementId, s.pool])).toEqual([
      ['Collab_instance', { collaboration: true }],
      ['PoolM', { processId: 'Manufacturing', initiator: true }],
      ['PoolC', { processId: 'Carriage', initiator: false }],
    ]);
    // tasks keep their pools' roles; the receive task became a join, the senders check their messages
    expect(ir!.tasks.map((t) => [t.elementId, t.role])).toEqual([['Order', 'Manufacturer'], ['Ship', 'Carrier']]);
    expect(ir!.messageFlows).toEqual([
      { flowId: 'M1', name: '订单', from: 'SendOrder', to: 'CS', bit: ir!.subprocesses[2].bit, startsPool: true },
      { flowId: 'M2', name: 'Notice', from: 'CE', to: 'Notice', bit: expect.any(Number), startsPool: false },
    ]);
    const join = ir!.gateways.find((g) => g.elementId === 'Notice')!;
    expect(join).toMatchObject({ kind: 'parallel', message: 1 });
    expect(join.inputBits[1]).toBe(ir!.messageFlows![1].bit);
    expect(ir!.scripts.filter((x) => x.delivers).map((x) => [x.elementId, x.delivers])).toEqual([['SendOrder', [0]], ['CE', [1]]]);
    // the buffered notice is inside the manufacturer's pool and the collaboration
    expect(ir!.subprocesses.map((s) => s.buffers)).toEqual([[join.inputBits[1]], [join.inputBits[1]], undefined]);
  });

  it('refuses two pools that would both start an instance, naming the pool and its start event', async () => {
    const carrier = `<bpmn:startEvent id="CS" name="On its own" /><bpmn:userTask id="Ship" name="Ship" /><bpmn:endEvent id="CE" />${flow('c1', 'CS', 'Ship')}${flow('c2', 'Ship', 'CE')}`;
    const { errors } = await build(shippingXml({ carrier, flows: mflow('M1', 'SendOrder', 'Ship') }));
    expect(errors).toContain('M1: message flow M1 from pool "制造商" to pool "Carrier": user task "Ship" cannot receive it; end it at a receive task, a message catch event or the pool\'s message start event');
    expect(errors).toContain('CS: pool "Carrier" would start an instance too (start event "On its own"), besides pool "制造商": exactly one executable pool starts the collaboration; every other starts by a message start event that a message flow from an executable pool reaches');
  });

  it('refuses a pool that can never start, and a pool whose message start no executable pool reaches', async () => {
    const noStart = `<bpmn:userTask id="Ship" name="Ship" /><bpmn:endEvent id="CE" />${flow('c2', 'Ship', 'CE')}`;
    expect((await build(shippingXml({ carrier: noStart, flows: '' }))).errors).toEqual([
      'PoolC: pool "Carrier" can never start: it has no start event; give it a message start event that a message flow from another executable pool reaches',
    ]);
    const unreached = (await build(shippingXml({ flows: '' }))).errors;
    expect(unreached).toEqual([expect.stringMatching(/^CS: pool "Carrier" would start an instance too/)]);
  });

  it('refuses a message from another pool on a boundary event or from an element that cannot send, naming the flow', async () => {
    const manufacturer = `<bpmn:startEvent id="S" /><bpmn:userTask id="Order" name="Order" /><bpmn:boundaryEvent id="B" attachedToRef="Order">${MSG}</bpmn:boundaryEvent>
      <bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" />${flow('a1', 'S', 'Order')}${flow('a2', 'Order', 'E1')}${flow('a3', 'B', 'E2')}`;
    const { errors } = await build(shippingXml({ manufacturer, flows: `${mflow('M1', 'Order', 'CS')}${mflow('M2', 'CE', 'B')}` }));
    expect(errors).toContain('M1: message flow M1 from pool "制造商" to pool "Carrier": user task "Order" cannot send it; send from a send task, a message throw event or a message end event');
    expect(errors).toContain('M2: message flow M2 from pool "Carrier" to pool "制造商": message boundary event B: a message from another executable pool is not received on a boundary yet; receive it with a receive task or a message catch event on a parallel branch');
  });

  it('refuses a receiver with fields, one with two message flows, one after an event-based gateway, and a flow from a pool as a whole', async () => {
    const manufacturer = `<bpmn:startEvent id="S" /><bpmn:userTask id="Order" name="Order" /><bpmn:sendTask id="SendOrder" name="Send" />
      <bpmn:receiveTask id="Notice" name="Notice"><bpmn:extensionElements><cf:field name="note" type="string" /></bpmn:extensionElements></bpmn:receiveTask>
      <bpmn:eventBasedGateway id="EG" /><bpmn:intermediateCatchEvent id="Paid" name="Paid">${MSG}</bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="T" name="Timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" />
      ${flow('a1', 'S', 'Order')}${flow('a2', 'Order', 'SendOrder')}${flow('a3', 'SendOrder', 'Notice')}${flow('a4', 'Notice', 'EG')}${flow('a5', 'EG', 'Paid')}${flow('a6', 'EG', 'T')}${flow('a7', 'Paid', 'E1')}${flow('a8', 'T', 'E2')}`;
    const carrier = `<bpmn:startEvent id="CS">${MSG}</bpmn:startEvent><bpmn:userTask id="Ship" name="Ship" /><bpmn:sendTask id="Tell" name="Tell" />
      <bpmn:endEvent id="CE">${MSG}</bpmn:endEvent>${flow('c1', 'CS', 'Ship')}${flow('c2', 'Ship', 'Tell')}${flow('c3', 'Tell', 'CE')}`;
    const flows = `${mflow('M1', 'SendOrder', 'CS')}${mflow('M2', 'CE', 'Notice')}${mflow('M3', 'Tell', 'Paid')}${mflow('M4', 'PoolC', 'Paid')}`;
    const { errors } = await build(shippingXml({ manufacturer, carrier, flows }));
    expect(errors).toEqual([
      'M2: message flow M2 from pool "Carrier" to pool "制造商": "Notice" declares fields (cf:field or cf:binds); a message between pools carries the sender\'s fields, shared by name, so declare them where the sending pool writes them',
      'M3: message flow M3 from pool "Carrier" to pool "制造商": "Paid" follows an event-based gateway; a message from another executable pool is not raced there yet',
      'M4: message flow M4 from pool "Carrier" to pool "制造商": it leaves the pool as a whole; draw it from the element that sends the message (send task, message throw or end event)',
    ]);
    // a receiver takes one message: two message flows into one receive task are refused at the second
    const twice = await build(shippingXml({ carrier, flows: `${mflow('M1', 'SendOrder', 'CS')}${mflow('M2', 'CE', 'Notice')}${mflow('M3', 'Tell', 'Notice')}` }));
    expect(twice.errors).toEqual(['M3: "Delivery notice" receives 2 message flows; one receiver takes one message, so receive each in its own element']);
  });

  it('cannot be called by a call activity yet, and says so at the call', async () => {
    const collab = shippingXml();
    const caller = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D2" targetNamespace="http://example.com/c">
      <bpmn:process id="Caller" isExecutable="true"><bpmn:startEvent id="S" /><bpmn:callActivity id="Call" name="Ship it" calledElement="p2" /><bpmn:userTask id="After" name="After" /><bpmn:endEvent id="E" />
      ${flow('f1', 'S', 'Call')}${flow('f2', 'Call', 'After')}${flow('f3', 'After', 'E')}</bpmn:process></bpmn:definitions>`;
    const ws = collaborationWorkspace(caller);
    ws.processes.push({ id: 'p2', name: 'Shipping collaboration', bpmn: collab });
    (ws.processes[0] as { bpmn: string }).bpmn = caller.replace('<bpmn:startEvent id="S" />', '<bpmn:startEvent id="S" cf:role="Manufacturer" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" />').replace('<bpmn:userTask id="After" name="After" />', '<bpmn:userTask id="After" name="After" cf:role="Manufacturer" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" />');
    const out = await generateWorkspace(ws);
    expect(errorsOf(out.problems).filter((e) => e.startsWith('Call:'))).toEqual([
      expect.stringContaining('a collaboration of several executable pools cannot be called yet'),
    ]);
  });

  it('locates a problem of an element the rewrite made on the element of the diagram it was made for', async () => {
    // the carrier answers every order in a loop of a receive and a send only: a loop with no task in it
    const manufacturer = `<bpmn:startEvent id="S" /><bpmn:userTask id="Order" name="Order" /><bpmn:sendTask id="SendOrder" name="Send" />
      <bpmn:sendTask id="Remind" name="Remind" /><bpmn:receiveTask id="Got" name="Got" /><bpmn:endEvent id="E1" />
      ${flow('a1', 'S', 'Order')}${flow('a2', 'Order', 'SendOrder')}${flow('a3', 'SendOrder', 'Remind')}${flow('a4', 'Remind', 'Got')}${flow('a5', 'Got', 'E1')}`;
    const carrier = `<bpmn:startEvent id="CS">${MSG}</bpmn:startEvent><bpmn:exclusiveGateway id="G" /><bpmn:receiveTask id="Hear" name="Hear" />
      <bpmn:sendTask id="Answer" name="Answer" />${flow('c1', 'CS', 'G')}${flow('c2', 'G', 'Hear')}${flow('c3', 'Hear', 'Answer')}${flow('c4', 'Answer', 'G')}`;
    const xml = shippingXml({ manufacturer, carrier, flows: `${mflow('M1', 'SendOrder', 'CS')}${mflow('M2', 'Remind', 'Hear')}${mflow('M3', 'Answer', 'Got')}` });
    const { errors } = await build(xml);
    expect(errors.length).toBeGreaterThan(0);
    // every problem names an element of the file, never one the rewrite made
    for (const e of errors) expect(e).toMatch(/^(G|Hear|Answer|CS|M1|M2): /);
    // and calls a sender or receiver what the modeler drew, not the gateway the rewrite made of it
    expect(errors).toContain('Answer: "Answer", which sends a message to another pool, is on a loop with no task in it; such a loop never waits for anyone, so put a task on it');
    expect(errors.join('\n')).not.toMatch(/gateway "(Answer|Hear)"/);
  });

  it('lets a partner\'s message start the initiating pool: its sender role starts the instance', async () => {
    const manufacturer = `<bpmn:startEvent id="S" name="Order in">${MSG}</bpmn:startEvent><bpmn:userTask id="Order" name="Order" /><bpmn:sendTask id="SendOrder" name="Send" />
      <bpmn:receiveTask id="Notice" name="Notice" /><bpmn:endEvent id="E1" />${flow('a1', 'S', 'Order')}${flow('a2', 'Order', 'SendOrder')}${flow('a3', 'SendOrder', 'Notice')}${flow('a4', 'Notice', 'E1')}`;
    const xml = shippingXml({ manufacturer, flows: `${mflow('M0', 'Buyer', 'S')}${mflow('M1', 'SendOrder', 'CS')}${mflow('M2', 'CE', 'Notice')}` })
      .replace('</bpmn:collaboration>', '<bpmn:participant id="Buyer" name="Bank" /></bpmn:collaboration>');
    const { ir, errors } = await build(xml);
    expect(errors).toEqual([]);
    expect(ir!.start).toMatchObject({ elementId: 'S', message: true, roles: ['Bank'] });
    expect(ir!.messageFlows!.map((f) => f.flowId)).toEqual(['M1', 'M2']);
  });

  it('refuses a partner\'s message into the start of a pool that a message from an executable pool starts', async () => {
    const xml = shippingXml({ flows: `${mflow('M0', 'Buyer', 'CS')}${mflow('M1', 'SendOrder', 'CS')}${mflow('M2', 'CE', 'Notice')}` })
      .replace('</bpmn:collaboration>', '<bpmn:participant id="Buyer" name="Bank" /></bpmn:collaboration>');
    expect((await build(xml)).errors).toEqual(['M0: message flow M0: pool "Carrier" starts by a message from an executable pool, so a partner\'s message cannot start it too; receive the partner\'s message in a receive task or catch event']);
  });
});

