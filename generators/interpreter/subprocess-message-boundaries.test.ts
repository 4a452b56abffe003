/**
 * Message boundary events on an embedded subprocess (docs/process-format.md, "Subprocesses"): while
 * the subprocess runs, its message may be delivered by the sending role. Interrupting ("Cancel
 * order"): withdraws every token of the scope (a multi-instance task half done, a nested
 * subprocess, an event-based race and its timer, a parallel join's waiting input, the scope's own
 * boundary timer) and leaves by its path in the same step. Non-interrupting ("Change request"): the
 * scope goes on, a token leaves by its path each time; a token arriving where the path still holds
 * one is absorbed, as at any enabled task. The IR, the interpreter's walk, the compiled contract step
 * by step beside the interpreter, then random traces.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Workspace } from '../model/workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import { subprocessBits } from '../ir/timer-bits.js';
import { complete, createInstance, enabled, start, trigger, type Caller, type InstanceState, type StepResult } from './interpret-process.js';
import { deployProcess, TEST_EPOCH, type DeployedProcess } from '../testing/process-on-evm.js';
import { traceIntents } from '../testing/random-trace.js';
import { runDifferential } from '../testing/run-differential.js';

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test"`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const MSG = '<bpmn:messageEventDefinition />';
const timer = (d: string) => `<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${d}</bpmn:timeDuration></bpmn:timerEventDefinition>`;

/** Inside "Repair": a 2-instance task, a nested subprocess and a race of a part delivery and a 1 h wait, joined. */
const REPAIR = `
  <bpmn:subProcess id="Sub" name="Repair"><bpmn:startEvent id="SubStart" />
    <bpmn:parallelGateway id="Split" />
    <bpmn:userTask id="Fix" name="Fix" cf:role="Technician"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
    <bpmn:subProcess id="Inner" name="Inspection"><bpmn:startEvent id="InnerStart" /><bpmn:userTask id="Inspect" name="Inspect" cf:role="Inspector" /><bpmn:endEvent id="InnerEnd" />
      ${flow('I1', 'InnerStart', 'Inspect')}${flow('I2', 'Inspect', 'InnerEnd')}</bpmn:subProcess>
    <bpmn:eventBasedGateway id="Race" />
    <bpmn:receiveTask id="Part" name="Part arrives" cf:role="Supplier" />
    <bpmn:intermediateCatchEvent id="Wait" name="Wait an hour">${timer('PT1H')}</bpmn:intermediateCatchEvent>
    <bpmn:exclusiveGateway id="Merge" /><bpmn:parallelGateway id="Join" /><bpmn:endEvent id="SubEnd" />
    ${flow('S1', 'SubStart', 'Split')}${flow('S2', 'Split', 'Fix')}${flow('S3', 'Split', 'Inner')}${flow('S4', 'Split', 'Race')}
    ${flow('S5', 'Race', 'Part')}${flow('S6', 'Race', 'Wait')}${flow('S7', 'Part', 'Merge')}${flow('S8', 'Wait', 'Merge')}
    ${flow('S9', 'Fix', 'Join')}${flow('S10', 'Inner', 'Join')}${flow('S11', 'Merge', 'Join')}${flow('S12', 'Join', 'SubEnd')}
  </bpmn:subProcess>`;

const BPMN = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS}>
<bpmn:collaboration id="C"><bpmn:participant id="Pool_Plant" name="Plant" processRef="P" />
  <bpmn:participant id="Pool_Customer" name="Customer pool" cf:role="Customer" />
  <bpmn:messageFlow id="MF_Cancel" sourceRef="Pool_Customer" targetRef="Cancel" /></bpmn:collaboration>
<bpmn:process id="P" name="Work order" isExecutable="true">
  <bpmn:startEvent id="S" cf:role="Planner" />${REPAIR}
  <bpmn:boundaryEvent id="Cancel" name="Cancel order" attachedToRef="Sub">${MSG}</bpmn:boundaryEvent>
  <bpmn:boundaryEvent id="Change" name="Change request" attachedToRef="Sub" cancelActivity="false" cf:role="Customer">
    <bpmn:extensionElements><cf:field name="change" type="string" required="true" /></bpmn:extensionElements>${MSG}</bpmn:boundaryEvent>
  <bpmn:boundaryEvent id="Overdue" name="Overdue" attachedToRef="Sub">${timer('PT48H')}</bpmn:boundaryEvent>
  <bpmn:userTask id="Review" name="Review change" cf:role="Planner" /><bpmn:userTask id="Close" name="Close cancelled" cf:role="Planner" />
  <bpmn:userTask id="Approve" name="Approve" cf:role="Customer" />
  <bpmn:endEvent id="E" /><bpmn:endEvent id="E2" /><bpmn:endEvent id="E3" /><bpmn:endEvent id="E4" />
  ${flow('F0', 'S', 'Sub')}${flow('F1', 'Sub', 'Approve')}${flow('F2', 'Approve', 'E')}${flow('F3', 'Cancel', 'Close')}${flow('F4', 'Close', 'E2')}
  ${flow('F5', 'Change', 'Review')}${flow('F6', 'Review', 'E3')}${flow('F7', 'Overdue', 'E4')}
</bpmn:process></bpmn:definitions>`;

const ROLES = ['Planner', 'Technician', 'Inspector', 'Supplier', 'Customer'];
function workspace(processes: { id: string; name: string; bpmn: string }[]): Workspace {
  return {
    schemaVersion: 1, name: 'Work orders', organizations: [{ id: 'org', name: 'Org' }], roles: ROLES.map((r) => ({ id: r, name: r })),
    participants: [
      ...ROLES.map((r) => ({ id: r.toLowerCase(), name: r, kind: 'person' as const, organization: 'org', roles: [r] })),
      { id: 'tech2', name: 'Second technician', kind: 'person', organization: 'org', roles: ['Technician'] },
    ],
    processes,
  };
}
const WORK_ORDER = workspace([{ id: 'p1', name: 'Work order', bpmn: BPMN }]);

async function irOf(ws: Workspace, index = 0): Promise<ProcessIR> {
  const out = await generateWorkspace(ws);
  const errors = out.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(errors.map((p) => `${p.elementId}: ${p.message}`).join('\n'));
  return out.processes[index].ir;
}

const taskOf = (ir: ProcessIR, id: string) => ir.tasks.findIndex((t) => t.elementId === id);
const timerOf = (ir: ProcessIR, id: string) => ir.timers.findIndex((t) => t.elementId === id);
const namesEnabled = (s: InstanceState) => enabled(s).map((i) => s.ir.tasks[i].elementId).sort();
const ok = (r: StepResult): InstanceState => {
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.state;
};

describe('the IR of message boundaries on a subprocess', () => {
  it('arms them with the subprocess: their bits are among those withdrawing it clears, their sender from the message flow or cf:role', async () => {
    // given a subprocess with an interrupting and a non-interrupting message boundary and a timer boundary
    const ir = await irOf(WORK_ORDER);
    const sub = ir.subprocesses.findIndex((s) => s.elementId === 'Sub');
    const cancel = ir.tasks[taskOf(ir, 'Cancel')];
    const change = ir.tasks[taskOf(ir, 'Change')];
    // then each is a message wait state of the subprocess, delivered by the Customer
    expect(cancel).toMatchObject({ kind: 'message', attachedToSubprocess: sub, interrupting: true, role: 'Customer' });
    expect(change).toMatchObject({ kind: 'message', attachedToSubprocess: sub, interrupting: false, role: 'Customer', writes: [{ field: 0, required: true }] });
    expect(cancel.attachedTo).toBeUndefined();
    // and their bits sit beside the subprocess (not inside it: they do not keep it from completing), cleared with it
    expect(ir.subprocesses[sub].inner).not.toContain(cancel.bit);
    expect(subprocessBits(ir, sub)).toEqual(expect.arrayContaining([cancel.bit, change.bit, ir.timers[timerOf(ir, 'Overdue')].bit, ir.subprocesses[sub].bit]));
  });

  it('refuses a message boundary on an element that does not wait, located at the boundary', async () => {
    const bpmn = BPMN.replace('<bpmn:userTask id="Approve" name="Approve" cf:role="Customer" />', '<bpmn:scriptTask id="Approve" name="Approve" scriptFormat="feel"><bpmn:script>change := "x"</bpmn:script></bpmn:scriptTask>')
      .replace('</bpmn:process>', `<bpmn:boundaryEvent id="Odd" name="Odd" attachedToRef="Approve" cf:role="Customer">${MSG}</bpmn:boundaryEvent><bpmn:endEvent id="E5" />${flow('F8', 'Odd', 'E5')}</bpmn:process>`);
    const out = await generateWorkspace(workspace([{ id: 'p1', name: 'Work order', bpmn }]));
    expect(out.problems.filter((p) => p.severity === 'error').map((p) => `${p.elementId}: ${p.message}`)).toContain(
      'Odd: message boundary event "Odd" is attached to script task "Approve"; message boundary events run on user, receive and service tasks, embedded subprocesses and call activities only');
  });
});

describe('the interpreter', () => {
  let ir: ProcessIR;
  const as = (role: string, account = `0x${ROLES.indexOf(role).toString(16).padStart(40, '1')}`): Caller => ({ roles: [role], member: true, account });
  beforeAll(async () => { ir = await irOf(WORK_ORDER); });
  const started = () => ok(start(createInstance(ir), as('Planner'), {}, undefined, 1000));

  it('arms the boundaries on entering; a non-interrupting delivery leaves the scope running, a second one while its path is busy is absorbed', () => {
    // given a started work order: the repair runs
    const s0 = started();
    expect(namesEnabled(s0)).toEqual(['Cancel', 'Change', 'Fix', 'Inspect', 'Part']);
    // when the customer requests a change
    const r1 = complete(s0, taskOf(ir, 'Change'), as('Customer'), { change: '换成不锈钢' }, undefined, 1100);
    // then the repair goes on, the review is enabled, the payload is recorded
    expect(r1.ok && r1.record.data).toEqual({ change: '换成不锈钢' });
    const s1 = ok(r1);
    expect(namesEnabled(s1)).toEqual(['Cancel', 'Change', 'Fix', 'Inspect', 'Part', 'Review']);
    // when another change comes while the review still waits: the same marking (the second token is absorbed at the review)
    const s2 = ok(complete(s1, taskOf(ir, 'Change'), as('Customer'), { change: 'again' }, undefined, 1200));
    expect(s2.marking).toBe(s1.marking);
    expect(s2.values[0]).toBe('again');
    // a change without its required text, or from another role, is refused
    expect(complete(s1, taskOf(ir, 'Change'), as('Customer'), {}, undefined, 1200)).toMatchObject({ ok: false, error: 'RequiredFieldMissing' });
    expect(complete(s1, taskOf(ir, 'Change'), as('Planner'), { change: 'x' }, undefined, 1200)).toMatchObject({ ok: false, error: 'CallerLacksRole', elementId: 'Change' });
  });

  it('an interrupting delivery withdraws everything in the scope (multi-instance, nested scope, race, timers, join input) in the same step', () => {
    // given one of two Fix instances done, the part delivered (its join input waits), the inspection running
    let s = started();
    s = ok(complete(s, taskOf(ir, 'Fix'), as('Technician'), {}, undefined, 1100));
    s = ok(complete(s, taskOf(ir, 'Part'), as('Supplier'), {}, undefined, 1200));
    expect(namesEnabled(s)).toEqual(['Cancel', 'Change', 'Fix', 'Inspect']);
    // when the customer cancels
    const r = complete(s, taskOf(ir, 'Cancel'), as('Customer'), {}, undefined, 1300);
    // then only the cancellation's path holds a token: the scope, its inside and its boundaries are gone
    const after = ok(r);
    expect(namesEnabled(after)).toEqual(['Close']);
    expect(after.marking).toBe(1n << BigInt(ir.tasks[taskOf(ir, 'Close')].bit));
    // and nothing of the scope can occur any more: the same message again, the timer boundary, the inner wait
    expect(complete(after, taskOf(ir, 'Cancel'), as('Customer'), {}, undefined, 1400)).toMatchObject({ ok: false, error: 'TaskNotEnabled', elementId: 'Cancel' });
    expect(trigger(after, timerOf(ir, 'Overdue'), 1000 + 48 * 3600)).toMatchObject({ ok: false, error: 'TimerNotWaiting' });
    expect(complete(after, taskOf(ir, 'Fix'), as('Technician', '0x2'), {}, undefined, 1400)).toMatchObject({ ok: false, error: 'TaskNotEnabled' });
    // and the instance ends once the cancellation is closed
    expect(ok(complete(after, taskOf(ir, 'Close'), as('Planner'), {}, undefined, 1500)).marking).toBe(0n);
  });

  it('races the timer boundary: the first to occur wins, and a scope that completed takes no message', () => {
    // the timer first: the cancellation is no longer deliverable
    const late = ok(trigger(started(), timerOf(ir, 'Overdue'), 1000 + 48 * 3600));
    expect(namesEnabled(late)).toEqual([]);
    expect(complete(late, taskOf(ir, 'Cancel'), as('Customer'), {}, undefined, 1000 + 48 * 3600)).toMatchObject({ ok: false, error: 'TaskNotEnabled' });
    // the repair completes: its boundaries are disarmed with it
    let s = started();
    s = ok(complete(s, taskOf(ir, 'Fix'), as('Technician', '0x1'), {}, undefined, 1100));
    s = ok(complete(s, taskOf(ir, 'Fix'), as('Technician', '0x2'), {}, undefined, 1100));
    s = ok(complete(s, taskOf(ir, 'Inspect'), as('Inspector'), {}, undefined, 1100));
    s = ok(trigger(s, timerOf(ir, 'Wait'), 1000 + 3600));
    expect(namesEnabled(s)).toEqual(['Approve']);
    expect(complete(s, taskOf(ir, 'Change'), as('Customer'), { change: 'x' }, undefined, 5000)).toMatchObject({ ok: false, error: 'TaskNotEnabled' });
  });
});

/** Applies the same step to the interpreter and the contract; their outcome and marking must agree. */
async function stepBoth(deployed: DeployedProcess, state: { s: InstanceState; id?: bigint }, step: { task?: string; timer?: string; as: string; data?: Record<string, string>; at: bigint }) {
  const { ir } = deployed;
  const p = WORK_ORDER.participants.find((x) => x.id === step.as)!;
  const caller: Caller = { roles: p.roles, member: true, account: deployed.accountOf.get(p.id) };
  const values = ir.fields.map((f) => step.data?.[f.name] ?? '');
  let expected: StepResult;
  let actual;
  if (step.task === undefined && step.timer === undefined) {
    expected = start(state.s, caller, {}, undefined, step.at);
    actual = await deployed.start(step.as, values, undefined, step.at);
    if (actual.instanceId !== undefined) state.id = actual.instanceId;
  } else if (step.timer !== undefined) {
    expected = trigger(state.s, timerOf(ir, step.timer), step.at);
    actual = await deployed.trigger(state.id!, timerOf(ir, step.timer), step.as, step.at);
  } else {
    expected = complete(state.s, taskOf(ir, step.task!), caller, step.data ?? {}, undefined, step.at);
    actual = await deployed.complete(state.id!, taskOf(ir, step.task!), step.as, values, undefined, step.at);
  }
  expect({ ok: actual.ok, error: actual.error }).toEqual({ ok: expected.ok, error: expected.ok ? undefined : expected.error });
  if (expected.ok) state.s = expected.state;
  expect(await deployed.marking(state.id!)).toBe(state.s.marking);
  return actual;
}

describe('the contract', () => {
  let deployed: DeployedProcess;
  beforeAll(async () => { deployed = await deployProcess(WORK_ORDER); }, 120_000);

  it('delivers, absorbs, withdraws and reverts step by step as the interpreter does', async () => {
    const t = (s: number) => TEST_EPOCH + BigInt(s);
    const state = { s: createInstance(deployed.ir, new Map([...deployed.accountOf].map(([id, a]) => [a, WORK_ORDER.participants.find((p) => p.id === id)?.roles ?? []]))) };
    await stepBoth(deployed, state, { as: 'planner', at: t(0) });
    const change = await stepBoth(deployed, state, { task: 'Change', as: 'customer', data: { change: '换成不锈钢' }, at: t(10) });
    expect(change.events.map((e) => e.name)).toEqual(['ChangeRequestCompleted']);
    expect(change.events[0].args.change).toBe('换成不锈钢');
    await stepBoth(deployed, state, { task: 'Change', as: 'customer', data: { change: 'again' }, at: t(20) });
    await stepBoth(deployed, state, { task: 'Change', as: 'planner', data: { change: 'x' }, at: t(20) });
    await stepBoth(deployed, state, { task: 'Fix', as: 'technician', at: t(30) });
    await stepBoth(deployed, state, { task: 'Part', as: 'supplier', at: t(40) });
    await stepBoth(deployed, state, { task: 'Cancel', as: 'customer', at: t(50) });
    // delivered again, the contract names the event in its revert
    const again = await stepBoth(deployed, state, { task: 'Cancel', as: 'customer', at: t(60) });
    expect(again).toMatchObject({ ok: false, error: 'TaskNotEnabled' });
    expect(again.errorArgs?.[1]).toBe('Cancel order');
    await stepBoth(deployed, state, { timer: 'Overdue', as: 'planner', at: t(48 * 3600) });
    await stepBoth(deployed, state, { task: 'Review', as: 'planner', at: t(48 * 3600) });
    await stepBoth(deployed, state, { task: 'Close', as: 'planner', at: t(48 * 3600) });
    expect(state.s.marking).toBe(0n);
  }, 120_000);

  it('agrees with the interpreter on random traces', async () => {
    const participants = WORK_ORDER.participants.map((p) => ({ id: p.id, roles: p.roles }));
    await fc.assert(fc.asyncProperty(traceIntents(), (intents) => runDifferential(deployed, participants, intents)), { numRuns: 40, seed: 20_261_125 });
  }, 300_000);
});

describe('a message path that leads back into its subprocess', () => {
  // "Restart" (interrupting) re-enters the subprocess through a merge: its timer starts afresh; "Ping"
  // (non-interrupting) leads into it while it runs: the token is absorbed
  const loop = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS}><bpmn:process id="P" name="Loop" isExecutable="true">
    <bpmn:startEvent id="S" cf:role="Planner" /><bpmn:exclusiveGateway id="Merge" />
    <bpmn:subProcess id="Sub" name="Work"><bpmn:startEvent id="SS" /><bpmn:userTask id="T" name="Do" cf:role="Technician" /><bpmn:endEvent id="SE" />${flow('s1', 'SS', 'T')}${flow('s2', 'T', 'SE')}</bpmn:subProcess>
    <bpmn:boundaryEvent id="Restart" name="Restart" attachedToRef="Sub" cf:role="Customer">${MSG}</bpmn:boundaryEvent>
    <bpmn:boundaryEvent id="Ping" name="Ping" attachedToRef="Sub" cancelActivity="false" cf:role="Customer">${MSG}</bpmn:boundaryEvent>
    <bpmn:boundaryEvent id="Late" name="Late" attachedToRef="Sub">${timer('PT1H')}</bpmn:boundaryEvent>
    <bpmn:endEvent id="E" /><bpmn:endEvent id="E2" />
    ${flow('f0', 'S', 'Merge')}${flow('f1', 'Merge', 'Sub')}${flow('f2', 'Sub', 'E')}${flow('f3', 'Restart', 'Merge')}${flow('f4', 'Ping', 'Sub')}${flow('f5', 'Late', 'E2')}
  </bpmn:process></bpmn:definitions>`;
  const ws = workspace([{ id: 'p1', name: 'Loop', bpmn: loop }]);

  it('restarts the subprocess and its timer on an interrupting message, absorbs a non-interrupting one', async () => {
    const ir = await irOf(ws);
    const as = (role: string): Caller => ({ roles: [role], member: true });
    const s0 = ok(start(createInstance(ir), as('Planner'), {}, undefined, 0));
    expect(s0.dueAt[timerOf(ir, 'Late')]).toBe(3600n);
    // a ping while the work runs changes nothing (the token reaching the running subprocess is absorbed)
    const pinged = complete(s0, taskOf(ir, 'Ping'), as('Customer'), {}, undefined, 100);
    expect(pinged.ok && pinged.state.marking).toBe(s0.marking);
    // a restart withdraws the work and enters it anew in the same step: its timer is due an hour from now
    const restarted = complete(s0, taskOf(ir, 'Restart'), as('Customer'), {}, undefined, 1000);
    expect(restarted.ok && restarted.record.timersStarted).toEqual([{ timer: timerOf(ir, 'Late'), dueAt: 4600n }]);
    expect(ok(restarted).marking).toBe(s0.marking);
    expect(trigger(ok(restarted), timerOf(ir, 'Late'), 3600)).toMatchObject({ ok: false, error: 'TimerNotDue' });
  });

  it('agrees with the compiled contract on random traces', async () => {
    const deployedLoop = await deployProcess(ws);
    const participants = ws.participants.map((p) => ({ id: p.id, roles: p.roles }));
    await fc.assert(fc.asyncProperty(traceIntents(), (intents) => runDifferential(deployedLoop, participants, intents)), { numRuns: 30, seed: 20_261_125 });
  }, 300_000);
});

describe('on a call activity', () => {
  // the repair as a process of its own, called by the work order; the boundaries sit on the call activity
  const repair = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS}><bpmn:process id="RepairProcess" name="Repair" isExecutable="true">
    <bpmn:startEvent id="RS" /><bpmn:userTask id="Fix" name="Fix" cf:role="Technician" /><bpmn:userTask id="Test" name="Test" cf:role="Inspector" /><bpmn:endEvent id="RE" />
    ${flow('R1', 'RS', 'Fix')}${flow('R2', 'Fix', 'Test')}${flow('R3', 'Test', 'RE')}</bpmn:process></bpmn:definitions>`;
  const caller = BPMN.replace(REPAIR, '<bpmn:callActivity id="Sub" name="Repair" calledElement="RepairProcess" />');
  const ws = workspace([{ id: 'p1', name: 'Work order', bpmn: caller }, { id: 'p2', name: 'Repair', bpmn: repair }]);

  it('withdraws the called process on an interrupting message, keeps it on a non-interrupting one', async () => {
    const ir = await irOf(ws);
    const sub = ir.subprocesses.findIndex((s) => s.elementId === 'Sub');
    expect(ir.subprocesses[sub].calledProcess?.processId).toBe('RepairProcess');
    expect(ir.tasks[taskOf(ir, 'Cancel')]).toMatchObject({ attachedToSubprocess: sub, interrupting: true });
    const as = (role: string): Caller => ({ roles: [role], member: true });
    let s = ok(start(createInstance(ir), as('Planner'), {}, undefined, 0));
    s = ok(complete(s, taskOf(ir, 'Sub/Fix'), as('Technician'), {}, undefined, 1));
    s = ok(complete(s, taskOf(ir, 'Change'), as('Customer'), { change: 'x' }, undefined, 2));
    expect(namesEnabled(s)).toEqual(['Cancel', 'Change', 'Review', 'Sub/Test']);
    s = ok(complete(s, taskOf(ir, 'Cancel'), as('Customer'), {}, undefined, 3));
    expect(namesEnabled(s)).toEqual(['Close', 'Review']);
  });

  it('on a call activity that does not run, says so at the boundary and refuses the call for its own reason', async () => {
    const broken = workspace([{ id: 'p1', name: 'Work order', bpmn: caller.replace('calledElement="RepairProcess"', 'calledElement="Nowhere"') }, { id: 'p2', name: 'Repair', bpmn: repair }]);
    const errors = (await generateWorkspace(broken)).problems.filter((p) => p.severity === 'error').map((p) => `${p.elementId}: ${p.message}`);
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Sub: call activity "Repair": calls "Nowhere", which is no process of the workspace/),
      'Cancel: message boundary event "Cancel order" is attached to call activity "Repair", which does not run (see its own problem)',
      'Overdue: timer boundary event "Overdue" is attached to call activity "Repair", which does not run (see its own problem)',
    ]));
  });

  it('compiles and agrees with the interpreter on random traces', async () => {
    const deployedCall = await deployProcess(ws);
    const participants = ws.participants.map((p) => ({ id: p.id, roles: p.roles }));
    await fc.assert(fc.asyncProperty(traceIntents(), (intents) => runDifferential(deployedCall, participants, intents)), { numRuns: 30, seed: 20_261_125 });
  }, 300_000);
});
