/**
 * Messages (docs/process-format.md, "Messages"): which message elements run, who may deliver a
 * message, and which fields a sent message or a service request carries.
 *
 * - Catching (receive task, intermediate message catch, message boundary, message start event): a
 *   wait state completed by a participant of the SENDING role. That role is, first that says
 *   something: the source of the element's incoming message flow (a pool: its cf:role, else its
 *   name; an element of another pool: its lane or cf:role, else that pool), the element's own
 *   cf:role, its lane, the pool's cf:role. None is a located error (a message start event instead
 *   lets any member start, as a none start event does).
 * - Sending (send task, intermediate message throw, message end event): no wait; emits
 *   `<Name>Sent(instanceId, …payload)` with the fields `cf:payload` names, read from instance data.
 * - Service task: emits `<Name>Requested(instanceId, …payload)` when enabled (its cf:payload);
 *   completed by a participant of its own role with its result fields (cf:field).
 */
import { error, type Problem } from '../problems.js';
import type { Role } from '../model/workspace.js';
import type { BpmnDefinitions, BpmnFlowNode, BpmnLane, BpmnParticipant, BpmnProcess, ModdleElement } from '../bpmn/moddle-types.js';
import type { FieldIR } from './process-ir.js';
import { findRole, laneIndex, roleReferenceOf, type RoleReference } from './resolve-roles.js';
import { WAIT_TASK_TYPES, describeType } from './executable-elements.js';
import { flattenScopes, isEmbeddedSubprocess } from './read-subprocesses.js';

type Where = Omit<Problem, 'severity' | 'message'>;

const label = (e: ModdleElement) => (e.name?.trim() ? `"${e.name.trim()}"` : e.id);

/** Exactly one message event definition. */
export function hasMessageDefinition(node: BpmnFlowNode): boolean {
  const defs = node.eventDefinitions ?? [];
  return defs.length === 1 && defs[0].$type === 'bpmn:MessageEventDefinition';
}

export const isMessageCatch = (n: BpmnFlowNode) => n.$type === 'bpmn:IntermediateCatchEvent' && hasMessageDefinition(n);
export const isMessageThrow = (n: BpmnFlowNode) => n.$type === 'bpmn:IntermediateThrowEvent' && hasMessageDefinition(n);
export const isMessageEnd = (n: BpmnFlowNode) => n.$type === 'bpmn:EndEvent' && hasMessageDefinition(n);
export const isMessageStart = (n: BpmnFlowNode) => n.$type === 'bpmn:StartEvent' && hasMessageDefinition(n);

/** A message boundary event on a task that waits (user, manual, receive or service task). */
export function isTaskBoundaryMessage(node: BpmnFlowNode): boolean {
  return node.$type === 'bpmn:BoundaryEvent' && hasMessageDefinition(node) && (WAIT_TASK_TYPES as readonly string[]).includes(node.attachedToRef?.$type ?? '');
}

/**
 * A message boundary event on an embedded subprocess (a call activity too: it is one once inlined,
 * expand-call-activities.ts). Armed while the subprocess runs (timer-bits.ts).
 */
export function isSubprocessBoundaryMessage(node: BpmnFlowNode): boolean {
  return node.$type === 'bpmn:BoundaryEvent' && hasMessageDefinition(node) && isEmbeddedSubprocess(node.attachedToRef);
}

/** Whether the generator runs this message element as modeled (report-unexecuted-nodes.ts). */
export function isExecutableMessageNode(node: BpmnFlowNode): boolean {
  if (node.$type === 'bpmn:ReceiveTask' || node.$type === 'bpmn:ServiceTask' || node.$type === 'bpmn:SendTask') return !node.loopCharacteristics;
  // on a multi-instance user task too (as a timer boundary): it is armed with each activation
  if (node.$type === 'bpmn:BoundaryEvent' && hasMessageDefinition(node) && (isEmbeddedSubprocess(node.attachedToRef) || node.attachedToRef?.$type === 'bpmn:CallActivity')) return !node.attachedToRef?.loopCharacteristics;
  if (node.$type === 'bpmn:BoundaryEvent') return isTaskBoundaryMessage(node) && (!node.attachedToRef?.loopCharacteristics || node.attachedToRef.loopCharacteristics.$type === 'bpmn:MultiInstanceLoopCharacteristics');
  return isMessageCatch(node) || isMessageThrow(node) || isMessageEnd(node) || isMessageStart(node) || node.$type === 'bpmn:EventBasedGateway';
}

/** Where an element of any pool of the file sits: its process's lanes and pool. */
interface Placement { lanes: Map<string, BpmnLane>; pool?: BpmnParticipant }

/**
 * Reads the message flows of `definitions` into the executable process: who sends each. Flows
 * into an element of the executable process that cannot receive (anything but the catching
 * elements above) are refused, located at the flow.
 */
export class MessageFlows {
  private readonly into = new Map<string, ModdleElement[]>();
  private readonly placement = new Map<string, Placement>();

  constructor(definitions: BpmnDefinitions, process: BpmnProcess, pools: BpmnParticipant[], where: (kind: string, id: string) => Where, problems: Problem[]) {
    for (const p of (definitions.rootElements ?? []).filter((e): e is BpmnProcess => e.$type === 'bpmn:Process')) {
      const placement = { lanes: laneIndex(p), pool: pools.find((x) => x.processRef === p) };
      // elements inside embedded subprocesses send and receive too
      for (const e of flattenScopes(p).elements) this.placement.set(e.id, placement);
    }
    const own = new Set(flattenScopes(process).elements.map((e) => e.id));
    for (const c of (definitions.rootElements ?? []).filter((e) => e.$type === 'bpmn:Collaboration')) {
      for (const mf of (c.get('messageFlows') as ModdleElement[] | undefined) ?? []) {
        const target = mf.get('targetRef') as BpmnFlowNode | undefined;
        const source = mf.get('sourceRef') as ModdleElement | undefined;
        if (!target || !source) {
          problems.push(error(`message flow ${label(mf)} is not connected at both ends`, where('flows', mf.id)));
          continue;
        }
        if (own.has(source.id) && own.has(target.id)) {
          problems.push(error(`message flow ${label(mf)} connects two elements of the same pool; within a pool use a sequence flow`, where('flows', mf.id)));
          continue;
        }
        if (!own.has(target.id)) continue; // to another pool (or to this pool as a whole): documentation of who is told
        if (!(target.$type === 'bpmn:ReceiveTask' || isMessageCatch(target) || isMessageStart(target) || (target.$type === 'bpmn:BoundaryEvent' && hasMessageDefinition(target)))) {
          problems.push(error(`message flow ${label(mf)} ends at ${describeType(target.$type)} ${label(target)}, which cannot receive a message; end it at a receive task or a message start, catch or boundary event`, where('flows', mf.id)));
          continue;
        }
        this.into.set(target.id, [...(this.into.get(target.id) ?? []), mf]);
      }
    }
  }

  /** The role reference of the sender of each message flow into `node` (none: no message flow). */
  sendersOf(node: BpmnFlowNode): RoleReference[] {
    return (this.into.get(node.id) ?? []).flatMap((mf) => {
      const source = mf.get('sourceRef') as ModdleElement;
      if (source.$type === 'bpmn:Participant') {
        const pool = source as BpmnParticipant;
        if (pool.role?.trim()) return [{ text: pool.role.trim(), source: `the cf:role of pool ${label(pool)}, which sends message flow ${label(mf)}` }];
        return pool.name?.trim() ? [{ text: pool.name.trim(), source: `pool ${label(pool)}, which sends message flow ${label(mf)}` }] : [];
      }
      const at = this.placement.get(source.id);
      const ref = at && roleReferenceOf(source as BpmnFlowNode, at.lanes, at.pool);
      if (ref) return [{ text: ref.text, source: `${ref.source.replace(/^its /, `the `)} of ${label(source)}, which sends message flow ${label(mf)}` }];
      const pool = at?.pool;
      return pool?.name?.trim() ? [{ text: pool.name.trim(), source: `pool ${label(pool)}, which sends message flow ${label(mf)}` }] : [];
    });
  }
}

/**
 * The sending role (role id) of catching element `node`, or undefined after a located error.
 * `optional`: a message start event may have none (any member starts), without an error.
 */
export function senderRoleOf(
  node: BpmnFlowNode, flows: MessageFlows, lanes: Map<string, BpmnLane>, pool: BpmnParticipant | undefined,
  roles: readonly Role[], what: string, where: Where, problems: Problem[], optional = false,
): string | undefined {
  const senders = flows.sendersOf(node);
  const refs = senders.length ? senders : [roleReferenceOf(node, lanes, pool)].filter((r): r is RoleReference => r !== undefined);
  if (refs.length === 0) {
    if (!optional) problems.push(error(`${what} has no sender: draw a message flow to it from the sending pool, or give it a cf:role or a lane naming the role that delivers it`, where));
    return undefined;
  }
  const found = refs.map((r) => ({ r, role: findRole(roles, r.text) }));
  const missing = found.find((x) => !x.role);
  if (missing) {
    problems.push(error(`role "${missing.r.text}" (from ${missing.r.source}) is not defined`, where));
    return undefined;
  }
  const ids = [...new Set(found.map((x) => x.role!.id))];
  if (ids.length > 1) {
    problems.push(error(`${what} receives message flows from several roles (${ids.join(', ')}); one element has one sender role, so catch each in its own element`, where));
    return undefined;
  }
  return ids[0];
}

/**
 * The fields `cf:payload="a, b"` names on `node` (indexes into `fields`, in the order written), or
 * [] after located errors. A named field must be declared (cf:field) by the start event or a task.
 */
export function readPayload(node: BpmnFlowNode, fields: readonly FieldIR[], what: string, where: Where, problems: Problem[]): number[] {
  const text = String(node.get('payload') ?? '').trim();
  if (!text) return [];
  const out: number[] = [];
  for (const name of text.split(/[\s,]+/).filter(Boolean)) {
    const k = fields.findIndex((f) => f.name === name);
    if (k < 0) problems.push(error(`${what}: cf:payload names field "${name}", which no start event or task declares (cf:field)`, where));
    else if (out.includes(k)) problems.push(error(`${what}: cf:payload names field "${name}" twice`, where));
    else out.push(k);
  }
  return out;
}
