/**
 * Messages in the IR: receive tasks, message catch/boundary/start events (delivered by the sending
 * role), service tasks (requests), message senders (send task, throw and end events), event-based
 * gateways, message flows from other pools; and the located refusals of what cannot run.
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Problem } from '../problems.js';
import type { Workspace } from '../model/workspace.js';

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test"`;
const bpmn = (body: string, collaboration = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>${collaboration}<bpmn:process id="P" name="Messages" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const MSG = '<bpmn:messageEventDefinition />';
const field = (name: string, type = 'string', required = false) => `<cf:field name="${name}" type="${type}" required="${required}" />`;
const fields = (...f: string[]) => `<bpmn:extensionElements>${f.join('')}</bpmn:extensionElements>`;
const timer = (id: string, d = 'PT48H') => `<bpmn:intermediateCatchEvent id="${id}" name="Timeout"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${d}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;

function workspace(xml: string): Workspace {
  const roles = ['Buyer', 'Supplier', 'Device'];
  return {
    schemaVersion: 1, name: 'Test', organizations: [{ id: 'org', name: 'Org' }], roles: roles.map((r) => ({ id: r, name: r })),
    participants: roles.map((r) => ({ id: r.toLowerCase(), name: r, kind: 'person' as const, organization: 'org', roles: [r] })),
    processes: [{ id: 'p1', name: 'Messages', bpmn: xml }],
  };
}
const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => `${p.elementId}: ${p.message}`);
const build = async (xml: string) => {
  const out = await generateWorkspace(workspace(xml));
  return { ir: out.processes[0]?.ir, errors: errorsOf(out.problems) };
};

describe('messages in the IR', () => {
  it('a receive task waits for the role of the pool its message flow comes from, with the payload as writes', async () => {
    // given a collaboration: the supplier's black-box pool sends the delivery note to the receive task
    const collab = `<bpmn:collaboration id="C"><bpmn:participant id="Pool" processRef="P" /><bpmn:participant id="Sup" name="Supplier" />
      <bpmn:messageFlow id="MF" sourceRef="Sup" targetRef="R" /></bpmn:collaboration>`;
    const { ir, errors } = await build(bpmn(`<bpmn:startEvent id="S" cf:role="Buyer" /><bpmn:receiveTask id="R" name="Goods arrive">${fields(field('note', 'string', true))}</bpmn:receiveTask>
      <bpmn:endEvent id="E" />${flow('F1', 'S', 'R')}${flow('F2', 'R', 'E')}`, collab));
    expect(errors).toEqual([]);
    expect(ir!.tasks[0]).toMatchObject({ elementId: 'R', kind: 'receive', role: 'Supplier', bit: 0, writes: [{ field: 0, required: true }] });
  });

  it('a message catch event without a message flow takes its cf:role, else its lane; with neither it is refused', async () => {
    const own = await build(bpmn(`<bpmn:startEvent id="S" cf:role="Buyer" /><bpmn:intermediateCatchEvent id="M" name="Paid" cf:role="Supplier">${MSG}</bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="E" />${flow('F1', 'S', 'M')}${flow('F2', 'M', 'E')}`));
    expect(own.errors).toEqual([]);
    expect(own.ir!.tasks[0]).toMatchObject({ kind: 'message', role: 'Supplier' });
    const none = await build(bpmn(`<bpmn:startEvent id="S" cf:role="Buyer" /><bpmn:intermediateCatchEvent id="M" name="Paid">${MSG}</bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="E" />${flow('F1', 'S', 'M')}${flow('F2', 'M', 'E')}`));
    expect(none.errors).toEqual(['M: intermediate catch event "Paid" has no sender: draw a message flow to it from the sending pool, or give it a cf:role or a lane naming the role that delivers it']);
  });

  it('a sender role that is not defined is refused, saying where it came from', async () => {
    const collab = `<bpmn:collaboration id="C"><bpmn:participant id="Pool" processRef="P" /><bpmn:participant id="Bank" name="Bank" />
      <bpmn:messageFlow id="MF" sourceRef="Bank" targetRef="R" /></bpmn:collaboration>`;
    const { errors } = await build(bpmn(`<bpmn:startEvent id="S" /><bpmn:receiveTask id="R" /><bpmn:endEvent id="E" />${flow('F1', 'S', 'R')}${flow('F2', 'R', 'E')}`, collab));
    expect(errors).toEqual(['R: role "Bank" (from pool "Bank", which sends message flow MF) is not defined']);
  });

  it('a service task requests with its payload (kept in storage) and is done by its own role', async () => {
    const { ir, errors } = await build(bpmn(`<bpmn:startEvent id="S" cf:role="Buyer">${fields(field('machine'), field('level', 'uint'))}</bpmn:startEvent>
      <bpmn:serviceTask id="D" name="Diagnose" cf:role="Device" cf:payload="machine, level">${fields(field('fault'))}</bpmn:serviceTask>
      <bpmn:endEvent id="E" />${flow('F1', 'S', 'D')}${flow('F2', 'D', 'E')}`));
    expect(errors).toEqual([]);
    expect(ir!.tasks[0]).toMatchObject({ kind: 'service', role: 'Device', requests: [0, 1], writes: [{ field: 2, required: false }] });
    expect(ir!.fields.map((f) => f.stored)).toEqual([true, true, false]);
  });

  it('send tasks, throw and end events become senders on the way; a message end event then ends the token', async () => {
    const { ir, errors } = await build(bpmn(`<bpmn:startEvent id="S" cf:role="Buyer">${fields(field('order'))}</bpmn:startEvent>
      <bpmn:sendTask id="Send" name="Order" cf:payload="order" /><bpmn:intermediateThrowEvent id="Th" name="Notify">${MSG}</bpmn:intermediateThrowEvent>
      <bpmn:userTask id="T" cf:role="Buyer" /><bpmn:endEvent id="E" name="Bye" cf:payload="order">${MSG}</bpmn:endEvent>
      ${flow('F1', 'S', 'Send')}${flow('F2', 'Send', 'Th')}${flow('F3', 'Th', 'T')}${flow('F4', 'T', 'E')}`));
    expect(errors).toEqual([]);
    expect(ir!.scripts.map((x) => [x.elementId, x.sends, x.assignments.length])).toEqual([['Send', [0], 0], ['Th', [], 0], ['E', [0], 0]]);
    expect(ir!.start.next).toEqual({ kind: 'task', index: 0, scripts: [0, 1] });
    expect(ir!.tasks[0].next).toEqual({ kind: 'end', index: 0, scripts: [2] });
    expect(ir!.ends[0]).toMatchObject({ elementId: 'E', terminate: false });
  });

  it('a message start event is started by the sender role; without one, by any member', async () => {
    const collab = `<bpmn:collaboration id="C"><bpmn:participant id="Pool" processRef="P" /><bpmn:participant id="Dev" name="Sensors" cf:role="Device" />
      <bpmn:messageFlow id="MF" sourceRef="Dev" targetRef="S" /></bpmn:collaboration>`;
    const body = `<bpmn:startEvent id="S">${MSG}</bpmn:startEvent><bpmn:userTask id="T" cf:role="Buyer" /><bpmn:endEvent id="E" />${flow('F1', 'S', 'T')}${flow('F2', 'T', 'E')}`;
    const withFlow = await build(bpmn(body, collab));
    expect(withFlow.errors).toEqual([]);
    expect(withFlow.ir!.start).toMatchObject({ roles: ['Device'], message: true });
    expect((await build(bpmn(body))).ir!.start.roles).toEqual([]);
  });

  it('message boundary events of both kinds attach to a task, their bits after it', async () => {
    const { ir, errors } = await build(bpmn(`<bpmn:startEvent id="S" /><bpmn:userTask id="T" cf:role="Buyer" />
      <bpmn:boundaryEvent id="Stop" attachedToRef="T" cf:role="Supplier">${MSG}</bpmn:boundaryEvent>
      <bpmn:boundaryEvent id="Ask" attachedToRef="T" cancelActivity="false" cf:role="Supplier">${MSG}</bpmn:boundaryEvent>
      <bpmn:endEvent id="E" /><bpmn:endEvent id="E2" /><bpmn:endEvent id="E3" />
      ${flow('F1', 'S', 'T')}${flow('F2', 'T', 'E')}${flow('F3', 'Stop', 'E2')}${flow('F4', 'Ask', 'E3')}`));
    expect(errors).toEqual([]);
    expect(ir!.tasks.slice(1)).toMatchObject([
      { elementId: 'Stop', kind: 'message', attachedTo: 0, interrupting: true, role: 'Supplier', bit: 1 },
      { elementId: 'Ask', kind: 'message', attachedTo: 0, interrupting: false, bit: 2 },
    ]);
  });

  it('an event-based gateway races its targets', async () => {
    const { ir, errors } = await build(bpmn(`<bpmn:startEvent id="S" cf:role="Buyer" /><bpmn:eventBasedGateway id="G" name="First" />
      <bpmn:receiveTask id="R" cf:role="Supplier" />${timer('W')}<bpmn:intermediateCatchEvent id="M" cf:role="Device">${MSG}</bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="E" />${flow('F1', 'S', 'G')}${flow('F2', 'G', 'R')}${flow('F3', 'G', 'W')}${flow('F4', 'G', 'M')}${flow('F5', 'R', 'E')}${flow('F6', 'W', 'E')}${flow('F7', 'M', 'E')}`));
    expect(errors).toEqual([]);
    expect(ir!.gateways[0]).toMatchObject({ kind: 'event', inputBits: [] });
    expect(ir!.gateways[0].branches.map((b) => b.target)).toEqual([{ kind: 'task', index: 0 }, { kind: 'timer', index: 0 }, { kind: 'task', index: 1 }]);
    expect([ir!.tasks[0].race, ir!.tasks[1].race, ir!.timers[0].race]).toEqual([0, 0, 0]);
  });

  it.each([
    ['a user task after it', '<bpmn:userTask id="X" cf:role="Buyer" />', 'G: event-based gateway "First": flow F3 leads to X; an event-based gateway leads only to intermediate timer or message catch events and receive tasks'],
    ['a target with another incoming flow', `<bpmn:receiveTask id="X" cf:role="Supplier" />`, 'G: event-based gateway "First": X has other incoming flows; an event that races after an event-based gateway is reached only from it', flow('F9', 'S2', 'X')],
  ])('refuses an event-based gateway with %s', async (_, target, message, extra = '') => {
    const xml = bpmn(`<bpmn:startEvent id="S" cf:role="Buyer" /><bpmn:eventBasedGateway id="G" name="First" /><bpmn:receiveTask id="R" cf:role="Supplier" />${target}
      <bpmn:endEvent id="E" />${extra ? '<bpmn:parallelGateway id="S2" />' : ''}
      ${extra ? `${flow('F0', 'S', 'S2')}${flow('F1', 'S2', 'G')}${extra}` : flow('F1', 'S', 'G')}${flow('F2', 'G', 'R')}${flow('F3', 'G', 'X')}${flow('F5', 'R', 'E')}${flow('F6', 'X', 'E')}`);
    expect((await build(xml)).errors).toContain(message);
  });

  it('refuses a message flow into an element that cannot receive, and an unknown payload field', async () => {
    const collab = `<bpmn:collaboration id="C"><bpmn:participant id="Pool" processRef="P" /><bpmn:participant id="Sup" name="Supplier" />
      <bpmn:messageFlow id="MF" sourceRef="Sup" targetRef="T" /></bpmn:collaboration>`;
    const { errors } = await build(bpmn(`<bpmn:startEvent id="S" cf:role="Buyer" /><bpmn:userTask id="T" name="Check" cf:role="Buyer" />
      <bpmn:sendTask id="Send" name="Tell" cf:payload="nothing" /><bpmn:endEvent id="E" />${flow('F1', 'S', 'T')}${flow('F2', 'T', 'Send')}${flow('F3', 'Send', 'E')}`, collab));
    expect(errors).toEqual([
      'MF: message flow MF ends at user task "Check", which cannot receive a message; end it at a receive task or a message start, catch or boundary event',
      'Send: send task "Tell": cf:payload names field "nothing", which no start event or task declares (cf:field)',
    ]);
  });

  it('a collaboration runs its one executable pool; a partner pool is documentation whose message flows say who sends', async () => {
    const xml = (partnerExecutable: boolean) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}><bpmn:collaboration id="C"><bpmn:participant id="Own" name="Plant" processRef="P" /><bpmn:participant id="Partner" name="Supplier" processRef="Q" />
      <bpmn:messageFlow id="MF" sourceRef="QSend" targetRef="R" /></bpmn:collaboration>
  <bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S" cf:role="Buyer" /><bpmn:receiveTask id="R" /><bpmn:endEvent id="E" />${flow('F1', 'S', 'R')}${flow('F2', 'R', 'E')}</bpmn:process>
  <bpmn:process id="Q" isExecutable="${partnerExecutable}"><bpmn:laneSet><bpmn:lane id="QL" name="Device"><bpmn:flowNodeRef>QSend</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="QS" /><bpmn:sendTask id="QSend" name="Ship" /><bpmn:endEvent id="QE" />${flow('G1', 'QS', 'QSend')}${flow('G2', 'QSend', 'QE')}</bpmn:process></bpmn:definitions>`;
    const out = await generateWorkspace(workspace(xml(false)));
    expect(errorsOf(out.problems)).toEqual([]);
    expect(out.problems.map((p) => `${p.elementId}: ${p.message}`)).toContain('Partner: pool "Supplier" is a partner: its process is not executable (isExecutable="false") and is not executed here; its message flows say who sends to the executable pool');
    // the sender is the lane of the partner's sending element
    expect(out.processes[0].ir.tasks[0]).toMatchObject({ elementId: 'R', kind: 'receive', role: 'Device' });
    // both executable: a collaboration of two pools (rewrite-collaboration.ts), where only one may start an instance
    expect((await build(xml(true))).errors).toEqual(['QS: pool "Supplier" would start an instance too (start event QS), besides pool "Plant": exactly one executable pool starts the collaboration; every other starts by a message start event that a message flow from an executable pool reaches']);
  });

  it('still refuses a second start event, naming it', async () => {
    const { errors } = await build(bpmn(`<bpmn:startEvent id="S" /><bpmn:startEvent id="S2" name="Alarm">${MSG}</bpmn:startEvent><bpmn:userTask id="T" cf:role="Buyer" />
      <bpmn:endEvent id="E" />${flow('F1', 'S', 'T')}${flow('F2', 'S2', 'T')}${flow('F3', 'T', 'E')}`));
    expect(errors).toContain('S2: a second start event "Alarm": a process has exactly one start event (none, message or timer); start alternatives with an event-based or exclusive gateway after it');
  });
});
