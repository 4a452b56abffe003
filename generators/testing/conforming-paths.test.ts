import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import type { Workspace } from '../model/workspace.js';
import { complete, createInstance, start, trigger, type InstanceState, type StepResult } from '../interpreter/interpret-process.js';
import { readInput } from '../../src/cli/read-input.js';
import { ALL_FEATURES, buildModel, randomModelWith, type TaskBlock } from './arbitrary-process.js';
import { callerOf, OUTSIDER, resolveStep, traceIntents } from './random-trace.js';
import { accountOf, findConformingPaths, replayPath, type ConformingPaths, type PathParticipant } from './conforming-paths.js';

async function irOf(workspace: Workspace): Promise<ProcessIR> {
  const out = await generateWorkspace(workspace);
  expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return out.processes[0].ir;
}

const sample = (path: string) => loadWorkspace(JSON.parse(readFileSync(new URL(`../samples/${path}`, import.meta.url), 'utf8'))).workspace!;

/** Every path replays on the interpreter, ends, and the paths together cover exactly what they say. */
function expectSound(ir: ProcessIR, found: ConformingPaths, participants?: readonly PathParticipant[]) {
  for (const [i, path] of found.paths.entries()) {
    expect(replayPath(ir, path, participants), `path ${i + 1}`).toBeUndefined();
    expect(path.steps.at(-1)!.ended, `path ${i + 1} ends`).toBe(true);
    expect(path.steps.slice(0, -1).some((s) => s.ended), `path ${i + 1} ends only at its last step`).toBe(false);
  }
  const covered = new Set(found.paths.flatMap((p) => p.steps.flatMap((s) => s.covers)));
  expect(found.targets.filter((t) => !covered.has(t.key))).toEqual(found.uncovered);
}

describe('conforming paths', () => {
  it('cover every task, flow and end of the maintenance-order sample: the service task, the race both ways, the stop message', async () => {
    const ir = await irOf(sample('maintenance-order/workspace.json'));
    const found = findConformingPaths(ir);
    expect(found.uncovered).toEqual([]);
    expectSound(ir, found);
  });

  it('cover every task, flow and end of the supply-chain-finance sample: three pools, both bank decisions, the messages between pools', async () => {
    const ir = await irOf(sample('supply-chain-finance/workspace.json'));
    const found = findConformingPaths(ir);
    expectSound(ir, found);
    expect(found.uncovered).toEqual([]);
    // the declined financing ends the instance too: its delivery message goes with the collaboration
    expect(found.paths.some((p) => p.steps.some((s) => s.kind === 'task' && s.name === '审核融资 Assess financing' && s.data.approved === false))).toBe(true);
  });

  it('cover every flow, task and end of the order-fulfilment sample, rework loop included', async () => {
    // given the sample: a caller-decided "Accept order?", a parallel split/join and a rework loop on "defects <= 2"
    const ir = await irOf(sample('order-fulfilment/workspace.json'));
    // when paths are searched
    const found = findConformingPaths(ir);
    // then nothing is left uncovered and every path is sound
    expectSound(ir, found);
    expect(found.uncovered).toEqual([]);
    expect(found.targets.filter((t) => t.kind === 'flow').length).toBeGreaterThanOrEqual(4);
    // the reject branch is the default flow: choice 0 ends right after "Confirm order"
    const reject = found.paths.find((p) => p.steps.some((s) => s.kind === 'task' && s.name === 'Confirm order' && s.choice === 0));
    expect(reject?.steps.map((s) => s.name)).toEqual(['Order placed', 'Confirm order']);
    // the rework loop is taken with more than 2 defects, and left with at most 2
    const inspections = found.paths.flatMap((p) => p.steps).filter((s) => s.kind === 'task' && s.name === 'Inspect delivery');
    const defects = inspections.map((s) => (s.kind === 'task' ? (s.data.defects as bigint) : -1n));
    expect(defects.some((d) => d > 2n)).toBe(true);
    expect(defects.some((d) => d <= 2n)).toBe(true);
    // every step is done by the role the model names, with its required fields filled
    for (const s of found.paths.flatMap((p) => p.steps)) {
      if (s.kind === 'task') expect(s.role).toBe(ir.tasks[s.task].role);
      if (s.kind === 'start') expect(s.role).toBe('Buyer');
    }
  });

  it('trigger the timers of the timer-escalation sample', async () => {
    const ir = await irOf(sample('timer-escalation/workspace.json'));
    const found = findConformingPaths(ir);
    expectSound(ir, found);
    expect(found.uncovered).toEqual([]);
    const triggers = found.paths.flatMap((p) => p.steps).filter((s) => s.kind === 'trigger');
    expect(new Set(triggers.map((s) => s.elementId))).toEqual(new Set(ir.timers.map((t) => t.elementId)));
    for (const s of triggers) if (s.kind === 'trigger') expect(s.waitSeconds).toBe(ir.timers[s.timer].seconds);
  });

  it('cover the inclusive split and join of export-shipment and the script tasks of quote-pricing', async () => {
    for (const path of ['export-shipment/workspace.json', 'quote-pricing/workspace.json']) {
      const ir = await irOf(sample(path));
      const found = findConformingPaths(ir);
      expectSound(ir, found);
      expect(found.uncovered, path).toEqual([]);
      // every flow out of an inclusive gateway is taken by some path
      const covered = new Set(found.paths.flatMap((p) => p.steps.flatMap((s) => s.covers)));
      for (const g of ir.gateways.filter((x) => x.kind === 'inclusive')) for (const b of g.branches) expect(covered.has(`flow:${b.flowId}`), `${path} ${b.flowId}`).toBe(true);
    }
  });

  it('nominate holders of bound roles and let only the bound participant act (carrier-binding sample)', async () => {
    // given the sample where the start nominates the manufacturer and "Choose carrier" nominates the carrier
    const ws = sample('carrier-binding/workspace.json');
    const ir = await irOf(ws);
    expect(ir.bindings.length).toBeGreaterThan(0);
    const participants = ws.participants.map((p) => ({ id: p.id, roles: p.roles }));
    // when paths are searched with the workspace's participants
    const found = findConformingPaths(ir, { participants });
    // then all is covered, and every task of a bound role is done by the participant its path nominated
    expectSound(ir, found, participants);
    expect(found.uncovered).toEqual([]);
    for (const path of found.paths) {
      const boundTo = new Map<number, string>();
      for (const s of path.steps) {
        if (s.kind === 'trigger') continue;
        for (const [k, b] of ir.bindings.entries()) {
          if (b.elementId !== s.elementId) continue;
          const field = ir.fields[b.field].name;
          expect(s.nominees[field], `${s.name} nominates`).toBeDefined();
          expect(participants.find((p) => p.id === s.nominees[field])!.roles).toContain(b.role);
          expect(s.data[field]).toBe(accountOf(participants.findIndex((p) => p.id === s.nominees[field])));
          boundTo.set(k, s.nominees[field]);
        }
        if (s.kind === 'task' && ir.tasks[s.task].binding !== undefined) expect(s.as).toBe(boundTo.get(ir.tasks[s.task].binding!));
      }
    }
  });

  it('cover the grades of the quality-inspection sample, naming an inspector of the role as a participant', async () => {
    // given an enum gateway (合格 / 返工 / default), a decimal tolerance and a participant field filtered by role
    const ir = await irOf(sample('quality-inspection/workspace.json'));
    const found = findConformingPaths(ir);
    // then every flow is covered: 合格 within tolerance ships, 返工 reworks, the rest (here 合格 out of tolerance) scraps
    expectSound(ir, found);
    expect(found.uncovered).toEqual([]);
    const grades = new Set(found.paths.flatMap((p) => p.steps).flatMap((s) => (s.kind === 'task' && s.name === 'Inspect batch' ? [s.data['质量等级']] : [])));
    expect([...grades]).toEqual(expect.arrayContaining([0n, 1n]));
    // and the start names the Inspector participant as a nominee, so an export puts in a real account
    for (const s of found.paths.map((p) => p.steps[0])) if (s.kind === 'start') expect(s.nominees).toEqual({ inspector: 'role:Inspector' });
  });

  it('cover a plain .bpmn with lanes', async () => {
    const read = await readInput(new URL('../samples/plain-lanes/purchase-request.bpmn', import.meta.url).pathname);
    const ir = await irOf(read.workspace!);
    const found = findConformingPaths(ir);
    expectSound(ir, found);
    expect(found.uncovered).toEqual([]);
  });

  it('report a branch whose condition can never hold as uncovered instead of searching forever', async () => {
    // given an exclusive split after a task: branch 1 needs "1 > 2", branch 2 is the default flow
    const never = { k: 'cmp', op: '>', l: { k: 'lit', value: 1 }, r: { k: 'lit', value: 2 } } as const;
    const task = (name: number): TaskBlock => ({ kind: 'task', role: 0, writes: [], name });
    const model = buildModel({ roles: 1, chinese: false, fields: [{ type: 'uint', required: false }], startRole: 0, startWrites: [], body: { kind: 'seq', items: [
      { kind: 'xor', decider: task(0), byCaller: false, withDefault: true, branches: [
        { body: task(1), end: 'merge', condition: never }, { body: task(2), end: 'merge', condition: never }] }] } });
    const ir = await irOf(model.workspace);
    // when searched, then the branch and its task are uncovered, everything else is covered
    const found = findConformingPaths(ir);
    expectSound(ir, found);
    const unreachable = ir.gateways.flatMap((g) => g.branches.filter((b) => b.condition)).map((b) => `flow:${b.flowId}`);
    expect(found.uncovered.map((t) => t.key)).toEqual([`task:${ir.tasks[1].elementId}`, ...unreachable]);
    expect(found.paths).toHaveLength(1);
  });

  it('on random models: sound, and cover every task and timer that random conforming runs reach', async () => {
    // multi-instance tasks are left out: on random models full of them the search's state space explodes (minutes); the credit-check sample covers them (conforming-paths-scopes.test.ts)
    // message boundaries on scopes too (+40% CPU here: a non-interrupting one may be delivered at every state of its scope); the same sample covers one
    await fc.assert(fc.asyncProperty(randomModelWith({ ...ALL_FEATURES, multiInstance: false, scopeMessages: false }), fc.array(traceIntents(25), { minLength: 3, maxLength: 3 }), async (model, walks) => {
      const ir = await irOf(model.workspace);
      const participants = model.workspace.participants.map((p, i) => ({ id: p.id, roles: p.roles, account: accountOf(i) }));
      const found = findConformingPaths(ir, { participants });
      expectSound(ir, found, participants);
      const covered = new Set(found.paths.flatMap((p) => p.steps.flatMap((s) => s.covers)));
      // random walks that only conform (right role, valid data and choices) and trigger timers
      const members = new Map(participants.map((p) => [p.account, p.roles]));
      for (const walk of walks) {
        let state: InstanceState = createInstance(ir, members);
        let now = 0n;
        const reached: string[] = [];
        for (const intent of walk.map((w) => ({ ...w, intent: w.intent === 'trigger' ? w.intent : 'conform' as const }))) {
          now += intent.elapse + 1n;
          if (state.started && state.marking === 0n) break;
          const step = resolveStep(ir, participants, state, intent);
          if (!step) break;
          const who = participants.find((p) => p.id === step.as) ?? OUTSIDER;
          const data = Object.fromEntries(ir.fields.map((f, i) => [f.name, step.values[i]]));
          const r: StepResult = step.timer !== undefined ? trigger(state, step.timer, now)
            : step.task === undefined ? start(state, callerOf(who), data, step.choice, now) : complete(state, step.task, callerOf(who), data, step.choice, now);
          if (!r.ok) continue;
          state = r.state;
          const key = step.timer !== undefined ? `timer:${ir.timers[step.timer].elementId}` : step.task === undefined ? `start:${ir.start.elementId}` : `task:${ir.tasks[step.task].elementId}`;
          reached.push(key);
        }
        // a run that ended proves an ending path through what it reached: the search must find one too
        if (state.started && state.marking === 0n) for (const key of reached) expect(covered.has(key), `${key} is reached by a random run but by no conforming path`).toBe(true);
      }
    }), { numRuns: 20, seed: 20_260_701 });
  }, 120_000);
});
