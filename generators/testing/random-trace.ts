/**
 * Test support: random traces as fast-check values. A trace is a list of step INTENTS (conform,
 * or break one rule on purpose); each intent is resolved against the interpreter's current state
 * into a concrete step (which task, which participant, which data, which choice), so every trace
 * stays meaningful for any model and shrinks well (dropping a step keeps the rest valid).
 * Every intent also lets time pass (`elapse` seconds, often 0) before its step, so timers are
 * triggered early, on time, late, and twice.
 * Role bindings: a nominee is mostly a holder of the role (for a 'once' binding mostly the one bound
 * already), now and then anyone else, nobody (zero) or an outsider; a task of a bound role is mostly
 * done by the bound participant, now and then by another holder of the role.
 */
import fc from 'fast-check';
import type { FeelValue } from '../feel/evaluate-feel.js';
import type { FieldIR, ProcessIR } from '../ir/process-ir.js';
import { enabled, ZERO_ADDRESS, ZERO_BYTES32, type Caller, type InstanceState } from '../interpreter/interpret-process.js';

/** 'startAgain' (drawn only by `timerStartIntents`): a start of ANOTHER instance once this one has started, for a timer start's schedule. */
export const INTENTS = ['conform', 'disabled', 'wrongCaller', 'emptyRequired', 'badChoice', 'wildData', 'trigger', 'startAgain'] as const;
export type Intent = (typeof INTENTS)[number];

interface Values { uint: bigint; int: bigint; bool: boolean; string: string; address: string; bytes32: string }
export interface StepIntent { intent: Intent; pick: number; who: number; choice: number; small: Values; wild: Values; elapse: bigint }

/** `account` (0x-hex) is needed to nominate the participant and to act in a bound role. */
export interface Participant { id: string; roles: readonly string[]; account?: string }
/** Not in the registry at all. */
export const OUTSIDER: Participant = { id: 'outsider', roles: [] };

export interface ConcreteStep {
  intent: Intent;
  /** undefined (and no timer): the start event. */
  task?: number;
  /** A timer's trigger function (into `ir.timers`). */
  timer?: number;
  as: string;
  /** Value of every field (zero where the step writes nothing), by field index. */
  values: FeelValue[];
  choice?: number;
}

const hex = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => `0x${[...b].map((x) => x.toString(16).padStart(2, '0')).join('')}`);
const INT_MAX = (1n << 255n) - 1n;
const UINT_MAX = (1n << 256n) - 1n;

const small: fc.Arbitrary<Values> = fc.record({
  uint: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 12n })), int: fc.oneof(fc.constant(0n), fc.bigInt({ min: -12n, max: 12n })), bool: fc.boolean(),
  string: fc.constantFrom('ok', 'x', '是', 'B-7'), address: hex(20), bytes32: hex(32),
});
const wild: fc.Arbitrary<Values> = fc.record({
  uint: fc.constantFrom(0n, 1n, INT_MAX, INT_MAX + 1n, UINT_MAX, 1n << 128n),
  int: fc.constantFrom(0n, -1n, INT_MAX, -INT_MAX - 1n, 1n << 128n),
  bool: fc.boolean(), string: fc.constantFrom('', 'ok', '齿轮箱壳体 gearbox'),
  address: fc.constantFrom(ZERO_ADDRESS, `0x${'ff'.repeat(20)}`), bytes32: fc.constantFrom(ZERO_BYTES32, `0x${'ab'.repeat(32)}`),
});

export const stepIntent: fc.Arbitrary<StepIntent> = fc.record({
  intent: fc.constantFrom<Intent>('conform', 'conform', 'conform', 'conform', 'disabled', 'wrongCaller', 'emptyRequired', 'badChoice', 'wildData', 'wildData', 'trigger', 'trigger'),
  pick: fc.nat(1000), who: fc.nat(1000), choice: fc.nat(1000), small, wild,
  // around the random models' durations (0 s, 1 min, 30 min, 1 h, 1 d, 48 h): just before, at, after
  elapse: fc.constantFrom(0n, 0n, 0n, 0n, 1n, 59n, 60n, 1_799n, 1_800n, 3_600n, 86_400n, 172_799n, 172_800n),
});

export const traceIntents = (maxLength = 20) => fc.array(stepIntent, { minLength: 1, maxLength });

/**
 * Traces of a process started by a timer: the steps of traceIntents, now and then a start of another
 * instance (a second start in a round, or the next round's), and time steps around the random
 * start periods (30 min, 1 h, 1 d).
 */
export const timerStartIntents = (maxLength = 20) => fc.array(fc.oneof(
  { weight: 4, arbitrary: stepIntent },
  { weight: 1, arbitrary: fc.tuple(stepIntent, fc.constantFrom(0n, 0n, 1_799n, 1_800n, 3_599n, 3_600n, 86_399n, 86_400n)).map(([s, elapse]): StepIntent => ({ ...s, intent: 'startAgain', elapse })) },
), { minLength: 1, maxLength });

export function callerOf(p: Participant): Caller {
  return { roles: p.roles, member: p.id !== OUTSIDER.id, ...(p.account ? { account: p.account } : {}) };
}

/** The concrete step for `s` in `state`; undefined when nothing can be tried (an ended model without tasks). */
export function resolveStep(ir: ProcessIR, participants: readonly Participant[], state: InstanceState, s: StepIntent): ConcreteStep | undefined {
  const everyone = [...participants, OUTSIDER];
  const pickFrom = <T>(list: readonly T[]): T => list[s.who % list.length];
  if (!state.started) {
    const allowed = ir.start.roles.length === 0 ? participants.filter((p) => p.roles.length > 0) : participants.filter((p) => p.roles.some((r) => ir.start.roles.includes(r)));
    const others = everyone.filter((p) => !allowed.includes(p));
    const as = s.intent === 'wrongCaller' && others.length ? pickFrom(others) : pickFrom(allowed.length ? allowed : everyone);
    return { intent: s.intent, as: as.id, values: pickParticipants(ir, participants, ir.start.writes, nominate(ir, participants, state, ir.start.elementId, valuesFor(ir, ir.start.writes, s), s), s), choice: choiceFor(ir, ir.start.choice, s) };
  }
  if (s.intent === 'trigger' && ir.timers.length > 0) {
    // mostly a waiting timer (due or not); now and then any timer, so idle and repeated triggers occur
    const waiting = ir.timers.flatMap((t, k) => ((state.marking >> BigInt(t.bit)) & 1n ? [k] : []));
    const timer = waiting.length && s.pick % 4 !== 0 ? waiting[s.pick % waiting.length] : s.pick % ir.timers.length;
    return { intent: s.intent, timer, as: pickFrom(everyone).id, values: ir.fields.map((f) => zero(f)) };
  }
  if (ir.tasks.length === 0) return undefined;
  const on = enabled(state);
  const off = ir.tasks.map((_, i) => i).filter((i) => !on.includes(i));
  const task = (s.intent === 'disabled' || on.length === 0) && off.length ? off[s.pick % off.length] : on.length ? on[s.pick % on.length] : s.pick % ir.tasks.length;
  const { role, binding, elementId } = ir.tasks[task];
  const holders = participants.filter((p) => p.roles.includes(role));
  const others = everyone.filter((p) => !p.roles.includes(role));
  const bound = binding === undefined ? undefined : holders.find((p) => p.account?.toLowerCase() === state.bound[binding]);
  const as = s.intent === 'wrongCaller' || holders.length === 0 ? pickFrom(others) : bound && s.pick % 4 !== 0 ? bound : pickFrom(holders);
  return { intent: s.intent, task, as: as.id, values: pickParticipants(ir, participants, ir.tasks[task].writes, nominate(ir, participants, state, elementId, valuesFor(ir, ir.tasks[task].writes, s), s), s), choice: choiceFor(ir, ir.tasks[task].choice, s) };
}

/** The nominee of every binding of `elementId`: mostly a holder of the role, sometimes someone who may not be nominated. */
function nominate(ir: ProcessIR, participants: readonly Participant[], state: InstanceState, elementId: string, values: FeelValue[], s: StepIntent): FeelValue[] {
  for (const [k, b] of ir.bindings.entries()) {
    if (b.elementId !== elementId) continue;
    const holders = participants.filter((p) => p.roles.includes(b.role) && p.account);
    const bound = holders.find((p) => p.account!.toLowerCase() === state.bound[k]);
    const n = (s.choice >> 2) % 8; // independent of the choice's own use, which takes it modulo small numbers
    const otherHolder = holders.find((p) => p !== bound);
    if (s.intent === 'emptyRequired' || (s.intent === 'wildData' && n < 2)) values[b.field] = ZERO_ADDRESS;
    else if (s.intent === 'wildData' && n >= 6 && bound && otherHolder) values[b.field] = otherHolder.account!.toLowerCase(); // RoleAlreadyBound for 'once'
    else if (s.intent === 'wildData' || (s.intent === 'wrongCaller' && n < 4)) {
      const anyone = participants.filter((p) => p.account);
      values[b.field] = (n % 2 ? OUTSIDER_ACCOUNT : anyone[s.who % anyone.length]?.account ?? OUTSIDER_ACCOUNT).toLowerCase();
    } else if (holders.length) {
      values[b.field] = (bound && b.rebind === 'once' && n !== 0 ? bound : holders[(s.who >> 1) % holders.length]).account!.toLowerCase();
    }
  }
  return values;
}

/**
 * The participant fields a step writes: mostly a participant of the field's role (any participant
 * when it filters none); with wild data sometimes one without the role, or an outsider.
 */
function pickParticipants(ir: ProcessIR, participants: readonly Participant[], writes: readonly { field: number }[], values: FeelValue[], s: StepIntent): FeelValue[] {
  for (const w of writes) {
    const f = ir.fields[w.field];
    if (f.type !== 'participant' || (s.intent === 'emptyRequired' && values[w.field] === ZERO_ADDRESS)) continue;
    const anyone = participants.filter((p) => p.account);
    const eligible = anyone.filter((p) => f.role === undefined || p.roles.includes(f.role));
    const n = (s.who >> 3) % 8;
    const pick = s.intent === 'wildData' && n < 3 ? (n === 0 ? undefined : anyone[s.pick % anyone.length]) : eligible[s.pick % Math.max(eligible.length, 1)];
    values[w.field] = (pick?.account ?? OUTSIDER_ACCOUNT).toLowerCase();
  }
  return values;
}

/** An account no participant has: never a member, so never a valid nominee. */
export const OUTSIDER_ACCOUNT = `0x${'0e'.repeat(20)}`;

function valuesFor(ir: ProcessIR, writes: { field: number; required: boolean }[], s: StepIntent): FeelValue[] {
  const values = ir.fields.map((f) => zero(f));
  const source = s.intent === 'wildData' ? s.wild : s.small;
  let emptied = false;
  for (const w of writes) {
    const f = ir.fields[w.field];
    const kind = f.type === 'timestamp' || f.type === 'decimal' ? 'uint' : f.type === 'participant' ? 'address' : f.type;
    // an enum takes one of its members (the ABI refuses any other uint8 before the contract runs)
    values[w.field] = kind === 'enum' ? source.uint % BigInt(f.values?.length || 1) : source[kind];
    if (s.intent === 'emptyRequired' && w.required && !emptied && (f.type === 'string' || f.type === 'address' || f.type === 'participant' || f.type === 'bytes32')) {
      values[w.field] = zero(f);
      emptied = true;
    }
  }
  return values;
}

function zero(f: FieldIR): FeelValue {
  return f.type === 'bool' ? false : f.type === 'string' ? '' : f.type === 'address' || f.type === 'participant' ? ZERO_ADDRESS : f.type === 'bytes32' ? ZERO_BYTES32 : 0n;
}

function choiceFor(ir: ProcessIR, gateway: number | undefined, s: StepIntent): number | undefined {
  if (gateway === undefined) return undefined;
  const g = ir.gateways[gateway];
  const valid = [...(g.defaultBranch ? [0] : []), ...g.branches.map((_, k) => k + 1)];
  if (s.intent !== 'badChoice') return valid[s.choice % valid.length];
  const invalid = [...(g.defaultBranch ? [] : [0]), g.branches.length + 1, 255];
  return invalid[s.choice % invalid.length];
}
