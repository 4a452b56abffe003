/**
 * Messages meet scopes and multi-instance tasks (the feat/msg and feat/scope merge): a subprocess
 * entered at a service task, a send task and a receive task inside it (its sender named by a
 * message flow from a partner pool), a parallel multi-instance task with an interrupting message
 * boundary that throws an error caught on the subprocess, a message end that completes the
 * subprocess, and a timer on it. The interpreter's walk, then the contract against the interpreter
 * on random traces; then a message boundary on that subprocess beside its error and timer boundaries
 * (subprocess-message-boundaries.test.ts has its own model). Refused combinations (a message start
 * inside a subprocess, a multi-instance receive task) are located errors.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Workspace } from '../model/workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import { complete, createInstance, enabled, start, type InstanceState, type StepResult } from './interpret-process.js';
import { deployProcess } from '../testing/process-on-evm.js';
import { traceIntents } from '../testing/random-trace.js';
import { runDifferential } from '../testing/run-differential.js';

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test"`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const MSG = '<bpmn:messageEventDefinition />';

/** `sub`: the subprocess's inside; `around`: elements beside it in the process (boundaries, their paths). */
const xml = (sub: string, around: string, flows = '') => `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS}>
<bpmn:collaboration id="C"><bpmn:participant id="Pool_Plant" name="Plant" processRef="P" />
  <bpmn:participant id="Pool_Supplier" name="Supplier pool" cf:role="Supplier" />
  <bpmn:messageFlow id="MF_Part" sourceRef="Pool_Supplier" targetRef="Receive_Part" /></bpmn:collaboration>
<bpmn:error id="Err_Stop" name="Stopped" errorCode="STOPPED" />
<bpmn:process id="P" name="Repair" isExecutable="true">
  <bpmn:startEvent id="S" cf:role="Planner"><bpmn:extensionElements><cf:field name="machine" type="string" required="true" /></bpmn:extensionElements></bpmn:startEvent>
  <bpmn:subProcess id="Sub" name="Repair scope"><bpmn:startEvent id="SubStart" />${sub}</bpmn:subProcess>
  <bpmn:endEvent id="E" />${around}${flow('F0', 'S', 'Sub')}${flow('F9', 'Sub', 'E')}${flows}
</bpmn:process></bpmn:definitions>`;

const INSIDE = `
  <bpmn:serviceTask id="Svc" name="Diagnose" cf:role="Device" cf:payload="machine"><bpmn:extensionElements><cf:field name="fault" type="uint" /></bpmn:extensionElements></bpmn:serviceTask>
  <bpmn:sendTask id="Snd" name="Order part" cf:payload="machine, fault" />
  <bpmn:receiveTask id="Receive_Part" name="Part arrives"><bpmn:extensionElements><cf:field name="note" type="string" required="true" /></bpmn:extensionElements></bpmn:receiveTask>
  <bpmn:userTask id="Fix" name="Fix" cf:role="Technician"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
  <bpmn:boundaryEvent id="Stop" name="Stop" attachedToRef="Fix" cf:role="Planner">${MSG}</bpmn:boundaryEvent>
  <bpmn:endEvent id="Aborted"><bpmn:errorEventDefinition errorRef="Err_Stop" /></bpmn:endEvent>
  <bpmn:endEvent id="Repaired" name="Repaired" cf:payload="note">${MSG}</bpmn:endEvent>
  ${flow('F1', 'SubStart', 'Svc')}${flow('F2', 'Svc', 'Snd')}${flow('F3', 'Snd', 'Receive_Part')}${flow('F4', 'Receive_Part', 'Fix')}${flow('F5', 'Fix', 'Repaired')}${flow('F6', 'Stop', 'Aborted')}`;
const AROUND = `
  <bpmn:boundaryEvent id="Caught" name="Caught" attachedToRef="Sub"><bpmn:errorEventDefinition errorRef="Err_Stop" /></bpmn:boundaryEvent>
  <bpmn:userTask id="Review" name="Review" cf:role="Planner" /><bpmn:endEvent id="E2" />
  <bpmn:boundaryEvent id="Late" name="Late" attachedToRef="Sub"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT48H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  <bpmn:endEvent id="E3" />`;
const AROUND_FLOWS = `${flow('F7', 'Caught', 'Review')}${flow('F8', 'Review', 'E2')}${flow('F10', 'Late', 'E3')}`;

function workspace(bpmn: string): Workspace {
  const roles = ['Planner', 'Technician', 'Device', 'Supplier'];
  return {
    schemaVersion: 1, name: 'Repair', organizations: [{ id: 'org', name: 'Org' }], roles: roles.map((r) => ({ id: r, name: r })),
    participants: [
      ...roles.map((r) => ({ id: r.toLowerCase(), name: r, kind: 'person' as const, organization: 'org', roles: [r] })),
      { id: 'tech2', name: 'Second technician', kind: 'person', organization: 'org', roles: ['Technician'] },
    ],
    processes: [{ id: 'p1', name: 'Repair', bpmn }],
  };
}
const MODEL = workspace(xml(INSIDE, AROUND, AROUND_FLOWS));
const errorsOf = async (w: Workspace) => (await generateWorkspace(w)).problems.filter((p) => p.severity === 'error').map((p) => `${p.elementId}: ${p.message}`);

let ir: ProcessIR;
beforeAll(async () => {
  const out = await generateWorkspace(MODEL);
  expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
  ir = out.processes[0].ir!;
});

const ok = (r: StepResult): InstanceState => {
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.state;
};
const who = (role: string, account: string) => ({ roles: [role], member: true, account });
const taskOf = (id: string) => ir.tasks.findIndex((t) => t.elementId === id);
const enabledIds = (s: InstanceState) => enabled(s).map((i) => ir.tasks[i].elementId);

describe('messages inside a subprocess', () => {
  it('reads the receive task\'s sender from the partner pool\'s message flow, and every message bit belongs to the scope', () => {
    expect(ir.tasks[taskOf('Receive_Part')]).toMatchObject({ kind: 'receive', role: 'Supplier' });
    expect(ir.tasks[taskOf('Stop')]).toMatchObject({ kind: 'message', role: 'Planner', attachedTo: taskOf('Fix'), interrupting: true });
    expect(ir.tasks[taskOf('Fix')].multi).toMatchObject({ sequential: false, cardinality: 2 });
    const inner = ir.subprocesses[0].inner;
    for (const id of ['Svc', 'Receive_Part', 'Fix', 'Stop']) expect(inner).toContain(ir.tasks[taskOf(id)].bit);
  });

  it('runs them: the request on entering, the send, the delivery, one instance, then the stop message throws the error', () => {
    // given an instance entering the subprocess at the service task
    const members = new Map([['0xa1', ['Planner']], ['0xb1', ['Technician']], ['0xb2', ['Technician']], ['0xc1', ['Device']], ['0xd1', ['Supplier']]]);
    const begun = start(createInstance(ir, members), who('Planner', '0xa1'), { machine: 'M-7' });
    expect(begun.ok && begun.record.requests).toEqual([{ elementId: 'Svc', data: { machine: 'M-7' } }]);
    let s = ok(begun);
    // when the device diagnoses, the order is sent and the supplier delivers
    const diagnosed = complete(s, taskOf('Svc'), who('Device', '0xc1'), { fault: 3n });
    expect(diagnosed.ok && diagnosed.record.scripts.map((x) => [x.elementId, x.data])).toEqual([['Snd', { machine: 'M-7', fault: 3n }]]);
    s = ok(diagnosed);
    expect(complete(s, taskOf('Receive_Part'), who('Technician', '0xb1'), { note: 'ok' })).toMatchObject({ ok: false, error: 'CallerLacksRole' });
    s = ok(complete(s, taskOf('Receive_Part'), who('Supplier', '0xd1'), { note: 'DN-1' }));
    // then one of two instances of the fix leaves it (and its boundary) enabled
    s = ok(complete(s, taskOf('Fix'), who('Technician', '0xb1')));
    expect(enabledIds(s)).toEqual(['Fix', 'Stop']);
    expect(complete(s, taskOf('Fix'), who('Technician', '0xb1'))).toMatchObject({ ok: false, error: 'InstanceAlreadyCompletedByCaller' });
    // and the stop message withdraws the fix, throws, and the boundary on the subprocess catches it
    const stopped = complete(s, taskOf('Stop'), who('Planner', '0xa1'));
    expect(stopped.ok && stopped.record.errors).toEqual([{ boundary: 0, code: 'STOPPED' }]);
    s = ok(stopped);
    expect(enabledIds(s)).toEqual(['Review']);
    expect(s.marking & (1n << BigInt(ir.subprocesses[0].bit))).toBe(0n);
  });

  it('completes the subprocess at the message end, sending its payload', () => {
    const members = new Map([['0xa1', ['Planner']], ['0xb1', ['Technician']], ['0xb2', ['Technician']], ['0xc1', ['Device']], ['0xd1', ['Supplier']]]);
    let s = ok(start(createInstance(ir, members), who('Planner', '0xa1'), { machine: 'M-7' }));
    s = ok(complete(s, taskOf('Svc'), who('Device', '0xc1'), { fault: 1n }));
    s = ok(complete(s, taskOf('Receive_Part'), who('Supplier', '0xd1'), { note: 'DN-2' }));
    s = ok(complete(s, taskOf('Fix'), who('Technician', '0xb1')));
    const last = complete(s, taskOf('Fix'), who('Technician', '0xb2'));
    expect(last.ok && last.record.scripts.map((x) => [x.elementId, x.data])).toEqual([['Repaired', { note: 'DN-2' }]]);
    expect(last.ok && last.record.ended).toBe(true);
  });

  it('agrees with the compiled contract on random traces', async () => {
    const deployed = await deployProcess(MODEL);
    const participants = MODEL.participants.map((p) => ({ id: p.id, roles: p.roles }));
    await fc.assert(fc.asyncProperty(traceIntents(), async (intents) => runDifferential(deployed, participants, intents)), { numRuns: 60, seed: 20_261_124 });
  }, 300_000);
});

describe('a non-interrupting message boundary inside a subprocess followed by a timer', () => {
  it('compiles and agrees with the interpreter (the fuzzer found `m & ~0`: settling may start the timer after the subprocess)', async () => {
    // given a task with a non-interrupting message boundary inside a subprocess, and a timer after the subprocess
    const bpmn = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS}><bpmn:process id="P" name="Repair" isExecutable="true">
      <bpmn:startEvent id="S" cf:role="Planner" />
      <bpmn:subProcess id="Sub" name="Scope"><bpmn:startEvent id="SubStart" /><bpmn:userTask id="T" name="Fix" cf:role="Technician" />
        <bpmn:boundaryEvent id="Note" name="Note" attachedToRef="T" cancelActivity="false" cf:role="Planner">${MSG}</bpmn:boundaryEvent>
        <bpmn:endEvent id="EN" /><bpmn:endEvent id="ES" />${flow('F1', 'SubStart', 'T')}${flow('F2', 'T', 'ES')}${flow('F3', 'Note', 'EN')}</bpmn:subProcess>
      <bpmn:intermediateCatchEvent id="W" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="E" />${flow('F0', 'S', 'Sub')}${flow('F4', 'Sub', 'W')}${flow('F5', 'W', 'E')}
    </bpmn:process></bpmn:definitions>`;
    const model = workspace(bpmn);
    // when deployed and driven by random traces, then contract and interpreter agree step by step
    const deployed = await deployProcess(model);
    const participants = model.participants.map((p) => ({ id: p.id, roles: p.roles }));
    await fc.assert(fc.asyncProperty(traceIntents(), async (intents) => runDifferential(deployed, participants, intents)), { numRuns: 30, seed: 20_261_124 });
  }, 300_000);
});

describe('a message boundary on the subprocess beside its error and timer boundaries', () => {
  it('is armed with it and agrees with the compiled contract on random traces', async () => {
    // given the repair scope with an interrupting "Cancel" message from the planner, besides the caught error and the timer
    const around = `${AROUND}<bpmn:boundaryEvent id="Cancel" name="Cancel" attachedToRef="Sub" cf:role="Planner">${MSG}</bpmn:boundaryEvent><bpmn:endEvent id="E4" />`;
    const model = workspace(xml(INSIDE, around, `${AROUND_FLOWS}${flow('F11', 'Cancel', 'E4')}`));
    expect(await errorsOf(model)).toEqual([]);
    const deployed = await deployProcess(model);
    const cancel = deployed.ir.tasks.find((t) => t.elementId === 'Cancel');
    expect(cancel).toMatchObject({ kind: 'message', role: 'Planner', attachedToSubprocess: 0, interrupting: true });
    // then the contract and the interpreter agree step by step, whichever of message, error and timer comes first
    const participants = model.participants.map((p) => ({ id: p.id, roles: p.roles }));
    await fc.assert(fc.asyncProperty(traceIntents(), async (intents) => runDifferential(deployed, participants, intents)), { numRuns: 40, seed: 20_261_125 });
  }, 300_000);
});

describe('message elements refused in scopes', () => {
  it('refuses a message start event inside a subprocess', async () => {
    const inside = INSIDE.replace('<bpmn:serviceTask', `<bpmn:startEvent id="InnerMsg">${MSG}</bpmn:startEvent><bpmn:serviceTask`);
    const errors = await errorsOf(workspace(xml(inside, AROUND, AROUND_FLOWS)));
    expect(errors).toEqual(['InnerMsg: start event InnerMsg inside a subprocess: message start events are not executable; a subprocess starts at one none start event']);
  });

  it('refuses a multi-instance receive task (only user tasks run multi-instance)', async () => {
    const inside = INSIDE.replace('<bpmn:receiveTask id="Receive_Part" name="Part arrives">', '<bpmn:receiveTask id="Receive_Part" name="Part arrives"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>');
    const errors = await errorsOf(workspace(xml(inside, AROUND, AROUND_FLOWS)));
    expect(errors[0]).toBe('Receive_Part: receive task "Part arrives": multi instance loop characteristics (loop or multi-instance) is not executable yet; only user tasks run multi-instance');
  });
});
