/**
 * A collaboration of several executable pools (docs/process-format.md, "Collaborations") becomes ONE
 * process before the IR is built, as call activities are inlined (expand-call-activities.ts), so the
 * token game, both back ends and the differential tests stay one:
 *
 *   root:           start of the initiating pool -> [collaboration scope] -> end
 *   collaboration:  none start -> [initiating pool] -> end;  [every other pool] -> end
 *   each pool:      its own process, as a subprocess (a terminate end ends only that pool)
 *
 * A message flow between two executable pools becomes a sequence flow: the sender (send task,
 * message throw or end event, which runs as before and emits `<Name>Sent`) is followed by a parallel
 * split whose first branches are its message flows; the receiver (receive task, message catch event)
 * becomes a parallel join of the receiver's token and the message, so it fires, in the same step, as
 * soon as both are there, whichever comes second. A message to a pool's message start event enters
 * that pool. The collaboration scope is there so that a message nobody will receive does not keep the
 * instance open: messages buffered are not work (SubProcessIR.buffers), and go when their scope ends.
 *
 * Roles are pinned on every node from its own pool's lanes first (the pools' lanes are left behind).
 * Refused, located: a message flow from or to an element that cannot send or receive it here, a
 * receiver with fields or several senders, two pools that would both start an instance, a pool that
 * can never start.
 */
import { error, type Problem } from '../problems.js';
import type { BpmnDefinitions, BpmnFlowNode, BpmnParticipant, BpmnProcess, BpmnSequenceFlow, ModdleElement } from '../bpmn/moddle-types.js';
import { createModdle } from '../bpmn/read-bpmn.js';
import { flattenScopes } from './read-subprocesses.js';
import { laneIndex, roleReferenceOf } from './resolve-roles.js';
import { hasMessageDefinition, isMessageCatch, isMessageEnd, isMessageStart, isMessageThrow } from './read-messages.js';
import { describeType } from './executable-elements.js';

/** What the rewrite made, for buildProcessIR (messageJoins) and attachMessageFlows. */
export interface CollaborationPlan {
  /** Receiver join (gateway element id) -> index into `flows`. */
  messageJoins: Map<string, number>;
  flows: { flowId: string; name: string; from: string; to: string; startsPool?: string }[];
  /** The pools' scopes (participant ids), initiator first; the collaboration scope's id. */
  pools: { scopeId: string; processId: string; initiator: boolean }[];
  collaborationScope: string;
  /** Elements the rewrite made (no diagram has them) -> the element a problem on one belongs to. */
  madeFor: Map<string, string>;
}

type Where = (kind: string, id: string) => Omit<Problem, 'severity' | 'message'>;

const label = (e: ModdleElement) => (e.name?.trim() ? `"${e.name.trim()}"` : e.id);
const isFlow = (e: ModdleElement): e is BpmnSequenceFlow => e.$type === 'bpmn:SequenceFlow';
const hasFields = (n: BpmnFlowNode) => (n.extensionElements?.values ?? []).some((x) => x.$type === 'cf:Field' || x.$type === 'cf:Binds');

/** The executable processes of a file when there are several (a collaboration of executable pools); else []. */
export function executablePools(definitions: BpmnDefinitions): BpmnProcess[] {
  const marked = (definitions.rootElements ?? []).filter((e): e is BpmnProcess => e.$type === 'bpmn:Process' && (e as BpmnProcess).isExecutable === true && ((e as BpmnProcess).flowElements ?? []).length > 0);
  return marked.length > 1 ? marked : [];
}

/** Rewrites `definitions` in place when it holds several executable pools; undefined plan: nothing to do, or refused (see problems). */
export function rewriteCollaboration(definitions: BpmnDefinitions, where: Where, problems: Problem[]): CollaborationPlan | undefined {
  const processes = executablePools(definitions);
  if (processes.length === 0) return undefined;
  const collaboration = (definitions.rootElements ?? []).find((e) => e.$type === 'bpmn:Collaboration');
  const participants = (collaboration?.get('participants') as BpmnParticipant[] | undefined) ?? [];
  const poolOf = (p: BpmnProcess) => participants.find((x) => x.processRef === p);
  const poolLabel = (p: BpmnProcess) => label(poolOf(p) ?? p);
  const before = problems.length;
  if (!collaboration) {
    problems.push(error('several executable processes but no collaboration: draw each as a pool of one collaboration', where('pools', processes[1].id)));
    return undefined;
  }
  for (const p of processes) if (!poolOf(p)) problems.push(error(`executable process ${label(p)} has no pool in the collaboration`, where('pools', p.id)));

  // which pool (process) and scope each element sits in
  const home = new Map<string, BpmnProcess>();
  const scopeOf = new Map<string, string>();
  for (const p of processes) {
    const flat = flattenScopes(p);
    for (const e of flat.elements) home.set(e.id, p);
    for (const [k, v] of flat.scopeOf) scopeOf.set(k, v);
  }

  // message flows between executable pools
  const all = (collaboration.get('messageFlows') as ModdleElement[] | undefined) ?? [];
  const internal: { mf: ModdleElement; source: BpmnFlowNode; target: BpmnFlowNode }[] = [];
  const intoReceiver = new Map<string, ModdleElement[]>();
  for (const mf of all) {
    const source = mf.get('sourceRef') as BpmnFlowNode | undefined;
    const target = mf.get('targetRef') as BpmnFlowNode | undefined;
    if (!source || !target) continue; // MessageFlows reports it
    const from = home.get(source.id) ?? processes.find((p) => poolOf(p) === source);
    const to = home.get(target.id);
    if (!to || target.id === poolOf(to)?.id) continue; // to a partner, or to a pool as a whole: documentation
    if (target.$type !== 'bpmn:StartEvent' && to) intoReceiver.set(target.id, [...(intoReceiver.get(target.id) ?? []), mf]);
    if (!from || from === to) continue; // from a partner (MessageFlows), or within a pool (MessageFlows refuses it)
    const refuse = (why: string) => problems.push(error(`message flow ${label(mf)} from pool ${poolLabel(from)} to pool ${poolLabel(to)}: ${why}`, where('flows', mf.id)));
    if (source.$type === 'bpmn:Participant') { refuse('it leaves the pool as a whole; draw it from the element that sends the message (send task, message throw or end event)'); continue; }
    if (!((source.$type === 'bpmn:SendTask' && !source.loopCharacteristics) || isMessageThrow(source) || isMessageEnd(source))) { refuse(`${describeType(source.$type)} ${label(source)} cannot send it; send from a send task, a message throw event or a message end event`); continue; }
    if (isMessageStart(target)) {
      if (scopeOf.has(target.id)) { refuse(`message start event ${label(target)} is inside a subprocess; a message from another pool starts a pool at its top-level message start event`); continue; }
    } else if (target.$type === 'bpmn:BoundaryEvent' && hasMessageDefinition(target)) { refuse(`message boundary event ${label(target)}: a message from another executable pool is not received on a boundary yet; receive it with a receive task or a message catch event on a parallel branch`); continue; }
    else if (!(target.$type === 'bpmn:ReceiveTask' || isMessageCatch(target))) { refuse(`${describeType(target.$type)} ${label(target)} cannot receive it; end it at a receive task, a message catch event or the pool's message start event`); continue; }
    else if (incomingOf(to, target).some((f) => f.sourceRef?.$type === 'bpmn:EventBasedGateway')) { refuse(`${label(target)} follows an event-based gateway; a message from another executable pool is not raced there yet`); continue; }
    else if (target.loopCharacteristics) { refuse(`${label(target)} is a loop or multi-instance receive task`); continue; }
    else if (hasFields(target)) { refuse(`${label(target)} declares fields (cf:field or cf:binds); a message between pools carries the sender's fields, shared by name, so declare them where the sending pool writes them`); continue; }
    else if (incomingOf(to, target).length === 0) { refuse(`${label(target)} has no incoming sequence flow, so it never waits for the message`); continue; }
    if (isMessageStart(target) && hasFields(target)) { refuse(`message start event ${label(target)} declares fields (cf:field or cf:binds); a message between pools carries the sender's fields, shared by name, so declare them where the sending pool writes them`); continue; }
    internal.push({ mf, source, target });
  }
  for (const [id, flows] of intoReceiver) {
    if (flows.length > 1 && internal.some((x) => x.target.id === id)) problems.push(error(`${label(flows[0].get('targetRef') as ModdleElement)} receives ${flows.length} message flows; one receiver takes one message, so receive each in its own element`, where('flows', flows[1].id)));
  }
  for (const x of internal) {
    const boundaries = flattenScopes(home.get(x.target.id)!).elements.filter((e) => (e as BpmnFlowNode).attachedToRef === x.target);
    if (boundaries.length) problems.push(error(`message flow ${label(x.mf)}: receive task ${label(x.target)} has boundary events; a message from another executable pool is not received by a task with boundary events yet`, where('flows', x.mf.id)));
  }

  // exactly one pool starts the instance; every other starts by a message from an executable pool
  const startsOf = (p: BpmnProcess) => (p.flowElements ?? []).filter((e): e is BpmnFlowNode => e.$type === 'bpmn:StartEvent');
  const initiators: BpmnProcess[] = [];
  for (const p of processes) {
    const starts = startsOf(p);
    if (starts.length === 0) { problems.push(error(`pool ${poolLabel(p)} can never start: it has no start event; give it a message start event that a message flow from another executable pool reaches`, where('pools', poolOf(p)?.id ?? p.id))); continue; }
    for (const extra of starts.slice(1)) problems.push(error(`a second start event ${label(extra)} in pool ${poolLabel(p)}: a pool has exactly one start event`, where('events', extra.id)));
    if (!internal.some((x) => x.target === starts[0])) initiators.push(p);
    else {
      // it starts by a message from an executable pool: a partner's message cannot start it as well
      const partner = all.find((mf) => mf.get('targetRef') === starts[0] && !internal.some((x) => x.mf === mf));
      if (partner) problems.push(error(`message flow ${label(partner)}: pool ${poolLabel(p)} starts by a message from an executable pool, so a partner's message cannot start it too; receive the partner's message in a receive task or catch event`, where('flows', partner.id)));
    }
  }
  if (initiators.length === 0 && problems.length === before) problems.push(error('no pool starts the collaboration: every executable pool waits for a message from another; give one pool a none, timer or message start event that no executable pool sends to', where('pools', poolOf(processes[0])?.id ?? processes[0].id)));
  for (const p of initiators.slice(1)) {
    const s = startsOf(p)[0];
    problems.push(error(`pool ${poolLabel(p)} would start an instance too (start event ${label(s)}), besides pool ${poolLabel(initiators[0])}: exactly one executable pool starts the collaboration; every other starts by a message start event that a message flow from an executable pool reaches`, where('events', s.id)));
  }
  if (problems.length > before) return undefined;

  return rebuild(definitions, collaboration, processes, initiators[0], poolOf, internal);
}

/** The sequence flows of `p` that end at `node` (its incoming list may be left out). */
function incomingOf(p: BpmnProcess, node: BpmnFlowNode): BpmnSequenceFlow[] {
  return flattenScopes(p).elements.filter((e): e is BpmnSequenceFlow => isFlow(e) && e.targetRef === node);
}

function rebuild(
  definitions: BpmnDefinitions, collaboration: ModdleElement, processes: BpmnProcess[], initiator: BpmnProcess,
  poolOf: (p: BpmnProcess) => BpmnParticipant | undefined, internal: { mf: ModdleElement; source: BpmnFlowNode; target: BpmnFlowNode }[],
): CollaborationPlan {
  const moddle = createModdle();
  const make = <T>(type: string, attrs: Record<string, unknown>) => moddle.create(type, attrs) as unknown as T;
  const flow = (id: string, source: BpmnFlowNode, target: BpmnFlowNode, name?: string) => make<BpmnSequenceFlow>('bpmn:SequenceFlow', { id, sourceRef: source, targetRef: target, ...(name ? { name } : {}) });
  // every flow of the file, to find a node's flows whether or not it lists them
  const flows = processes.flatMap((p) => flattenScopes(p).elements.filter(isFlow));
  const into = (n: BpmnFlowNode) => flows.filter((f) => f.targetRef === n);
  const outOf = (n: BpmnFlowNode) => flows.filter((f) => f.sourceRef === n);
  const containerOf = (n: ModdleElement) => (n as unknown as { $parent: { flowElements: ModdleElement[] } }).$parent.flowElements;
  const replace = (old: ModdleElement, by: ModdleElement[]) => {
    const list = containerOf(old);
    list.splice(list.indexOf(old), 1, ...by);
    for (const e of by) (e as unknown as { $parent: unknown }).$parent = (old as unknown as { $parent: unknown }).$parent;
  };

  // roles first, while each pool's lanes are at hand
  for (const p of processes) {
    const lanes = laneIndex(p);
    const { elements, scopeOf } = flattenScopes(p);
    for (const [inner] of scopeOf) {
      let s = scopeOf.get(inner);
      while (s && !lanes.has(s)) s = scopeOf.get(s);
      if (s && !lanes.has(inner)) lanes.set(inner, lanes.get(s)!);
    }
    for (const e of elements) {
      if (isFlow(e) || (e as BpmnFlowNode).role?.trim()) continue;
      const ref = roleReferenceOf(e as BpmnFlowNode, lanes, poolOf(p));
      if (ref) (e as BpmnFlowNode).role = ref.text;
    }
  }

  const cid = collaboration.id;
  const cname = collaboration.name?.trim();
  const scope = make<BpmnFlowNode & { flowElements: ModdleElement[] }>('bpmn:SubProcess', { id: `${cid}_instance`, name: cname || 'Collaboration', flowElements: [] });
  const crossing: ModdleElement[] = [];
  const plan: CollaborationPlan = { messageJoins: new Map(), flows: [], pools: [], collaborationScope: scope.id, madeFor: new Map() };
  const madeFor = (made: { id: string }, real: string) => plan.madeFor.set(made.id, real);
  const poolScope = new Map<BpmnProcess, BpmnFlowNode>();
  for (const p of [initiator, ...processes.filter((x) => x !== initiator)]) {
    const pool = poolOf(p)!;
    const sub = make<BpmnFlowNode>('bpmn:SubProcess', { id: pool.id, name: pool.name?.trim() || p.name?.trim() || pool.id, flowElements: p.flowElements ?? [] });
    for (const e of p.flowElements ?? []) (e as unknown as { $parent: unknown }).$parent = sub;
    poolScope.set(p, sub);
    plan.pools.push({ scopeId: sub.id, processId: p.id, initiator: p === initiator });
  }

  // senders: a parallel split after each, its message flows first
  const bySender = new Map<BpmnFlowNode, typeof internal>();
  for (const x of internal) bySender.set(x.source, [...(bySender.get(x.source) ?? []), x]);
  const splitOf = new Map<BpmnFlowNode, BpmnFlowNode>();
  for (const source of bySender.keys()) {
    let sender = source;
    const onward = outOf(source);
    const split = make<BpmnFlowNode>('bpmn:ParallelGateway', { id: `${source.id}_send`, name: source.name });
    madeFor(split, source.id);
    if (isMessageEnd(source)) {
      // a message end event sends, then ends: a throw event, the split, a none end
      sender = make<BpmnFlowNode>('bpmn:IntermediateThrowEvent', {
        id: source.id, name: source.name, eventDefinitions: source.eventDefinitions, documentation: source.documentation, payload: source.get('payload'), role: source.role,
      });
      const end = make<BpmnFlowNode>('bpmn:EndEvent', { id: `${source.id}_end` });
      const last = flow(`${source.id}_ended`, split, end);
      madeFor(end, source.id);
      madeFor(last, source.id);
      replace(source, [sender, split, end, last]);
      onward.push(last);
    }
    const toSplit = flow(`${source.id}_to_send`, sender, split);
    madeFor(toSplit, source.id);
    if (isMessageEnd(source)) containerOf(sender).push(toSplit);
    else replace(source, [source, split, toSplit]);
    for (const f of onward) f.sourceRef = split;
    sender.incoming = into(source);
    for (const f of sender.incoming) f.targetRef = sender;
    sender.outgoing = [toSplit];
    split.incoming = [toSplit];
    split.outgoing = onward;
    splitOf.set(source, split);
  }
  for (const x of internal) {
    const split = splitOf.get(x.source)!;
    const name = x.mf.name?.trim() || x.target.name?.trim() || undefined;
    const k = plan.flows.length;
    if (isMessageStart(x.target)) {
      // the pool's start becomes the none start of its scope; the message enters the scope
      x.target.eventDefinitions = [];
      const pool = poolScope.get(processes.find((p) => (p.flowElements ?? []).includes(x.target))!)!;
      const f = flow(x.mf.id, split, pool, name);
      crossing.push(f);
      split.outgoing = [f, ...(split.outgoing ?? [])];
      plan.flows.push({ flowId: x.mf.id, name: name ?? x.mf.id, from: x.source.id, to: x.target.id, startsPool: pool.id });
      continue;
    }
    // the receiver becomes a join of its token (one flow, merged first if several) and the message
    const join = make<BpmnFlowNode>('bpmn:ParallelGateway', { id: x.target.id, name: x.target.name, documentation: x.target.documentation });
    let arriving = into(x.target);
    const added: ModdleElement[] = [];
    if (arriving.length > 1) {
      const merge = make<BpmnFlowNode>('bpmn:ExclusiveGateway', { id: `${x.target.id}_merge`, name: x.target.name });
      for (const f of arriving) f.targetRef = merge;
      merge.incoming = arriving;
      const f = flow(`${x.target.id}_merged`, merge, join);
      madeFor(merge, x.target.id);
      madeFor(f, x.target.id);
      merge.outgoing = [f];
      added.push(merge, f);
      arriving = [f];
    }
    for (const f of arriving) f.targetRef = join;
    const message = flow(x.mf.id, split, join, name);
    crossing.push(message);
    split.outgoing = [message, ...(split.outgoing ?? [])];
    join.incoming = [...arriving, message];
    join.outgoing = outOf(x.target);
    for (const f of join.outgoing) f.sourceRef = join;
    replace(x.target, [join, ...added]);
    plan.messageJoins.set(join.id, k);
    plan.flows.push({ flowId: x.mf.id, name: name ?? x.mf.id, from: x.source.id, to: x.target.id });
  }
  // the message flows between executable pools are sequence flows now; those with partners stay
  const kept = ((collaboration.get('messageFlows') as ModdleElement[] | undefined) ?? []).filter((mf) => !internal.some((x) => x.mf === mf));
  (collaboration as unknown as { set(k: string, v: unknown): void }).set('messageFlows', kept);

  // the initiating pool's start event starts the instance: it moves to the root, a none start takes its place
  const start = initiator.flowElements!.find((e): e is BpmnFlowNode => e.$type === 'bpmn:StartEvent')!;
  const first = poolScope.get(initiator)!;
  const inner = make<BpmnFlowNode>('bpmn:StartEvent', { id: `${first.id}_start` });
  madeFor(inner, start.id);
  const leaving = outOf(start);
  for (const f of leaving) f.sourceRef = inner;
  inner.outgoing = leaving;
  replace(start, [inner]);
  const scopeStart = make<BpmnFlowNode>('bpmn:StartEvent', { id: `${cid}_start` });
  const scopeEnd = make<BpmnFlowNode>('bpmn:EndEvent', { id: `${cid}_end` });
  const wiring: ModdleElement[] = [flow(`${cid}_first`, scopeStart, first)];
  for (const sub of poolScope.values()) wiring.push(flow(`${sub.id}_done`, sub, scopeEnd));
  scope.flowElements.push(scopeStart, ...poolScope.values(), scopeEnd, ...wiring, ...crossing);
  for (const e of scope.flowElements) (e as unknown as { $parent: unknown }).$parent = scope;
  for (const e of [scope, scopeStart, scopeEnd, ...wiring]) madeFor(e, cid);

  const rootEnd = make<BpmnFlowNode>('bpmn:EndEvent', { id: `${cid}_ended` });
  const root = make<BpmnProcess>('bpmn:Process', {
    id: cid, name: cname, isExecutable: true,
    flowElements: [start, scope, rootEnd, flow(`${cid}_begins`, start, scope), flow(`${cid}_ends`, scope, rootEnd)],
  });
  for (const e of [rootEnd, ...root.flowElements!.filter(isFlow)]) madeFor(e, cid);
  start.incoming = [];
  start.outgoing = undefined;
  for (const e of root.flowElements!) (e as unknown as { $parent: unknown }).$parent = root;
  const rest = (definitions.rootElements ?? []).filter((e) => !processes.includes(e as BpmnProcess));
  (definitions as unknown as { rootElements: ModdleElement[] }).rootElements = [root, ...rest];
  return plan;
}

