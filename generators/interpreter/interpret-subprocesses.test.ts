/**
 * The reference interpreter's scopes: on the credit-check sample, a subprocess that completes, one
 * whose error end is caught by its boundary, and one its interrupting timer withdraws; on small
 * models, a terminate end that ends only its subprocess and a non-interrupting timer on a subprocess.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import type { Workspace } from '../model/workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import { complete, createInstance, enabled, start, trigger, type InstanceState, type StepResult } from './interpret-process.js';

let ir: ProcessIR;
const supplier = { roles: ['Supplier'], member: true };
const bank = { roles: ['Bank'], member: true };
const T0 = 1_000_000n;
const DAY = 86_400n;

beforeAll(async () => {
  const loaded = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/credit-check/workspace.json', import.meta.url), 'utf8')));
  ir = (await generateWorkspace(loaded.workspace!)).processes[0].ir!;
});

const ok = (r: StepResult): InstanceState => {
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.state;
};
const namesIn = (p: ProcessIR, s: InstanceState) => enabled(s).map((i) => p.tasks[i].name);
const task = (p: ProcessIR, name: string) => p.tasks.findIndex((t) => t.name === name);
const bit = (n: number) => 1n << BigInt(n);

describe('interpreter subprocesses (credit-check sample)', () => {
  const started = () => ok(start(createInstance(ir), supplier, { invoiceNo: 'INV-1', amount: 100n }, undefined, T0));

  it('enters the subprocess at the start: its bit, its first task and its boundary timer', () => {
    // given / when an instance is started
    const s = started();
    // then the check's first task is enabled and the subprocess runs, with its 5-day timer and the supplier's withdrawal armed
    expect(namesIn(ir, s)).toEqual(['Review financials', 'Application withdrawn']);
    expect(s.marking & bit(ir.subprocesses[0].bit)).not.toBe(0n);
    expect(s.dueAt[0]).toBe(T0 + 5n * DAY);
  });

  it('completes the subprocess when its last token ends, withdrawing its timer, and goes on by its outgoing flow', () => {
    // given a review with a good score
    const reviewed = ok(complete(started(), task(ir, 'Review financials'), bank, { score: 700n }));
    expect(namesIn(ir, reviewed)).toEqual(['Confirm limit', 'Application withdrawn']);
    // when the limit is confirmed
    const confirmed = complete(reviewed, task(ir, 'Confirm limit'), bank);
    // then the subprocess is done: only the approval after it is left, no timer waits, no withdrawal is possible
    const s = ok(confirmed);
    expect(namesIn(ir, s)).toEqual(['Approve financing']);
    expect(s.marking).toBe(bit(ir.tasks[task(ir, 'Approve financing')].bit));
    expect(confirmed.ok && confirmed.record.passed).toContain('sub:Sub_CreditCheck');
  });

  it('catches the error end "Rejected" at the boundary in the same step and withdraws the whole subprocess', () => {
    // given / when the review's score is too low
    const rejected = complete(started(), task(ir, 'Review financials'), bank, { score: 100n });
    // then the error is caught (recorded with its code) and only the boundary's path is left
    expect(rejected.ok && rejected.record.errors).toEqual([{ boundary: 0, code: 'CREDIT_REJECTED' }]);
    const s = ok(rejected);
    expect(s.marking).toBe(bit(ir.tasks[task(ir, 'Acknowledge rejection')].bit));
    // and the subprocess's timer no longer waits
    expect(trigger(s, 0, T0 + 6n * DAY)).toMatchObject({ ok: false, error: 'TimerNotWaiting' });
  });

  it('withdraws the subprocess with everything inside it when its interrupting timer fires', () => {
    // given a started check, when five days pass
    const s = ok(trigger(started(), 0, T0 + 5n * DAY));
    // then only the escalation is left; the review cannot be done any more
    expect(s.marking).toBe(bit(ir.tasks[task(ir, 'Escalate')].bit));
    expect(complete(s, task(ir, 'Review financials'), bank, { score: 700n })).toMatchObject({ ok: false, error: 'TaskNotEnabled' });
    // and the supplier can no longer withdraw: the timer came first
    expect(complete(s, task(ir, 'Application withdrawn'), supplier, { withdrawReason: 'late' })).toMatchObject({ ok: false, error: 'TaskNotEnabled' });
  });

  it('withdraws the whole check when the supplier withdraws the application, before its timer', () => {
    // given a check whose review is done, when the supplier withdraws (the bank may not)
    const reviewed = ok(complete(started(), task(ir, 'Review financials'), bank, { score: 700n }));
    expect(complete(reviewed, task(ir, 'Application withdrawn'), bank, { withdrawReason: 'x' })).toMatchObject({ ok: false, error: 'CallerLacksRole' });
    const withdrawn = complete(reviewed, task(ir, 'Application withdrawn'), supplier, { withdrawReason: '已付款 paid' });
    // then the instance ends with the reason recorded: nothing of the check is left, not even its timer
    expect(withdrawn.ok && withdrawn.record).toMatchObject({ data: { withdrawReason: '已付款 paid' }, ended: true });
    expect(trigger(ok(withdrawn), 0, T0 + 5n * DAY)).toMatchObject({ ok: false, error: 'TimerNotWaiting' });
  });
});

const bpmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process id="P" name="Scopes" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const userTask = (id: string) => `<bpmn:userTask id="${id}" name="${id}" cf:role="Buyer" />`;
const buyer = { roles: ['Buyer'], member: true };
async function irOf(xml: string): Promise<ProcessIR> {
  const ws: Workspace = {
    schemaVersion: 1, name: 'Test', organizations: [{ id: 'org', name: 'Org' }], roles: [{ id: 'Buyer', name: 'Buyer' }],
    participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'org', roles: ['Buyer'] }], processes: [{ id: 'p1', name: 'Scopes', bpmn: xml }],
  };
  const out = await generateWorkspace(ws);
  if (!out.processes[0].ir) throw new Error(JSON.stringify(out.problems));
  return out.processes[0].ir;
}

describe('interpreter subprocesses (small models)', () => {
  it('ends only the subprocess at a terminate end inside it, and goes on after it', async () => {
    // given Start -> S[ split -> A | B ; A -> terminate ; B -> end ] -> C -> End
    const p = await irOf(bpmn(`<bpmn:startEvent id="Start" /><bpmn:subProcess id="S" name="S"><bpmn:startEvent id="S1" /><bpmn:parallelGateway id="Split" />${userTask('A')}${userTask('B')}
      <bpmn:endEvent id="Term"><bpmn:terminateEventDefinition id="TD" /></bpmn:endEvent><bpmn:endEvent id="SE" />
      ${flow('I1', 'S1', 'Split')}${flow('I2', 'Split', 'A')}${flow('I3', 'Split', 'B')}${flow('I4', 'A', 'Term')}${flow('I5', 'B', 'SE')}</bpmn:subProcess>
      ${userTask('C')}<bpmn:endEvent id="End" />${flow('F1', 'Start', 'S')}${flow('F2', 'S', 'C')}${flow('F3', 'C', 'End')}`));
    const s = ok(start(createInstance(p), buyer));
    expect(namesIn(p, s)).toEqual(['A', 'B']);
    // when A reaches the terminate end
    const after = ok(complete(s, task(p, 'A'), buyer));
    // then B is withdrawn with the subprocess, which completes: C is enabled and the instance goes on
    expect(namesIn(p, after)).toEqual(['C']);
    expect(after.marking).toBe(bit(p.tasks[task(p, 'C')].bit));
  });

  it('lets a non-interrupting timer on a subprocess start a path while the subprocess goes on', async () => {
    // given Start -> S[ A ] -> End, with a non-interrupting 1-hour timer on S leading to R
    const p = await irOf(bpmn(`<bpmn:startEvent id="Start" /><bpmn:subProcess id="S" name="S"><bpmn:startEvent id="S1" />${userTask('A')}<bpmn:endEvent id="SE" />${flow('I1', 'S1', 'A')}${flow('I2', 'A', 'SE')}</bpmn:subProcess>
      <bpmn:boundaryEvent id="Late" attachedToRef="S" cancelActivity="false"><bpmn:timerEventDefinition id="TD"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      ${userTask('R')}<bpmn:endEvent id="End" /><bpmn:endEvent id="End2" />${flow('F1', 'Start', 'S')}${flow('F2', 'S', 'End')}${flow('F3', 'Late', 'R')}${flow('F4', 'R', 'End2')}`));
    const s = ok(start(createInstance(p), buyer, {}, undefined, T0));
    // when the hour has passed
    const late = ok(trigger(s, 0, T0 + 3_600n));
    // then R is enabled beside A; finishing A completes the subprocess, R still runs
    expect(namesIn(p, late)).toEqual(['A', 'R']);
    const done = ok(complete(late, task(p, 'A'), buyer));
    expect(namesIn(p, done)).toEqual(['R']);
    expect(done.marking).toBe(bit(p.tasks[task(p, 'R')].bit));
  });
});
