/**
 * The intermediate representation of one executable process: a token game over a bit-set marking.
 *
 * Both back ends consume exactly this: the Solidity generator (generators/solidity) and the reference
 * interpreter (generators/interpreter). Anything the IR cannot express is refused while building it,
 * with a located problem, so the two back ends never disagree about what a model means.
 *
 * Marking: one bit per user task (the task is enabled while its bit is set) and one bit per incoming
 * flow of a parallel join (a token waits there until every input has one), and one bit per timer that
 * is waiting (an intermediate timer holding a token, or a boundary timer of an enabled task). The
 * instance has ended when its marking is 0.
 */
import type { FieldType } from '../model/workspace.js';
import type { TypedExpr } from '../feel/feel-ast.js';

/** Where a token goes when it leaves an element. Routing follows targets until every token rests. */
export type FlowTarget =
  | { kind: 'task'; index: number }
  /** `inputBit` is set when the gateway is a join with more than one incoming flow. */
  | { kind: 'gateway'; index: number; inputBit?: number }
  | { kind: 'end'; index: number }
  /** An intermediate timer catch event: the token waits there (its bit set) until the timer is triggered. */
  | { kind: 'timer'; index: number };

export interface FieldIR {
  /** The field's name as the modeler wrote it (may be Chinese); FEEL expressions refer to it. */
  name: string;
  /** Derived Solidity identifier (see generators/naming). */
  identifier: string;
  type: FieldType;
  label?: string;
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
}

export interface BranchIR {
  flowId: string;
  /** The flow's name, or the target element's name when the flow has none. */
  name: string;
  /** Typed FEEL condition (exclusive gateways decided by conditions). */
  condition?: TypedExpr;
  conditionText?: string;
  target: FlowTarget;
}

export const GATEWAY_KINDS = ['exclusive', 'parallel'] as const;
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
  /** exclusive: conditional branches, in order. parallel: every outgoing flow. */
  branches: BranchIR[];
  /** exclusive: the default flow, if any. */
  defaultBranch?: BranchIR;
  /** parallel join: one bit per incoming flow (empty when the gateway has a single incoming flow). */
  inputBits: number[];
}

export interface EndIR {
  elementId: string;
  name: string;
  terminate: boolean;
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
  /** Boundary timer: firing withdraws the task (cancelActivity, default true). Always true for intermediate timers. */
  interrupting: boolean;
  next: FlowTarget;
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
  /** Number of marking bits used; at most 256 (one storage word). */
  bitCount: number;
}
