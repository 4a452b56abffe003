/**
 * Call activities in the IR: the called process inlined as a scope of the caller (its own roles,
 * data shared by field name, its error end caught on the call activity), and the located refusals
 * (unknown process, a called process with errors, recursion, multi-instance, missing inputs).
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Problem } from '../problems.js';
import type { Workspace } from '../model/workspace.js';

const bpmn = (id: string, name: string, body: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs_${id}" targetNamespace="http://example.com/test">
  ${extra}
  <bpmn:process id="${id}" name="${name}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const task = (id: string, role: string, fields = '') => `<bpmn:userTask id="${id}" name="${id}" cf:role="${role}">${fields ? `<bpmn:extensionElements>${fields}</bpmn:extensionElements>` : ''}</bpmn:userTask>`;
const field = (name: string, type: string) => `<cf:field name="${name}" type="${type}" />`;
const call = (id: string, calledElement: string, inner = '') => `<bpmn:callActivity id="${id}" name="${id}" calledElement="${calledElement}">${inner}</bpmn:callActivity>`;

/** Order: Start -> Take (Seller, writes amount) -> Ship (call) -> Close -> End. */
const order = (callee = 'Shipment', extra = '') => bpmn('Order', '订单', `<bpmn:startEvent id="Start" />${task('Take', 'Seller', field('amount', 'uint'))}
  ${call('Ship', callee)}${task('Close', 'Seller')}<bpmn:endEvent id="End" />${extra}
  ${flow('F1', 'Start', 'Take')}${flow('F2', 'Take', 'Ship')}${flow('F3', 'Ship', 'Close')}${flow('F4', 'Close', 'End')}`);
/** Shipment, in a lane "Carrier": its start takes `amount`; Pack writes trackingNo; an exclusive gateway reads amount. */
const shipment = (startFields = field('amount', 'uint'), packFields = field('trackingNo', 'string')) => bpmn('Shipment', 'Shipment', `
  <bpmn:laneSet id="LS"><bpmn:lane id="L" name="Carrier"><bpmn:flowNodeRef>S</bpmn:flowNodeRef><bpmn:flowNodeRef>Pack</bpmn:flowNodeRef><bpmn:flowNodeRef>G</bpmn:flowNodeRef><bpmn:flowNodeRef>Insure</bpmn:flowNodeRef><bpmn:flowNodeRef>E</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
  <bpmn:startEvent id="S">${startFields ? `<bpmn:extensionElements>${startFields}</bpmn:extensionElements>` : ''}</bpmn:startEvent>
  <bpmn:userTask id="Pack" name="Pack">${packFields ? `<bpmn:extensionElements>${packFields}</bpmn:extensionElements>` : ''}</bpmn:userTask>
  <bpmn:exclusiveGateway id="G" default="FG2" /><bpmn:userTask id="Insure" name="Insure" /><bpmn:endEvent id="E" />
  ${flow('FS', 'S', 'Pack')}${flow('FP', 'Pack', 'G')}<bpmn:sequenceFlow id="FG1" sourceRef="G" targetRef="Insure"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">amount &gt; 1000</bpmn:conditionExpression></bpmn:sequenceFlow>
  ${flow('FG2', 'G', 'E')}${flow('FI', 'Insure', 'E')}`);

function workspace(...processes: [string, string][]): Workspace {
  return {
    schemaVersion: 1, name: 'Calls', organizations: [{ id: 'org', name: 'Org' }],
    roles: [{ id: 'Seller', name: 'Seller' }, { id: 'Carrier', name: 'Carrier' }],
    participants: [{ id: 's', name: 'S', kind: 'person', organization: 'org', roles: ['Seller'] }, { id: 'c', name: 'C', kind: 'person', organization: 'org', roles: ['Carrier'] }],
    processes: processes.map(([id, xml]) => ({ id, name: id, bpmn: xml })),
  };
}
const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

describe('call activities in the IR', () => {
  it('inlines the called process as a scope of the caller: its tasks keep their own roles, fields are shared by name', async () => {
    // given an order calling the shipment process by its BPMN process id
    const out = await generateWorkspace(workspace(['order', order()], ['shipment', shipment()]));
    // then both generate, and the order holds the shipment's tasks inside the call's scope
    expect(errorsOf(out.problems)).toEqual([]);
    const ir = out.processes[0].ir!;
    expect(ir.tasks.map((t) => [t.elementId, t.role])).toEqual([['Take', 'Seller'], ['Ship/Pack', 'Carrier'], ['Ship/Insure', 'Carrier'], ['Close', 'Seller']]);
    expect(ir.subprocesses).toEqual([expect.objectContaining({ elementId: 'Ship', name: 'Ship', inner: [1, 2], calledProcess: { documentId: 'shipment', processId: 'Shipment', name: 'Shipment' } })]);
    expect(ir.tasks[0].next).toEqual({ kind: 'subprocess', index: 0 });
    // the called process's condition reads the caller's amount, which is now stored; its output is the caller's field
    expect(ir.fields.map((f) => [f.name, f.stored])).toEqual([['amount', true], ['trackingNo', false]]);
    // the called process is still a process of its own
    expect(out.processes.map((p) => p.ir.contractName)).toEqual(['DingDan', 'Shipment']);
  });

  it('finds the called process by workspace id or by name too', async () => {
    for (const ref of ['shipment', 'Shipment']) {
      const out = await generateWorkspace(workspace(['order', order(ref)], ['shipment', shipment()]));
      expect(errorsOf(out.problems)).toEqual([]);
      expect(out.processes[0].ir.subprocesses[0].calledProcess?.documentId).toBe('shipment');
    }
  });

  it('lets an error boundary on the call activity catch the called process\'s error end; the called process alone ends there', async () => {
    const ERR = '<bpmn:error id="Err" name="Lost" errorCode="LOST" />';
    const lost = bpmn('Shipment', 'Shipment', `<bpmn:startEvent id="S" />${task('Pack', 'Carrier')}<bpmn:exclusiveGateway id="G" />
      <bpmn:endEvent id="E" /><bpmn:endEvent id="X"><bpmn:errorEventDefinition id="XD" errorRef="Err" /></bpmn:endEvent>
      ${flow('F1', 'S', 'Pack')}${flow('F2', 'Pack', 'G')}${flow('F3', 'G', 'E')}${flow('F4', 'G', 'X')}`, ERR);
    const catching = order('Shipment', `<bpmn:boundaryEvent id="B" attachedToRef="Ship"><bpmn:errorEventDefinition id="BD" errorRef="Err" /></bpmn:boundaryEvent>
      ${task('Refund', 'Seller')}<bpmn:endEvent id="E2" />${flow('F5', 'B', 'Refund')}${flow('F6', 'Refund', 'E2')}`).replace('<bpmn:process', `${ERR}<bpmn:process`);
    const out = await generateWorkspace(workspace(['order', catching], ['shipment', lost]));
    expect(errorsOf(out.problems)).toEqual([]);
    const [caller, called] = out.processes.map((p) => p.ir);
    const thrown = caller.ends.find((e) => e.elementId === 'Ship/X')!;
    expect(caller.errorBoundaries[thrown.throws!]).toMatchObject({ elementId: 'B', attachedTo: 0, errorCode: 'LOST' });
    // standalone, nothing catches it: the shipment ends there, as at a terminate end
    expect(called.ends.find((e) => e.elementId === 'X')).toMatchObject({ terminate: true, errorCode: 'LOST' });
    expect(called.ends.find((e) => e.elementId === 'X')!.throws).toBeUndefined();

    // without the boundary the caller must not let the error pass silently: refused at the call activity
    const uncaught = await generateWorkspace(workspace(['order', order()], ['shipment', lost]));
    expect(errorsOf(uncaught.problems)).toEqual([expect.objectContaining({ elementId: 'Ship', message: expect.stringMatching(/^in the called process "Shipment", at X: error end event X throws error "LOST", but no error boundary/) })]);
  });

  it('refuses an unknown called process, a multi-instance call and a missing name, at the call activity', async () => {
    const unknown = await generateWorkspace(workspace(['order', order('Nowhere')], ['shipment', shipment()]));
    expect(errorsOf(unknown.problems)).toEqual([expect.objectContaining({ elementId: 'Ship', path: 'processes[0].callActivities.Ship', message: expect.stringContaining('calls "Nowhere", which is no process of the workspace (known: Order, Shipment)') })]);
    const multi = await generateWorkspace(workspace(['order', order().replace('calledElement="Shipment">', 'calledElement="Shipment"><bpmn:multiInstanceLoopCharacteristics />')], ['shipment', shipment()]));
    expect(errorsOf(multi.problems)).toEqual([expect.objectContaining({ elementId: 'Ship', message: expect.stringContaining('multi-instance and looping call activities are not executable yet') })]);
    const unnamed = await generateWorkspace(workspace(['order', order().replace(' calledElement="Shipment"', '')], ['shipment', shipment()]));
    expect(errorsOf(unnamed.problems)).toEqual([expect.objectContaining({ elementId: 'Ship', message: expect.stringContaining('names no process to call') })]);
  });

  it('refuses recursion, naming the cycle, in every process on it', async () => {
    // given Order -> Shipment -> Order
    const back = shipment().replace('<bpmn:userTask id="Insure" name="Insure" />', call('Insure', 'Order'));
    const out = await generateWorkspace(workspace(['order', order()], ['shipment', back]));
    const errors = errorsOf(out.problems);
    expect(errors).toContainEqual(expect.objectContaining({ elementId: 'Insure', file: expect.stringContaining('shipment'), message: expect.stringContaining('leads back to itself ("shipment" → "order" → "shipment")') }));
    expect(errors).toContainEqual(expect.objectContaining({ elementId: 'Ship', file: expect.stringContaining('order'), message: expect.stringContaining('leads back to itself ("order" → "shipment" → "order")') }));
    // a process calling itself
    const self = await generateWorkspace(workspace(['order', order('Order')]));
    expect(errorsOf(self.problems)).toEqual([expect.objectContaining({ elementId: 'Ship', message: expect.stringContaining('("order" → "order")') })]);
  });

  it('refuses a call of a process that has errors of its own, and missing or mistyped inputs', async () => {
    const broken = await generateWorkspace(workspace(['order', order()], ['shipment', shipment().replace('name="Pack">', 'name="Pack" cf:role="Nobody">')]));
    expect(errorsOf(broken.problems)).toContainEqual(expect.objectContaining({ elementId: 'Ship', message: expect.stringContaining('the called process "shipment" has errors of its own; fix them there first (1 error, the first: Pack: role "Nobody"') }));
    const missing = await generateWorkspace(workspace(['order', order()], ['shipment', shipment(field('amount', 'uint') + field('weight', 'uint'))]));
    expect(errorsOf(missing.problems)).toEqual([expect.objectContaining({ elementId: 'Ship', message: expect.stringContaining('takes field "weight" (uint) at its start, but no task or start event of this process writes a field of that name') })]);
    const mistyped = await generateWorkspace(workspace(['order', order()], ['shipment', shipment(field('amount', 'int'))]));
    expect(errorsOf(mistyped.problems)).toContainEqual(expect.objectContaining({ elementId: 'Ship', message: expect.stringContaining('takes field "amount" as int, but here it is uint') }));
  });

  it('puts a problem that only the composition has on the call activity, naming the element in the called process', async () => {
    // given the shipment writes trackingNo as a number, the order as text
    const out = await generateWorkspace(workspace(['order', order().replace(field('amount', 'uint'), field('amount', 'uint') + field('trackingNo', 'uint'))], ['shipment', shipment()]));
    expect(errorsOf(out.problems)).toEqual([expect.objectContaining({ elementId: 'Ship', message: expect.stringMatching(/^in the called process "Shipment", at Pack: .*trackingNo/) })]);
  });

  it('inlines nested calls in turn: a called process that calls another', async () => {
    // given Order -> Shipment, whose "Insure" is a call of the Insurance process (in lane Carrier, done by the Seller there)
    const insurance = bpmn('Insurance', 'Insurance', `<bpmn:startEvent id="IS" />${task('Quote', 'Seller', field('premium', 'uint'))}<bpmn:endEvent id="IE" />${flow('I1', 'IS', 'Quote')}${flow('I2', 'Quote', 'IE')}`);
    const calling = shipment().replace('<bpmn:userTask id="Insure" name="Insure" />', call('Insure', 'Insurance'));
    const out = await generateWorkspace(workspace(['order', order()], ['shipment', calling], ['insurance', insurance]));
    expect(errorsOf(out.problems)).toEqual([]);
    const ir = out.processes[0].ir!;
    // the nested call is a scope inside the outer one, its task keeps the role of its own process
    expect(ir.subprocesses.map((s) => [s.elementId, s.parent, s.calledProcess?.processId])).toEqual([['Ship', undefined, 'Shipment'], ['Ship/Insure', 0, 'Insurance']]);
    expect(ir.tasks.find((t) => t.elementId === 'Ship/Insure/Quote')).toMatchObject({ role: 'Seller' });
    expect(ir.fields.map((f) => f.name)).toEqual(['amount', 'trackingNo', 'premium']);
    // a problem deep inside is put on the outer call activity, naming the path inside
    // (the order writes premium as text; the insurance, two calls down, as a number)
    const conflicting = order().replace(field('amount', 'uint'), field('amount', 'uint') + field('premium', 'string'));
    const broken = await generateWorkspace(workspace(['order', conflicting], ['shipment', calling], ['insurance', insurance]));
    expect(errorsOf(broken.problems)).toEqual([expect.objectContaining({ elementId: 'Ship', message: expect.stringMatching(/^in the called process "Shipment", at Insure\/Quote: .*premium/) })]);
    // a problem of the middle process is its own, and the caller's call of it is refused saying so
    const middle = await generateWorkspace(workspace(['order', order()], ['shipment', calling], ['insurance', insurance.replace(field('premium', 'uint'), field('trackingNo', 'uint'))]));
    expect(errorsOf(middle.problems)).toEqual([
      expect.objectContaining({ elementId: 'Ship', message: expect.stringContaining('the called process "shipment" has errors of its own; fix them there first (1 error, the first: Insure: in the called process "Insurance", at Quote: field "trackingNo"') }),
      expect.objectContaining({ elementId: 'Insure', file: expect.stringContaining('shipment') }),
    ]);
  });

  it('inlines a call inside an embedded subprocess, with a timer boundary on the call', async () => {
    const inSub = bpmn('Order', 'Order', `<bpmn:startEvent id="Start" />${task('Take', 'Seller', field('amount', 'uint'))}
      <bpmn:subProcess id="Sub" name="Fulfil"><bpmn:startEvent id="SS" />${call('Ship', 'Shipment')}<bpmn:endEvent id="SE" />${flow('S1', 'SS', 'Ship')}${flow('S2', 'Ship', 'SE')}
        <bpmn:boundaryEvent id="Late" attachedToRef="Ship"><bpmn:timerEventDefinition id="LD"><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        ${task('Chase', 'Seller')}${flow('S3', 'Late', 'Chase')}${flow('S4', 'Chase', 'SE')}</bpmn:subProcess>
      <bpmn:endEvent id="End" />${flow('F1', 'Start', 'Take')}${flow('F2', 'Take', 'Sub')}${flow('F3', 'Sub', 'End')}`);
    const out = await generateWorkspace(workspace(['order', inSub], ['shipment', shipment()]));
    expect(errorsOf(out.problems)).toEqual([]);
    const ir = out.processes[0].ir!;
    expect(ir.subprocesses.map((s) => [s.elementId, s.parent])).toEqual([['Sub', undefined], ['Ship', 0]]);
    expect(ir.timers).toEqual([expect.objectContaining({ elementId: 'Late', attachedToSubprocess: 1, interrupting: true })]);
    // the called tasks are inside both scopes
    const pack = ir.tasks.find((t) => t.elementId === 'Ship/Pack')!;
    expect(ir.subprocesses.every((s) => s.inner.includes(pack.bit))).toBe(true);
  });
});
