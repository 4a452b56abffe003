/**
 * The reference interpreter's timers, on the timer-escalation sample: deadlines from the step's
 * `now`, triggers early, on time and twice, and both kinds of boundary timer.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import { complete, createInstance, enabled, start, trigger, type InstanceState, type StepResult } from './interpret-process.js';

let ir: ProcessIR;
const buyer = { roles: ['Buyer'], member: true };
const sales = { roles: ['Sales'], member: true };
const carrier = { roles: ['Carrier'], member: true };
const T0 = 1_000_000n;
const H = 3_600n;

beforeAll(async () => {
  const loaded = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/timer-escalation/workspace.json', import.meta.url), 'utf8')));
  ir = (await generateWorkspace(loaded.workspace!)).processes[0].ir;
});

const ok = (r: StepResult): InstanceState => {
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.state;
};
const names = (s: InstanceState) => enabled(s).map((i) => ir.tasks[i].name);
const timer = (name: string) => ir.timers.findIndex((t) => t.name === name);

describe('interpreter timers', () => {
  it('starts a boundary timer with its task, refuses it early, fires it on time, then refuses it as not waiting', () => {
    // given an instance started at T0: "Confirm order" and its 48-hour deadline
    const started = start(createInstance(ir), buyer, { item: 'x' }, undefined, T0);
    expect(started.ok && started.record.timersStarted).toEqual([{ timer: timer('48 hours passed'), dueAt: T0 + 48n * H }]);
    const s = ok(started);
    // when triggered one second early, then on time, then again
    const early = trigger(s, timer('48 hours passed'), T0 + 48n * H - 1n);
    const fired = ok(trigger(s, timer('48 hours passed'), T0 + 48n * H));
    const again = trigger(fired, timer('48 hours passed'), T0 + 100n * H);
    // then: not due, fired (the task withdrawn, Escalate enabled), not waiting
    expect(early.ok ? 'ok' : early.error).toBe('TimerNotDue');
    expect(names(fired)).toEqual(['Escalate']);
    expect(again.ok ? 'ok' : again.error).toBe('TimerNotWaiting');
    expect(complete(fired, 0, sales).ok ? 'ok' : 'refused').toBe('refused');
  });

  it('withdraws the deadline when the task is completed in time, and fires a non-interrupting timer once beside its task', () => {
    let s = ok(start(createInstance(ir), buyer, { item: 'x' }, undefined, T0));
    const confirmed = complete(s, ir.tasks.findIndex((t) => t.name === 'Confirm order'), sales, {}, undefined, T0 + H);
    expect(confirmed.ok && confirmed.record.timersStarted).toEqual([{ timer: timer('A day passed'), dueAt: T0 + 25n * H }]);
    s = ok(confirmed);
    expect(trigger(s, timer('48 hours passed'), T0 + 100n * H).ok).toBe(false);
    s = ok(trigger(s, timer('A day passed'), T0 + 25n * H));
    expect(names(s)).toEqual(['Ship goods', 'Remind carrier']);
    expect(trigger(s, timer('A day passed'), T0 + 99n * H).ok).toBe(false);
    s = ok(complete(s, ir.tasks.findIndex((t) => t.name === 'Ship goods'), carrier, {}, undefined, T0 + 30n * H));
    expect(s.dueAt[timer('Goods settled')]).toBe(T0 + 30n * H + 1_800n);
    expect(names(s)).toEqual(['Remind carrier']);
  });
});
