/**
 * Call activities, run by inlining: before the IR is built, each bpmn:CallActivity is replaced by an
 * embedded subprocess holding a fresh copy of the called process's flow elements (its ids prefixed
 * `<call activity id>/`). The scope machinery then gives the BPMN meaning of a call for free: the
 * called process's end completes the call activity, a terminate end ends only the call, an error end
 * inside is caught by an error boundary on the call activity, a timer boundary on it withdraws the
 * whole called process. One contract, no cross-contract calls: the cheapest way on chain.
 *
 * The called process keeps its own roles (each inlined node gets the role its own lanes or pool give
 * it) and shares data with the caller by field name: a field the called process writes is the
 * caller's field of the same name (one type everywhere), and the fields its start event declares are
 * its inputs, which the caller must have, with the same type.
 *
 * Refused, at the call activity: an unknown calledElement, a called process that has errors of its
 * own, a recursive call (the message names the cycle), a multi-instance or looping call activity, a
 * called start event that nominates a participant (cf:binds).
 */
import { error, type Problem } from '../problems.js';
import type { ProcessDocument, Role } from '../model/workspace.js';
import type { BpmnDefinitions, BpmnFlowNode, BpmnParticipant, BpmnProcess, BpmnSequenceFlow, CfField, ModdleElement } from '../bpmn/moddle-types.js';
import { createModdle, readBpmn } from '../bpmn/read-bpmn.js';
import { flattenScopes } from './read-subprocesses.js';
import { laneIndex, roleReferenceOf } from './resolve-roles.js';
import type { BuildContext } from './build-process-ir.js';
import { buildProcessIRWithCalls } from './build-with-calls.js';

/** What one call activity was expanded into. */
export interface CallRecord {
  /** The call activity's element id in the calling file (also the id of the subprocess it became). */
  callId: string;
  name: string;
  /** The called workspace process (ProcessDocument.id), its BPMN process id and name. */
  documentId: string;
  processId: string;
  processName: string;
  /** The fields the called start event declares: inputs the caller must provide. */
  inputs: { name: string; type: string }[];
}

export interface CallExpansion {
  problems: Problem[];
  calls: CallRecord[];
  /** Inlined element id -> the call activity (in the calling file) it came in with, and its id in the called file. */
  origin: Map<string, { callId: string; elementId: string; documentId: string }>;
  /** Call activities that could not be expanded (each has its own problem). */
  refused: Set<string>;
}

export const CALL_ID_SEPARATOR = '/';

const label = (e: ModdleElement) => (e.name?.trim() ? `"${e.name.trim()}"` : e.id);
const isFlow = (e: ModdleElement): e is BpmnSequenceFlow => e.$type === 'bpmn:SequenceFlow';

/** The process of a file the builder executes: the first with flow elements (buildProcessIR's rule). */
export function executedProcess(definitions: BpmnDefinitions): BpmnProcess | undefined {
  return (definitions.rootElements ?? []).filter((e): e is BpmnProcess => e.$type === 'bpmn:Process').find((p) => (p.flowElements ?? []).length > 0);
}

/** Which workspace process `calledElement` names: a BPMN process id, a workspace process id, then a name. */
export function findCalledProcess(calledElement: string, candidates: readonly { index: number; documentId: string; processId?: string; names: string[] }[]): number | undefined {
  const text = calledElement.trim();
  return (candidates.find((c) => c.processId === text) ?? candidates.find((c) => c.documentId === text) ?? candidates.find((c) => c.names.includes(text)))?.index;
}

export interface WorkspaceProcesses {
  documents: readonly ProcessDocument[];
  roles: readonly Role[];
  fileOf: (document: ProcessDocument, index: number) => string;
}

/**
 * Expands every call activity of `definitions` (the file of workspace process `ctx.index`) in place.
 * `stack` holds the indexes of the processes calling this one, outermost first (recursion check).
 */
export async function expandCallActivities(definitions: BpmnDefinitions, ctx: BuildContext, workspace: WorkspaceProcesses, stack: number[] = []): Promise<CallExpansion> {
  const out: CallExpansion = { problems: [], calls: [], origin: new Map(), refused: new Set() };
  const process = executedProcess(definitions);
  if (!process) return out;
  const callNodes = flattenScopes(process).elements.filter((e) => e.$type === 'bpmn:CallActivity') as BpmnFlowNode[];
  if (callNodes.length === 0) return out;
  const at = (id: string) => ({ file: ctx.file, elementId: id, path: `processes[${ctx.index}].callActivities.${id}` });
  const candidates = await describeProcesses(workspace);
  const chain = [...stack, ctx.index];
  const nameOf = (i: number) => `"${workspace.documents[i].name || workspace.documents[i].id}"`;

  for (const call of callNodes) {
    const refuse = (message: string) => {
      out.problems.push(error(`call activity ${label(call)}: ${message}`, at(call.id)));
      out.refused.add(call.id);
    };
    if (call.loopCharacteristics) { refuse('multi-instance and looping call activities are not executable yet; call once, or loop with flows'); continue; }
    const calledElement = String(call.get('calledElement') ?? '').trim();
    if (!calledElement) { refuse('it names no process to call; set its called element to the id or name of a process of the workspace'); continue; }
    const j = findCalledProcess(calledElement, candidates);
    if (j === undefined) {
      refuse(`calls "${calledElement}", which is no process of the workspace (known: ${candidates.map((c) => c.processId ?? c.documentId).join(', ') || 'none'})`);
      continue;
    }
    if (chain.includes(j)) {
      const cycle = [...chain.slice(chain.indexOf(j)), j].map(nameOf).join(' → ');
      refuse(`calls ${nameOf(j)}, which leads back to itself (${cycle}); recursive calls are not executable`);
      continue;
    }
    const called = await loadCalled(j, chain, workspace);
    if (called.errors.length) {
      refuse(`the called process ${nameOf(j)} has errors of its own; fix them there first (${called.errors.length} error${called.errors.length > 1 ? 's' : ''}, the first: ${called.errors[0].elementId ? `${called.errors[0].elementId}: ` : ''}${called.errors[0].message})`);
      continue;
    }
    const record = inline(call, called.process!, called.definitions!, workspace.documents[j], out);
    // the called process's own calls are scopes inside this one now
    out.calls.push(...called.calls!.map((c) => ({ ...c, callId: `${call.id}${CALL_ID_SEPARATOR}${c.callId}` })));
    if (record.binds) refuse(`the start event of the called process ${nameOf(j)} nominates a participant (cf:binds); a call starts no instance, so nominate in a task of the called process`);
    else out.calls.push(record.record);
  }
  return out;
}

/** Reads, expands and builds the called process afresh: its objects become part of the caller. */
async function loadCalled(j: number, chain: number[], workspace: WorkspaceProcesses) {
  const document = workspace.documents[j];
  const file = workspace.fileOf(document, j);
  const read = await readBpmn(document.bpmn, file);
  if (!read.definitions) return { errors: read.problems.filter((p) => p.severity === 'error') };
  const ctx: BuildContext = { document, index: j, roles: workspace.roles, file };
  // built as the workspace builds it, its own calls expanded (and checked) first
  const built = await buildProcessIRWithCalls(read.definitions, ctx, workspace, chain);
  return { errors: built.problems.filter((p) => p.severity === 'error'), definitions: read.definitions, process: executedProcess(read.definitions), calls: built.calls };
}

function inline(call: BpmnFlowNode, calledProcess: BpmnProcess, calledDefinitions: BpmnDefinitions, document: ProcessDocument, out: CallExpansion) {
  // the called process's own roles, pinned on each node before its lanes are left behind
  const pool = (calledDefinitions.rootElements ?? [])
    .filter((e) => e.$type === 'bpmn:Collaboration')
    .flatMap((c) => (c.get('participants') as BpmnParticipant[] | undefined) ?? [])
    .find((p) => p.processRef === calledProcess);
  const lanes = laneIndex(calledProcess);
  const { elements, scopeOf } = flattenScopes(calledProcess);
  for (const [inner] of scopeOf) {
    let s = scopeOf.get(inner);
    while (s && !lanes.has(s)) s = scopeOf.get(s);
    if (s && !lanes.has(inner)) lanes.set(inner, lanes.get(s)!);
  }
  const start = elements.find((e) => e.$type === 'bpmn:StartEvent' && !scopeOf.has(e.id)) as BpmnFlowNode | undefined;
  const startExt = start?.extensionElements?.values ?? [];
  const inputs = startExt.filter((x) => x.$type === 'cf:Field').map((x) => ({ name: String((x as CfField).name ?? '').trim(), type: String((x as CfField).type ?? '') }));
  for (const e of elements) {
    if (isFlow(e)) continue;
    const node = e as BpmnFlowNode;
    if (!node.role?.trim()) {
      const ref = roleReferenceOf(node, lanes, pool);
      if (ref) node.role = ref.text;
    }
  }
  for (const e of elements) {
    const id = `${call.id}${CALL_ID_SEPARATOR}${e.id}`;
    // an element a nested call brought in keeps its id path inside the called file (`Call2/Task`)
    out.origin.set(id, { callId: call.id, elementId: e.id, documentId: document.id });
    e.id = id;
  }
  const sub = createModdle().create('bpmn:SubProcess', {
    id: call.id, name: call.name, flowElements: calledProcess.flowElements ?? [],
    incoming: call.incoming, outgoing: call.outgoing, documentation: (call as { documentation?: unknown[] }).documentation,
  }) as unknown as BpmnFlowNode;
  replaceNode(call, sub);
  return {
    binds: startExt.some((x) => x.$type === 'cf:Binds'),
    record: {
      callId: call.id, name: call.name?.trim() || call.id, documentId: document.id, processId: calledProcess.id,
      processName: calledProcess.name?.trim() || document.name, inputs,
    } satisfies CallRecord,
  };
}

/** Puts `sub` where `call` was: in its container's flow elements, at the ends of its flows, under its boundary events. */
function replaceNode(call: BpmnFlowNode, sub: BpmnFlowNode) {
  const container = (call as unknown as { $parent?: { flowElements?: ModdleElement[] } }).$parent;
  const list = container?.flowElements;
  if (!list) throw new Error(`call activity ${call.id} has no container`); // bpmn-moddle always sets $parent
  list[list.indexOf(call)] = sub;
  (sub as unknown as { $parent: unknown }).$parent = container;
  for (const e of list) {
    if (isFlow(e)) {
      if (e.sourceRef === call) e.sourceRef = sub;
      if (e.targetRef === call) e.targetRef = sub;
    } else if ((e as BpmnFlowNode).attachedToRef === call) (e as BpmnFlowNode).attachedToRef = sub;
  }
}

async function describeProcesses(workspace: WorkspaceProcesses) {
  return Promise.all(workspace.documents.map(async (document, index) => {
    const read = await readBpmn(document.bpmn, workspace.fileOf(document, index));
    const process = read.definitions && executedProcess(read.definitions);
    return { index, documentId: document.id, processId: process?.id, names: [process?.name?.trim(), document.name].filter((n): n is string => !!n) };
  }));
}
