/**
 * The reference interpreter's messages, on the maintenance-order sample: the alarm starts the
 * order (sender role only), the service request and the messages sent carry instance data, the
 * receive task and the 48-hour timer race after the event-based gateway (each way), and the stop
 * message withdraws the repair. A small model adds a non-interrupting message boundary.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import type { Workspace } from '../model/workspace.js';
import { complete, createInstance, enabled, start, trigger, type InstanceState, type StepResult } from './interpret-process.js';

let ir: ProcessIR;
const planner = { roles: ['Planner'], member: true };
const technician = { roles: ['Technician'], member: true };
const device = { roles: ['Device'], member: true };
const supplier = { roles: ['Supplier'], member: true };
const T0 = 1_000_000n;
const H = 3_600n;

beforeAll(async () => {
  const loaded = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/maintenance-order/workspace.json', import.meta.url), 'utf8')));
  ir = (await generateWorkspace(loaded.workspace!)).processes[0].ir;
});

const ok = (r: StepResult): InstanceState => {
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.state;
};
const outcome = (r: StepResult) => (r.ok ? 'ok' : r.error);
const names = (s: InstanceState) => enabled(s).map((i) => ir.tasks[i].name);
const task = (name: string) => ir.tasks.findIndex((t) => t.name === name);

/** Started by the sensor gateway and diagnosed with a part needed: waiting for the part or the timeout. */
function awaitingPart(): InstanceState {
  const s = ok(start(createInstance(ir), device, { machineId: 'PRESS-7', vibration: 42 }, undefined, T0));
  return ok(complete(s, task('Run diagnostics'), device, { faultCode: 'BRG-3', partNeeded: true }, undefined, T0 + H));
}

describe('interpreter messages', () => {
  it('starts only by the alarm sender role, and requests the service with the alarm payload', () => {
    expect(outcome(start(createInstance(ir), planner, { machineId: 'PRESS-7' }))).toBe('CallerLacksRole');
    const started = start(createInstance(ir), device, { machineId: 'PRESS-7', vibration: 42 }, undefined, T0);
    expect(started.ok && started.record.requests).toEqual([{ elementId: 'Service_Diagnose', data: { machineId: 'PRESS-7', vibration: 42n } }]);
    expect(names(ok(started))).toEqual(['Run diagnostics']);
    // the service task is completed by its own role only (the device), not by a planner
    expect(outcome(complete(ok(started), task('Run diagnostics'), planner, { faultCode: 'x' }))).toBe('CallerLacksRole');
  });

  it('sends the part order with instance data and arms the race: the receive task and the 48-hour timer', () => {
    const s = ok(start(createInstance(ir), device, { machineId: 'PRESS-7', vibration: 42 }, undefined, T0));
    const diagnosed = complete(s, task('Run diagnostics'), device, { faultCode: 'BRG-3', partNeeded: true }, undefined, T0 + H);
    expect(diagnosed.ok && diagnosed.record.scripts).toEqual([{ elementId: 'Send_OrderPart', data: { machineId: 'PRESS-7', faultCode: 'BRG-3' } }]);
    expect(diagnosed.ok && diagnosed.record.timersStarted).toEqual([{ timer: 0, dueAt: T0 + 49n * H }]);
    expect(names(ok(diagnosed))).toEqual(['Receive spare part']);
  });

  it('the part arriving first withdraws the timer; only the supplier may deliver it, and only while it waits', () => {
    const s = awaitingPart();
    expect(outcome(complete(s, task('Receive spare part'), planner, { deliveryNote: 'DN-1' }))).toBe('CallerLacksRole');
    const received = ok(complete(s, task('Receive spare part'), supplier, { deliveryNote: 'DN-1' }, undefined, T0 + 2n * H));
    expect(names(received)).toEqual(['Repair machine', 'Stop order']);
    expect(outcome(trigger(received, 0, T0 + 100n * H))).toBe('TimerNotWaiting');
    expect(outcome(complete(received, task('Receive spare part'), supplier, { deliveryNote: 'DN-2' }))).toBe('TaskNotEnabled');
  });

  it('the timer firing first withdraws the receive task; the escalation ends with the cancellation message', () => {
    const fired = ok(trigger(awaitingPart(), 0, T0 + 49n * H));
    expect(names(fired)).toEqual(['Escalate missing part']);
    expect(outcome(complete(fired, task('Receive spare part'), supplier, { deliveryNote: 'late' }))).toBe('TaskNotEnabled');
    const ended = complete(fired, task('Escalate missing part'), planner, {});
    expect(ended.ok && ended.record).toMatchObject({ ended: true, scripts: [{ elementId: 'End_CancelPart', data: { machineId: 'PRESS-7' } }], passed: ['end:End_CancelPart'] });
  });

  it('the stop message withdraws the repair (interrupting); repairing instead withdraws the stop message', () => {
    const received = ok(complete(awaitingPart(), task('Receive spare part'), supplier, { deliveryNote: 'DN-1' }));
    expect(outcome(complete(received, task('Stop order'), technician, { stopReason: 'x' }))).toBe('CallerLacksRole');
    const stopped = complete(received, task('Stop order'), planner, { stopReason: 'line retired' });
    expect(stopped.ok && stopped.record.ended).toBe(true);
    const repaired = complete(received, task('Repair machine'), technician, { repairReport: 'bearing replaced' });
    expect(repaired.ok && repaired.record.scripts).toEqual([{ elementId: 'Throw_Report', data: { machineId: 'PRESS-7', repairReport: 'bearing replaced' } }]);
    expect(repaired.ok && repaired.record.ended).toBe(true);
  });

  it('a non-interrupting message boundary may be delivered again and again while its task waits', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="D" targetNamespace="http://x">
  <bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S" /><bpmn:userTask id="T" name="Work" cf:role="A" />
  <bpmn:boundaryEvent id="Q" name="Status query" attachedToRef="T" cancelActivity="false" cf:role="B"><bpmn:messageEventDefinition /></bpmn:boundaryEvent>
  <bpmn:userTask id="Ans" name="Answer" cf:role="A" /><bpmn:endEvent id="E" /><bpmn:endEvent id="E2" />
  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
  <bpmn:sequenceFlow id="F3" sourceRef="Q" targetRef="Ans" /><bpmn:sequenceFlow id="F4" sourceRef="Ans" targetRef="E2" /></bpmn:process></bpmn:definitions>`;
    const ws: Workspace = {
      schemaVersion: 1, name: 'T', organizations: [{ id: 'o', name: 'O' }], roles: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }],
      participants: [{ id: 'a', name: 'a', kind: 'person', organization: 'o', roles: ['A'] }], processes: [{ id: 'p', name: 'P', bpmn: xml }],
    };
    const small = (await generateWorkspace(ws)).processes[0].ir;
    const a = { roles: ['A'], member: true };
    const b = { roles: ['B'], member: true };
    let s = ok(start(createInstance(small), a));
    s = ok(complete(s, 1, b));
    s = ok(complete(s, 1, b));
    expect(enabled(s).map((i) => small.tasks[i].name)).toEqual(['Work', 'Status query', 'Answer']);
    // completing the task withdraws its boundary message
    s = ok(complete(s, 0, a));
    expect(enabled(s).map((i) => small.tasks[i].name)).toEqual(['Answer']);
    expect(outcome(complete(s, 1, b))).toBe('TaskNotEnabled');
  });
});
