/**
 * Who may do what, derived from the workspace: roles × tasks of every process (who performs each
 * user task, who may start an instance) and roles × data fields (written by the role's tasks, read
 * by the conditions its transactions evaluate). Roles resolve as the generator resolves them
 * (resolve-roles.ts): own cf:role, else the innermost lane, else the pool.
 *
 * Pure: `permissionMatrix` reads parsed BPMN (bpmn-moddle objects) and the workspace; no DOM.
 * `readProcesses` parses a workspace's process files for it (never throws; problems are data).
 */
import { readBpmn } from '../bpmn/read-bpmn.js';
import type { BpmnDefinitions, BpmnFlowNode, BpmnParticipant, BpmnProcess, BpmnSequenceFlow, ModdleElement } from '../bpmn/moddle-types.js';
import { namesRead } from '../feel/names-read.js';
import { HUMAN_TASK_TYPES } from '../ir/executable-elements.js';
import { findRole, laneIndex, roleReferenceOf } from '../ir/resolve-roles.js';
import { error, type Problem } from '../problems.js';
import type { ProcessDocument, Role, Workspace } from './workspace.js';

export interface ParsedProcess {
  document: ProcessDocument;
  /** Absent when the file could not be read (see `problems`). */
  definitions?: BpmnDefinitions;
  problems: Problem[];
}

/** Where a task's role comes from: its own cf:role (what the matrix edits), its lane, or its pool. */
export type RoleSource = 'own' | 'lane' | 'pool';

export interface MatrixTask {
  elementId: string;
  name: string;
  kind: 'start' | 'task';
  /** Id of the consortium role that performs it; absent when it has none or names an unknown role. */
  role?: string;
  /** The reference as written (role id or name, or lane name), when there is one. */
  roleText?: string;
  source?: RoleSource;
}

export type FieldAccess = 'read' | 'write' | 'read-write';

export interface MatrixProcess {
  id: string;
  name: string;
  /** The start event first, then user tasks in document order. */
  tasks: MatrixTask[];
  /** Fields the process declares (cf:field), first declaration's type. */
  fields: { name: string; type: string }[];
  /** Role id -> field name -> what the role's transactions do with it. */
  access: Record<string, Record<string, FieldAccess>>;
  problems: Problem[];
}

export interface PermissionMatrix {
  roles: Pick<Role, 'id' | 'name'>[];
  processes: MatrixProcess[];
}

export async function readProcesses(workspace: Workspace): Promise<ParsedProcess[]> {
  return Promise.all(
    workspace.processes.map(async (document) => {
      const { definitions, problems } = await readBpmn(document.bpmn, document.name);
      return { document, definitions, problems };
    }),
  );
}

export function permissionMatrix(workspace: Workspace, parsed: readonly ParsedProcess[]): PermissionMatrix {
  return {
    roles: workspace.roles.map(({ id, name }) => ({ id, name })),
    processes: parsed.map((p) => matrixOfProcess(workspace.roles, p)),
  };
}

/** Every (process, task) a role performs or starts. */
export function tasksOfRole(matrix: PermissionMatrix, roleId: string): { process: MatrixProcess; task: MatrixTask }[] {
  return matrix.processes.flatMap((process) => process.tasks.filter((t) => t.role === roleId).map((task) => ({ process, task })));
}

function matrixOfProcess(roles: readonly Role[], { document, definitions, problems }: ParsedProcess): MatrixProcess {
  const result: MatrixProcess = { id: document.id, name: document.name, tasks: [], fields: [], access: {}, problems: [...problems] };
  const roots = definitions?.rootElements ?? [];
  const process = roots.find((e): e is BpmnProcess => e.$type === 'bpmn:Process' && (e as BpmnProcess).flowElements !== undefined);
  if (!definitions) return result;
  if (!process) {
    result.problems.push(error('the file has no process with flow elements', { file: document.name }));
    return result;
  }
  const pool = roots
    .filter((e) => e.$type === 'bpmn:Collaboration')
    .flatMap((c) => (c.get('participants') as BpmnParticipant[] | undefined) ?? [])
    .find((p) => p.processRef === process);
  const lanes = laneIndex(process);
  const elements = process.flowElements ?? [];
  const flows = elements.filter((e): e is BpmnSequenceFlow => e.$type === 'bpmn:SequenceFlow');
  const nodes = elements.filter((e): e is BpmnFlowNode => e.$type !== 'bpmn:SequenceFlow');
  const performers = nodes.filter(
    // a service task is performed by its own role, as a user task; who delivers a message is decided by message flows (not here)
    (n) => (HUMAN_TASK_TYPES as readonly string[]).includes(n.$type) || n.$type === 'bpmn:ServiceTask' || (n.$type === 'bpmn:StartEvent' && !n.eventDefinitions?.length),
  );
  performers.sort((a, b) => Number(b.$type === 'bpmn:StartEvent') - Number(a.$type === 'bpmn:StartEvent'));

  const grant = (role: string | undefined, field: string, kind: 'read' | 'write') => {
    if (!role) return;
    const row = (result.access[role] ??= {});
    const had = row[field];
    row[field] = had === undefined || had === kind ? kind : 'read-write';
  };
  const outgoing = (node: ModdleElement) => flows.filter((f) => f.sourceRef === node);

  for (const node of performers) {
    const reference = roleReferenceOf(node, lanes, pool);
    const role = reference && findRole(roles, reference.text);
    const task: MatrixTask = { elementId: node.id, name: node.name?.trim() || node.id, kind: node.$type === 'bpmn:StartEvent' ? 'start' : 'task' };
    if (reference) {
      task.roleText = reference.text;
      task.source = node.role?.trim() ? 'own' : lanes.get(node.id) ? 'lane' : 'pool';
    }
    if (role) task.role = role.id;
    result.tasks.push(task);

    for (const field of fieldsOf(node)) {
      if (!result.fields.some((f) => f.name === field.name)) result.fields.push(field);
      grant(task.role, field.name, 'write');
    }
    for (const field of readsAfter(node, outgoing)) grant(task.role, field, 'read');
  }
  // a condition naming no declared field is the FEEL checker's business, not an access
  const declared = new Set(result.fields.map((f) => f.name));
  for (const row of Object.values(result.access)) for (const name of Object.keys(row)) if (!declared.has(name)) delete row[name];
  return result;
}

function fieldsOf(node: BpmnFlowNode): { name: string; type: string }[] {
  return (node.extensionElements?.values ?? [])
    .filter((v) => v.$type === 'cf:Field')
    .map((v) => ({ name: String(v.get('name') ?? '').trim(), type: String(v.get('type') ?? '') }))
    .filter((f) => f.name);
}

/**
 * Fields read by the conditions evaluated in the transaction that completes `node`: the token
 * runs on through gateways (and throw events) until it rests at a task, timer or end, and every
 * condition on the way is evaluated by that caller.
 */
function readsAfter(node: BpmnFlowNode, outgoing: (n: ModdleElement) => BpmnSequenceFlow[]): Set<string> {
  const reads = new Set<string>();
  const seen = new Set<BpmnSequenceFlow>();
  const queue = [...outgoing(node)];
  while (queue.length > 0) {
    const flow = queue.pop()!;
    if (seen.has(flow)) continue;
    seen.add(flow);
    const body = flow.conditionExpression?.body;
    if (body) for (const name of namesRead(body) ?? []) reads.add(name);
    const next = flow.targetRef;
    if (next && (next.$type.endsWith('Gateway') || next.$type === 'bpmn:IntermediateThrowEvent' || next.$type === 'bpmn:SendTask')) queue.push(...outgoing(next));
  }
  return reads;
}
