/**
 * Test support: a fast-check arbitrary of random STRUCTURED process models, as BPMN XML with
 * lanes (one per role) and cf:field declarations, plus a workspace around them. Structured means
 * built from blocks that nest: task, sequence, exclusive split/merge (decided by FEEL conditions
 * over uint/int/bool/string fields, with or without a default, or by the caller), parallel
 * split/join, and loops (a merge, a body, a deciding task, then back or out). A branch may also
 * end early in a none or terminate end event. Timers: an intermediate timer block, and a timer
 * boundary event on any task (interrupting or not) whose path runs a few tasks and then ends, or,
 * for an interrupting timer on a plain task, merges back after the task. Role bindings: the start
 * event or any task may bind a role (`cf:binds`, once or sameTask, its nominee field required or
 * not; the first element to bind a role keeps it). Script tasks assign fields from FEEL expressions
 * over the other fields (numbers, conditions, text). Inclusive splits take the branches whose
 * conditions hold (one branch may have none, there may be a default) and join again with an
 * inclusive join, while branches that end early leave the join to decide alone. Messages: a task
 * may be a receive task, a message catch event or a service task (with a request payload), and get a
 * message boundary event (interrupting or not, delivered by its lane's role); send tasks and message
 * throw events send declared fields; an event-based gateway races receive tasks, message catches and
 * timers; the start may be a message start and the last end a message end. Embedded subprocesses
 * (scopes): a first task, a body (any blocks, nested subprocesses included; a terminate end in it ends
 * only the subprocess), optionally a task whose completer may throw an error at an error end, caught
 * by an error boundary (for that error, or any) whose path runs a few tasks, and optionally a timer
 * boundary (interrupting or not) on the subprocess, and (with messages) a message boundary on it (interrupting or
 * not, delivered by a lane's role with a payload). Multi-instance: a user task may run several
 * instances (its message and timer boundaries included). Both sets combine: messages, races and
 * multi-instance tasks inside subprocesses. Call activities (feature `calls`): a block calls another
 * process of the workspace (BuildOptions.callees, see arbitrary-workspace.ts), with an error boundary
 * when that process may end in an error end, and maybe a timer boundary and a message boundary. Timer starts (feature
 * `timerStart`): the start is a timeDate or an R[n]/start/period cycle near the traces' clock.
 * Shrinking works on the block tree, so a failure shrinks to a small model.
 */
import fc from 'fast-check';
import type { FieldType, Workspace } from '../model/workspace.js';

export type NumExpr = { k: 'field'; slot: number } | { k: 'lit'; value: number } | { k: 'neg'; arg: NumExpr } | { k: 'op'; op: '+' | '-' | '*' | '/'; l: NumExpr; r: NumExpr };
export type BoolExpr =
  | { k: 'cmp'; op: '=' | '!=' | '<' | '<=' | '>' | '>='; l: NumExpr; r: NumExpr }
  | { k: 'flag'; slot: number }
  | { k: 'text'; slot: number; value: string }
  | { k: 'not'; arg: BoolExpr }
  | { k: 'logic'; op: 'and' | 'or'; l: BoolExpr; r: BoolExpr };

/** A timer boundary event on a task: its path runs `tasks` (roles), then ends or merges back after the task. */
export interface BoundarySpec { interrupting: boolean; duration: number; tasks: number[]; end: BranchEnd }
/** A `cf:binds` of role `role`; `optional`: its nominee field is declared `required="false"`. */
export interface BindSpec { role: number; sameTask: boolean; optional: boolean }
/** A message boundary event on a task, delivered by role `role`: its path runs `tasks`, then ends. */
export interface MessageBoundarySpec { interrupting: boolean; role: number; tasks: number[]; end: BranchEnd }
/** What a task block is printed as: a user task (absent), a receive task, a message catch event (no boundaries), a service task. */
export type WaitSpec = 'receive' | 'message' | 'service';
/** Multi-instance settings of a plain user task (ignored on deciders, nominating and message tasks); `completion` indexes MI_CONDITIONS (out of range: none). */
export interface MultiSpec { sequential: boolean; cardinality: number; completion: number; forEach?: boolean }
export interface TaskBlock {
  kind: 'task'; role: number; writes: number[]; name: number; boundary?: BoundarySpec; binds?: BindSpec;
  wait?: WaitSpec; payload?: number[]; messageBoundary?: MessageBoundarySpec; multi?: MultiSpec;
}
/** One event of an event-based gateway's race, then the branch after it. */
export interface RaceBranch { event: 'receive' | 'message' | 'timer'; role: number; writes: number[]; duration: number; body: Block; end: BranchEnd }
export type BranchEnd = 'merge' | 'end' | 'terminate';
export interface Branch { body: Block; end: BranchEnd; condition: BoolExpr }
/** One assignment of a script task: the field `slot` gets `num`, `bool` or `text`, by the field's type. */
export interface AssignSpec { slot: number; num: NumExpr; bool: BoolExpr; text: string }
/** An embedded subprocess: `first` so it always waits, `body`, then maybe a `thrower` that may end in an error end. */
export interface SubBlock {
  kind: 'sub';
  first: TaskBlock;
  body: Block;
  thrower?: TaskBlock;
  /** The error boundary names the thrown error (errorRef) rather than catching any. */
  namedError: boolean;
  catchTasks: number[];
  timer?: { interrupting: boolean; duration: number; tasks: number[] };
  /** A message boundary event on the subprocess. */
  message?: ScopeMessageSpec;
}
/** A message boundary event on a subprocess or call activity, delivered by role `role` with the fields `writes`: its path runs `tasks`, then ends. */
export interface ScopeMessageSpec { interrupting: boolean; role: number; writes: number[]; tasks: number[] }
export type Block =
  | TaskBlock
  | SubBlock
  | { kind: 'seq'; items: Block[] }
  | { kind: 'timer'; duration: number }
  | { kind: 'script'; assigns: AssignSpec[] }
  | { kind: 'xor'; decider: TaskBlock; byCaller: boolean; withDefault: boolean; branches: Branch[] }
  | { kind: 'and'; branches: Branch[] }
  /** `always`: index of a branch without condition (none when out of range). */
  | { kind: 'or'; branches: Branch[]; withDefault: boolean; always: number }
  | { kind: 'loop'; body: Block; decider: TaskBlock; byCaller: boolean; backOnCondition: boolean; condition: BoolExpr }
  /** A send task (or a message throw event) sending the declared fields `payload` picks. */
  | { kind: 'send'; payload: number[]; throwEvent: boolean }
  | { kind: 'race'; branches: RaceBranch[] }
  | CallBlock;

/**
 * A call activity (feature `calls`): calls callable process `callee` (modulo the ones BuildOptions.callees
 * offers; none: the block prints nothing), maybe with an error boundary (catching the error the called
 * process may throw, by name or any) and a timer boundary, each path running a few tasks and ending.
 */
export interface CallBlock {
  kind: 'call'; callee: number;
  catchError?: { named: boolean; tasks: number[] };
  timer?: { interrupting: boolean; duration: number; tasks: number[] };
  message?: ScopeMessageSpec;
}

export interface FieldSpec { type: FieldType; required: boolean }
export interface ModelSpec {
  roles: number; chinese: boolean; fields: FieldSpec[]; startRole: number | null; startWrites: number[]; startBinds?: BindSpec; body: Block;
  /** A message start event instead of a none start. */
  messageStart?: boolean;
  /** The last end is a message end event sending these fields. */
  endPayload?: number[];
  /** A timer start event instead of a none or message start (feature `timerStart`). */
  timerStart?: TimerStartSpec;
  /** Before its last end, a task whose completer may choose (1) an error end of the process (error code BuildOptions.errorCode). */
  throws?: { role: number };
}

/**
 * A timer start: a cycle (`rounds` 0: unbounded) or, when not `cycle`, one date. The first due time is
 * START_EPOCH + START_OFFSETS[offset]; the period START_PERIODS[period]. Around the traces' time steps.
 */
export interface TimerStartSpec { cycle: boolean; offset: number; period: number; rounds: number }
/** 2025-01-01T00:00:00Z: process-on-evm's TEST_EPOCH, where the traces' clock starts. */
export const START_EPOCH = 1_735_689_600;
export const START_OFFSETS = [0, 3_600, 86_400, 100_000] as const;
export const START_PERIODS = [['PT1H', 3_600], ['P1D', 86_400], ['PT30M', 1_800]] as const;

/** The timeDate or timeCycle text of `t`. */
export function timerStartText(t: TimerStartSpec): string {
  const first = new Date((START_EPOCH + START_OFFSETS[t.offset % START_OFFSETS.length]) * 1000).toISOString().replace('.000Z', 'Z');
  return t.cycle ? `R${t.rounds || ''}/${first}/${START_PERIODS[t.period % START_PERIODS.length][0]}` : first;
}

/** A process a random model may call (arbitrary-workspace.ts). */
export interface CalleeRef {
  processId: string;
  /** The error code its process-level error end throws, if it has one. */
  errorCode?: string;
  /** Field indexes it declares: shared by name, so the caller's conditions may read them. */
  declares: number[];
}

/** How buildModel prints a spec beyond the spec itself (a process of a workspace of several). */
export interface BuildOptions {
  processId?: string;
  processName?: string;
  /** The processes its call blocks call. */
  callees?: CalleeRef[];
  /** The code of the error its `throws` task throws (default `E_<processId>`). */
  errorCode?: string;
}

export interface RandomModel {
  spec: ModelSpec;
  bpmn: string;
  workspace: Workspace;
}

const FIELD_TYPES: FieldType[] = ['uint', 'int', 'bool', 'string', 'address', 'bytes32', 'timestamp'];
/** With the `fieldTypes` feature: enum (ENUM_VALUES), decimal (scale DECIMAL_SCALE) and participant fields too. */
const TYPED_FIELD_TYPES: FieldType[] = [...FIELD_TYPES, 'enum', 'decimal', 'participant'];
export const ENUM_VALUES = ['合格', '返工', '报废'] as const;
export const DECIMAL_SCALE = 2;

const numExpr: fc.Arbitrary<NumExpr> = fc.letrec<{ num: NumExpr }>((tie) => ({
  num: fc.oneof(
    { maxDepth: 2, depthIdentifier: 'num' },
    fc.record({ k: fc.constant('field' as const), slot: fc.nat(5) }),
    fc.record({ k: fc.constant('lit' as const), value: fc.integer({ min: 0, max: 10 }) }),
    fc.record({ k: fc.constant('neg' as const), arg: tie('num') }),
    fc.record({ k: fc.constant('op' as const), op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), l: tie('num'), r: tie('num') }),
  ),
})).num;

export const boolExpr: fc.Arbitrary<BoolExpr> = fc.letrec<{ bool: BoolExpr }>((tie) => ({
  bool: fc.oneof(
    { maxDepth: 2, depthIdentifier: 'bool' },
    fc.record({ k: fc.constant('cmp' as const), op: fc.constantFrom('=' as const, '!=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const), l: numExpr, r: numExpr }),
    fc.record({ k: fc.constant('flag' as const), slot: fc.nat(5) }),
    fc.record({ k: fc.constant('text' as const), slot: fc.nat(5), value: fc.constantFrom('', 'ok', '是') }),
    fc.record({ k: fc.constant('not' as const), arg: tie('bool') }),
    fc.record({ k: fc.constant('logic' as const), op: fc.constantFrom('and' as const, 'or' as const), l: tie('bool'), r: tie('bool') }),
  ),
})).bool;

/** Durations of the random timers (index into this list), around the trace's time steps (random-trace.ts). */
export const DURATIONS = [['PT0S', 0], ['PT1M', 60], ['PT30M', 1_800], ['PT1H', 3_600], ['P1D', 86_400], ['PT48H', 172_800]] as const;

const boundarySpec: fc.Arbitrary<BoundarySpec> = fc.record({
  interrupting: fc.boolean(), duration: fc.nat(DURATIONS.length - 1), tasks: fc.array(fc.nat(7), { maxLength: 2 }),
  end: fc.constantFrom<BranchEnd>('merge', 'end', 'terminate'),
});

const bindSpec: fc.Arbitrary<BindSpec> = fc.record({ role: fc.nat(7), sameTask: fc.boolean(), optional: fc.boolean() });

/**
 * What the random models may contain beyond the blocks the generator had before them: the
 * differential tests take all of it; other users of `randomModel` (the conforming-path search) get
 * the features they handle, and opt in to more with `randomModelWith`.
 */
export interface ModelFeatures {
  bindings: boolean; scripts: boolean; inclusive: boolean; messages: boolean; fieldTypes: boolean; scopes: boolean; multiInstance: boolean; calls?: boolean; timerStart?: boolean;
  /** With messages: message boundary events on subprocesses and call activities. */
  scopeMessages?: boolean;
}
/** Every feature of a one-process model (call blocks need a workspace: arbitrary-workspace.ts opts in). */
export const ALL_FEATURES: ModelFeatures = { bindings: true, scripts: true, inclusive: true, messages: true, fieldTypes: true, scopes: true, multiInstance: true, scopeMessages: true };
const NO_NEW_FEATURES: ModelFeatures = { bindings: false, scripts: false, inclusive: false, messages: false, fieldTypes: false, scopes: false, multiInstance: false };

const messageBoundarySpec: fc.Arbitrary<MessageBoundarySpec> = fc.record({
  interrupting: fc.boolean(), role: fc.nat(7), tasks: fc.array(fc.nat(7), { maxLength: 2 }), end: fc.constantFrom<BranchEnd>('end', 'terminate'),
});

/** Message boundaries on scopes: absent two times in three (each adds a wait state and a path to every model holding a scope). */
const scopeMessage: fc.Arbitrary<ScopeMessageSpec | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ interrupting: fc.boolean(), role: fc.nat(7), writes: fc.uniqueArray(fc.nat(7), { maxLength: 1 }), tasks: fc.array(fc.nat(7), { maxLength: 1 }) }) },
);

/** Completion conditions of the random multi-instance tasks. */
export const MI_CONDITIONS = ['nrOfCompletedInstances >= 1', 'nrOfActiveInstances < 2', 'nrOfCompletedInstances * 2 > nrOfInstances', 'nrOfInstances - nrOfCompletedInstances = 5'];

/** Random model specs with the given features (arbitrary-workspace.ts draws several and prints them together). */
export function modelSpecWith(features: Partial<ModelFeatures>): fc.Arbitrary<ModelSpec> {
  return specArbitrary({ ...NO_NEW_FEATURES, ...features });
}

function specArbitrary(features: ModelFeatures): fc.Arbitrary<ModelSpec> {
  const taskBlock: fc.Arbitrary<TaskBlock> = fc.record({
    kind: fc.constant('task' as const), role: fc.nat(7), writes: fc.uniqueArray(fc.nat(7), { maxLength: 2 }), name: fc.nat(99),
    boundary: fc.option(boundarySpec, { nil: undefined, freq: 3 }),
    ...(features.bindings ? { binds: fc.option(bindSpec, { nil: undefined, freq: 4 }) } : {}),
    ...(features.messages ? {
      wait: fc.option(fc.constantFrom<WaitSpec>('receive', 'message', 'service'), { nil: undefined, freq: 2 }),
      payload: fc.uniqueArray(fc.nat(7), { maxLength: 2 }),
      // rarely: every one adds a wait state and a path, and the conforming-path search is bounded
      messageBoundary: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: messageBoundarySpec }),
    } : {}),
    ...(features.multiInstance ? { multi: fc.option(fc.record({ sequential: fc.boolean(), cardinality: fc.integer({ min: 1, max: 3 }), completion: fc.nat(MI_CONDITIONS.length + 1), forEach: fc.boolean() }), { nil: undefined, freq: 4 }) } : {}),
  }, { requiredKeys: ['kind', 'role', 'writes', 'name'] });
  const blocks = fc.letrec<{ block: Block; branch: Branch }>((tie) => ({
    block: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'block' },
      { arbitrary: taskBlock, weight: 2 },
      fc.record({ kind: fc.constant('timer' as const), duration: fc.nat(DURATIONS.length - 1) }),
      ...(features.scripts ? [fc.record({
        kind: fc.constant('script' as const),
        assigns: fc.array(fc.record({ slot: fc.nat(7), num: numExpr, bool: boolExpr, text: fc.constantFrom('ok', '是', '') }), { minLength: 1, maxLength: 2 }),
      })] : []),
      fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('block'), { maxLength: 3 }) }),
      { weight: 2, arbitrary: fc.record({
        kind: fc.constant('xor' as const), decider: taskBlock, byCaller: fc.boolean(), withDefault: fc.boolean(),
        branches: fc.array(tie('branch'), { minLength: 2, maxLength: 3 }),
      }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('and' as const), branches: fc.array(tie('branch'), { minLength: 2, maxLength: 3 }) }) },
      ...(features.inclusive ? [{ weight: 2, arbitrary: fc.record({
        kind: fc.constant('or' as const), branches: fc.array(tie('branch'), { minLength: 2, maxLength: 3 }), withDefault: fc.boolean(), always: fc.nat(5),
      }) }] : []),
      fc.record({ kind: fc.constant('loop' as const), body: tie('block'), decider: taskBlock, byCaller: fc.boolean(), backOnCondition: fc.boolean(), condition: boolExpr }),
      ...(features.messages ? [
        fc.record({ kind: fc.constant('send' as const), payload: fc.uniqueArray(fc.nat(7), { maxLength: 2 }), throwEvent: fc.boolean() }),
        { weight: 1, arbitrary: fc.record({
          kind: fc.constant('race' as const),
          branches: fc.array(fc.record({
            event: fc.constantFrom('receive' as const, 'message' as const, 'timer' as const), role: fc.nat(7), writes: fc.uniqueArray(fc.nat(7), { maxLength: 2 }),
            duration: fc.nat(DURATIONS.length - 1), body: tie('block'), end: fc.constantFrom<BranchEnd>('merge', 'merge', 'end', 'terminate'),
          }), { minLength: 2, maxLength: 3 }),
        }) },
      ] : []),
      ...(features.scopes ? [{ weight: 2, arbitrary: fc.record({
        kind: fc.constant('sub' as const), first: taskBlock, body: tie('block'), thrower: fc.option(taskBlock, { nil: undefined, freq: 2 }),
        namedError: fc.boolean(), catchTasks: fc.array(fc.nat(7), { maxLength: 2 }),
        timer: fc.option(fc.record({ interrupting: fc.boolean(), duration: fc.nat(DURATIONS.length - 1), tasks: fc.array(fc.nat(7), { maxLength: 2 }) }), { nil: undefined, freq: 3 }),
        // the key comes last, so models without it draw as before
        ...(features.messages && features.scopeMessages ? { message: scopeMessage } : {}),
      }, { requiredKeys: ['kind', 'first', 'body', 'namedError', 'catchTasks'] }) }] : []),
      ...(features.calls ? [{ weight: 3, arbitrary: fc.record({
        kind: fc.constant('call' as const), callee: fc.nat(3),
        catchError: fc.option(fc.record({ named: fc.boolean(), tasks: fc.array(fc.nat(7), { maxLength: 2 }) }), { nil: undefined, freq: 4 }),
        timer: fc.option(fc.record({ interrupting: fc.boolean(), duration: fc.nat(DURATIONS.length - 1), tasks: fc.array(fc.nat(7), { maxLength: 2 }) }), { nil: undefined, freq: 3 }),
        ...(features.messages && features.scopeMessages ? { message: scopeMessage } : {}),
      }, { requiredKeys: ['kind', 'callee'] }) }] : []),
    ) as fc.Arbitrary<Block>,
    branch: fc.record({ body: tie('block'), end: fc.constantFrom<BranchEnd>('merge', 'merge', 'merge', 'end', 'terminate'), condition: boolExpr }),
  }));
  const base = {
    roles: fc.integer({ min: 1, max: 3 }),
    chinese: fc.boolean(),
    fields: fc.array(fc.record({ type: fc.constantFrom(...(features.fieldTypes ? TYPED_FIELD_TYPES : FIELD_TYPES)), required: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    startRole: fc.option(fc.nat(7), { nil: null }),
    startWrites: fc.uniqueArray(fc.nat(7), { maxLength: 2 }),
  };
  const body = fc.array(blocks.block, { minLength: 1, maxLength: 4 }).map((items): Block => ({ kind: 'seq', items }));
  // without bindings exactly the record the models were drawn from before, so earlier seeds draw the same models
  // with `timerStart` every model starts by a timer (the feature's tests drive time around it); the key comes last so it changes no other draw
  const timerStart: { timerStart?: fc.Arbitrary<TimerStartSpec> } = features.timerStart ? {
    timerStart: fc.record({ cycle: fc.constantFrom(true, true, true, true, false), offset: fc.nat(START_OFFSETS.length - 1), period: fc.nat(START_PERIODS.length - 1), rounds: fc.constantFrom(0, 0, 2, 4) }),
  } : {};
  if (!features.bindings) return fc.record({ ...base, body, ...timerStart });
  const messages: { messageStart?: fc.Arbitrary<boolean>; endPayload?: fc.Arbitrary<number[] | undefined> } = features.messages
    ? { messageStart: fc.boolean(), endPayload: fc.option(fc.uniqueArray(fc.nat(7), { maxLength: 2 }), { nil: undefined }) } : {};
  return fc.record({ ...base, startBinds: fc.option(bindSpec, { nil: undefined, freq: 3 }), body, ...messages, ...timerStart }, { requiredKeys: ['roles', 'chinese', 'fields', 'startRole', 'startWrites', 'body', ...(features.timerStart ? ['timerStart' as const] : [])] });
}

/** Model specs without role bindings, script tasks and inclusive gateways. */
export const modelSpec: fc.Arbitrary<ModelSpec> = specArbitrary(NO_NEW_FEATURES);

/** Random models with the given features, each printed as its BPMN when fast-check reports it. */
export function randomModelWith(features: Partial<ModelFeatures>): fc.Arbitrary<RandomModel> {
  return specArbitrary({ ...NO_NEW_FEATURES, ...features }).map((spec) => {
    const model = buildModel(spec);
    return Object.assign(model, { [fc.toStringMethod]: () => `\n${model.bpmn}` });
  });
}

/** Random models without role bindings, script tasks and inclusive gateways (see randomModelWith). */
export const randomModel: fc.Arbitrary<RandomModel> = randomModelWith({});

// ---- printing ------------------------------------------------------------------------------

const TASK_NAMES = ['Check', 'Approve', '审核', '发货', 'Pay', 'Review', 'Ship goods', '确认订单'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The cf:field of field `f`, the same wherever it is declared: an enum lists ENUM_VALUES, a decimal
 * has scale DECIMAL_SCALE in kg, a participant at an even index accepts only the first role.
 */
function fieldDecl(spec: ModelSpec, f: number, required: boolean): string {
  const type = spec.fields[f].type;
  const head = `<cf:field name="${esc(fieldName(spec, f))}" type="${type}"${required ? ' required="true"' : ''}`;
  if (type === 'enum') return `${head}>${ENUM_VALUES.map((v) => `<cf:value>${v}</cf:value>`).join('')}</cf:field>`;
  if (type === 'decimal') return `${head} scale="${DECIMAL_SCALE}" unit="kg" />`;
  if (type === 'participant' && f % 2 === 0) return `${head} role="${esc(roleName(spec, 0))}" />`;
  return `${head} />`;
}

export function fieldName(spec: ModelSpec, i: number): string {
  return spec.chinese && i === 0 ? '数量' : `f${i + 1}`;
}

export function roleName(spec: ModelSpec, r: number): string {
  return spec.chinese && r === 0 ? '采购员' : `Role ${String.fromCharCode(65 + r)}`;
}

/** Turns a spec into BPMN XML and a workspace: one participant per role, one playing every role, one member without roles. */
export function buildModel(spec: ModelSpec, options: BuildOptions = {}): RandomModel {
  const processId = options.processId ?? 'RandomProcess';
  const callees = options.callees ?? [];
  const out: string[] = [];
  const laneNodes: string[][] = Array.from({ length: spec.roles }, () => []);
  let counter = 0;
  const next = (prefix: string) => `${prefix}_${++counter}`;
  const boundRoles = new Set<number>();
  /** A cf:binds (and the declaration of its optional nominee field) for the first element to bind the role. */
  const bindsXml = (b: BindSpec | undefined): string[] => {
    if (!b || boundRoles.has(b.role % spec.roles)) return [];
    const r = b.role % spec.roles;
    boundRoles.add(r);
    const rule = b.sameTask ? ' rebind="sameTask"' : '';
    if (!b.optional) return [`<cf:binds role="${esc(roleName(spec, r))}"${rule} />`];
    return [`<cf:field name="who${r + 1}" type="address" />`, `<cf:binds role="${esc(roleName(spec, r))}" field="who${r + 1}"${rule} />`];
  };
  /** `role`: the task's role, counted by cf:forEachOf when `m.forEach`. */
  const multiXml = (m: MultiSpec, role: number) => {
    const condition = MI_CONDITIONS[m.completion];
    const count = m.forEach ? '' : `<bpmn:loopCardinality>${m.cardinality}</bpmn:loopCardinality>`;
    return `<bpmn:multiInstanceLoopCharacteristics${m.sequential ? ' isSequential="true"' : ''}${m.forEach ? ` cf:forEachOf="${esc(roleName(spec, role))}"` : ''}>${count}${condition ? `<bpmn:completionCondition>${esc(condition)}</bpmn:completionCondition>` : ''}</bpmn:multiInstanceLoopCharacteristics>`;
  };
  /** `binds`: a BindSpec, or the XML bindsXml made of one already. */
  const fieldsXml = (writes: number[], binds?: BindSpec | string[]) => {
    const seen = [...new Set(writes.map((w) => w % spec.fields.length))];
    const decls = [...seen.map((f) => fieldDecl(spec, f, spec.fields[f].required)), ...(Array.isArray(binds) ? binds : bindsXml(binds))];
    if (decls.length === 0) return '';
    return `<bpmn:extensionElements>${decls.join('')}</bpmn:extensionElements>`;
  };
  const declared = declaredFields(spec, callees);
  const slotOf = (kinds: FieldType[], slot: number): string | undefined => {
    // a condition may only read a field some element declares
    const matching = spec.fields.map((f, i) => ({ f, i })).filter(({ f, i }) => kinds.includes(f.type) && declared.has(i));
    return matching.length ? fieldName(spec, matching[slot % matching.length].i) : undefined;
  };
  /** `whole`: reads no decimal field (a whole-number field may not be assigned a value with decimals). */
  const num = (e: NumExpr, whole = false): string => {
    switch (e.k) {
      case 'field': return slotOf(whole ? ['uint', 'int', 'timestamp'] : ['uint', 'int', 'timestamp', 'decimal'], e.slot) ?? String(e.slot);
      case 'lit': return String(e.value);
      case 'neg': return `-(${num(e.arg, whole)})`;
      case 'op': return `(${num(e.l, whole)} ${e.op} ${num(e.r, whole)})`;
    }
  };
  const bool = (e: BoolExpr): string => {
    switch (e.k) {
      case 'cmp': return `${num(e.l)} ${e.op} ${num(e.r)}`;
      case 'flag': return slotOf(['bool'], e.slot) ?? 'true';
      case 'text': {
        const f = slotOf(['string'], e.slot);
        if (f) return `${f} = "${e.value}"`;
        const en = slotOf(['enum'], e.slot); // an enum compares with its values' text
        return en ? `${en} ${e.value ? '=' : '!='} "${ENUM_VALUES[e.slot % ENUM_VALUES.length]}"` : 'false';
      }
      case 'not': return `not(${bool(e.arg)})`;
      case 'logic': return `(${bool(e.l)}) ${e.op} (${bool(e.r)})`;
    }
  };

  /** A flow waiting for its target: created when the next node is. */
  interface Pending { from: string; id: string; condition?: string }
  const pending = (from: string, condition?: string): Pending => ({ from, id: next('Flow'), condition });
  const connect = (p: Pending, to: string) => {
    const cond = p.condition === undefined ? '' : `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(p.condition)}</bpmn:conditionExpression>`;
    out.push(`<bpmn:sequenceFlow id="${p.id}" sourceRef="${p.from}" targetRef="${to}">${cond}</bpmn:sequenceFlow>`);
  };
  const timerXml = (d: number) => `<bpmn:timerEventDefinition id="${next('TimerDef')}"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${DURATIONS[d % DURATIONS.length][0]}</bpmn:timeDuration></bpmn:timerEventDefinition>`;
  /** `mayMerge`: the task's outgoing flow may go to a merge (not for a task that decides the gateway after it). */
  /** cf:payload naming declared fields (slots), or nothing. */
  const payloadXml = (slots: number[] | undefined) => {
    const names = [...new Set((slots ?? []).map((s) => s % spec.fields.length))].filter((f) => declared.has(f)).map((f) => fieldName(spec, f));
    return names.length ? ` cf:payload="${esc(names.join(', '))}"` : '';
  };
  const task = (t: TaskBlock, p: Pending, mayMerge = false): Pending => {
    const id = next('Task');
    const name = esc(`${TASK_NAMES[t.name % TASK_NAMES.length]} ${counter}`);
    if (t.wait === 'message') {
      // a message catch event: no boundary events
      out.push(`<bpmn:intermediateCatchEvent id="${id}" name="${name}">${fieldsXml(t.writes, t.binds)}<bpmn:messageEventDefinition id="${next('MessageDef')}" /></bpmn:intermediateCatchEvent>`);
      laneNodes[t.role % spec.roles].push(id);
      connect(p, id);
      return pending(id);
    }
    const element = t.wait === 'receive' ? 'receiveTask' : t.wait === 'service' ? 'serviceTask' : 'userTask';
    const binds = bindsXml(t.binds);
    // a multi-instance task is a user task that neither decides a gateway nor nominates (the generator refuses those)
    const multi = t.multi && !t.wait && mayMerge && binds.length === 0 ? multiXml(t.multi, t.role % spec.roles) : '';
    out.push(`<bpmn:${element} id="${id}" name="${name}"${t.wait === 'service' ? payloadXml(t.payload) : ''}>${fieldsXml(t.writes, binds)}${multi}</bpmn:${element}>`);
    laneNodes[t.role % spec.roles].push(id);
    connect(p, id);
    if (t.messageBoundary) {
      const mb = t.messageBoundary;
      const boundaryId = next('MessageBoundary');
      out.push(`<bpmn:boundaryEvent id="${boundaryId}" name="Message ${counter}" attachedToRef="${id}"${mb.interrupting ? '' : ' cancelActivity="false"'}><bpmn:messageEventDefinition id="${next('MessageDef')}" /></bpmn:boundaryEvent>`);
      laneNodes[mb.role % spec.roles].push(boundaryId);
      end(mb.tasks.reduce((acc, role) => task({ kind: 'task', role, writes: [], name: role + counter }, acc), pending(boundaryId)), mb.end === 'terminate' ? 'terminate' : 'end');
    }
    if (!t.boundary) return pending(id);
    const b = t.boundary;
    const timerId = next('Boundary');
    out.push(`<bpmn:boundaryEvent id="${timerId}" name="${esc(`After ${DURATIONS[b.duration % DURATIONS.length][0]} ${counter}`)}" attachedToRef="${id}"${b.interrupting ? '' : ' cancelActivity="false"'}>${timerXml(b.duration)}</bpmn:boundaryEvent>`);
    const exit = b.tasks.reduce((acc, role) => task({ kind: 'task', role, writes: [], name: role + counter }, acc), pending(timerId));
    if (b.end === 'merge' && b.interrupting && mayMerge) return pending(gateway('exclusive', [pending(id), exit]));
    end(exit, b.end === 'terminate' ? 'terminate' : 'end');
    return pending(id);
  };
  const timer = (d: number, p: Pending): Pending => {
    const id = next('Timer');
    out.push(`<bpmn:intermediateCatchEvent id="${id}" name="Wait ${DURATIONS[d % DURATIONS.length][0]} ${counter}">${timerXml(d)}</bpmn:intermediateCatchEvent>`);
    connect(p, id);
    return pending(id);
  };
  const script = (b: Extract<Block, { kind: 'script' }>, p: Pending): Pending => {
    const id = next('Script');
    // a script cannot assign a participant (nobody would check it): such targets are left out
    const targets = [...new Set(b.assigns.map((a) => a.slot % spec.fields.length))].filter((f) => spec.fields[f].type !== 'participant');
    if (targets.length === 0) return p;
    const lines = targets.map((f) => {
      const a = b.assigns.find((x) => x.slot % spec.fields.length === f)!;
      const type = spec.fields[f].type;
      const value = type === 'bool' ? bool(a.bool) : type === 'string' ? (slotOf(['string'], a.slot + 1) ?? `"${a.text}"`)
        : type === 'address' || type === 'bytes32' ? (slotOf([type], a.slot + 1) ?? fieldName(spec, f))
          : type === 'enum' ? `"${ENUM_VALUES[a.slot % ENUM_VALUES.length]}"`
            // a decimal takes a literal of at most its scale (num() may multiply decimals past it)
            : type === 'decimal' ? `${a.num.k === 'lit' ? a.num.value : 1}.${a.slot % 10}` : num(a.num, true);
      return `${fieldName(spec, f)} := ${value}`;
    });
    const decls = targets.map((f) => fieldDecl(spec, f, false)).join('');
    if (hot.has(p.from)) hot.add(id);
    out.push(`<bpmn:scriptTask id="${id}" name="Compute ${counter}" scriptFormat="feel"><bpmn:extensionElements>${decls}</bpmn:extensionElements><bpmn:script>${esc(lines.join('\n'))}</bpmn:script></bpmn:scriptTask>`);
    connect(p, id);
    return pending(id);
  };
  /**
   * Nodes a token reaches from a parallel or inclusive split without waiting anywhere (only gateways
   * and scripts on the way): a terminate end there is refused by the generator, so it becomes a none end.
   */
  const hot = new Set<string>();
  /** `error`: the id of the bpmn:error it throws ('' for an error end without errorRef). */
  const end = (p: Pending, wanted: 'end' | 'terminate', error?: string) => {
    const kind = hot.has(p.from) ? 'end' : wanted;
    const id = next('End');
    const def = error !== undefined ? `<bpmn:errorEventDefinition id="${next('ErrorDef')}"${error ? ` errorRef="${error}"` : ''} />`
      : kind === 'terminate' ? `<bpmn:terminateEventDefinition id="${next('Terminate')}" />` : '';
    out.push(`<bpmn:endEvent id="${id}">${def}</bpmn:endEvent>`);
    connect(p, id);
  };
  /** bpmn:error declarations, printed before the process. */
  const errorDecls: string[] = [];
  const subprocess = (b: SubBlock, p: Pending): Pending => {
    const id = next('Sub');
    connect(p, id);
    out.push(`<bpmn:subProcess id="${id}" name="Scope ${counter}">`);
    const startId = next('SubStart');
    out.push(`<bpmn:startEvent id="${startId}" />`);
    let exit = emit(b.body, task(b.first, pending(startId)));
    let error: string | undefined;
    if (b.thrower) {
      // the thrower's completer picks: 1 throws, 0 (default) goes on
      const decide = decisionGateway(task(b.thrower, exit), true);
      error = b.namedError ? next('Error') : '';
      if (b.namedError) errorDecls.push(`<bpmn:error id="${error}" name="Failure ${counter}" errorCode="E${counter}" />`);
      end(pending(decide), 'end', error);
      exit = pending(decide);
      out.push(`<!--default:${decide}:${exit.id}-->`);
    }
    end(exit, 'end');
    out.push('</bpmn:subProcess>');
    if (error !== undefined) {
      const catchId = next('Catch');
      out.push(`<bpmn:boundaryEvent id="${catchId}" name="Caught ${counter}" attachedToRef="${id}"><bpmn:errorEventDefinition id="${next('ErrorDef')}"${error ? ` errorRef="${error}"` : ''} /></bpmn:boundaryEvent>`);
      end(b.catchTasks.reduce((acc, role) => task({ kind: 'task', role, writes: [], name: role + counter }, acc), pending(catchId)), 'end');
    }
    if (b.timer) {
      const timerId = next('SubTimer');
      out.push(`<bpmn:boundaryEvent id="${timerId}" name="${esc(`After ${DURATIONS[b.timer.duration % DURATIONS.length][0]} ${counter}`)}" attachedToRef="${id}"${b.timer.interrupting ? '' : ' cancelActivity="false"'}>${timerXml(b.timer.duration)}</bpmn:boundaryEvent>`);
      end(b.timer.tasks.reduce((acc, role) => task({ kind: 'task', role, writes: [], name: role + counter }, acc), pending(timerId)), 'end');
    }
    if (b.message) scopeMessageXml(b.message, id);
    return pending(id);
  };
  /** A message boundary event on scope `host` (its lane names the sender) and its path. */
  const scopeMessageXml = (mb: ScopeMessageSpec, host: string) => {
    const boundaryId = next('ScopeMessage');
    out.push(`<bpmn:boundaryEvent id="${boundaryId}" name="Notice ${counter}" attachedToRef="${host}"${mb.interrupting ? '' : ' cancelActivity="false"'}>${fieldsXml(mb.writes)}<bpmn:messageEventDefinition id="${next('MessageDef')}" /></bpmn:boundaryEvent>`);
    laneNodes[mb.role % spec.roles].push(boundaryId);
    end(mb.tasks.reduce((acc, role) => task({ kind: 'task', role, writes: [], name: role + counter }, acc), pending(boundaryId)), 'end');
  };
  const declaredErrors = new Set<string>();
  /** A bpmn:error of `code`, declared once per file (the same id and code in the called file: they match by code). */
  const errorNamed = (code: string): string => {
    const id = `Error_${code}`;
    if (!declaredErrors.has(id)) errorDecls.push(`<bpmn:error id="${id}" name="Failure ${esc(code)}" errorCode="${esc(code)}" />`);
    declaredErrors.add(id);
    return id;
  };
  const call = (b: CallBlock, p: Pending): Pending => {
    if (callees.length === 0) return p;
    const target = callees[b.callee % callees.length];
    const id = next('Call');
    out.push(`<bpmn:callActivity id="${id}" name="Call ${counter}" calledElement="${target.processId}" />`);
    connect(p, id);
    if (target.errorCode) {
      // an error nothing catches is refused: a call of a process that may throw always catches it (any, without catchError)
      const caught = b.catchError ?? { named: false, tasks: [] };
      const catchId = next('Catch');
      const ref = caught.named ? ` errorRef="${errorNamed(target.errorCode)}"` : '';
      out.push(`<bpmn:boundaryEvent id="${catchId}" name="Caught ${counter}" attachedToRef="${id}"><bpmn:errorEventDefinition id="${next('ErrorDef')}"${ref} /></bpmn:boundaryEvent>`);
      end(caught.tasks.reduce((acc, role) => task({ kind: 'task', role, writes: [], name: role + counter }, acc), pending(catchId)), 'end');
    }
    if (b.timer) {
      const timerId = next('CallTimer');
      out.push(`<bpmn:boundaryEvent id="${timerId}" name="${esc(`After ${DURATIONS[b.timer.duration % DURATIONS.length][0]} ${counter}`)}" attachedToRef="${id}"${b.timer.interrupting ? '' : ' cancelActivity="false"'}>${timerXml(b.timer.duration)}</bpmn:boundaryEvent>`);
      end(b.timer.tasks.reduce((acc, role) => task({ kind: 'task', role, writes: [], name: role + counter }, acc), pending(timerId)), 'end');
    }
    if (b.message) scopeMessageXml(b.message, id);
    return pending(id);
  };
  const gateway = (kind: 'exclusive' | 'parallel' | 'inclusive', p: Pending[], defaultFlow?: () => string): string => {
    const id = next('Gateway');
    const at = out.length;
    out.push('');
    for (const x of p) connect(x, id);
    out[at] = `<bpmn:${kind}Gateway id="${id}"${defaultFlow ? ` default="${defaultFlow()}"` : ''} />`;
    if (p.some((x) => hot.has(x.from))) hot.add(id);
    return id;
  };
  /** Splits at `split`, runs the branches, merges those that do not end. */
  const branches = (kind: 'exclusive' | 'parallel' | 'inclusive', split: string, list: Branch[], conditions: boolean, defaultIndex: number | undefined, always?: number): Pending => {
    if (kind !== 'exclusive') hot.add(split);
    const ends = list.map((b, i) => {
      const cond = conditions && i !== defaultIndex && i !== always ? bool(b.condition) : undefined;
      const first = pending(split, cond);
      if (i === defaultIndex) out.push(`<!--default:${split}:${first.id}-->`);
      const exit = emit(b.body, first);
      const wanted: BranchEnd = i === list.length - 1 && list.every((x) => x.end !== 'merge') ? 'merge' : b.end;
      // a terminate end reached from a parallel split without a task is refused by the generator: make it a none end
      return { exit, end: wanted };
    });
    for (const e of ends) if (e.end !== 'merge') end(e.exit, e.end);
    const merge = gateway(kind, ends.filter((e) => e.end === 'merge').map((e) => e.exit));
    return pending(merge);
  };
  const send = (b: Extract<Block, { kind: 'send' }>, p: Pending): Pending => {
    const id = next('Send');
    out.push(b.throwEvent
      ? `<bpmn:intermediateThrowEvent id="${id}" name="Tell ${counter}"${payloadXml(b.payload)}><bpmn:messageEventDefinition id="${next('MessageDef')}" /></bpmn:intermediateThrowEvent>`
      : `<bpmn:sendTask id="${id}" name="Send ${counter}"${payloadXml(b.payload)} />`);
    if (hot.has(p.from)) hot.add(id);
    connect(p, id);
    return pending(id);
  };
  /** An event-based gateway: each branch starts with its event (a receive task, a message catch or a timer). */
  const race = (b: Extract<Block, { kind: 'race' }>, p: Pending): Pending => {
    const split = next('Gateway');
    out.push(`<bpmn:eventBasedGateway id="${split}" />`);
    connect(p, split);
    const list: Branch[] = b.branches.map((x) => ({
      end: x.end, condition: { k: 'flag', slot: 0 },
      body: { kind: 'seq', items: [x.event === 'timer' ? { kind: 'timer', duration: x.duration } : { kind: 'task', role: x.role, writes: x.writes, name: x.role, wait: x.event }, x.body] },
    }));
    return branches('exclusive', split, list, false, undefined);
  };
  const decisionGateway = (p: Pending, withDefault: boolean) => gateway('exclusive', [p], withDefault ? () => 'DEFAULT' : undefined);
  const emit = (b: Block, p: Pending): Pending => {
    switch (b.kind) {
      case 'task': return task(b, p, true);
      case 'timer': return timer(b.duration, p);
      case 'sub': return subprocess(b, p);
      case 'script': return script(b, p);
      case 'send': return send(b, p);
      case 'race': return race(b, p);
      case 'call': return call(b, p);
      case 'seq': return b.items.reduce((acc, item) => emit(item, acc), p);
      case 'xor': {
        const split = decisionGateway(task(b.decider, p), b.withDefault);
        return branches('exclusive', split, b.branches, !b.byCaller, b.withDefault ? b.branches.length - 1 : undefined);
      }
      case 'and': {
        const split = gateway('parallel', [p]);
        return branches('parallel', split, b.branches, false, undefined);
      }
      case 'or': {
        const split = gateway('inclusive', [p], b.withDefault ? () => 'DEFAULT' : undefined);
        return branches('inclusive', split, b.branches, true, b.withDefault ? b.branches.length - 1 : undefined, b.always);
      }
      case 'loop': {
        const merge = gateway('exclusive', [p]);
        // always a default: choice 0 (or no condition holding) leaves the loop, unless the exit has the condition
        const decide = decisionGateway(task(b.decider, emit(b.body, pending(merge))), true);
        const back = pending(decide, b.byCaller || !b.backOnCondition ? undefined : bool(b.condition));
        const exit = pending(decide, b.byCaller || b.backOnCondition ? undefined : bool(b.condition));
        connect(back, merge);
        out.push(`<!--default:${decide}:${b.byCaller || b.backOnCondition ? exit.id : back.id}-->`);
        return exit;
      }
    }
  };

  const startId = 'Start_1';
  // a timer start replaces a message start (one event definition per start)
  const startMessage = spec.timerStart
    ? `<bpmn:timerEventDefinition id="${next('TimerDef')}"><bpmn:${spec.timerStart.cycle ? 'timeCycle' : 'timeDate'} xsi:type="bpmn:tFormalExpression">${timerStartText(spec.timerStart)}</bpmn:${spec.timerStart.cycle ? 'timeCycle' : 'timeDate'}></bpmn:timerEventDefinition>`
    : spec.messageStart ? `<bpmn:messageEventDefinition id="${next('MessageDef')}" />` : '';
  out.push(`<bpmn:startEvent id="${startId}" name="Start">${fieldsXml(spec.startWrites, spec.startBinds)}${startMessage}</bpmn:startEvent>`);
  if (spec.startRole !== null) laneNodes[spec.startRole % spec.roles].push(startId);
  let last = emit(spec.body, pending(startId));
  if (spec.throws) {
    // the completer picks: 1 ends the process in an error end (caught on a call activity calling it), 0 (default) goes on
    const decide = decisionGateway(task({ kind: 'task', role: spec.throws.role, writes: [], name: 5 }, last), true);
    end(pending(decide), 'end', errorNamed(options.errorCode ?? `E_${processId}`));
    last = pending(decide);
    out.push(`<!--default:${decide}:${last.id}-->`);
  }
  if (spec.endPayload === undefined) end(last, 'end');
  else {
    const id = next('End');
    out.push(`<bpmn:endEvent id="${id}" name="Done"${payloadXml(spec.endPayload)}><bpmn:messageEventDefinition id="${next('MessageDef')}" /></bpmn:endEvent>`);
    connect(last, id);
  }

  // resolve default-flow markers: a gateway's default is the flow recorded for it
  const defaults = new Map<string, string>();
  const body = out.filter((line) => {
    const m = /^<!--default:(\w+):(\w+)-->$/.exec(line);
    if (m) defaults.set(m[1], m[2]);
    return !m;
  }).map((line) => {
    const m = /^<bpmn:(exclusive|inclusive)Gateway id="(\w+)" default="DEFAULT" \/>$/.exec(line);
    if (!m) return line;
    const d = defaults.get(m[2]);
    return d ? `<bpmn:${m[1]}Gateway id="${m[2]}" default="${d}" />` : `<bpmn:${m[1]}Gateway id="${m[2]}" />`;
  });
  const lanes = laneNodes.map((nodes, r) =>
    `<bpmn:lane id="Lane_${r + 1}" name="${esc(roleName(spec, r))}">${nodes.map((n) => `<bpmn:flowNodeRef>${n}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`);
  const bpmn = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Definitions_Random" targetNamespace="http://example.com/random">',
    ...errorDecls,
    `<bpmn:process id="${processId}" name="${esc(options.processName ?? 'Random process')}" isExecutable="true">`,
    `<bpmn:laneSet id="LaneSet_1">${lanes.join('')}</bpmn:laneSet>`,
    ...body,
    '</bpmn:process>',
    '</bpmn:definitions>',
  ].join('\n');

  const roles = Array.from({ length: spec.roles }, (_, r) => ({ id: `R${r + 1}`, name: roleName(spec, r) }));
  const workspace: Workspace = {
    schemaVersion: 1, name: 'Random', organizations: [{ id: 'org', name: 'Org' }], roles,
    participants: [
      ...roles.map((r) => ({ id: `p-${r.id}`, name: r.name, kind: 'person' as const, organization: 'org', roles: [r.id] })),
      { id: 'p-all', name: 'Everyone', kind: 'person', organization: 'org', roles: roles.map((r) => r.id) },
      { id: 'p-none', name: 'Member without a role', kind: 'person', organization: 'org', roles: [] },
    ],
    processes: [{ id: 'random', name: 'Random process', bpmn }],
  };
  return { spec, bpmn, workspace };
}

/** Indexes of the fields some task or the start event declares, or a process it calls (shared by name). */
export function declaredFields(spec: ModelSpec, callees: readonly CalleeRef[] = []): Set<number> {
  const seen = new Set(spec.startWrites.map((w) => w % spec.fields.length));
  const visit = (b: Block): void => {
    const task = (t: TaskBlock) => t.writes.forEach((w) => seen.add(w % spec.fields.length));
    switch (b.kind) {
      case 'task': return task(b);
      case 'timer': case 'send': return;
      case 'call': if (callees.length) { callees[b.callee % callees.length].declares.forEach((f) => seen.add(f)); b.message?.writes.forEach((w) => seen.add(w % spec.fields.length)); } return;
      case 'race': return b.branches.forEach((x) => { if (x.event !== 'timer') x.writes.forEach((w) => seen.add(w % spec.fields.length)); visit(x.body); });
      // script() leaves participant targets out (nobody would check them), so they declare nothing
      case 'script': return b.assigns.map((a) => a.slot % spec.fields.length).filter((f) => spec.fields[f].type !== 'participant').forEach((f) => seen.add(f));
      case 'seq': return b.items.forEach(visit);
      case 'xor': task(b.decider); return b.branches.forEach((x) => visit(x.body));
      case 'and': case 'or': return b.branches.forEach((x) => visit(x.body));
      case 'loop': task(b.decider); return visit(b.body);
      case 'sub': task(b.first); if (b.thrower) task(b.thrower); b.message?.writes.forEach((w) => seen.add(w % spec.fields.length)); return visit(b.body);
    }
  };
  visit(spec.body);
  return seen;
}
