/**
 * The intermediate representation of one executable process: a token game over a bit-set marking.
 *
 * Both back ends consume exactly this: the Solidity generator (generators/solidity) and the reference
 * interpreter (generators/interpreter). Anything the IR cannot express is refused while building it,
 * with a located problem, so the two back ends never disagree about what a model means.
 *
 * Marking: one bit per user task (the task is enabled while its bit is set) and one bit per incoming
 * flow of a parallel or inclusive join (a token waits there until the join fires), and one bit per timer that
 * is waiting (an intermediate timer holding a token, or a boundary timer of an enabled task). Message
 * wait states (receive and service tasks, message catch and boundary events) are tasks with their own
 * bit (TaskIR.kind). The instance has ended when its marking is 0.
 */
import type { FieldType } from '../model/workspace.js';
import type { TypedExpr } from '../feel/feel-ast.js';

/**
 * Where a token goes when it leaves an element. Routing follows targets until every token rests.
 * `scripts`: the script tasks (indexes into `ProcessIR.scripts`) the token runs through, in order,
 * before it arrives at the target; they run within the same step (see ScriptIR).
 */
export type FlowTarget = (
  | { kind: 'task'; index: number }
  /** `inputBit` is set when the gateway is a join with more than one incoming flow. */
  | { kind: 'gateway'; index: number; inputBit?: number }
  | { kind: 'end'; index: number }
  /** An intermediate timer catch event: the token waits there (its bit set) until the timer is triggered. */
  | { kind: 'timer'; index: number }
  /** An embedded subprocess: the token enters it (see SubProcessIR); a token reaching one already running is absorbed, as at a task. */
  | { kind: 'subprocess'; index: number }
) & { scripts?: number[] };

export interface FieldIR {
  /** The field's name as the modeler wrote it (may be Chinese); FEEL expressions refer to it. */
  name: string;
  /** Derived Solidity identifier (see generators/naming). */
  identifier: string;
  type: FieldType;
  label?: string;
  /** enum: the values as modeled (index i is enum member i); Solidity enum `enumType` with members `enumMembers` (derived identifiers). */
  values?: string[];
  enumType?: string;
  enumMembers?: string[];
  /** decimal: the value is held as an integer scaled by 10^scale. */
  scale?: number;
  /** Text shown beside the value ("kg", "CNY"). */
  unit?: string;
  /** participant: the role id its participant must hold (absent: any registered participant). */
  role?: string;
  /** Kept in contract storage only when a condition reads it; otherwise it lives in events only. */
  stored: boolean;
}

/** A field a task or the start event writes. */
export interface FieldWrite {
  field: number;
  required: boolean;
}

export interface StartIR {
  elementId: string;
  name: string;
  /** Role ids allowed to start an instance (the start event's lane or cf:role). Empty: any registered member. */
  roles: string[];
  writes: FieldWrite[];
  next: FlowTarget;
  /** Set when the start event is followed directly by a caller-decided exclusive split. */
  choice?: number;
  /** A message start event: `roles` is the sending role, `writes` the message payload. */
  message?: boolean;
  /** A timer start event (read-timer-start.ts): when instances may be started. */
  timer?: StartTimerIR;
}

/**
 * When a timer start event lets an instance start: round k (from 0) is due at
 * `firstDueAt + k * periodSeconds` (block time, Unix seconds), at most one instance per round.
 * A timeDate is one round (periodSeconds 0, rounds 1).
 */
export interface StartTimerIR {
  /** Which definition it came from, and its text as written (`R/2026-01-01T08:00:00+08:00/P1D`). */
  definition: 'timeDate' | 'timeCycle';
  text: string;
  firstDueAt: number;
  periodSeconds: number;
  /** Number of rounds; absent: no end. */
  rounds?: number;
}

export interface TaskIR {
  elementId: string;
  name: string;
  /** Derived identifier used for the function (`shipGoods`) and event (`ShipGoodsCompleted`). */
  identifier: string;
  documentation?: string;
  role: string;
  bit: number;
  writes: FieldWrite[];
  next: FlowTarget;
  /**
   * Index of an exclusive gateway that directly follows this task and has no conditions:
   * the participant completing the task picks the outgoing flow.
   */
  choice?: number;
  /**
   * Index into `ProcessIR.bindings` when this task's role is bound per instance: once bound, only
   * the bound participant may complete it in that instance (still holding the role); unbound, any holder.
   */
  binding?: number;
  /**
   * What completes this wait state (absent: a user or manual task, done by a participant of `role`):
   * 'receive' (receive task) and 'message' (intermediate message catch event, or message boundary
   * event when `attachedTo` is set): delivered by a participant of the SENDING role (`role`), its
   * payload as `writes`; 'service' (service task): emits `<Name>Requested` when enabled, completed by
   * a participant of `role` (a device or service account) with its result as `writes`.
   * See generators/ir/read-messages.ts.
   */
  kind?: WaitKind;
  /** Message boundary event: index of the task it is attached to (its bit is set whenever that task is activated). */
  attachedTo?: number;
  /**
   * Message boundary event on an embedded subprocess or call activity: index into `ProcessIR.subprocesses`
   * (its bit is set whenever the subprocess is entered, cleared when it completes or is withdrawn).
   */
  attachedToSubprocess?: number;
  /** Message boundary event: delivering it withdraws the task, or the subprocess with everything inside it (cancelActivity, default true). */
  interrupting?: boolean;
  /** Service task: fields (indexes) its `<Name>Requested` event carries, read from the instance data (cf:payload). */
  requests?: number[];
  /** Target of an event-based gateway (index into `gateways`): when it occurs it withdraws the gateway's other targets. */
  race?: number;
  /** A multi-instance task: it stays enabled until enough of its instances are completed. */
  multi?: MultiInstanceIR;
}

/**
 * A multi-instance user task. When a token reaches it (its bit newly set) it is activated: its
 * count of completed instances starts at 0. Each call of its function completes one instance
 * (parallel: each by a different participant in this activation; sequential: one after the
 * other, anyone with the role). After each completion the task finishes, and its token moves on,
 * once all `cardinality` instances are completed or the completion condition holds; until then the
 * task stays enabled. Every completion records its fields (the last write wins in storage).
 */
export interface MultiInstanceIR {
  sequential: boolean;
  /** Fixed number of instances; 0 when `forEachOf` decides. */
  cardinality: number;
  /** cf:forEachOf: one instance per holder of this role (role id), counted in the registry when the task is activated. */
  forEachOf?: string;
  /** FEEL over nrOfInstances, nrOfCompletedInstances, nrOfActiveInstances (field indexes 0, 1, 2), evaluated after each completion. */
  completion?: TypedExpr;
  completionText?: string;
}

export const WAIT_KINDS = ['receive', 'message', 'service'] as const;
export type WaitKind = (typeof WAIT_KINDS)[number];

export interface BranchIR {
  flowId: string;
  /** A message to another executable pool of a collaboration (the branch of a sender's split, rewrite-collaboration.ts). */
  message?: true;
  /** The flow's name, or the target element's name when the flow has none. */
  name: string;
  /** Typed FEEL condition (exclusive gateways decided by conditions; inclusive: absent means always taken). */
  condition?: TypedExpr;
  conditionText?: string;
  target: FlowTarget;
}

/** 'event': an event-based gateway; it arms every target (like a parallel split) and the first to occur withdraws the others (TaskIR.race, TimerIR.race). */
export const GATEWAY_KINDS = ['exclusive', 'parallel', 'inclusive', 'event'] as const;
export type GatewayKind = (typeof GATEWAY_KINDS)[number];

export interface GatewayIR {
  elementId: string;
  name: string;
  identifier: string;
  kind: GatewayKind;
  /**
   * exclusive: how the branch is chosen. 'conditions': first branch whose condition holds, in
   * document order, else the default; 'caller': the completer of the preceding task picks one
   * (its index in `branches`), none picked means the default; 'pass': a single unconditional
   * outgoing flow (a merge).
   */
  decision?: 'conditions' | 'caller' | 'pass';
  /**
   * exclusive: conditional branches, in order. parallel: every outgoing flow. inclusive: every
   * non-default outgoing flow, in order: each whose condition holds (or that has none) gets a token.
   */
  branches: BranchIR[];
  /** exclusive and inclusive: the default flow, if any (inclusive: taken when no branch is). */
  defaultBranch?: BranchIR;
  /** A receiver of a message flow between executable pools (index into `ProcessIR.messageFlows`): a parallel join whose second input is the message. */
  message?: number;
  /**
   * parallel and inclusive joins: one bit per incoming flow (empty when the gateway has a single
   * incoming flow). An inclusive join fires by the rule of generators/ir/inclusive-join.ts.
   */
  inputBits: number[];
}

export interface EndIR {
  elementId: string;
  name: string;
  terminate: boolean;
  /** The innermost subprocess holding this end (index into `ProcessIR.subprocesses`); absent: the process itself. A terminate end clears only that scope. */
  scope?: number;
  /** An error end event: index into `ProcessIR.errorBoundaries` of the boundary that catches it (the innermost enclosing subprocess's matching one). */
  throws?: number;
  /** Error end: the error's code (errorRef's errorCode, else its name or id), as the ErrorCaught event names it. */
  errorCode?: string;
}

/**
 * An embedded subprocess (a scope). While it runs its own marking bit `bit` is set; the tokens
 * inside are ordinary marking bits listed in `inner`, so withdrawing the scope is one AND with a
 * mask. Entering sets `bit` (and its boundary timers' and message boundaries' bits) and routes a token to `entry` (where its
 * none start leads). It completes when `bit` is set and no `inner` bit is left: that is checked
 * after each step's routing (with the inclusive joins, see route-token.ts settleJoins), innermost
 * first; completing clears `bit` and its boundary events' bits and routes a token to `next`.
 */
export interface SubProcessIR {
  elementId: string;
  name: string;
  /** Derived identifier: the constant `SUB_<IDENTIFIER>`, the function `_enter<Identifier>`. */
  identifier: string;
  bit: number;
  /** The enclosing subprocess (index), absent at the process level. */
  parent?: number;
  /** Marking bits inside: tasks, timers (also boundary timers of inner elements), join inputs, nested subprocesses' bits. */
  inner: number[];
  entry: FlowTarget;
  next: FlowTarget;
  /** Set when this scope is a call activity: the process it calls, inlined here (generators/ir/expand-call-activities.ts). */
  calledProcess?: CalledProcessIR;
  /**
   * Set when this scope is an executable pool of a collaboration, or the collaboration itself
   * (generators/ir/rewrite-collaboration.ts): its name and BPMN process id.
   */
  pool?: { processId: string; initiator: boolean } | { collaboration: true };
  /**
   * Message buffer bits inside (a subset of `inner`, see MessageFlowIR): a message waiting there keeps
   * no one busy, so the scope completes without them, and completing discards them.
   */
  buffers?: number[];
}

/**
 * A message flow between two executable pools of a collaboration (generators/ir/rewrite-collaboration.ts,
 * docs/process-format.md "Collaborations"). Its receiver (receive task, message catch event) is a
 * parallel join (GatewayIR.message) of the receiver's token and the message; its sender (ScriptIR.delivers)
 * routes a token to the join's message input, or into the receiving pool's scope when the receiver is
 * the pool's message start event. `bit` is what a send checks first: the message input (the message is
 * still buffered) or the receiving pool's scope bit (the pool runs); set, the send reverts `MessagePending`.
 */
export interface MessageFlowIR {
  flowId: string;
  name: string;
  /** The sending and receiving elements' ids. */
  from: string;
  to: string;
  bit: number;
  /** The receiving pool starts with it (its message start event). */
  startsPool: boolean;
}

/** The workspace process a call activity calls. */
export interface CalledProcessIR {
  /** ProcessDocument.id of the called process. */
  documentId: string;
  /** Its BPMN process id. */
  processId: string;
  name: string;
}

/**
 * An error boundary event on a subprocess (always interrupting). An error end event inside the
 * subprocess whose error it matches (no `errorCode`: any error) withdraws every token of the
 * subprocess (its bit, `inner` and boundary events' bits), emits `ErrorCaught(instanceId, code)` and
 * routes a token to `next`, within the same step.
 */
export interface ErrorBoundaryIR {
  elementId: string;
  name: string;
  /** Derived identifier: the private function `_catch<Identifier>`. */
  identifier: string;
  attachedTo: number;
  /** The error code it catches; absent: any error. */
  errorCode?: string;
  next: FlowTarget;
}

/**
 * A timer: an intermediate timer catch event, or a timer boundary event on a user task. While it
 * waits, its marking bit is set and the contract keeps its deadline (block time when it started
 * plus `seconds`); anyone may trigger it once the deadline has passed.
 */
export interface TimerIR {
  elementId: string;
  name: string;
  /** Derived identifier: the trigger function is `trigger<Identifier>`, the constant `TIMER_<IDENTIFIER>`. */
  identifier: string;
  /** The ISO 8601 duration as written (`PT48H`). */
  duration: string;
  seconds: number;
  bit: number;
  /** Boundary timer: index of the task it is attached to (its bit is set whenever that task is activated). */
  attachedTo?: number;
  /** Boundary timer on a subprocess: index into `ProcessIR.subprocesses` (its bit is set whenever the subprocess is entered). */
  attachedToSubprocess?: number;
  /** Boundary timer: firing withdraws the task (cancelActivity, default true). Always true for intermediate timers. */
  interrupting: boolean;
  next: FlowTarget;
  /** Target of an event-based gateway (index into `gateways`): firing withdraws the gateway's other targets. */
  race?: number;
}

/** How a bound role may be bound again: 'once' (a later nomination must name the same participant) or 'sameTask' (the binding element may nominate anew each time it runs). */
export const REBIND_RULES = ['once', 'sameTask'] as const;
export type RebindRule = (typeof REBIND_RULES)[number];

/**
 * Dynamic role binding (`cf:binds`): the start event or a task nominates, in an address field it
 * writes, the participant who plays `role` in this instance. The nominee must hold the role in
 * the registry. Tasks of the role then accept only the bound participant (TaskIR.binding).
 */
export interface RoleBindingIR {
  /** Role id. */
  role: string;
  /** The nominating element (start event or task). */
  elementId: string;
  /** Task index of the nominating task; absent: the start event nominates. */
  task?: number;
  /** The address field that carries the nominee (a parameter of the nominating function). */
  field: number;
  rebind: RebindRule;
}

/** `field := expr`: `expr` has the field's FEEL type (checked when the IR is built). */
export interface AssignmentIR {
  field: number;
  expr: TypedExpr;
  /** The expression as written, for comments and messages. */
  text: string;
}

/**
 * A script task: no one performs it and it has no transaction of its own. A token that reaches it
 * runs its assignments in order (each sees the values the previous ones assigned), within the step
 * that brought the token, and moves on by its single outgoing flow. Flows into it are wired past
 * it: their FlowTarget is where it leads, with the script listed in `scripts`.
 */
export interface ScriptIR {
  elementId: string;
  name: string;
  /** Derived identifier: the private function `_run<Identifier>` and the event `<Identifier>Completed`. */
  identifier: string;
  documentation?: string;
  assignments: AssignmentIR[];
  /** Where the token goes after the script (its own later scripts listed in `scripts`). */
  next: FlowTarget;
  /**
   * Set for a message sender (send task, intermediate message throw event, message end event): it
   * assigns nothing and emits `<Identifier>Sent(instanceId, …)` with these fields (indexes) read from
   * the instance data. A message end event's sender leads to the end event itself.
   */
  sends?: number[];
  /** Message flows to executable pools (indexes into `ProcessIR.messageFlows`): the send reverts `MessagePending` while one is pending. */
  delivers?: number[];
}

export interface ProcessIR {
  /** The BPMN process element id. */
  processId: string;
  /** Workspace process id (ProcessDocument.id). */
  documentId: string;
  name: string;
  contractName: string;
  documentation?: string;
  fields: FieldIR[];
  start: StartIR;
  tasks: TaskIR[];
  gateways: GatewayIR[];
  ends: EndIR[];
  /** Intermediate and boundary timers, in document order; a timer's index is its number in events (`TimerStarted`). */
  timers: TimerIR[];
  /** Script tasks, in document order. */
  scripts: ScriptIR[];
  /** Roles bound per instance, in document order of the nominating elements; index k is `boundTo(instanceId, k)`. */
  bindings: RoleBindingIR[];
  /** Embedded subprocesses, in document order (outer before inner). */
  subprocesses: SubProcessIR[];
  /** Error boundary events on subprocesses, in document order. */
  errorBoundaries: ErrorBoundaryIR[];
  /** Message flows between executable pools, when the file is a collaboration of several (MessageFlowIR). */
  messageFlows?: MessageFlowIR[];
  /** Number of marking bits used; at most 256 (one storage word). */
  bitCount: number;
}
