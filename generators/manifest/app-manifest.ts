/**
 * The app manifest: everything the generated collaboration app and the CLI need to drive a
 * deployed workspace without the generator (processes, tasks, forms, roles, ABIs). Deployment
 * addresses are kept apart (DeploymentRecord) so one manifest serves many networks.
 */
import type { FieldType, ParticipantKind } from '../model/workspace.js';

export const MANIFEST_VERSION = 1 as const;

export interface FieldManifest {
  name: string;
  identifier: string;
  type: FieldType;
  required: boolean;
  label?: string;
  /**
   * Set on the address field through which this step nominates the participant of a role bound per
   * instance (cf:binds): the role id. Offer the participants holding that role (see `roleBindings`).
   */
  nominatesRole?: string;
  /** enum: the values in member order; the contract takes and emits the index (uint8). */
  values?: string[];
  /** decimal: the contract takes and emits the value times 10^scale (uint256). */
  scale?: number;
  /** Shown beside inputs and values ("kg", "CNY"). */
  unit?: string;
  /** participant: only participants holding this role id may be named (the contract refuses others). */
  role?: string;
}

export interface ChoiceManifest {
  /** The exclusive gateway the completer decides. */
  gatewayElementId: string;
  /** Options in the order the contract numbers them (the `choice` argument). */
  options: { index: number; flowId: string; name: string }[];
  /** Flow taken when no option is chosen (the gateway's default flow); absent: a choice is required. */
  defaultFlowId?: string;
  /** The default flow's name (or its target's), to label it and to pick it by name. */
  defaultFlowName?: string;
}

export interface TaskManifest {
  elementId: string;
  name: string;
  documentation?: string;
  role: string;
  functionName: string;
  eventName: string;
  /** Marking bit that is set while the task is enabled. */
  bit: number;
  fields: FieldManifest[];
  choice?: ChoiceManifest;
  /** Index into `ProcessManifest.roleBindings` when this task's role is bound per instance: once bound, only that participant may do it. */
  binding?: number;
  /**
   * Absent: a user or manual task. 'receive' (receive task) and 'message' (message catch or boundary
   * event): a message that a participant of `role`, the SENDING role, delivers by calling
   * `functionName` with the payload `fields`; list it as a work item of the sender. 'service': done by
   * a device or service account of `role`, asked by `requestEventName(instanceId, …requestFields)`.
   */
  kind?: 'receive' | 'message' | 'service';
  /** Message boundary event: the element id of the task it is attached to. */
  attachedToTaskId?: string;
  /** Message boundary event on an embedded subprocess or call activity: its element id (see `ProcessManifest.subprocesses`). */
  attachedToSubprocessId?: string;
  /** Message boundary event: delivering it withdraws that task (or subprocess, with everything inside it). */
  interrupting?: boolean;
  /** Service task: the event emitted when it is enabled, and the fields it carries. */
  requestEventName?: string;
  requestFields?: FieldManifest[];
  /** The element id of the innermost embedded subprocess holding the task (see `ProcessManifest.subprocesses`); absent at the process level. */
  subprocessId?: string;
  /** A multi-instance task: it stays a work item until enough instances are done (see MultiInstanceManifest). */
  multiInstance?: MultiInstanceManifest;
}

/**
 * A multi-instance task. Each call of the task's function completes one instance; `countFunction(instanceId,
 * index)` (a view) returns (completed, total) of the current activation, to show "1 of 3". Parallel: each
 * participant does at most one instance per activation (the contract reverts InstanceAlreadyCompletedByCaller).
 */
export interface MultiInstanceManifest {
  /** The task's number among the process's multi-instance tasks (the `task` argument of countFunction). */
  index: number;
  sequential: boolean;
  /** Fixed number of instances; 0 when `forEachOf` decides (the count getter's `total` says how many). */
  cardinality: number;
  /** cf:forEachOf: one instance per holder of this role id, counted when the task is activated. */
  forEachOf?: string;
  /** FEEL over nrOfInstances, nrOfCompletedInstances, nrOfActiveInstances, as modeled. */
  completionCondition?: string;
  countFunction: 'completedInstances';
}

/**
 * An embedded subprocess: it runs while its marking bit is set. Its tasks are ordinary work items
 * (TaskManifest.subprocessId names it); it completes on its own when nothing is left inside.
 */
export interface SubprocessManifest {
  elementId: string;
  name: string;
  bit: number;
  /** The enclosing subprocess's element id, absent at the process level. */
  parentId?: string;
  /**
   * Set when this scope is a call activity (elementId is the call activity's): the workspace process
   * it calls (`id` as in `ProcessManifest.id`), whose tasks run here as this process's work items
   * (their element ids are `<call activity id>/<element id in the called process>`).
   */
  calledProcess?: { id: string; processId: string; name: string };
  /**
   * Set in a collaboration of several executable pools (docs/process-format.md, "Collaborations"): this
   * scope is a pool (elementId is its participant's; `processId` its BPMN process; `initiator`: its
   * start starts the instance) or the collaboration itself. Its tasks are work items like any other.
   */
  pool?: { processId: string; initiator: boolean } | { collaboration: true };
}

/**
 * An error boundary event on a subprocess: when an error end inside throws an error it catches, the
 * contract emits `ErrorCaught(instanceId, boundary, errorCode)` (boundary = `index`) and withdraws
 * the subprocess in the same transaction.
 */
export interface ErrorBoundaryManifest {
  index: number;
  elementId: string;
  name: string;
  subprocessId: string;
  /** The error code it catches; absent: any error. */
  errorCode?: string;
}

export interface StartManifest {
  elementId: string;
  name: string;
  roles: string[];
  functionName: string;
  eventName: string;
  fields: FieldManifest[];
  choice?: ChoiceManifest;
  /** A timer start event: when instances may be started. Absent for none and message starts. */
  timer?: StartTimerManifest;
}

/**
 * The schedule of a timer start event: round k (from 0) is due at `firstDueAt + k * periodSeconds`
 * (Unix seconds, block time); at most one instance per round, rounds nobody started are skipped.
 * The contract's `nextDueFunction()` (a view) returns when the next start is due, 2^64-1 when
 * none is left; `startInstance` before then reverts with `StartNotDue(startEvent, dueAt)`.
 */
export interface StartTimerManifest {
  definition: 'timeDate' | 'timeCycle';
  /** As modeled: `2026-01-01T08:00:00+08:00` or `R/2026-01-01T08:00:00+08:00/P1D`. */
  expression: string;
  firstDueAt: number;
  /** 0 for a timeDate (one round). */
  periodSeconds: number;
  /** Absent: no end. */
  rounds?: number;
  nextDueFunction: 'nextStartDueAt';
}

/**
 * A timer of the process (an intermediate timer catch event or a timer boundary event on a task).
 * While it waits its marking bit is set; `TimerStarted(instanceId, timer, dueAt)` (timer = `index`)
 * says from when anyone may call `functionName(instanceId)` to fire it.
 */
export interface TimerManifest {
  /** The timer's number in the TimerStarted/TimerFired events. */
  index: number;
  elementId: string;
  name: string;
  /** ISO 8601 duration as modeled, e.g. PT48H. */
  duration: string;
  seconds: number;
  /** The trigger function, e.g. `trigger48HoursPassed(uint256 instanceId)`. */
  functionName: string;
  /** Marking bit that is set while the timer waits. */
  bit: number;
  /** Boundary timer: the element id of the task it is attached to. */
  attachedToTaskId?: string;
  /** Boundary timer on a subprocess: the subprocess's element id. */
  attachedToSubprocessId?: string;
  /** Boundary timer: firing withdraws the task. Intermediate timers: true. */
  interrupting: boolean;
}

/**
 * A script task: it runs inside the step that reaches it (no function to call) and emits
 * `eventName(instanceId, values…)` with the values it assigned to `fields`, in order.
 */
export interface ScriptManifest {
  elementId: string;
  name: string;
  eventName: string;
  /** The fields it assigns (required is always false: nobody fills them in); a message sender's: the payload it sent. */
  fields: FieldManifest[];
  /** A message sender (send task, message throw or end event): `eventName` is `<Name>Sent(instanceId, payload…)`. */
  sends?: true;
}

/**
 * A role bound per instance (cf:binds): `nominatedBy` nominates a participant holding `role`, in its
 * field `fieldName`; `functionName(instanceId, index)` (a view) returns who is bound (zero: nobody
 * yet, so every holder of the role may do the tasks in `restrictsTaskIds`).
 */
export interface RoleBindingManifest {
  index: number;
  /** Role id. */
  role: string;
  /** Element id of the start event or task that nominates. */
  nominatedBy: string;
  /** Name of the nominating element's address field that carries the nominee. */
  fieldName: string;
  /** 'once': a later nomination must name the same participant; 'sameTask': the nominating element may bind anew. */
  rebind: 'once' | 'sameTask';
  /** Element ids of the tasks only the bound participant may do once someone is bound. */
  restrictsTaskIds: string[];
  /** The getter, `boundTo(uint256 instanceId, uint256 index) returns (address)`. */
  functionName: string;
}

export interface ProcessManifest {
  id: string;
  processId: string;
  name: string;
  contractName: string;
  sourceFile: string;
  bpmn: string;
  start: StartManifest;
  tasks: TaskManifest[];
  /** Absent in manifests written before timers existed; treat as []. */
  timers?: TimerManifest[];
  /** Absent when the process has no script task; treat as []. */
  scripts?: ScriptManifest[];
  /** Absent when the process binds no role per instance; treat as []. */
  roleBindings?: RoleBindingManifest[];
  /** Absent in processes without embedded subprocesses; treat as []. */
  subprocesses?: SubprocessManifest[];
  /** Absent in processes without error boundaries; treat as []. */
  errorBoundaries?: ErrorBoundaryManifest[];
  endedEventName: string;
  abi: unknown[];
  bytecode: string;
}

export interface AppManifest {
  manifestVersion: typeof MANIFEST_VERSION;
  workspaceName: string;
  compiler: { version: string; settings: unknown };
  roles: { id: string; name: string; bit: number }[];
  organizations: { id: string; name: string; index: number }[];
  participants: {
    id: string;
    name: string;
    kind: ParticipantKind;
    organization: string;
    roles: string[];
    address?: string;
  }[];
  registry: { contractName: string; sourceFile: string; abi: unknown[]; bytecode: string };
  processes: ProcessManifest[];
}

/** One contract of a deployment: where it is and the transaction that created it. */
export interface DeployedContract {
  address: string;
  txHash: string;
  blockNumber: number;
}

export interface DeploymentRecord {
  network: string;
  chainId: number;
  /** Hash of block 0: tells apart two chains that use the same chain id. */
  genesisHash?: string;
  /** JSON-RPC endpoint deployed to (absent for the bundled ledger). */
  rpcUrl?: string;
  deployedAt: string;
  deployer: string;
  /** `reused`: the consortium's existing registry, given by address, not deployed by this record. */
  registry: DeployedContract & { reused?: boolean };
  /** Per process id; `attachTxHash` once the registry has attached it (pushed its role cache). */
  processes: Record<string, DeployedContract & { attachTxHash?: string }>;
  /** keccak256 over the generated sources, to tell whether the deployed code is the current design. */
  sourceHash: string;
  /** Compiler version and settings the bytecode came from (for source verification). */
  compiler?: { version: string; settings: unknown };
  /** `partial` until every contract is deployed and attached; a partial record resumes. */
  status?: 'partial' | 'complete';
  /** A transaction sent but not yet seen mined: resuming looks it up before sending anything. */
  pending?: { step: 'registry' | 'process' | 'attach'; processId?: string; txHash: string; nonce: number };
  /** Total gas of the deployment's transactions and its cost in wei (decimal strings). */
  gasUsed?: string;
  costWei?: string;
}
