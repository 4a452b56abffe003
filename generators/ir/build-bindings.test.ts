/**
 * Role bindings in the IR (`cf:binds`): the nominee field, the rule, which tasks the binding
 * restricts, and every refusal located on the element that carries it.
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Problem } from '../problems.js';
import type { Workspace } from '../model/workspace.js';

const bpmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process id="P" name="Bindings" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const ext = (inner: string) => (inner ? `<bpmn:extensionElements>${inner}</bpmn:extensionElements>` : '');

/** start -> Plan (Manufacturer, with `planExt`) -> Ship (Carrier) -> Pay (Buyer) -> end */
const chain = (planExt: string, startExt = '', shipExt = '') => bpmn(`<bpmn:startEvent id="Start">${ext(startExt)}</bpmn:startEvent>
  <bpmn:userTask id="Plan" name="Plan shipment" cf:role="Manufacturer">${ext(planExt)}</bpmn:userTask>
  <bpmn:userTask id="Ship" name="Ship" cf:role="carrier">${ext(shipExt)}</bpmn:userTask>
  <bpmn:userTask id="Pay" name="Pay" cf:role="Buyer" /><bpmn:endEvent id="E" />
  ${flow('F1', 'Start', 'Plan')}${flow('F2', 'Plan', 'Ship')}${flow('F3', 'Ship', 'Pay')}${flow('F4', 'Pay', 'E')}`);

function workspace(xml: string): Workspace {
  return {
    schemaVersion: 1, name: 'Test', organizations: [{ id: 'org', name: 'Org' }],
    roles: [{ id: 'Buyer', name: 'Buyer' }, { id: 'Manufacturer', name: 'Manufacturer' }, { id: 'carrier', name: 'Special carrier' }],
    participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'org', roles: ['Buyer'] }],
    processes: [{ id: 'p1', name: 'Bindings', bpmn: xml }],
  };
}
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => `${p.elementId}: ${p.message}`);

describe('role bindings in the IR', () => {
  it('binds through a required address field named after the role, restricting the tasks of that role only', async () => {
    // given a task that binds the carrier role (by its name) with the default rule
    const out = await generateWorkspace(workspace(chain('<cf:binds role="Special carrier" />')));
    // then the nominee is a required address field of that task, and only the carrier's task is restricted
    expect(errors(out.problems)).toEqual([]);
    const ir = out.processes[0].ir;
    expect(ir.fields).toEqual([{ name: 'specialCarrier', identifier: 'specialCarrier', type: 'address', label: 'Special carrier', stored: false }]);
    expect(ir.tasks[0].writes).toEqual([{ field: 0, required: true }]);
    expect(ir.bindings).toEqual([{ role: 'carrier', elementId: 'Plan', task: 0, field: 0, rebind: 'once' }]);
    expect(ir.tasks.map((t) => t.binding)).toEqual([undefined, 0, undefined]);
  });

  it('uses a declared optional address field and the sameTask rule; the start event may bind', async () => {
    const out = await generateWorkspace(workspace(chain(
      '<cf:field name="承运商" type="address" label="Carrier" /><cf:binds role="carrier" field="承运商" rebind="sameTask" />',
      '<cf:binds role="Manufacturer" />',
    )));
    expect(errors(out.problems)).toEqual([]);
    const ir = out.processes[0].ir;
    expect(ir.bindings).toEqual([
      { role: 'Manufacturer', elementId: 'Start', field: 0, rebind: 'once' },
      { role: 'carrier', elementId: 'Plan', task: 0, field: 1, rebind: 'sameTask' },
    ]);
    expect(ir.tasks[0].writes).toEqual([{ field: 1, required: false }]);
    expect(ir.fields[1]).toMatchObject({ name: '承运商', type: 'address', label: 'Carrier' });
    expect(ir.tasks.map((t) => t.binding)).toEqual([0, 1, undefined]);
  });

  it.each([
    ['no role', '<cf:binds />', 'Plan: cf:binds on "Plan shipment" has no role; write role="…" with the role whose participant this step nominates'],
    ['an unknown role', '<cf:binds role="Carier" />', 'Plan: role "Carier" (from cf:binds) is not defined'],
    ['an unknown rule', '<cf:binds role="carrier" rebind="always" />', 'Plan: cf:binds of role "Special carrier": rebind="always" is not a rule; use "once" or "sameTask"'],
    ['a field of another type', '<cf:field name="who" type="string" /><cf:binds role="carrier" field="who" />', 'Plan: cf:binds of role "carrier" nominates through field "who", which is string; the nominee field must be an address'],
    ['a field name that is not a word', '<cf:binds role="carrier" field="the carrier" />', 'Plan: cf:binds of role "carrier": nominee field name "the carrier" must be a single word of letters, digits or _; set field="…"'],
  ])('refuses a binding with %s, located on its element', async (_, planExt, message) => {
    expect(errors((await generateWorkspace(workspace(chain(planExt)))).problems)).toEqual([message]);
  });

  it('refuses a second element binding the same role, naming the first', async () => {
    const out = await generateWorkspace(workspace(chain('<cf:binds role="carrier" />', '<cf:binds role="carrier" />')));
    expect(errors(out.problems)).toEqual(['Plan: role "Special carrier" is already bound by Start; one element binds a role (rebind="sameTask" lets that element bind it again)']);
  });

  it('refuses cf:binds where nobody acts (a gateway), and warns about a binding no task is restricted by', async () => {
    const xml = bpmn(`<bpmn:startEvent id="Start" /><bpmn:exclusiveGateway id="G" name="Merge">${ext('<cf:binds role="carrier" />')}</bpmn:exclusiveGateway>
      <bpmn:userTask id="Pay" name="Pay" cf:role="Buyer">${ext('<cf:binds role="Manufacturer" />')}</bpmn:userTask><bpmn:endEvent id="E" />
      ${flow('F1', 'Start', 'G')}${flow('F2', 'G', 'Pay')}${flow('F3', 'Pay', 'E')}`);
    const out = await generateWorkspace(workspace(xml));
    expect(errors(out.problems)).toEqual(['G: "Merge" has a cf:binds, but only the start event and user tasks nominate participants (someone must be there to choose)']);
    const ok = await generateWorkspace(workspace(xml.replace(`<bpmn:extensionElements><cf:binds role="carrier" /></bpmn:extensionElements>`, '')));
    expect(ok.problems.map((p) => `${p.severity} ${p.elementId}: ${p.message}`)).toEqual(['warning Pay: "Pay" binds role "Manufacturer", but no task of this process is performed by that role: the binding restricts nothing']);
  });

  it('keeps the names its binding code uses free: a task called "bound" is renamed only in a process that binds', async () => {
    const bound = chain('<cf:binds role="carrier" />').replace('name="Pay"', 'name="Bound"');
    expect((await generateWorkspace(workspace(bound))).processes[0].ir.tasks[2].identifier).toBe('bound_2');
    const unbound = chain('').replace('name="Pay"', 'name="Bound"');
    expect((await generateWorkspace(workspace(unbound))).processes[0].ir.tasks[2].identifier).toBe('bound');
  });
});
