/**
 * Test support: runs one trace on the reference interpreter and on the deployed contract side by
 * side, one new instance per trace, and compares after EVERY step: accepted or rejected, the
 * error's name, the full marking (hence the enabled set), the data the step's event recorded and
 * the participants bound to roles.
 * A process started by a timer: its start schedule is the contract's own state, so one schedule and one
 * clock per deployment run through all its traces (time never goes back, as on a chain); every start
 * goes through the schedule, and after every start attempt `nextStartDueAt()` must agree too. A
 * 'startAgain' intent starts another instance in the middle of a trace (compared, then left alone).
 * A mismatch throws a DifferentialMismatch whose message tells the whole trace so far, readably.
 */
import type { FeelValue } from '../feel/evaluate-feel.js';
import type { ProcessIR } from '../ir/process-ir.js';
import { complete, createInstance, start, trigger, type Caller, type InstanceState, type StepData, type StepResult } from '../interpreter/interpret-process.js';
import { createStartSchedule, nextStartDueAt, NO_MORE_STARTS, startOnSchedule, type StartSchedule } from '../interpreter/start-schedule.js';
import { TEST_EPOCH, type DeployedProcess, type EvmStep } from './process-on-evm.js';
import { scriptEventName } from '../solidity/add-script-tasks.js';
import { requestEventName } from '../solidity/add-message-events.js';
import { callerOf, OUTSIDER, resolveStep, type ConcreteStep, type Participant, type StepIntent } from './random-trace.js';

export class DifferentialMismatch extends Error {}

/** Outcomes seen, by 'ok' or error name: shows what the traces exercised. */
export type OutcomeCounts = Map<string, number>;

/** The start schedule and clock of a deployment whose process starts by a timer (they outlive a trace). */
interface StartClock { schedule: StartSchedule; now: bigint }
const clocks = new WeakMap<DeployedProcess, StartClock>();

function clockOf(deployed: DeployedProcess): StartClock | undefined {
  const t = deployed.ir.start.timer;
  if (!t) return undefined;
  let clock = clocks.get(deployed);
  // the first traces try before the first due time
  if (!clock) clocks.set(deployed, (clock = { schedule: createStartSchedule(), now: BigInt(t.firstDueAt) - 7_200n }));
  return clock;
}

export async function runDifferential(deployed: DeployedProcess, given: readonly Participant[], intents: readonly StepIntent[], outcomes?: OutcomeCounts): Promise<void> {
  const { ir } = deployed;
  // participants act and are nominated with their deployed accounts
  const participants = given.map((p) => ({ ...p, account: p.account ?? deployed.accountOf.get(p.id) }));
  const fresh = () => createInstance(ir, new Map(participants.map((p) => [p.account!, p.roles])));
  let state: InstanceState = fresh();
  let instanceId: bigint | undefined;
  const log: string[] = [];
  let afterEnd = 0;
  const clock = clockOf(deployed);
  let now = clock?.now ?? TEST_EPOCH;
  // the deployment's earlier traces (a shrunk one too) left the schedule where it is: the report says where
  const before = clock ? `\n(timer start: the trace began at t+${now - TEST_EPOCH}s with the next round due at t+${nextStartDueAt(ir, clock.schedule) - TEST_EPOCH}s)` : '';
  /** A start: through the schedule when the process starts by a timer. */
  const startAt = (from: InstanceState, caller: Caller, data: StepData, choice: number | undefined): StepResult => {
    if (!clock) return start(from, caller, data, choice, now);
    const r = startOnSchedule(clock.schedule, from, caller, data, choice, now);
    clock.schedule = r.schedule;
    return r.result;
  };
  const fail = (what: string) => {
    throw new DifferentialMismatch(`${what}${before}\ntrace (one instance, steps in order; "->" is the interpreter's outcome):\n${log.map((l, i) => `  ${i + 1}. ${l}`).join('\n')}`);
  };
  const compareSchedule = async () => {
    if (!clock) return;
    const [expected, actual] = [nextStartDueAt(ir, clock.schedule), await deployed.nextStartDueAt()];
    if (expected !== actual) fail(`step ${log.length}: nextStartDueAt differs: interpreter ${expected}, contract ${actual}`);
  };
  /** Starts another instance (this one has started): compares the outcome, the schedule and the new instance's marking. */
  const startAnother = async (intent: StepIntent) => {
    const other = fresh();
    const step = resolveStep(ir, participants, other, intent)!;
    const who = participants.find((p) => p.id === step.as) ?? { ...OUTSIDER, account: deployed.accountOf.get(OUTSIDER.id) };
    const expected = startAt(other, callerOf(who), Object.fromEntries(ir.fields.map((f, i) => [f.name, step.values[i]])), step.choice);
    const actual = await deployed.start(step.as, step.values, step.choice, now);
    log.push(`t+${now - TEST_EPOCH}s another instance: ${describeStep(ir, step, expected)}`);
    const outcome = `start again ${expected.ok ? 'ok' : expected.error}`;
    outcomes?.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (expected.ok !== actual.ok || (!expected.ok && expected.error !== actual.error))
      fail(`step ${log.length}: interpreter ${expected.ok ? 'accepts' : `rejects with ${expected.error}`}, contract ${actual.ok ? 'accepts' : `reverts with ${actual.error}`}`);
    await compareSchedule();
    if (!expected.ok) return;
    const marking = await deployed.marking(actual.instanceId!);
    if (marking !== expected.state.marking) fail(`step ${log.length}: the other instance's marking differs: interpreter ${bits(expected.state.marking)}, contract ${bits(marking)}`);
    const problem = compareEvents(ir, deployed.accountOf.get(step.as)!, expected.record, actual.events);
    if (problem) fail(`step ${log.length}: the other instance: ${problem}`);
  };
  for (const intent of intents) {
    now += intent.elapse;
    if (clock) clock.now = now;
    if (clock && intent.intent === 'startAgain' && state.started) {
      await startAnother(intent);
      continue;
    }
    // once the instance has ended, one more step (it must be refused) is enough
    if (state.started && state.marking === 0n && afterEnd++ >= 1) break;
    // a timer start with no round left: one more refused start is enough
    if (clock && !state.started && nextStartDueAt(ir, clock.schedule) === NO_MORE_STARTS && afterEnd++ >= 1) break;
    const step = resolveStep(ir, participants, state, intent);
    if (!step) continue;
    const who = participants.find((p) => p.id === step.as) ?? { ...OUTSIDER, account: deployed.accountOf.get(OUTSIDER.id) };
    const data = Object.fromEntries(ir.fields.map((f, i) => [f.name, step.values[i]]));
    const expected: StepResult = step.timer !== undefined ? trigger(state, step.timer, now)
      : step.task === undefined ? startAt(state, callerOf(who), data, step.choice)
        : complete(state, step.task, callerOf(who), data, step.choice, now);
    const actual: EvmStep & { instanceId?: bigint } = step.timer !== undefined ? await deployed.trigger(instanceId ?? 0n, step.timer, step.as, now)
      : step.task === undefined ? await deployed.start(step.as, step.values, step.choice, now)
        : await deployed.complete(instanceId ?? 0n, step.task, step.as, step.values, step.choice, now);
    log.push(`t+${now - TEST_EPOCH}s ${describeStep(ir, step, expected)}`);
    const outcome = `${step.timer !== undefined ? 'trigger ' : ''}${expected.ok ? (expected.record.ended ? 'ok (ended)' : 'ok') : expected.error}`;
    outcomes?.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (expected.ok !== actual.ok || (!expected.ok && expected.error !== actual.error))
      fail(`step ${log.length}: interpreter ${expected.ok ? 'accepts' : `rejects with ${expected.error}`}, contract ${actual.ok ? 'accepts' : `reverts with ${actual.error}`}`);
    if (step.task === undefined && step.timer === undefined) await compareSchedule();
    if (!expected.ok) continue;
    state = expected.state;
    if (actual.instanceId !== undefined) instanceId = actual.instanceId;
    const marking = await deployed.marking(instanceId!);
    if (marking !== state.marking) fail(`step ${log.length}: marking differs: interpreter ${bits(state.marking)}, contract ${bits(marking)}`);
    const problem = compareEvents(ir, deployed.accountOf.get(step.as)!, expected.record, actual.events);
    if (problem) fail(`step ${log.length}: ${problem}`);
    if (ir.bindings.length) {
      const bound = await deployed.boundTo(instanceId!);
      if (bound.join() !== state.bound.join()) fail(`step ${log.length}: bound participants differ: interpreter [${state.bound.join(', ')}], contract [${bound.join(', ')}]`);
    }
  }
}

function compareEvents(ir: ProcessIR, by: string, record: Extract<StepResult, { ok: true }>['record'], events: EvmStep['events']): string | undefined {
  const names = events.map((e) => e.name);
  const ended = names.includes('InstanceEnded');
  if (ended !== record.ended) return `InstanceEnded ${ended ? 'emitted' : 'not emitted'} by the contract, but the interpreter says the instance ${record.ended ? 'ended' : 'goes on'}`;
  const started = events.filter((e) => e.name === 'TimerStarted').map((e) => `${e.args.timer}@${e.args.dueAt}`).join(', ');
  const expectedStarts = record.timersStarted.map((t) => `${t.timer}@${t.dueAt}`).join(', ');
  if (started !== expectedStarts) return `TimerStarted events [${started}], the interpreter started [${expectedStarts}]`;
  const scriptEvents = new Set(ir.scripts.map(scriptEventName));
  const ran = events.filter((e) => scriptEvents.has(e.name)).map((e) => `${e.name}${JSON.stringify(Object.fromEntries(Object.entries(e.args).filter(([k]) => k !== 'instanceId').map(([k, v]) => [k, show(v as FeelValue)])))}`);
  const expectedRuns = record.scripts.map((r) => {
    const x = ir.scripts.find((s) => s.elementId === r.elementId)!;
    // a message sender's event carries its payload; a script's, what it assigned
    const written = x.sends ?? x.assignments.map((a) => a.field);
    return `${scriptEventName(x)}${JSON.stringify(Object.fromEntries(written.map((f) => [ir.fields[f].identifier, show(r.data[ir.fields[f].name])])))}`;
  });
  if (ran.join(' ') !== expectedRuns.join(' ')) return `script events [${ran.join(' ')}], the interpreter ran [${expectedRuns.join(' ')}]`;
  const requestEvents = new Set(ir.tasks.filter((t) => t.kind === 'service').map(requestEventName));
  const requested = events.filter((e) => requestEvents.has(e.name)).map((e) => `${e.name}${JSON.stringify(Object.fromEntries(Object.entries(e.args).filter(([k]) => k !== 'instanceId').map(([k, v]) => [k, show(v as FeelValue)])))}`);
  const expectedRequests = record.requests.map((r) => {
    const t = ir.tasks.find((x) => x.elementId === r.elementId)!;
    return `${requestEventName(t)}${JSON.stringify(Object.fromEntries((t.requests ?? []).map((f) => [ir.fields[f].identifier, show(r.data[ir.fields[f].name])])))}`;
  });
  if (requested.join(' ') !== expectedRequests.join(' ')) return `service request events [${requested.join(' ')}], the interpreter requested [${expectedRequests.join(' ')}]`;
  const caught = events.filter((e) => e.name === 'ErrorCaught').map((e) => `${e.args.boundary}:${e.args.errorCode}`).join(', ');
  const expectedCaught = record.errors.map((x) => `${x.boundary}:${x.code}`).join(', ');
  if (caught !== expectedCaught) return `ErrorCaught events [${caught}], the interpreter caught [${expectedCaught}]`;
  const stepEvents = events.filter((e) => e.name !== 'InstanceEnded' && e.name !== 'TimerStarted' && e.name !== 'ErrorCaught' && !scriptEvents.has(e.name) && !requestEvents.has(e.name));
  if (stepEvents.length !== 1) return `expected one step event, the contract emitted ${names.join(', ') || 'none'}`;
  if ((stepEvents[0].name === 'TimerFired') !== (record.timer !== undefined)) return `the contract emitted ${stepEvents[0].name}, the interpreter ${record.timer !== undefined ? 'fired a timer' : 'completed a step'}`;
  const args = stepEvents[0].args;
  if (String(args.by).toLowerCase() !== by.toLowerCase()) return `event says by ${args.by}, the caller was ${by}`;
  const expected: Record<string, string> = Object.fromEntries(Object.entries(record.data).map(([name, v]) => [ir.fields.find((f) => f.name === name)!.identifier, show(v)]));
  if (record.choice !== undefined) expected.choice = String(record.choice);
  if (record.timer !== undefined) expected.timer = String(record.timer);
  const got = Object.fromEntries(Object.entries(args).filter(([k]) => k !== 'instanceId' && k !== 'by').map(([k, v]) => [k, show(v as FeelValue)]));
  const a = JSON.stringify(expected, Object.keys(expected).sort());
  const b = JSON.stringify(got, Object.keys(got).sort());
  return a === b ? undefined : `event ${stepEvents[0].name} recorded ${b}, the interpreter recorded ${a}`;
}

const show = (v: FeelValue): string => (typeof v === 'string' && /^0x[0-9a-fA-F]*$/.test(v) ? v.toLowerCase() : String(v));

const bits = (m: bigint) => (m === 0n ? '0 (ended)' : `{${[...m.toString(2)].reverse().flatMap((c, i) => (c === '1' ? [i] : [])).join(', ')}}`);

function describeStep(ir: ProcessIR, step: ConcreteStep, result: StepResult): string {
  if (step.timer !== undefined) {
    const t = ir.timers[step.timer];
    return `trigger "${t.name}" [${t.elementId}] as ${step.as} (${step.intent}) -> ${result.ok ? `ok, marking ${bits(result.state.marking)}${started(result)}` : `${result.error}: ${result.message}`}`;
  }
  const element = step.task === undefined ? ir.start : ir.tasks[step.task];
  const writes = step.task === undefined ? ir.start.writes : ir.tasks[step.task].writes;
  const data = writes.map((w) => `${ir.fields[w.field].name}=${JSON.stringify(show(step.values[w.field]))}`);
  const what = `${step.task === undefined ? 'start' : `complete "${element.name}"`} [${element.elementId}] as ${step.as}` +
    `${data.length ? ` with ${data.join(', ')}` : ''}${step.choice !== undefined ? ` choice ${step.choice}` : ''} (${step.intent})`;
  return `${what} -> ${result.ok ? `ok, marking ${bits(result.state.marking)}${started(result)}` : `${result.error}: ${result.message}`}`;
}

function started(result: Extract<StepResult, { ok: true }>): string {
  const list = result.record.timersStarted.map((t) => `#${t.timer} due t+${t.dueAt - TEST_EPOCH}s`);
  return list.length ? `, started timers ${list.join(', ')}` : '';
}
