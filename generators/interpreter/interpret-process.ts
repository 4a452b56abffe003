/**
 * The reference interpreter of a ProcessIR: the token game with data that the generated process
 * contract plays, without a chain. Pure and synchronous, no ethers: the IDE runs it to simulate a
 * model, and the differential tests (differential.test.ts) hold it and the compiled contract to the
 * same answers after every step: accepted or rejected with the same custom error, same marking,
 * same recorded data.
 *
 * One InstanceState is one process instance. Each step checks, in the contract's order:
 * task enabled (TaskNotEnabled), caller's role (CallerLacksRole, or NotAMember for a start event
 * any member may use), required fields (RequiredFieldMissing, in declaration order), then records
 * the data and routes the token (InvalidChoice, NoBranchMatches, ValueOutOfRange, Panic). A rejected
 * step changes nothing, like a reverted transaction.
 *
 * Roles bound per instance (cf:binds): a step that nominates checks, after the required fields, that
 * its nominee holds the role (NomineeLacksRole, looked up in the `members` the instance was created
 * with) and records it (RoleAlreadyBound when a 'once' binding names someone else); a task of a bound
 * role, after the role check, accepts only the bound participant (NotBoundParticipant), compared
 * with `Caller.account`. Then every participant field the step writes must name a member
 * (NotAParticipant), of the field's role when it has one (ParticipantLacksRole); enum, decimal and
 * participant values are read from step data as field-type-values.ts says.
 *
 * Time: every step takes `now`, the block timestamp in seconds of the transaction it mirrors. A step
 * whose routing sets the bit of a timer (an intermediate timer the token reached, or the boundary
 * timers of a task it enabled) starts that timer: its deadline becomes now + its duration. `trigger`
 * fires a waiting timer whose deadline has come (TimerNotWaiting, TimerNotDue otherwise); anyone may.
 *
 * Messages (generators/ir/read-messages.ts): receive tasks, message catch and boundary events and service
 * tasks are tasks here (`complete`), their role being the sender's or the service's; which bits a step
 * clears (boundary events, event-based gateway rivals) is generators/ir/timer-bits.ts. A step records the
 * service tasks its routing newly enabled (`requests`, the contract's `<Task>Requested`) and the messages
 * sent on the way among its `scripts` (`<Sender>Sent`, with the payload).
 *
 * Scopes (route-token.ts): entering a subprocess, an error end caught by a boundary (recorded in
 * `StepRecord.errors`), and after the routing the completion of subprocesses with nothing left inside.
 * Multi-instance tasks (multi-instance.ts): after the binding check, a parallel one refuses a
 * participant who did an instance in this activation (InstanceAlreadyCompletedByCaller); the step
 * then moves the token on only if the task finishes, else changes nothing but the count and the data.
 */
import type { FeelValue } from '../feel/evaluate-feel.js';
import type { FieldIR, FieldWrite, ProcessIR } from '../ir/process-ir.js';
import { routeTokenWithEffects, RoutingRevert, settleJoins, type CaughtError, type RouteEffects, type ScriptRun } from './route-token.js';
import { bitsConsumedBy } from '../ir/timer-bits.js';
import { checkParticipants, normaliseTypedValue } from './field-type-values.js';
import { activateMulti, completedBy, completeInstance, NEVER_ACTIVATED, type MultiState } from './multi-instance.js';

export const CONTRACT_ERRORS = [
  'TaskNotEnabled', 'CallerLacksRole', 'NotAMember', 'RequiredFieldMissing',
  'InvalidChoice', 'NoBranchMatches', 'ValueOutOfRange', 'Panic', 'MessagePending', 'TimerNotWaiting', 'TimerNotDue',
  'NotBoundParticipant', 'NomineeLacksRole', 'RoleAlreadyBound', 'NegativeValue',
  'NotAParticipant', 'ParticipantLacksRole', 'InstanceAlreadyCompletedByCaller', 'StartNotDue',
] as const;
/** The name of the custom error the contract reverts with; 'Panic' is a checked-arithmetic or division-by-zero panic. */
export type ContractErrorName = (typeof CONTRACT_ERRORS)[number];

/**
 * Who acts. `roles` are workspace role ids; `member` is true for an account the registry lists with
 * an organization (it pushes a MEMBER bit with the roles), so a member without roles may still start
 * a process whose start event names no role.
 */
export interface Caller {
  roles: readonly string[];
  member: boolean;
  /** The caller's account (0x-hex): needed only for tasks of a role bound per instance. */
  account?: string;
}

/** The registry's members as a nominee check sees them: account (any case) -> role ids. */
export type Members = ReadonlyMap<string, readonly string[]>;

/** Field values by field name: bigint (or a safe integer) for uint/int/timestamp, boolean, or text (string, 0x-hex address and bytes32). */
export type StepData = Readonly<Record<string, FeelValue | number>>;

export interface InstanceState {
  readonly ir: ProcessIR;
  readonly started: boolean;
  /** One bit per task and per join input, as the contract's `marking(id)`; 0 before the start and once ended. */
  readonly marking: bigint;
  /** Current value of every field, by field index (zero values until written). */
  readonly values: readonly FeelValue[];
  /** Deadline (Unix seconds) of every timer, by timer index: the last time it started (0 if never). */
  readonly dueAt: readonly bigint[];
  /** Participant (lowercase account) bound by each of `ir.bindings`, ZERO_ADDRESS while unbound: the contract's `boundTo`. */
  readonly bound: readonly string[];
  /** Who holds which role, for nominee checks (empty: nobody may be nominated). */
  readonly members: Members;
  /** Counters of every task by task index (meaningful for multi-instance tasks only). */
  readonly multi: readonly MultiState[];
}

/** A timer the step started, as its `TimerStarted` event says. */
export interface TimerStart {
  timer: number;
  dueAt: bigint;
}

/** What the step's event records: the fields it wrote (by field name) and the choice, if it takes one. */
export interface StepRecord {
  elementId: string;
  data: Record<string, FeelValue>;
  choice?: number;
  /** The marking became 0: the contract emitted InstanceEnded. */
  ended: boolean;
  /** Timers the step started, in timer order. */
  timersStarted: TimerStart[];
  /** Set when the step triggered a timer (its `TimerFired` event). */
  timer?: number;
  /** Script tasks the step's routing ran, in order, with the values each assigned (`<Script>Completed`). */
  scripts: ScriptRun[];
  /** Sequence flows (`flow:<id>`), end events (`end:<id>`) and completed subprocesses (`sub:<id>`) the step's tokens passed, in order (coverage). */
  passed: string[];
  /** Service tasks the step enabled, in order, with the payload of each `<Name>Requested` event. */
  requests: ScriptRun[];
  /** Errors that error boundaries caught in the step, in order (the contract's `ErrorCaught` events). */
  errors: CaughtError[];
}

/** Block time in seconds; a number must be a safe integer. */
export type Now = bigint | number;

export type StepResult =
  | { ok: true; state: InstanceState; record: StepRecord }
  | { ok: false; error: ContractErrorName; elementId: string; message: string };

export const ZERO_ADDRESS = `0x${'0'.repeat(40)}`;
export const ZERO_BYTES32 = `0x${'0'.repeat(64)}`;

export function zeroValue(type: FieldIR['type']): FeelValue {
  return type === 'bool' ? false : type === 'string' ? '' : type === 'address' || type === 'participant' ? ZERO_ADDRESS : type === 'bytes32' ? ZERO_BYTES32 : 0n;
}

/** A new, not yet started instance; `members` (account -> role ids) is needed only by processes that bind roles. */
export function createInstance(ir: ProcessIR, members: Members = new Map()): InstanceState {
  const byAccount = new Map([...members].map(([account, roles]) => [account.toLowerCase(), roles]));
  return {
    ir, started: false, marking: 0n, values: ir.fields.map((f) => zeroValue(f.type)), dueAt: ir.timers.map(() => 0n),
    bound: ir.bindings.map(() => ZERO_ADDRESS), members: byAccount, multi: ir.tasks.map(() => NEVER_ACTIVATED),
  };
}

/** Indexes (into `ir.tasks`) of the tasks enabled now, in task order. */
export function enabled(state: InstanceState): number[] {
  return state.ir.tasks.flatMap((t, i) => ((state.marking >> BigInt(t.bit)) & 1n ? [i] : []));
}

/**
 * Starts the instance at its start event. `choice` is used only when a caller-decided gateway
 * follows the start event (missing means 0). @throws Error if the instance was started already.
 * A timer start's schedule is the contract's, not the instance's: start-schedule.ts `startOnSchedule` checks it, then calls this.
 */
export function start(state: InstanceState, caller: Caller, data: StepData = {}, choice?: number, now: Now = 0n): StepResult {
  if (state.started) throw new Error('this instance was started already; create a new one');
  checkChoice(choice);
  const s = state.ir.start;
  const roles = effectiveRoles(caller);
  if (s.roles.length === 0 && !caller.member) return reject('NotAMember', s.elementId, 'the caller is not a member of the consortium');
  if (s.roles.length > 0 && !s.roles.some((r) => roles.includes(r)))
    return reject('CallerLacksRole', s.elementId, `only ${s.roles.join(' or ')} may start "${s.name}"`);
  return step({ ...state, started: true }, s.elementId, s.writes, data, s.choice !== undefined ? (choice ?? 0) : undefined, 0n, BigInt(now), (fx) =>
    routeTokenWithEffects(state.ir, fx, s.next, 0n, choice ?? 0));
}

/** Completes task `taskIndex` (into `ir.tasks`). `choice` is used only by a task followed by a caller-decided gateway. */
export function complete(state: InstanceState, taskIndex: number, caller: Caller, data: StepData = {}, choice?: number, now: Now = 0n): StepResult {
  const task = state.ir.tasks[taskIndex];
  if (!task) throw new Error(`no task #${taskIndex} in "${state.ir.name}"`);
  checkChoice(choice);
  const taskBit = 1n << BigInt(task.bit);
  if ((state.marking & taskBit) === 0n) return reject('TaskNotEnabled', task.elementId, `"${task.name}" is not enabled`);
  if (!effectiveRoles(caller).includes(task.role)) return reject('CallerLacksRole', task.elementId, `only ${task.role} may do "${task.name}"`);
  if (task.binding !== undefined) {
    const bound = state.bound[task.binding];
    if (bound !== ZERO_ADDRESS && bound !== caller.account?.toLowerCase())
      return reject('NotBoundParticipant', task.elementId, `in this instance only ${bound}, bound to ${task.role}, may do "${task.name}"`);
  }
  if (task.multi) {
    // one instance of a multi-instance task: it finishes (and its token moves on) or stays enabled
    if (caller.account === undefined) throw new Error(`"${task.name}" is multi-instance: the caller's account is needed`);
    const account = caller.account.toLowerCase();
    if (!task.multi.sequential && completedBy(state.multi[taskIndex], account))
      return reject('InstanceAlreadyCompletedByCaller', task.elementId, `${account} completed an instance of "${task.name}" already`);
    // the completion condition is evaluated where the contract routes: after the required fields
    const counted = completeInstance(task, state.multi[taskIndex], account);
    const consumed = withoutBits(state.marking, bitsConsumedBy(state.ir, { task: taskIndex }));
    let rest = state.marking;
    const result = step({ ...state, multi: state.multi.map((x, i) => (i === taskIndex ? counted.state : x)) }, task.elementId, task.writes, data, undefined, () => rest, BigInt(now), (fx) => {
      if (!counted.finished()) return state.marking;
      rest = consumed;
      return routeTokenWithEffects(state.ir, fx, task.next, consumed, 0);
    });
    return result;
  }
  const rest = withoutBits(state.marking, bitsConsumedBy(state.ir, { task: taskIndex }));
  return step(state, task.elementId, task.writes, data, task.choice !== undefined ? (choice ?? 0) : undefined, rest, BigInt(now), (fx) =>
    routeTokenWithEffects(state.ir, fx, task.next, rest, choice ?? 0));
}

/**
 * Triggers timer `timerIndex` (into `ir.timers`) at block time `now`: anyone may, once it waits and
 * its deadline has come (now >= dueAt). An interrupting boundary timer withdraws its task.
 */
export function trigger(state: InstanceState, timerIndex: number, now: Now): StepResult {
  const timer = state.ir.timers[timerIndex];
  if (!timer) throw new Error(`no timer #${timerIndex} in "${state.ir.name}"`);
  if ((state.marking & (1n << BigInt(timer.bit))) === 0n) return reject('TimerNotWaiting', timer.elementId, `"${timer.name}" is not waiting`);
  if (BigInt(now) < state.dueAt[timerIndex]) return reject('TimerNotDue', timer.elementId, `"${timer.name}" is due at ${state.dueAt[timerIndex]}, it is ${now}`);
  const rest = withoutBits(state.marking, bitsConsumedBy(state.ir, { timer: timerIndex }));
  const result = step(state, timer.elementId, [], {}, undefined, rest, BigInt(now), (fx) => routeTokenWithEffects(state.ir, fx, timer.next, rest, 0));
  if (result.ok) result.record.timer = timerIndex;
  return result;
}

const withoutBits = (m: bigint, bits: number[]) => bits.reduce((acc, b) => acc & ~(1n << BigInt(b)), m);

/** The contract takes the choice as a uint8: anything else cannot even be sent. */
function checkChoice(choice: number | undefined) {
  if (choice !== undefined && !(Number.isInteger(choice) && choice >= 0 && choice <= 255)) throw new TypeError(`choice must be a whole number 0..255, got ${choice}`);
}

function effectiveRoles(caller: Caller): readonly string[] {
  return caller.member ? caller.roles : [];
}

/** Required fields, then record the data, then route: the tail every step shares. */
/** `rest`: the marking the routing starts from (a function when only the routing decides it: a multi-instance task that may or may not finish). */
function step(state: InstanceState, elementId: string, writes: FieldWrite[], data: StepData, choice: number | undefined, restOrLater: bigint | (() => bigint), now: bigint, route: (fx: RouteEffects) => bigint): StepResult {
  const { ir } = state;
  const written = writes.map((w) => ({ w, field: ir.fields[w.field], value: normalise(ir.fields[w.field], data[ir.fields[w.field].name]) }));
  for (const { w, field, value } of written) {
    if (w.required && isMissing(field, value)) return reject('RequiredFieldMissing', elementId, `"${field.label || field.name}" is required`);
  }
  const bound = [...state.bound];
  for (const [k, b] of ir.bindings.entries()) {
    if (b.elementId !== elementId) continue;
    const nominee = written.find((x) => x.w.field === b.field)!;
    if (!nominee.w.required && nominee.value === ZERO_ADDRESS) continue; // an optional nomination left empty keeps the binding
    if (!(state.members.get(nominee.value as string) ?? []).includes(b.role)) return reject('NomineeLacksRole', elementId, `${nominee.value} does not hold ${b.role}`);
    // the start event binds a fresh instance; 'once' then accepts only the participant bound already
    if (b.rebind === 'once' && bound[k] !== ZERO_ADDRESS && bound[k] !== nominee.value) return reject('RoleAlreadyBound', elementId, `${b.role} is bound to ${bound[k]} already`);
    bound[k] = nominee.value as string;
  }
  const notParticipant = checkParticipants(written, state.members, ZERO_ADDRESS);
  if (notParticipant) return reject(notParticipant.error, elementId, notParticipant.message);
  const values = [...state.values];
  for (const { w, value } of written) values[w.field] = value;
  let marking: bigint;
  const fx: RouteEffects = { values, scripts: [], passed: [], requests: [], errors: [] };
  try {
    marking = settleJoins(ir, fx, route(fx));
  } catch (e) {
    if (e instanceof RoutingRevert) return reject(e.errorName, e.elementId, e.message);
    throw e;
  }
  const rest = typeof restOrLater === 'function' ? restOrLater() : restOrLater;
  // every timer bit the routing set (it was clear in `rest`) starts that timer, as _startTimers does
  const dueAt = [...state.dueAt];
  const timersStarted: TimerStart[] = [];
  ir.timers.forEach((t, k) => {
    const b = 1n << BigInt(t.bit);
    if ((marking & b) !== 0n && (rest & b) === 0n) {
      dueAt[k] = now + BigInt(t.seconds);
      timersStarted.push({ timer: k, dueAt: dueAt[k] });
    }
  });
  const record: StepRecord = { elementId, data: Object.fromEntries(written.map(({ field, value }) => [field.name, value])), ended: marking === 0n, timersStarted, scripts: fx.scripts, passed: fx.passed!, requests: fx.requests!, errors: fx.errors! };
  if (choice !== undefined) record.choice = choice;
  return { ok: true, state: { ...state, marking, values, dueAt, bound, multi: activateMulti(ir, state.multi, rest, marking, (role) => [...state.members.values()].filter((roles) => roles.includes(role)).length) }, record };
}

/** Only text-like values can be missing on chain: numbers and booleans always carry a value. */
function isMissing(field: FieldIR, value: FeelValue): boolean {
  if (field.type === 'string') return value === '';
  if (field.type === 'address' || field.type === 'participant' || field.type === 'bytes32') return BigInt(value as string) === 0n;
  return false;
}

/** A missing value is the type's zero value, as an omitted ABI argument would be. @throws TypeError for a value of the wrong kind. */
function normalise(field: FieldIR, value: FeelValue | number | undefined): FeelValue {
  if (value === undefined) return zeroValue(field.type);
  const fail = () => { throw new TypeError(`field "${field.name}" (${field.type}) cannot take ${String(value)}`); };
  const typed = normaliseTypedValue(field, value);
  if (typed !== undefined) return typed;
  switch (field.type) {
    case 'bool':
      return typeof value === 'boolean' ? value : fail();
    case 'string':
      return typeof value === 'string' ? value : fail();
    case 'address':
    case 'participant':
    case 'bytes32': {
      const hex = field.type === 'bytes32' ? 64 : 40;
      return typeof value === 'string' && new RegExp(`^0x[0-9a-fA-F]{${hex}}$`).test(value) ? value.toLowerCase() : fail();
    }
    default: {
      const n = typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : typeof value === 'bigint' ? value : fail();
      const signed = field.type === 'int';
      const min = signed ? -(1n << 255n) : 0n;
      const max = signed ? (1n << 255n) - 1n : (1n << 256n) - 1n;
      return (n as bigint) >= min && (n as bigint) <= max ? n : fail();
    }
  }
}

function reject(error: ContractErrorName, elementId: string, message: string): StepResult {
  return { ok: false, error, elementId, message };
}
