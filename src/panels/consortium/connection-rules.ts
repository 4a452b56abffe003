/**
 * Which links may be drawn on the consortium canvas, checked while the user drags a connection
 * (React Flow's isValidConnection) and again when it is dropped. Pure. A refusal is data: a
 * reason (an i18n key under designer.consortium.refused, or consortium2.refused for the permission
 * links) and the names it mentions.
 *
 * - member of: participant -> organization; a participant is a member of one organization.
 * - plays role: participant -> role; a regulator audits and takes no role that a task uses,
 *   unless given it explicitly in the inspector.
 * - owns device: person or organization account -> device of the same organization; one owner.
 * - may read: role or participant -> data asset (docs/consortium-permissions.md).
 * - may bind: role -> another role (its players may nominate who plays it per instance).
 * - regulates: regulator (a member) -> process; the same list as the inspector's checklist.
 */
import type { Workspace } from '../../../generators/index.js';
import { findParticipant, isRegulatorParticipant, parseKey, regulatorRoleIds, type LinkKind, type NodeList } from '../../store/consortium-edits.js';
import { mayBind, regulatesLinked } from '../../store/permission-edits.js';

export const REFUSALS = [
  'self',
  'fromNonParticipant',
  'alreadyMember',
  'deviceTwoOrganizations',
  'oneOrganization',
  'alreadyPlays',
  'regulatorTaskRole',
  'notADevice',
  'deviceOwnsDevice',
  'alreadyOwner',
  'alreadyOwned',
  'otherOrganization',
  'alreadyReads',
  'alreadyBinds',
  'fromRole',
  'roleToProcess',
  'notRegulator',
  'draftMember',
  'alreadyRegulates',
  'toAssetOrProcess',
] as const;
export type Refusal = (typeof REFUSALS)[number];

export type ConnectionCheck =
  | { ok: true; kind: LinkKind; source: string; target: string }
  | { ok: false; reason: Refusal; values: Record<string, string> };

/** Names of the tasks (in every process) a role performs: from the permission matrix. */
export type TasksOfRole = (roleId: string) => string[];

export function checkConnection(ws: Workspace, sourceKey: string, targetKey: string, tasksOfRole: TasksOfRole): ConnectionCheck {
  const from = parseKey(sourceKey);
  const to = parseKey(targetKey);
  const refuse = (reason: Refusal, values: Record<string, string> = {}): ConnectionCheck => ({ ok: false, reason, values });
  if (sourceKey === targetKey) return refuse('self');
  if (from?.list === 'role' && to) return checkFromRole(ws, from.id, to);
  const p = from?.list === 'participant' ? findParticipant(ws, from.id) : undefined;
  if (!from || !to || !p) return refuse('fromNonParticipant');
  const name = p.name;
  const orgName = (id: string | undefined) => ws.organizations.find((o) => o.id === id)?.name ?? id ?? '';

  if (to.list === 'asset') {
    const asset = ws.dataAssets?.find((a) => a.id === to.id);
    if (!asset) return refuse('fromNonParticipant');
    if (!p.organization) return refuse('draftMember', { name });
    if (asset.readers?.participants?.includes(p.id)) return refuse('alreadyReads', { name, asset: asset.name });
    return { ok: true, kind: 'may-read', source: p.id, target: asset.id };
  }
  if (to.list === 'process') {
    const process = ws.processes.find((x) => x.id === to.id);
    if (!process) return refuse('fromNonParticipant');
    if (!isRegulatorParticipant(ws, p)) return refuse('notRegulator', { name, process: process.name });
    if (!p.organization) return refuse('draftMember', { name });
    if (regulatesLinked(ws, p.id, process.id)) return refuse('alreadyRegulates', { name, process: process.name });
    return { ok: true, kind: 'regulates', source: p.id, target: process.id };
  }

  if (to.list === 'org') {
    if (p.organization === to.id) return refuse('alreadyMember', { name, organization: orgName(to.id) });
    if (p.organization && p.kind === 'device') return refuse('deviceTwoOrganizations', { name, organization: orgName(p.organization) });
    if (p.organization) return refuse('oneOrganization', { name, organization: orgName(p.organization) });
    return { ok: true, kind: 'member-of', source: p.id, target: to.id };
  }

  if (to.list === 'role') {
    const role = ws.roles.find((r) => r.id === to.id);
    if (!role) return refuse('fromNonParticipant');
    if (p.roles.includes(role.id)) return refuse('alreadyPlays', { name, role: role.name });
    const tasks = tasksOfRole(role.id);
    if (isRegulatorParticipant(ws, p) && !regulatorRoleIds(ws).includes(role.id) && tasks.length > 0)
      return refuse('regulatorTaskRole', { name, role: role.name, task: tasks[0], count: String(tasks.length) });
    return { ok: true, kind: 'plays-role', source: p.id, target: role.id };
  }

  if (to.list !== 'participant') return refuse('toAssetOrProcess');
  const device = findParticipant(ws, to.id);
  if (!device || device.kind !== 'device') return refuse('notADevice', { name: device?.name ?? to.id });
  if (p.kind === 'device') return refuse('deviceOwnsDevice', { name });
  if (device.device?.owner === p.id) return refuse('alreadyOwner', { name, device: device.name });
  const owner = device.device?.owner && findParticipant(ws, device.device.owner);
  if (owner) return refuse('alreadyOwned', { device: device.name, owner: owner.name });
  if (p.organization && device.organization && p.organization !== device.organization)
    return refuse('otherOrganization', { name, organization: orgName(p.organization), device: device.name, deviceOrganization: orgName(device.organization) });
  return { ok: true, kind: 'owns-device', source: p.id, target: device.id };
}

/** Links from a role: to a data asset (its players may read it) or to another role (may bind it). */
function checkFromRole(ws: Workspace, roleId: string, to: { list: NodeList; id: string }): ConnectionCheck {
  const refuse = (reason: Refusal, values: Record<string, string> = {}): ConnectionCheck => ({ ok: false, reason, values });
  const role = ws.roles.find((r) => r.id === roleId);
  if (!role) return refuse('fromNonParticipant');
  if (to.list === 'asset') {
    const asset = ws.dataAssets?.find((a) => a.id === to.id);
    if (!asset) return refuse('fromRole', { role: role.name });
    if (asset.readers?.roles?.includes(role.id)) return refuse('alreadyReads', { name: role.name, asset: asset.name });
    return { ok: true, kind: 'role-reads', source: role.id, target: asset.id };
  }
  if (to.list === 'role') {
    const other = ws.roles.find((r) => r.id === to.id);
    if (!other) return refuse('fromRole', { role: role.name });
    if (mayBind(ws, role.id, other.id)) return refuse('alreadyBinds', { role: role.name, other: other.name });
    return { ok: true, kind: 'may-bind', source: role.id, target: other.id };
  }
  if (to.list === 'process') return refuse('roleToProcess', { role: role.name, process: ws.processes.find((x) => x.id === to.id)?.name ?? to.id });
  return refuse('fromRole', { role: role.name });
}
