/**
 * The reference interpreter on a call activity (the purchase-approval sample): the called process
 * runs inside the caller's instance as a scope, under its own roles and on the caller's data; its end
 * completes the call activity, its error end is caught on the call activity, the timer on the call
 * activity withdraws the whole called process.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import { complete, createInstance, enabled, start, trigger, type InstanceState, type StepResult } from './interpret-process.js';
import { findConformingPaths } from '../testing/conforming-paths.js';

let order: ProcessIR;
let approval: ProcessIR;
const buyer = { roles: ['Buyer'], member: true };
const approver = { roles: ['Approver'], member: true };
const supplier = { roles: ['Supplier'], member: true };
const T0 = 1_000_000n;
const DAY = 86_400n;

beforeAll(async () => {
  const loaded = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/purchase-approval/workspace.json', import.meta.url), 'utf8')));
  const out = await generateWorkspace(loaded.workspace!);
  [order, approval] = out.processes.map((p) => p.ir);
});

const ok = (r: StepResult): InstanceState => {
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.state;
};
const namesIn = (p: ProcessIR, s: InstanceState) => enabled(s).map((i) => p.tasks[i].name);
const task = (p: ProcessIR, name: string) => p.tasks.findIndex((t) => t.name === name);

describe('interpreter call activities (purchase-approval sample)', () => {
  const started = (amount: bigint) => ok(start(createInstance(order), buyer, { item: 'Bearings', amount }, undefined, T0));

  it('enters the called process at the start: its first task, under its own role, and the timer on the call activity', () => {
    const s = started(250_000n);
    expect(namesIn(order, s)).toEqual(['审核 Review']);
    expect(s.dueAt[0]).toBe(T0 + 2n * DAY);
    // the called process's task is the approver's, not the lane's of the call activity
    expect(complete(s, task(order, '审核 Review'), buyer, { approved: true })).toMatchObject({ ok: false, error: 'CallerLacksRole' });
  });

  it('runs the called process on the caller\'s data and completes the call activity at its end', () => {
    // a large amount (the caller's field) needs the sign-off inside the called process
    const reviewed = ok(complete(started(250_000n), task(order, '审核 Review'), approver, { approved: true }));
    expect(namesIn(order, reviewed)).toEqual(['Sign off']);
    const signed = ok(complete(reviewed, task(order, 'Sign off'), approver));
    expect(namesIn(order, signed)).toEqual(['Deliver goods']);
    // a small one ends the called process at once; the timer is withdrawn with it
    const small = ok(complete(started(5_000n), task(order, '审核 Review'), approver, { approved: true }));
    expect(namesIn(order, small)).toEqual(['Deliver goods']);
    expect(trigger(small, 0, T0 + 3n * DAY)).toMatchObject({ ok: false, error: 'TimerNotWaiting' });
  });

  it('catches the called process\'s error end on the call activity in the same step', () => {
    const rejected = complete(started(5_000n), task(order, '审核 Review'), approver, { approved: false });
    expect(rejected.ok && rejected.record.errors).toEqual([{ boundary: 0, code: 'REJECTED' }]);
    expect(namesIn(order, ok(rejected))).toEqual(['Acknowledge rejection']);
  });

  it('withdraws the whole called process when the timer on the call activity fires', () => {
    const reviewed = ok(complete(started(250_000n), task(order, '审核 Review'), approver, { approved: true }));
    const late = ok(trigger(reviewed, 0, T0 + 2n * DAY));
    expect(namesIn(order, late)).toEqual(['Escalate']);
    expect(complete(late, task(order, 'Sign off'), approver)).toMatchObject({ ok: false, error: 'TaskNotEnabled' });
  });

  it('runs the called process alone too, where its error end ends the instance', () => {
    const s = ok(start(createInstance(approval), approver, { amount: 5_000n }, undefined, T0));
    const rejected = ok(complete(s, task(approval, '审核 Review'), approver, { approved: false }));
    expect(rejected.marking).toBe(0n);
    expect(complete(rejected, task(approval, 'Sign off'), supplier)).toMatchObject({ ok: false });
  });

  it('has conforming paths through every part of the called process, its error and the timer on the call', () => {
    const found = findConformingPaths(order);
    expect(found.uncovered).toEqual([]);
    expect(found.targets.map((t) => t.key)).toEqual(expect.arrayContaining(['task:Call_Approval/Task_SignOff', 'end:Call_Approval/End_Rejected', 'timer:Timer_ApprovalDeadline', 'end:End_Cancelled']));
  });
});
