/**
 * The consortium's permissions beyond roles and tasks (docs/consortium-permissions.md):
 * - data assets and who may read them (`Workspace.dataAssets`, `readers`): a view permission of the
 *   generated app, never confidentiality (every node of a shared ledger holds every field);
 * - "may bind": role A may nominate who plays role B in an instance (`Role.mayBind`), checked
 *   against the processes' cf:binds as a designer problem; the contracts do not enforce it.
 * Pure: JSON validation for load-workspace.ts, the bind check on a process's IR, and who may read.
 */
import { error, type Problem } from '../problems.js';
import type { ProcessIR } from '../ir/process-ir.js';
import { DATA_ASSET_KINDS, type DataAsset, type Role, type Workspace } from './workspace.js';

type Json = Record<string, unknown>;
type Report = (path: string, message: string) => void;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const idsOf = (list: unknown): Set<string> =>
  new Set(Array.isArray(list) ? list.filter(isObject).map((x) => x.id).filter((id): id is string => typeof id === 'string') : []);

/** A list of ids, each defined in `known` and listed once. */
function checkIdList(list: unknown, path: string, what: string, known: Set<string>, report: Report) {
  if (!Array.isArray(list)) return report(path, `must be a list of ${what} ids`);
  const seen = new Set<string>();
  list.forEach((id, k) => {
    if (typeof id !== 'string' || !known.has(id)) report(`${path}[${k}]`, `${what} ${JSON.stringify(id)} is not defined`);
    else if (seen.has(id)) report(`${path}[${k}]`, `${what} "${id}" is listed twice`);
    else seen.add(id);
  });
}

/**
 * Validates `roles[i].mayBind` and `dataAssets` of an untrusted workspace value (the lists they
 * refer to are checked by loadWorkspace itself). Field names of a process-fields asset are checked
 * against the BPMN later, when the process is read (checkAssetFields).
 */
export function checkPermissionsJson(value: Json, report: Report): void {
  const roleIds = idsOf(value.roles);
  const participants = Array.isArray(value.participants) ? value.participants.filter(isObject) : [];
  const participantIds = idsOf(participants);
  const deviceIds = new Set(participants.filter((p) => p.kind === 'device').map((p) => p.id as string));
  const processIds = idsOf(value.processes);
  if (Array.isArray(value.roles))
    value.roles.forEach((r, i) => {
      if (isObject(r) && r.mayBind !== undefined) checkIdList(r.mayBind, `roles[${i}].mayBind`, 'role', roleIds, report);
    });
  if (value.dataAssets === undefined) return;
  if (!Array.isArray(value.dataAssets)) return report('dataAssets', 'must be a list');
  const seen = new Set<string>();
  value.dataAssets.forEach((a, i) => {
    const path = `dataAssets[${i}]`;
    if (!isObject(a)) return report(path, 'must be an object');
    if (typeof a.id !== 'string' || !a.id.trim()) report(`${path}.id`, 'must be a non-empty string');
    else if (seen.has(a.id)) report(`${path}.id`, `duplicate id "${a.id}"`);
    else seen.add(a.id);
    if (typeof a.name !== 'string' || !a.name.trim()) report(`${path}.name`, 'must be a non-empty string');
    if (a.description !== undefined && typeof a.description !== 'string') report(`${path}.description`, 'must be text');
    if (!DATA_ASSET_KINDS.includes(a.kind as never))
      report(`${path}.kind`, `must be one of ${DATA_ASSET_KINDS.join(', ')}; got ${JSON.stringify(a.kind)}`);
    if (a.process !== undefined && (typeof a.process !== 'string' || !processIds.has(a.process)))
      report(`${path}.process`, `process ${JSON.stringify(a.process)} is not defined`);
    if (a.fields !== undefined) {
      if (!Array.isArray(a.fields) || a.fields.some((f) => typeof f !== 'string' || !f.trim())) report(`${path}.fields`, 'must be a list of field names');
      else if (new Set(a.fields).size !== a.fields.length) report(`${path}.fields`, 'a field is listed twice');
    }
    if (a.device !== undefined && (typeof a.device !== 'string' || !deviceIds.has(a.device)))
      report(`${path}.device`, `${JSON.stringify(a.device)} is not a device participant`);
    if (a.readers === undefined) return;
    if (!isObject(a.readers)) return report(`${path}.readers`, 'must be an object { roles?, participants? }');
    if (a.readers.roles !== undefined) checkIdList(a.readers.roles, `${path}.readers.roles`, 'role', roleIds, report);
    if (a.readers.participants !== undefined) checkIdList(a.readers.participants, `${path}.readers.participants`, 'participant', participantIds, report);
  });
}

/** Whether the workspace restricts nominations: some role has a may-bind list (an empty one too). */
export const restrictsBinding = (roles: readonly Role[]): boolean => roles.some((r) => r.mayBind !== undefined);

/** A nomination in a process: the element (start event or user task) whose performers choose who plays `bound`. */
export interface Nomination {
  elementId: string;
  name: string;
  kind: 'start' | 'task';
  /** Role ids that perform the element; empty: any member of the consortium (a start event without role). */
  performers: string[];
  /** Role id whose player is nominated. */
  bound: string;
}

export function nominationsOf(ir: ProcessIR): Nomination[] {
  return ir.bindings.map((b) => {
    const task = b.task !== undefined ? ir.tasks[b.task] : undefined;
    return task
      ? { elementId: task.elementId, name: task.name, kind: 'task', performers: [task.role], bound: b.role }
      : { elementId: ir.start.elementId, name: ir.start.name, kind: 'start', performers: ir.start.roles, bound: b.role };
  });
}

/**
 * A nomination whose performing role may not bind the nominated role, when the workspace has
 * may-bind links (none: no restriction). One error per nomination, located on its element.
 */
export function checkMayBind(roles: readonly Role[], nominations: readonly Nomination[], where: Omit<Problem, 'severity' | 'message'>): Problem[] {
  if (!restrictsBinding(roles)) return [];
  const name = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  const problems: Problem[] = [];
  for (const n of nominations) {
    const allowed = roles.filter((r) => r.mayBind?.includes(n.bound)).map((r) => `"${r.name}"`);
    const who = allowed.length ? `only ${allowed.join(', ')} may bind it` : 'no role may bind it';
    const what = n.kind === 'start' ? 'the start event' : 'task';
    const label = n.name.trim() ? `"${n.name.trim()}"` : n.elementId;
    if (n.performers.length === 0)
      problems.push(error(`${what} ${label} nominates who plays "${name(n.bound)}", but any member may start the process: ${who} (may-bind links of the consortium); give the start event a role that may`, { ...where, elementId: n.elementId }));
    for (const role of n.performers) {
      if (roles.find((r) => r.id === role)?.mayBind?.includes(n.bound)) continue;
      problems.push(error(`${what} ${label} of role "${name(role)}" nominates who plays "${name(n.bound)}", but "${name(role)}" may not bind "${name(n.bound)}": ${who} (may-bind links of the consortium)`, { ...where, elementId: n.elementId }));
    }
  }
  return problems;
}

/** Fields of a process-fields asset that its process does not declare: a warning each, on the asset. */
export function checkAssetFields(workspace: Workspace, ir: ProcessIR): Problem[] {
  const names = new Set(ir.fields.map((f) => f.name));
  return (workspace.dataAssets ?? []).flatMap((asset, i) =>
    asset.kind === 'process-fields' && asset.process === ir.documentId
      ? (asset.fields ?? []).flatMap((f, k) =>
          names.has(f) ? [] : [{ severity: 'warning' as const, message: `data asset "${asset.name}": process "${ir.name}" has no field "${f}"`, path: `dataAssets[${i}].fields[${k}]` }],
        )
      : [],
  );
}

/** Everything the generator checks here for one process. */
export function checkProcessPermissions(workspace: Workspace, ir: ProcessIR, where: Omit<Problem, 'severity' | 'message'>): Problem[] {
  return [...checkMayBind(workspace.roles, nominationsOf(ir), where), ...checkAssetFields(workspace, ir)];
}

/** Who is reading: a participant's id and the role ids it holds. */
export interface Reader {
  id: string;
  roles: readonly string[];
}

/**
 * Whether `reader` may see the asset's data in the app: every participant when the asset has no
 * readers list; else its readers (by role or by participant), whoever writes one of its fields
 * (`writerRoles`) and whoever regulates its process (`regulator`, decided by the caller from
 * Participant.regulates).
 */
export function mayReadAsset(asset: DataAsset, reader: Reader, writerRoles: readonly string[], regulator: boolean): boolean {
  if (!asset.readers || regulator) return true;
  if (asset.readers.participants?.includes(reader.id)) return true;
  return reader.roles.some((r) => asset.readers!.roles?.includes(r) || writerRoles.includes(r));
}
