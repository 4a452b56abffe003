/**
 * BPMN process -> ProcessIR. Walks the process once, refusing with a located problem every
 * element or construct the IR cannot express (never dropping one silently), then wires every
 * flow to a FlowTarget and allocates marking bits (tasks first, then join inputs).
 */
import { error, hasErrors, warning, type Problem } from '../problems.js';
import type { ProcessDocument, Role } from '../model/workspace.js';
import type {
  BpmnDefinitions, BpmnFlowNode, BpmnParticipant, BpmnProcess, BpmnSequenceFlow, ModdleElement,
} from '../bpmn/moddle-types.js';
import { compileCondition } from '../feel/check-feel.js';
import { deriveIdentifier, IdentifierScope } from '../naming/derive-identifier.js';
import type { BranchIR, EndIR, FlowTarget, GatewayIR, ProcessIR, ScriptIR, StartIR, TaskIR, TimerIR, WaitKind } from './process-ir.js';
import { isTimerStart, readTimerStart } from './read-timer-start.js';
import { isMessageCatch, isMessageEnd, isMessageStart, isMessageThrow, isSubprocessBoundaryMessage, isTaskBoundaryMessage, MessageFlows, readPayload, senderRoleOf } from './read-messages.js';
import { wireEventGateways } from './wire-event-gateways.js';
import { flattenScopes, isEmbeddedSubprocess, isErrorEnd, subprocessBoundaryKind } from './read-subprocesses.js';
import { buildSubprocesses } from './build-subprocesses.js';
import { isMultiInstance, readMultiInstance } from './read-multi-instance.js';
import { checkSubprocessesWait } from './check-subprocesses.js';
import { readScript } from './read-script.js';
import { boundaryRefusal, isTaskBoundaryTimer, isTimerEvent, readTimerDuration } from './read-timer.js';
import { BINDING_NAMES, collectFields, MULTI_INSTANCE_NAMES } from './collect-fields.js';
import { readBindings } from './read-bindings.js';
import { findRole, laneIndex, roleReferenceOf } from './resolve-roles.js';
import { DESCRIPTIVE_TYPES, EXECUTABLE_SUMMARY, GATEWAY_TYPES, HUMAN_TASK_TYPES, describeEventDefinition, describeType } from './executable-elements.js';
import { checkGatewayCycles, checkReachability, checkTerminateAfterSplit } from './check-structure.js';
import { sameStepFields } from './same-step-fields.js';
import { reportUnexecutedNodes } from './report-unexecuted-nodes.js';

export interface BuildContext {
  document: ProcessDocument;
  /** Index of the process in workspace.processes, for JSON paths. */
  index: number;
  roles: readonly Role[];
  file: string;
  /** Set for a collaboration of several executable pools, rewritten as one process (rewrite-collaboration.ts). */
  collaboration?: CollaborationContext;
}

/**
 * What buildProcessIR needs to know of a rewritten collaboration: its receivers (gateway id -> message
 * flow index), its message flows between pools (their ids, now sequence flows), and the scopes that are
 * pools or the collaboration itself (subprocess ids).
 */
export interface CollaborationContext {
  messageJoins: ReadonlyMap<string, number>;
  messageFlowIds: ReadonlySet<string>;
  scopes: ReadonlySet<string>;
}

export const MAX_MARKING_BITS = 256;

const isFlow = (e: ModdleElement): e is BpmnSequenceFlow => e.$type === 'bpmn:SequenceFlow';
const label = (e: ModdleElement) => (e.name?.trim() ? `"${e.name.trim()}"` : e.id);
const docOf = (e: { documentation?: { text?: string }[] }) =>
  e.documentation?.map((d) => d.text?.trim()).filter(Boolean).join('\n') || undefined;

export function buildProcessIR(definitions: BpmnDefinitions, ctx: BuildContext): { ir?: ProcessIR; problems: Problem[] } {
  const problems: Problem[] = [];
  const base = `processes[${ctx.index}]`;
  const at = (kind: string, id: string) => ({ file: ctx.file, elementId: id, path: `${base}.${kind}.${id}` });

  const processes = (definitions.rootElements ?? []).filter((e): e is BpmnProcess => e.$type === 'bpmn:Process');
  const withFlow = processes.filter((p) => (p.flowElements ?? []).length > 0);
  const pools = (definitions.rootElements ?? [])
    .filter((e) => e.$type === 'bpmn:Collaboration')
    .flatMap((c) => (c.get('participants') as BpmnParticipant[] | undefined) ?? []);
  if (withFlow.length === 0) {
    problems.push(error('the file has no process with flow elements', { file: ctx.file, path: base }));
    return { problems };
  }
  // a collaboration: the one pool whose process is executable becomes the contract; the others are
  // partners whose message flows say who sends (docs/process-format.md, "Collaborations")
  const marked = withFlow.filter((p) => p.isExecutable === true);
  const process = withFlow.length > 1 && marked.length === 1 ? marked[0] : withFlow[0];
  if (withFlow.length > 1) {
    for (const p of withFlow.filter((x) => x !== process)) {
      const partner = pools.find((x) => x.processRef === p);
      if (marked.length === 1) {
        problems.push(warning(`pool ${label(partner ?? p)} is a partner: its process is not executable (isExecutable="false") and is not executed here; its message flows say who sends to the executable pool`, at('pools', partner?.id ?? p.id)));
        problems.push(...reportUnexecutedNodes(p.flowElements, `partner pool ${label(partner ?? p)}`, (id) => at('elements', id)).map((x) => ({ ...x, severity: 'warning' as const })));
        continue;
      }
      problems.push(error(`a second executable pool ${label(partner ?? p)}: in a collaboration exactly one pool's process is executable (isExecutable="true"), the others are partners; mark them so, or keep one pool per process file`, at('pools', partner?.id ?? p.id)));
      problems.push(...reportUnexecutedNodes(p.flowElements, `pool ${label(partner ?? p)}`, (id) => at('elements', id)));
    }
  }
  const pool = pools.find((x) => x.processRef === process);
  // message flows into this pool say who sends each message (read-messages.ts)
  const messageFlows = new MessageFlows(definitions, process, pools, at, problems);

  const lanes = laneIndex(process);
  const { elements, scopeOf } = flattenScopes(process);
  // an element inside a subprocess that no lane lists is performed by the subprocess's lane
  for (const [inner] of scopeOf) {
    let s = scopeOf.get(inner);
    while (s && !lanes.has(s)) s = scopeOf.get(s);
    if (s && !lanes.has(inner)) lanes.set(inner, lanes.get(s)!);
  }
  const flows = elements.filter(isFlow);
  const nodes = elements.filter((e): e is BpmnFlowNode => !isFlow(e));
  linkFlows(nodes, flows);

  const starts: BpmnFlowNode[] = [];
  const taskNodes: BpmnFlowNode[] = [];
  /** Script tasks and message senders (send tasks, message throw events): no wait, run within the step. */
  const scriptNodes: BpmnFlowNode[] = [];
  /** What completes each task node other than a user task (read-messages.ts). */
  const waitKind = new Map<string, WaitKind>();
  /** Message end events: index into endNodes. */
  const messageEnds: number[] = [];
  const gatewayNodes: BpmnFlowNode[] = [];
  const endNodes: { node: BpmnFlowNode; terminate: boolean }[] = [];
  /** Embedded subprocesses, the none start inside each (by subprocess id), and error boundaries on them. */
  const subNodes: BpmnFlowNode[] = [];
  const innerStarts = new Map<string, BpmnFlowNode[]>();
  const errorBoundaryNodes: BpmnFlowNode[] = [];
  /** Intermediate timers and timer boundaries, in document order, with their durations. */
  const timerNodes: { node: BpmnFlowNode; duration: string; seconds: number }[] = [];
  for (const node of nodes) {
    const defs = node.eventDefinitions ?? [];
    if (node.$type === 'bpmn:StartEvent' && scopeOf.has(node.id)) {
      if (defs.length) problems.push(error(`start event ${label(node)} inside a subprocess: ${defs.map((d) => describeEventDefinition(d.$type)).join(', ')} start events are not executable; a subprocess starts at one none start event`, at('events', node.id)));
      else innerStarts.set(scopeOf.get(node.id)!, [...(innerStarts.get(scopeOf.get(node.id)!) ?? []), node]);
    } else if (isMessageStart(node) || isTimerStart(node)) starts.push(node);
    else if (isMessageEnd(node)) {
      messageEnds.push(endNodes.length);
      endNodes.push({ node, terminate: false });
    } else if (node.$type === 'bpmn:ReceiveTask' || node.$type === 'bpmn:ServiceTask' || isMessageCatch(node) || isTaskBoundaryMessage(node) || isSubprocessBoundaryMessage(node)) {
      if (node.loopCharacteristics) problems.push(error(`${describeType(node.$type)} ${label(node)}: ${describeType(node.loopCharacteristics.$type)} (loop or multi-instance) is not executable yet; only user tasks run multi-instance`, at('tasks', node.id)));
      else {
        waitKind.set(node.id, node.$type === 'bpmn:ReceiveTask' ? 'receive' : node.$type === 'bpmn:ServiceTask' ? 'service' : 'message');
        taskNodes.push(node);
      }
    } else if (node.$type === 'bpmn:SendTask' || isMessageThrow(node)) {
      if (node.loopCharacteristics) problems.push(error(`send task ${label(node)}: ${describeType(node.loopCharacteristics.$type)} (loop or multi-instance) is not executable yet`, at('scripts', node.id)));
      else scriptNodes.push(node);
    } else if (node.$type === 'bpmn:StartEvent') {
      if (defs.length) problems.push(error(`start event ${label(node)}: ${defs.map((d) => describeEventDefinition(d.$type)).join(', ')} start events are not executable yet; use a none, message or timer start event`, at('events', node.id)));
      else starts.push(node);
    } else if (node.$type === 'bpmn:EndEvent') {
      const terminate = defs.length === 1 && defs[0].$type === 'bpmn:TerminateEventDefinition';
      if (isErrorEnd(node)) endNodes.push({ node, terminate: false });
      else if (defs.length && !terminate) problems.push(error(`end event ${label(node)}: ${defs.map((d) => describeEventDefinition(d.$type)).join(', ')} end events are not executable yet; use a none, terminate, message or error end event`, at('events', node.id)));
      else endNodes.push({ node, terminate });
    } else if ((HUMAN_TASK_TYPES as readonly string[]).includes(node.$type)) {
      if (node.loopCharacteristics && !isMultiInstance(node)) problems.push(error(`task ${label(node)}: ${describeType(node.loopCharacteristics.$type)} (a standard loop) is not executable yet; use a multi-instance task or a loop of flows`, at('tasks', node.id)));
      else taskNodes.push(node);
    } else if (node.$type === 'bpmn:ScriptTask') {
      if (node.loopCharacteristics) problems.push(error(`script task ${label(node)}: ${describeType(node.loopCharacteristics.$type)} (loop or multi-instance) is not executable yet`, at('scripts', node.id)));
      else scriptNodes.push(node);
    } else if ((GATEWAY_TYPES as readonly string[]).includes(node.$type)) {
      gatewayNodes.push(node);
    } else if (isEmbeddedSubprocess(node)) {
      if (node.loopCharacteristics) problems.push(error(`subprocess ${label(node)}: ${describeType(node.loopCharacteristics.$type)} (loop or multi-instance) is not executable yet`, at('subprocesses', node.id)));
      else subNodes.push(node);
    } else if (node.$type === 'bpmn:BoundaryEvent' && subprocessBoundaryKind(node) === 'error') {
      errorBoundaryNodes.push(node);
    } else if (node.$type === 'bpmn:BoundaryEvent' && subprocessBoundaryKind(node) === 'timer') {
      const d = readTimerDuration(node, label(node), at('timers', node.id), problems);
      if (d) timerNodes.push({ node, ...d });
    } else if (node.$type === 'bpmn:IntermediateCatchEvent' && isTimerEvent(node)) {
      const d = readTimerDuration(node, label(node), at('timers', node.id), problems);
      if (d) timerNodes.push({ node, ...d });
    } else if (node.$type === 'bpmn:BoundaryEvent') {
      if (!isTaskBoundaryTimer(node)) problems.push(error(boundaryRefusal(node, label(node)), at('timers', node.id)));
      else {
        const d = readTimerDuration(node, label(node), at('timers', node.id), problems);
        if (d) timerNodes.push({ node, ...d });
      }
    } else if ((DESCRIPTIVE_TYPES as readonly string[]).includes(node.$type)) {
      problems.push(warning(`${describeType(node.$type)} ${label(node)} is documentation only and is not executed; declare data with cf:field on tasks`, at('data', node.id)));
    } else {
      problems.push(error(`${describeType(node.$type)} ${label(node)} is not executable yet (${EXECUTABLE_SUMMARY})`, at('elements', node.id)));
      problems.push(...reportUnexecutedNodes(node.get('flowElements') as ModdleElement[] | undefined, `${describeType(node.$type)} ${label(node)}`, (id) => at('elements', id)));
    }
  }
  if (starts.length === 0) problems.push(error('the process needs one start event (none, message or timer)', { file: ctx.file, path: base, elementId: process.id }));
  for (const extra of starts.slice(1)) problems.push(error(`a second start event ${label(extra)}: a process has exactly one start event (none, message or timer); start alternatives with an event-based or exclusive gateway after it`, at('events', extra.id)));

  // roles
  const roleOf = (node: BpmnFlowNode, kind: string): string | undefined => {
    const ref = roleReferenceOf(node, lanes, pool);
    if (!ref) {
      if (kind === 'tasks') problems.push(error(`task ${label(node)} has no role: put it in a lane or give it a cf:role`, at(kind, node.id)));
      return undefined;
    }
    const role = findRole(ctx.roles, ref.text);
    if (!role) problems.push(error(`role "${ref.text}" (from ${ref.source}) is not defined`, at(kind, node.id)));
    return role?.id;
  };

  // fields
  const start = starts[0];
  const writers = start ? [start, ...taskNodes] : taskNodes;
  // a script task declares (cf:field) the fields it assigns, but takes no parameters
  const scriptTasks = scriptNodes.filter((n) => n.$type === 'bpmn:ScriptTask');
  const { fields, writesOf, bindsOf } = collectFields([...writers, ...scriptTasks], (n) => at(n === start ? 'events' : scriptNodes.includes(n) ? 'scripts' : 'tasks', n.id), problems, ctx.roles);
  const scriptAssignments = scriptNodes.map((n) => (n.$type === 'bpmn:ScriptTask' ? readScript(n, label(n), fields, at('scripts', n.id), problems) : []));
  // a sent message and a service request carry fields of the instance data: kept in storage unless
  // every read is in the step that writes them (decided once the IR is built, same-step-fields.ts)
  const payloadOf = (n: BpmnFlowNode, kind: string) => readPayload(n, fields, `${describeType(n.$type)} ${label(n)}`, at(kind, n.id), problems);
  const sendPayloads = new Map<BpmnFlowNode, number[]>([...scriptNodes.filter((n) => n.$type !== 'bpmn:ScriptTask'), ...messageEnds.map((e) => endNodes[e].node)].map((n) => [n, payloadOf(n, 'scripts')]));
  const payloadFields = new Set([...sendPayloads.values()].flat());

  // indexes and bits: tasks take bits 0..n-1 in document order, then timers, then join inputs
  const taskIndex = new Map(taskNodes.map((n, i) => [n.id, i]));
  const timerIndex = new Map(timerNodes.map((t, i) => [t.node.id, i]));
  const gatewayIndex = new Map(gatewayNodes.map((n, i) => [n.id, i]));
  const endIndex = new Map(endNodes.map((e, i) => [e.node.id, i]));
  const scriptIndex = new Map(scriptNodes.map((n, i) => [n.id, i]));
  /** The sender (index into scripts, after the script nodes) that runs before each message end event. */
  const endSender = new Map(messageEnds.map((e, k) => [e, scriptNodes.length + k]));
  const subIndex = new Map(subNodes.map((n, i) => [n.id, i]));
  /** Where each script leads (memoized); scripts being resolved are in `resolving`, so a loop of scripts is caught. */
  const afterScript = new Map<number, FlowTarget | undefined>();
  const resolving = new Set<number>();
  let nextBit = taskNodes.length + timerNodes.length;
  const joinInputBit = new Map<string, number>(); // flow id -> bit
  for (const g of gatewayNodes) {
    if ((g.$type === 'bpmn:ParallelGateway' || g.$type === 'bpmn:InclusiveGateway') && (g.incoming ?? []).length > 1)
      for (const f of g.incoming ?? []) joinInputBit.set(f.id, nextBit++);
  }
  // subprocess bits come last, so a model without subprocesses keeps its bits
  const subBit = subNodes.map(() => nextBit++);
  if (nextBit > MAX_MARKING_BITS)
    problems.push(error(`the process needs ${nextBit} marking bits (tasks, timers and join inputs); at most ${MAX_MARKING_BITS} fit one storage word`, { file: ctx.file, path: base, elementId: process.id }));

  const targetOf = (flow: BpmnSequenceFlow): FlowTarget | undefined => {
    const id = flow.targetRef?.id;
    if (scriptIndex.has(id)) {
      // a script runs on the way: the flow leads where the script leads
      const k = scriptIndex.get(id)!;
      const after = resolveScript(k);
      return after && { ...after, scripts: [k, ...(after.scripts ?? [])] };
    }
    if (taskIndex.has(id)) {
      if (flow.targetRef.$type !== 'bpmn:BoundaryEvent') return { kind: 'task', index: taskIndex.get(id)! };
      problems.push(error(`flow ${label(flow)} leads into boundary event ${label(flow.targetRef)}; a boundary event starts on its task, it has no incoming flow`, at('flows', flow.id)));
      return undefined;
    }
    if (gatewayIndex.has(id)) {
      const bit = joinInputBit.get(flow.id);
      return bit === undefined ? { kind: 'gateway', index: gatewayIndex.get(id)! } : { kind: 'gateway', index: gatewayIndex.get(id)!, inputBit: bit };
    }
    if (endIndex.has(id)) {
      const e = endIndex.get(id)!;
      return endSender.has(e) ? { kind: 'end', index: e, scripts: [endSender.get(e)!] } : { kind: 'end', index: e };
    }
    if (subIndex.has(id)) return { kind: 'subprocess', index: subIndex.get(id)! };
    if (timerIndex.has(id)) {
      if (flow.targetRef.$type === 'bpmn:BoundaryEvent') problems.push(error(`flow ${label(flow)} leads into boundary event ${label(flow.targetRef)}; a boundary event starts on its task, it has no incoming flow`, at('flows', flow.id)));
      else return { kind: 'timer', index: timerIndex.get(id)! };
    }
    if (flow.targetRef?.$type === 'bpmn:StartEvent') problems.push(error(`flow ${label(flow)} leads into a start event`, at('flows', flow.id)));
    return undefined; // the target was refused above
  };
  const resolveScript = (k: number): FlowTarget | undefined => {
    if (resolving.has(k)) {
      problems.push(error(`script task ${label(scriptNodes[k])} is on a loop of script tasks with no task in it; it would run forever in one step`, at('scripts', scriptNodes[k].id)));
      return undefined;
    }
    if (!afterScript.has(k)) {
      resolving.add(k);
      afterScript.set(k, singleNext(scriptNodes[k], 'scripts'));
      resolving.delete(k);
    }
    return afterScript.get(k);
  };
  const branchOf = (flow: BpmnSequenceFlow): BranchIR | undefined => {
    const target = targetOf(flow);
    return target && { flowId: flow.id, name: flow.name?.trim() || flow.targetRef.name?.trim() || flow.id, target, ...(ctx.collaboration?.messageFlowIds.has(flow.id) ? { message: true as const } : {}) };
  };
  const singleNext = (node: BpmnFlowNode, kind: string): FlowTarget | undefined => {
    const out = node.outgoing ?? [];
    if (out.length === 0) {
      problems.push(error(`${label(node)} has no outgoing flow; connect it, e.g. to an end event`, at(kind, node.id)));
      return undefined;
    }
    if (out.length > 1) {
      problems.push(error(`${label(node)} has ${out.length} outgoing flows; split with an exclusive or parallel gateway`, at(kind, node.id)));
      return undefined;
    }
    if (out[0].conditionExpression) problems.push(error(`flow ${label(out[0])} from ${label(node)} has a condition; put conditions on the flows of an exclusive gateway`, at('flows', out[0].id)));
    return targetOf(out[0]);
  };

  /** A flow's FEEL condition, type-checked, or undefined after a located error. */
  const compileFlowCondition = (f: BpmnSequenceFlow, text: string) => {
    const language = f.conditionExpression?.language?.toLowerCase();
    if (language && language !== 'feel' && !language.includes('feel'))
      problems.push(error(`flow ${label(f)}: condition language "${language}" is not supported; write FEEL`, at('flows', f.id)));
    const compiled = compileCondition(text, fields);
    if (!compiled.ok) problems.push(error(compiled.message, at('flows', f.id)));
    return compiled.ok ? compiled.expr : undefined;
  };

  // gateways
  const gateways: GatewayIR[] = [];
  const choiceOf = new Map<string, number>(); // task/start id -> caller-decided gateway index
  const gatewayScope = new IdentifierScope();
  for (const g of gatewayNodes) {
    const out = g.outgoing ?? [];
    const gw: GatewayIR = {
      elementId: g.id, name: g.name?.trim() || g.id, identifier: '', kind: g.$type === 'bpmn:ParallelGateway' ? 'parallel' : g.$type === 'bpmn:InclusiveGateway' ? 'inclusive' : g.$type === 'bpmn:EventBasedGateway' ? 'event' : 'exclusive',
      branches: [], inputBits: (g.incoming ?? []).map((f) => joinInputBit.get(f.id)).filter((b): b is number => b !== undefined),
      ...(ctx.collaboration?.messageJoins.has(g.id) ? { message: ctx.collaboration.messageJoins.get(g.id)! } : {}),
    };
    if ((g.incoming ?? []).length === 0) problems.push(error(`gateway ${label(g)} has no incoming flow`, at('gateways', g.id)));
    if (out.length === 0) problems.push(error(`gateway ${label(g)} has no outgoing flow`, at('gateways', g.id)));
    if (gw.kind === 'parallel' || gw.kind === 'event') {
      for (const f of out) {
        if (f.conditionExpression) problems.push(error(`flow ${label(f)} leaves a${gw.kind === 'event' ? 'n event-based' : ' parallel'} gateway and cannot have a condition`, at('flows', f.id)));
        const b = branchOf(f);
        if (b) gw.branches.push(b);
      }
    } else if (gw.kind === 'inclusive') {
      gw.decision = 'conditions';
      for (const f of out) {
        const b = branchOf(f);
        if (!b) continue;
        const text = f.conditionExpression?.body?.trim();
        if (f === g.default) {
          if (text) problems.push(warning(`flow ${label(f)} is the default flow; its condition is ignored`, at('flows', f.id)));
          gw.defaultBranch = b;
          continue;
        }
        if (text) {
          const compiled = compileFlowCondition(f, text);
          if (compiled) {
            b.condition = compiled;
            b.conditionText = text;
          }
        }
        gw.branches.push(b);
      }
      if (gw.defaultBranch && gw.branches.some((b) => !b.condition && !b.conditionText))
        problems.push(warning(`inclusive gateway ${label(g)} has a flow without a condition, which is always taken, so its default flow ${label(g.default!)} is never taken`, at('gateways', g.id)));
    } else {
      const conditional = out.filter((f) => f.conditionExpression?.body?.trim());
      for (const f of out) {
        const b = branchOf(f);
        if (!b) continue;
        if (f === g.default) {
          if (f.conditionExpression?.body?.trim()) problems.push(warning(`flow ${label(f)} is the default flow; its condition is ignored`, at('flows', f.id)));
          gw.defaultBranch = b;
          continue;
        }
        const text = f.conditionExpression?.body?.trim();
        if (conditional.length > 0) {
          if (!text) {
            problems.push(error(`flow ${label(f)} from gateway ${label(g)} has no condition; give it one or make it the gateway's default flow`, at('flows', f.id)));
            continue;
          }
          const compiled = compileFlowCondition(f, text);
          if (compiled) {
            b.condition = compiled;
            b.conditionText = text;
          }
        }
        gw.branches.push(b);
      }
      if (conditional.length > 0) gw.decision = 'conditions';
      else if (out.length === 1) {
        gw.decision = 'pass';
        if (gw.defaultBranch) { gw.branches.push(gw.defaultBranch); gw.defaultBranch = undefined; }
      } else {
        gw.decision = 'caller';
        for (const inc of g.incoming ?? []) {
          const src = inc.sourceRef;
          if (src && (taskIndex.has(src.id) || src === start)) choiceOf.set(src.id, gateways.length);
          else problems.push(error(`gateway ${label(g)} has no conditions, so the participant completing the task before it decides; but it is reached from ${label(src)}, which is not a task. Add conditions or a task before it`, at('gateways', g.id)));
        }
      }
    }
    gateways.push(gw);
  }
  // stable identifiers by element id
  [...gateways].sort((a, b) => cmp(a.elementId, b.elementId)).forEach((gw) => {
    gw.identifier = gatewayScope.claim(deriveIdentifier(gw.name === gw.elementId ? undefined : gw.name, gw.elementId, 'pascal'));
  });

  // tasks
  const tasks: TaskIR[] = [];
  // task functions must not shadow a parameter or local of the generated functions, nor a field
  const taskScope = new IdentifierScope([
    'startInstance', 'nextStartDueAt', 'syncRoles', 'marking', 'instanceCount', 'registry', 'isEnabled',
    'instanceId', 'choice', 'm', 'd', 'by', 'account', 'roles', 'value', 'rest', 'dueAt', 'armed', ...fields.map((f) => f.identifier),
    ...(bindsOf.size ? BINDING_NAMES : []), ...(taskNodes.some(isMultiInstance) ? MULTI_INSTANCE_NAMES : []),
  ]);
  for (const node of taskNodes) {
    const kind = waitKind.get(node.id);
    // a message is delivered by its sender; a user or service task is done by its own role
    const role = kind === 'receive' || kind === 'message'
      ? senderRoleOf(node, messageFlows, lanes, pool, ctx.roles, `${describeType(node.$type)} ${label(node)}`, at('tasks', node.id), problems)
      : roleOf(node, 'tasks');
    const next = singleNext(node, 'tasks');
    const task: TaskIR = {
      elementId: node.id, name: node.name?.trim() || node.id, identifier: '', documentation: docOf(node),
      role: role ?? '', bit: taskIndex.get(node.id)!, writes: writesOf.get(node.id) ?? [], next: next ?? { kind: 'end', index: -1 },
      choice: choiceOf.get(node.id),
    };
    if (kind) task.kind = kind;
    if (kind === 'service') {
      task.requests = payloadOf(node, 'tasks');
      for (const f of task.requests) payloadFields.add(f);
    }
    if (node.$type === 'bpmn:BoundaryEvent') {
      // on a task, or on a subprocess (a call activity is one by now)
      const host = taskIndex.get(node.attachedToRef!.id);
      const sub = subIndex.get(node.attachedToRef!.id);
      if (host !== undefined) task.attachedTo = host;
      else if (sub !== undefined) task.attachedToSubprocess = sub;
      else problems.push(error(`message boundary event ${label(node)} is attached to ${label(node.attachedToRef!)}, which does not run (see its own problem)`, at('tasks', node.id)));
      task.interrupting = node.get('cancelActivity') !== false;
    }
    tasks.push(task);
  }
  [...tasks].sort((a, b) => cmp(a.elementId, b.elementId)).forEach((t) => {
    t.identifier = taskScope.claim(deriveIdentifier(t.name === t.elementId ? undefined : t.name, t.elementId, 'camel'));
  });
  const bindings = readBindings(nodes, writers, bindsOf, ctx.roles, tasks, taskIndex, (n) => at(n === start ? 'events' : 'tasks', n.id), problems);
  taskNodes.forEach((node, i) => {
    if (!isMultiInstance(node)) return;
    const multi = readMultiInstance(node, label(node), at('tasks', node.id), problems, (text) => findRole(ctx.roles, text)?.id);
    const t = tasks[i];
    if (t.choice !== undefined) problems.push(error(`multi-instance task ${label(node)} is followed by a gateway its completer decides; each instance's completer could pick differently, so give the gateway conditions`, at('tasks', node.id)));
    if (bindings.some((b) => b.elementId === node.id)) problems.push(error(`multi-instance task ${label(node)} nominates a participant (cf:binds); each instance's completer would nominate anew, so nominate in a task before it`, at('tasks', node.id)));
    else if (t.binding !== undefined && multi && !multi.sequential && multi.cardinality > 1)
      problems.push(warning(`parallel multi-instance task ${label(node)} is done by a role bound per instance: only the bound participant may do it, and one participant does one instance, so it finishes only when its completion condition holds after one`, at('tasks', node.id)));
    if (multi) t.multi = multi;
  });

  // timers: trigger functions share the task functions' scope, claimed after the tasks so a new timer renames no task
  const timers: TimerIR[] = timerNodes.map(({ node, duration, seconds }, k) => {
    const boundary = node.$type === 'bpmn:BoundaryEvent';
    const attachedTo = boundary ? taskIndex.get(node.attachedToRef!.id) : undefined;
    const attachedToSubprocess = boundary ? subIndex.get(node.attachedToRef!.id) : undefined;
    if (boundary && attachedTo === undefined && attachedToSubprocess === undefined) problems.push(error(`timer boundary event ${label(node)} is attached to ${label(node.attachedToRef!)}, which does not run (see its own problem)`, at('timers', node.id)));
    const cancel = boundary ? node.get('cancelActivity') : true;
    return {
      elementId: node.id, name: node.name?.trim() || node.id, identifier: '', duration, seconds, bit: taskNodes.length + k,
      ...(attachedTo !== undefined ? { attachedTo } : {}), ...(attachedToSubprocess !== undefined ? { attachedToSubprocess } : {}), interrupting: cancel !== false,
      next: singleNext(node, 'timers') ?? { kind: 'end', index: -1 },
    };
  });
  [...timers].sort((a, b) => cmp(a.elementId, b.elementId)).forEach((t) => {
    // after "trigger" a leading digit needs no "N" (`trigger48HoursPassed`)
    const base = deriveIdentifier(t.name === t.elementId ? undefined : t.name, t.elementId, 'pascal').replace(/^N(?=[0-9])/, '');
    t.identifier = taskScope.claim(`trigger${base}`).slice('trigger'.length);
  });

  // scripts: after the timers in the functions' scope, so a new script renames nothing
  const scripts: ScriptIR[] = scriptNodes.map((node, k) => ({
    elementId: node.id, name: node.name?.trim() || node.id, identifier: '', documentation: docOf(node),
    assignments: scriptAssignments[k] ?? [], next: resolveScript(k) ?? { kind: 'end', index: -1 },
    ...(node.$type === 'bpmn:ScriptTask' ? {} : { sends: sendPayloads.get(node) ?? [] }),
  }));
  // a message end event sends, then ends its token like a none end event
  for (const e of messageEnds) {
    const node = endNodes[e].node;
    scripts.push({ elementId: node.id, name: node.name?.trim() || node.id, identifier: '', documentation: docOf(node), assignments: [], next: { kind: 'end', index: e }, sends: sendPayloads.get(node) ?? [] });
  }
  [...scripts].sort((a, b) => cmp(a.elementId, b.elementId)).forEach((x) => {
    x.identifier = taskScope.claim(deriveIdentifier(x.name === x.elementId ? undefined : x.name, x.elementId, 'camel'));
  });

  const ends: EndIR[] = endNodes.map(({ node, terminate }) => ({
    elementId: node.id, name: node.name?.trim() || node.id, terminate,
    ...(subIndex.has(scopeOf.get(node.id) ?? '') ? { scope: subIndex.get(scopeOf.get(node.id)!)! } : {}),
  }));
  for (const { node } of endNodes) if ((node.outgoing ?? []).length) problems.push(error(`end event ${label(node)} has an outgoing flow`, at('events', node.id)));

  let startIR: StartIR | undefined;
  if (start) {
    const roleRef = roleReferenceOf(start, lanes, pool);
    // a message start event is started by the message's sender; none found: any member, as a none start
    const startRole = isMessageStart(start)
      ? senderRoleOf(start, messageFlows, lanes, pool, ctx.roles, `message start event ${label(start)}`, at('events', start.id), problems, true)
      : roleRef ? roleOf(start, 'events') : undefined;
    const next = singleNext(start, 'events');
    startIR = {
      elementId: start.id, name: start.name?.trim() || 'Start', roles: startRole ? [startRole] : [],
      writes: writesOf.get(start.id) ?? [], next: next ?? { kind: 'end', index: -1 }, choice: choiceOf.get(start.id),
      ...(isMessageStart(start) ? { message: true } : {}),
      ...(isTimerStart(start) ? { timer: readTimerStart(start, label(start), at('events', start.id), problems) } : {}),
    };
  }
  for (const f of flows) {
    if (!f.sourceRef || !f.targetRef) problems.push(error(`flow ${label(f)} is not connected at both ends`, at('flows', f.id)));
  }

  // conditions read fields: those must be kept in storage
  const markStored = (e: import('../feel/feel-ast.js').TypedExpr): void => {
    if (e.kind === 'field') fields[e.field].stored = true;
    else if (e.kind === 'not' || e.kind === 'neg') markStored(e.arg);
    else if (e.kind === 'binary') { markStored(e.left); markStored(e.right); }
  };
  for (const g of gateways) for (const b of g.branches) if (b.condition) markStored(b.condition);
  for (const x of scripts) for (const a of x.assignments) markStored(a.expr);

  const scoped = buildSubprocesses({
    poolScopes: ctx.collaboration?.scopes,
    subNodes, subBit, innerStarts, errorBoundaryNodes, scopeOf, ends, endNodes: endNodes.map((e) => e.node),
    bitsOf: [
      ...taskNodes.map((n, i) => ({ id: n.id, bit: i })),
      ...timerNodes.map((t, k) => ({ id: t.node.id, bit: taskNodes.length + k })),
      ...gatewayNodes.flatMap((g) => (g.incoming ?? []).flatMap((f) => (joinInputBit.has(f.id) ? [{ id: g.id, bit: joinInputBit.get(f.id)! }] : []))),
    ],
    nextOf: (n) => singleNext(n, 'subprocesses'), label, at, problems,
  });
  if (hasErrors(problems) || !startIR) return { problems };

  const ir: ProcessIR = {
    processId: process.id, documentId: ctx.document.id, name: process.name?.trim() || ctx.document.name,
    contractName: deriveIdentifier(process.name?.trim() || ctx.document.name, process.id, 'pascal'),
    documentation: docOf(process), fields, start: startIR, tasks, gateways, ends, timers, scripts, bindings,
    subprocesses: scoped.subprocesses, errorBoundaries: scoped.errorBoundaries, bitCount: nextBit,
  };
  problems.push(...wireEventGateways(ir, gatewayNodes, (id) => at('gateways', id)));
  problems.push(...checkGatewayCycles(ir, (id) => at('gateways', id)));
  problems.push(...checkReachability(ir, nodes, (id) => at('elements', id)));
  problems.push(...checkTerminateAfterSplit(ir, (id) => at('events', id)));
  problems.push(...checkSubprocessesWait(ir, (id) => at('subprocesses', id), ctx.collaboration?.scopes));
  // payload fields stay in storage unless passed within the step that writes them (once the IR is
  // complete, and after the conditions and scripts marked the fields they read)
  const passed = sameStepFields(ir, new Set(fields.flatMap((f, fi) => (f.stored ? [fi] : []))));
  for (const f of payloadFields) if (!passed.has(f)) fields[f].stored = true;
  return hasErrors(problems) ? { problems } : { ir, problems };
}

/**
 * BPMN makes a node's <incoming>/<outgoing> lists optional (they repeat what the flows' sourceRef
 * and targetRef say), and files from some tools leave them out. Completes them from the flows,
 * keeping the listed order first (it numbers the choices of a gateway), then document order.
 */
function linkFlows(nodes: BpmnFlowNode[], flows: BpmnSequenceFlow[]) {
  for (const node of nodes) {
    const complete = (listed: BpmnSequenceFlow[] | undefined, end: 'sourceRef' | 'targetRef') => {
      const known = new Set(listed ?? []);
      return [...(listed ?? []), ...flows.filter((f) => f[end] === node && !known.has(f))];
    };
    node.outgoing = complete(node.outgoing, 'sourceRef');
    node.incoming = complete(node.incoming, 'targetRef');
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
