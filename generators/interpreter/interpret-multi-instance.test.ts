/**
 * Multi-instance tasks: what the IR accepts and refuses (located), and how the reference
 * interpreter counts instances: parallel (one per participant per activation), sequential, the
 * completion condition, and a fresh count when a loop activates the task again.
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Problem } from '../problems.js';
import type { Workspace } from '../model/workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import { complete, createInstance, enabled, start, type InstanceState, type StepResult } from './interpret-process.js';

const bpmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process id="P" name="Approvals" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const mi = (inner: string, sequential = false) => `<bpmn:multiInstanceLoopCharacteristics${sequential ? ' isSequential="true"' : ''}>${inner}</bpmn:multiInstanceLoopCharacteristics>`;
const cardinality = (n: string) => `<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${n}</bpmn:loopCardinality>`;
const completion = (text: string) => `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${text}</bpmn:completionCondition>`;
/** Start -> Approve (multi-instance `loop`) -> Pay -> End */
const approval = (loop: string) => bpmn(`<bpmn:startEvent id="Start" /><bpmn:userTask id="Approve" name="Approve" cf:role="Bank">${loop}</bpmn:userTask>
  <bpmn:userTask id="Pay" name="Pay" cf:role="Bank" /><bpmn:endEvent id="End" />${flow('F1', 'Start', 'Approve')}${flow('F2', 'Approve', 'Pay')}${flow('F3', 'Pay', 'End')}`);

const ACCOUNTS = ['0x1111111111111111111111111111111111111111', '0x2222222222222222222222222222222222222222', '0x3333333333333333333333333333333333333333'];
const banker = (k: number) => ({ roles: ['Bank'], member: true, account: ACCOUNTS[k] });

function workspace(xml: string): Workspace {
  return {
    schemaVersion: 1, name: 'Test', organizations: [{ id: 'org', name: 'Org' }], roles: [{ id: 'Bank', name: 'Bank' }],
    participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'org', roles: ['Bank'] }],
    processes: [{ id: 'p1', name: 'Approvals', bpmn: xml }],
  };
}
const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
async function irOf(xml: string): Promise<ProcessIR> {
  const out = await generateWorkspace(workspace(xml));
  if (!out.processes[0].ir) throw new Error(JSON.stringify(errorsOf(out.problems)));
  return out.processes[0].ir;
}
const ok = (r: StepResult): InstanceState => {
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.state;
};
const names = (ir: ProcessIR, s: InstanceState) => enabled(s).map((i) => ir.tasks[i].name);

describe('multi-instance tasks in the IR', () => {
  it('reads the cardinality, the order and the completion condition', async () => {
    const ir = await irOf(approval(mi(`${cardinality('3')}${completion('nrOfCompletedInstances &gt;= 2')}`)));
    expect(ir.tasks[0].multi).toMatchObject({ sequential: false, cardinality: 3, completionText: 'nrOfCompletedInstances >= 2' });
    expect((await irOf(approval(mi(cardinality('2'), true)))).tasks[0].multi).toEqual({ sequential: true, cardinality: 2 });
  });

  it.each([
    ['no cardinality', mi(''), 'has no loopCardinality'],
    ['a cardinality that is an expression', mi(cardinality('amount')), 'loopCardinality "amount" must be a whole number from 1 to 255'],
    ['a cardinality of 0', mi(cardinality('0')), 'must be a whole number from 1 to 255'],
    ['a condition over a process field', mi(`${cardinality('3')}${completion('amount &gt; 2')}`), 'completion condition "amount > 2"'],
    ['a condition that is not boolean', mi(`${cardinality('3')}${completion('nrOfInstances + 1')}`), 'completion condition'],
    ['one instance per role holder', mi(cardinality('3')).replace('<bpmn:multiInstanceLoopCharacteristics', '<bpmn:multiInstanceLoopCharacteristics cf:forEachOf="Bank"'), 'cf:forEachOf'],
    ['a standard loop', '<bpmn:standardLoopCharacteristics />', 'standard loop characteristics (a standard loop) is not executable yet'],
  ])('refuses %s, on the task', async (_, loop, message) => {
    const errors = errorsOf((await generateWorkspace(workspace(approval(loop)))).problems);
    expect(errors).toEqual([expect.objectContaining({ elementId: 'Approve', message: expect.stringContaining(message) })]);
  });
});

describe('multi-instance tasks in the interpreter', () => {
  it('parallel, 2 of 3: stays enabled after one, refuses the same participant twice, finishes at the second', async () => {
    // given an activated "Approve" (3 instances, done when 2 are completed)
    const ir = await irOf(approval(mi(`${cardinality('3')}${completion('nrOfCompletedInstances &gt;= 2')}`)));
    const s0 = ok(start(createInstance(ir), banker(0)));
    // when one banker approves
    const s1 = ok(complete(s0, 0, banker(0)));
    // then the task is still enabled, with one instance done; the same banker is refused
    expect(names(ir, s1)).toEqual(['Approve']);
    expect(s1.multi[0]).toMatchObject({ activation: 1, completed: 1 });
    expect(complete(s1, 0, banker(0))).toMatchObject({ ok: false, error: 'InstanceAlreadyCompletedByCaller' });
    // and a second banker's approval finishes it: the token moves on to "Pay"
    expect(names(ir, ok(complete(s1, 0, banker(1))))).toEqual(['Pay']);
  });

  it('sequential: the same participant may do every instance, one after the other', async () => {
    const ir = await irOf(approval(mi(cardinality('2'), true)));
    const s1 = ok(complete(ok(start(createInstance(ir), banker(0))), 0, banker(0)));
    expect(names(ir, s1)).toEqual(['Approve']);
    expect(names(ir, ok(complete(s1, 0, banker(0))))).toEqual(['Pay']);
  });

  it('starts a fresh count (and lets everyone again) when a loop activates the task again', async () => {
    // given Start -> M -> Approve (2, parallel) -> Decide -> back to M or End
    const ir = await irOf(bpmn(`<bpmn:startEvent id="Start" /><bpmn:exclusiveGateway id="M" />
      <bpmn:userTask id="Approve" name="Approve" cf:role="Bank">${mi(cardinality('2'))}</bpmn:userTask>
      <bpmn:userTask id="Decide" name="Decide" cf:role="Bank" /><bpmn:exclusiveGateway id="G" default="Out" /><bpmn:endEvent id="End" />
      ${flow('F1', 'Start', 'M')}${flow('F2', 'M', 'Approve')}${flow('F3', 'Approve', 'Decide')}${flow('F4', 'Decide', 'G')}${flow('Back', 'G', 'M')}${flow('Out', 'G', 'End')}`));
    let s = ok(start(createInstance(ir), banker(0)));
    s = ok(complete(ok(complete(s, 0, banker(0))), 0, banker(1)));
    // when the decider sends it back (choice 1)
    s = ok(complete(s, 1, banker(2), {}, 1));
    // then "Approve" is active again with none done, and the first banker may approve again
    expect(names(ir, s)).toEqual(['Approve']);
    expect(s.multi[0]).toMatchObject({ activation: 2, completed: 0 });
    expect(ok(complete(s, 0, banker(0))).multi[0]).toMatchObject({ completed: 1 });
  });
});

describe('multi-instance tasks for each holder of a role (cf:forEachOf)', () => {
  const forEach = (extra = '') => approval(`<bpmn:multiInstanceLoopCharacteristics cf:forEachOf="Bank">${extra}</bpmn:multiInstanceLoopCharacteristics>`);

  it('reads the role and refuses it beside a loopCardinality, or for an unknown role', async () => {
    expect((await irOf(forEach())).tasks[0].multi).toEqual({ sequential: false, cardinality: 0, forEachOf: 'Bank' });
    const both = errorsOf((await generateWorkspace(workspace(forEach(cardinality('2'))))).problems);
    expect(both).toEqual([expect.objectContaining({ elementId: 'Approve', message: expect.stringContaining('both a loopCardinality and cf:forEachOf') })]);
    const unknown = errorsOf((await generateWorkspace(workspace(forEach().replace('cf:forEachOf="Bank"', 'cf:forEachOf="Auditor"')))).problems);
    expect(unknown).toEqual([expect.objectContaining({ elementId: 'Approve', message: expect.stringContaining('role "Auditor", which is not defined') })]);
  });

  it('takes as many instances as the role has holders when the task is activated', async () => {
    // given three bankers and one supplier in the registry
    const ir = await irOf(forEach());
    const members = new Map<string, readonly string[]>([...ACCOUNTS.map((a): [string, string[]] => [a, ['Bank']]), ['0x4444444444444444444444444444444444444444', ['Supplier']]]);
    let s = ok(start(createInstance(ir, members), banker(0)));
    expect(s.multi[0]).toMatchObject({ total: 3, completed: 0 });
    // when two of them approve, the task still waits for the third
    s = ok(complete(ok(complete(s, 0, banker(0))), 0, banker(1)));
    expect(names(ir, s)).toEqual(['Approve']);
    // and the third finishes it
    expect(names(ir, ok(complete(s, 0, banker(2))))).toEqual(['Pay']);
  });
});
