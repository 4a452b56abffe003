/**
 * Timer start events, differentially: the reference schedule (start-schedule.ts) and the compiled
 * contract of the inspection-round sample (a daily cycle), and of variants with a bounded cycle and
 * a single date, see the same start attempts at increasing block times, by members and an outsider.
 * After every attempt they must agree on accepted or rejected and the error's name, on
 * `nextStartDueAt()`, and on the new instance's marking. The schedule is the contract's own state,
 * so one deployment takes one long, seeded sequence (not one instance per trace as differential.test.ts).
 * Random models started by a timer (a date, a cycle, a bounded cycle) run random traces whose clock
 * carries on from trace to trace (run-differential.ts): starts before the first due time, on time, a
 * second start in a round, the next round's, with the whole instance compared after every step.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../model/load-workspace.js';
import type { Workspace } from '../model/workspace.js';
import { deployProcess, type DeployedProcess } from '../testing/process-on-evm.js';
import { createInstance, type Caller } from './interpret-process.js';
import { createStartSchedule, nextStartDueAt, NO_MORE_STARTS, startOnSchedule } from './start-schedule.js';
import { ALL_FEATURES, randomModelWith } from '../testing/arbitrary-process.js';
import { timerStartIntents } from '../testing/random-trace.js';
import { runDifferential, type OutcomeCounts } from '../testing/run-differential.js';

const RANDOM_MODELS = Number(process.env.FUZZ_RUNS ? 40 : 6);
const TRACES_PER_MODEL = 25;
const SEED = process.env.FUZZ_RUNS ? Date.now() : 20_261_125;

const sample = JSON.parse(readFileSync(new URL('../samples/inspection-round/workspace.json', import.meta.url), 'utf8'));
const DAILY = 'R/2026-01-01T08:00:00+08:00/P1D';
/** 2026-01-01T08:00:00+08:00 */
const FIRST = 1_767_225_600n;

function variant(timer: string): Workspace {
  const copy = structuredClone(sample);
  copy.processes[0].bpmn = copy.processes[0].bpmn.replace(`<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${DAILY}</bpmn:timeCycle>`, timer);
  return loadWorkspace(copy).workspace!;
}

const HOUR = 3600n;
const STEPS = [0n, 1n, HOUR, 8n * HOUR, 24n * HOUR - 1n, 24n * HOUR, 3n * 24n * HOUR];
const CALLERS = ['zhao-lei', 'sun-li', 'shift-board', 'outsider'];

/** One seeded sequence of start attempts; returns the outcomes seen (by name, with counts). */
async function attempts(deployed: DeployedProcess, workspace: Workspace, seed: number, count: number): Promise<Map<string, number>> {
  const { ir } = deployed;
  const plan = fc.sample(fc.record({ elapse: fc.constantFrom(...STEPS), who: fc.constantFrom(...CALLERS) }), { seed, numRuns: count });
  const outcomes = new Map<string, number>();
  let schedule = createStartSchedule();
  let now = FIRST - 26n * HOUR; // the first attempts come before the first due time
  for (const [k, { elapse, who }] of plan.entries()) {
    now += elapse;
    const p = workspace.participants.find((x) => x.id === who);
    const caller: Caller = { roles: p?.roles ?? [], member: p !== undefined, account: deployed.accountOf.get(who) };
    const expected = startOnSchedule(schedule, createInstance(ir), caller, { 班次: '早班' }, undefined, now);
    const actual = await deployed.start(who, ir.fields.map((f) => (f.name === '班次' ? '早班' : f.type === 'bool' ? false : f.type === 'string' ? '' : 0n)), undefined, now);
    const where = `attempt ${k + 1} at t=${now} (first due ${FIRST}) by ${who}`;
    expect(actual.ok ? 'ok' : actual.error, where).toBe(expected.result.ok ? 'ok' : expected.result.error);
    schedule = expected.schedule;
    expect(await deployed.nextStartDueAt(), where).toBe(nextStartDueAt(ir, schedule));
    if (expected.result.ok) expect(await deployed.marking(actual.instanceId!), where).toBe(expected.result.state.marking);
    const name = expected.result.ok ? 'ok' : expected.result.error;
    outcomes.set(name, (outcomes.get(name) ?? 0) + 1);
  }
  return outcomes;
}

describe('timer start: interpreter and contract agree', () => {
  let daily: DeployedProcess;
  beforeAll(async () => {
    daily = await deployProcess(loadWorkspace(sample).workspace!);
  }, 60_000);

  it('on a daily cycle: before the first round, twice in a round, after missed rounds, by non-members', async () => {
    expect(await daily.nextStartDueAt()).toBe(FIRST);
    const outcomes = await attempts(daily, loadWorkspace(sample).workspace!, 20_260_101, 120);
    // the sequence exercised every answer, so agreement means something
    expect(outcomes.get('ok')).toBeGreaterThan(5);
    expect(outcomes.get('StartNotDue')).toBeGreaterThan(5);
    expect(outcomes.get('NotAMember')).toBeGreaterThan(0);
  }, 120_000);

  it('on a bounded cycle (R3): no start is due once the three rounds are taken or past', async () => {
    const workspace = variant('<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/2026-01-01T08:00:00+08:00/PT12H</bpmn:timeCycle>');
    const deployed = await deployProcess(workspace);
    const outcomes = await attempts(deployed, workspace, 7, 60);
    expect(outcomes.get('ok')).toBeGreaterThan(0);
    expect(await deployed.nextStartDueAt()).toBe(NO_MORE_STARTS);
  }, 120_000);

  it('on a single date: exactly one instance, from that date on', async () => {
    const workspace = variant('<bpmn:timeDate xsi:type="bpmn:tFormalExpression">2026-01-01T00:00:00Z</bpmn:timeDate>');
    const deployed = await deployProcess(workspace);
    const outcomes = await attempts(deployed, workspace, 11, 40);
    expect(outcomes.get('ok')).toBe(1);
    expect(await deployed.nextStartDueAt()).toBe(NO_MORE_STARTS);
  }, 120_000);

  it(`on ${RANDOM_MODELS} random models started by a timer, ${TRACES_PER_MODEL} traces each`, async () => {
    const outcomes: OutcomeCounts = new Map();
    const texts: string[] = [];
    await fc.assert(
      fc.asyncProperty(randomModelWith({ ...ALL_FEATURES, timerStart: true }), async (model) => {
        const deployed = await deployProcess(model.workspace);
        expect(deployed.ir.start.timer).toBeDefined();
        texts.push(deployed.ir.start.timer!.text);
        const participants = model.workspace.participants.map((p) => ({ id: p.id, roles: p.roles }));
        // one property per model, run in order: the traces share the deployment's schedule and clock
        await fc.assert(fc.asyncProperty(timerStartIntents(), (intents) => runDifferential(deployed, participants, intents, outcomes)), { numRuns: TRACES_PER_MODEL, seed: SEED });
      }),
      // a failing model is printed as is: shrinking models, each with its own traces, takes too long
      { numRuns: RANDOM_MODELS, seed: SEED, endOnFailure: true },
    );
    console.log(`timer starts: ${texts.join(', ')}; outcomes: ${[...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    // the traces met the schedule from every side, so agreement means something
    expect(outcomes.get('StartNotDue')).toBeGreaterThan(0);
    expect(outcomes.get('start again ok')).toBeGreaterThan(0);
    expect(outcomes.get('start again StartNotDue')).toBeGreaterThan(0);
    expect(outcomes.get('ok')).toBeGreaterThan(0);
  }, 600_000);
});
