/**
 * Edits the consortium canvas makes, as pure functions of the workspace (the store applies them
 * with `workspace.edit`, so autosave, rebuild and keys follow). References stay valid: removing a
 * participant clears the devices it owned, removing an organization removes its members.
 *
 * Canvas-only state lives in `workspace.layout.consortium` (see WorkspaceLayout): node positions,
 * and drafts, i.e. participants drawn but not yet a member of an organization.
 */
import type { DeviceInfo, DraftParticipant, NodePosition, Participant, Workspace } from '../../generators/index.js';
import { isRegulator } from '../panels/app/work-list-filter.js';
import { addOrganization, addRole, uniqueId } from './workspace-edits.js';
import { addDataAsset, addMayBind, addReader, addRegulates, prunePermissions, removeDataAssets, removeMayBind, removeReader, removeRegulates } from './permission-edits.js';

export const PALETTE_KINDS = ['organization', 'person', 'device', 'account', 'role', 'regulator', 'data-asset'] as const;
export type PaletteKind = (typeof PALETTE_KINDS)[number];

/**
 * Node keys of the canvas: one namespace per model list, so ids may repeat across lists. Process
 * nodes stand for the workspace's processes (added and removed in the Process panel only).
 */
export type NodeKey = `org:${string}` | `participant:${string}` | `role:${string}` | `asset:${string}` | `process:${string}`;
export type NodeList = 'org' | 'participant' | 'role' | 'asset' | 'process';
export const orgKey = (id: string): NodeKey => `org:${id}`;
export const participantKey = (id: string): NodeKey => `participant:${id}`;
export const roleKey = (id: string): NodeKey => `role:${id}`;
export const assetKey = (id: string): NodeKey => `asset:${id}`;
export const processKey = (id: string): NodeKey => `process:${id}`;

export function parseKey(key: string): { list: NodeList; id: string } | undefined {
  const match = /^(org|participant|role|asset|process):(.+)$/s.exec(key);
  return match ? { list: match[1] as NodeList, id: match[2] } : undefined;
}

export const draftsOf = (ws: Workspace): DraftParticipant[] => ws.layout?.consortium?.drafts ?? [];
export const positionsOf = (ws: Workspace): Record<string, NodePosition> => ws.layout?.consortium?.positions ?? {};

/** A participant, member or draft; `organization` is undefined for a draft. */
export interface AnyParticipant extends DraftParticipant {
  organization?: string;
  address?: string;
}

export function findParticipant(ws: Workspace, id: string): AnyParticipant | undefined {
  return ws.participants.find((p) => p.id === id) ?? draftsOf(ws).find((p) => p.id === id);
}

export function regulatorRoleIds(ws: Workspace): string[] {
  return ws.roles.filter((r) => isRegulator([r.id], ws.roles)).map((r) => r.id);
}

export const isRegulatorParticipant = (ws: Workspace, p: AnyParticipant) => isRegulator(p.roles, ws.roles);

function withConsortium(ws: Workspace, change: { positions?: Record<string, NodePosition>; drafts?: DraftParticipant[] }): Workspace {
  const consortium = { ...ws.layout?.consortium, ...change };
  return { ...ws, layout: { ...ws.layout, consortium } };
}

export function setPositions(ws: Workspace, moved: Record<string, NodePosition>): Workspace {
  const positions = positionsOf(ws);
  const changed = Object.entries(moved).some(([k, p]) => positions[k]?.x !== p.x || positions[k]?.y !== p.y);
  return changed ? withConsortium(ws, { positions: { ...positions, ...moved } }) : ws;
}

/**
 * Adds what the palette item stands for, at `position` (relative to `organization` when given).
 * People, devices, accounts and regulators dropped into an organization become its members;
 * dropped elsewhere they are drafts. A regulator plays the consortium's regulator role (made
 * when there is none). Returns the new node's key.
 */
export function addFromPalette(
  ws: Workspace,
  kind: PaletteKind,
  name: string,
  position: NodePosition,
  organization?: string,
): { workspace: Workspace; key: NodeKey } {
  if (kind === 'organization') {
    const next = addOrganization(ws, name);
    const key = orgKey(next.organizations[next.organizations.length - 1].id);
    return { workspace: setPositions(next, { [key]: position }), key };
  }
  if (kind === 'data-asset') {
    const { workspace: next, id } = addDataAsset(ws, name);
    const key = assetKey(id);
    return { workspace: setPositions(next, { [key]: position }), key };
  }
  if (kind === 'role') {
    const next = addRole(ws, name);
    const key = roleKey(next.roles[next.roles.length - 1].id);
    return { workspace: setPositions(next, { [key]: position }), key };
  }
  let next = ws;
  const roles: string[] = [];
  if (kind === 'regulator') {
    if (regulatorRoleIds(next).length === 0) next = addRole(next, 'Regulator');
    roles.push(regulatorRoleIds(next)[0]);
  }
  const taken = [...next.participants, ...draftsOf(next)].map((p) => p.id);
  const draft: DraftParticipant = {
    id: uniqueId(name, taken, kind === 'device' ? 'device' : 'participant'),
    name: name.trim(),
    kind: kind === 'device' ? 'device' : kind === 'account' ? 'organization' : 'person',
    roles,
  };
  if (kind === 'device') draft.device = {};
  const key = participantKey(draft.id);
  next = organization
    ? { ...next, participants: [...next.participants, { ...draft, organization }] }
    : withConsortium(next, { drafts: [...draftsOf(next), draft] });
  return { workspace: setPositions(next, { [key]: position }), key };
}

/** Changes a participant, member or draft. A draft given an organization joins the consortium. */
export function updateAnyParticipant(ws: Workspace, id: string, patch: Partial<Omit<AnyParticipant, 'id'>>): Workspace {
  const draft = draftsOf(ws).find((p) => p.id === id);
  if (!draft) return { ...ws, participants: ws.participants.map((p) => (p.id === id ? { ...p, ...patch } : p)) };
  const changed = { ...draft, ...patch };
  if (!patch.organization) return withConsortium(ws, { drafts: draftsOf(ws).map((p) => (p.id === id ? changed : p)) });
  const member: Participant = { ...changed, organization: patch.organization };
  return withConsortium({ ...ws, participants: [...ws.participants, member] }, { drafts: draftsOf(ws).filter((p) => p.id !== id) });
}

export function updateDevice(ws: Workspace, id: string, patch: Partial<DeviceInfo>): Workspace {
  const p = findParticipant(ws, id);
  if (!p || p.kind !== 'device') return ws;
  const device = { ...p.device, ...patch };
  for (const key of Object.keys(device) as (keyof DeviceInfo)[]) if (!device[key]) delete device[key];
  return updateAnyParticipant(ws, id, { device });
}

export function addParticipantRole(ws: Workspace, id: string, role: string): Workspace {
  const p = findParticipant(ws, id);
  return !p || p.roles.includes(role) ? ws : updateAnyParticipant(ws, id, { roles: [...p.roles, role] });
}

export function removeParticipantRole(ws: Workspace, id: string, role: string): Workspace {
  const p = findParticipant(ws, id);
  return !p || !p.roles.includes(role) ? ws : updateAnyParticipant(ws, id, { roles: p.roles.filter((r) => r !== role) });
}

/** What removing a node takes with it, for the confirmation (empty lists: nothing breaks). */
export interface BrokenLinks {
  /** Members removed with an organization. */
  members: string[];
  /** Participants that lose a role. */
  players: string[];
  /** Devices that lose their owner. */
  devices: string[];
  /** The owner a removed device was linked to. */
  owner?: string;
  /** Roles a removed participant played. */
  roles: string[];
  /** Permission links that go with the node: may read, may bind, regulates (their labels). */
  permissions?: string[];
}

export function linksBrokenBy(ws: Workspace, key: string): BrokenLinks {
  const broken: BrokenLinks = { members: [], players: [], devices: [], roles: [] };
  const parsed = parseKey(key);
  const all = [...ws.participants, ...draftsOf(ws)] as AnyParticipant[];
  const ownedBy = (ids: string[]) => all.filter((d) => d.device?.owner && ids.includes(d.device.owner) && !ids.includes(d.id)).map((d) => d.name);
  if (parsed?.list === 'org') {
    const members = ws.participants.filter((p) => p.organization === parsed.id);
    broken.members = members.map((p) => p.name);
    broken.devices = ownedBy(members.map((m) => m.id));
  } else if (parsed?.list === 'role') {
    broken.players = all.filter((p) => p.roles.includes(parsed.id)).map((p) => p.name);
  } else if (parsed?.list === 'asset') {
    const asset = ws.dataAssets?.find((a) => a.id === parsed.id);
    const roleNames = (asset?.readers?.roles ?? []).map((r) => ws.roles.find((x) => x.id === r)?.name ?? r);
    const people = (asset?.readers?.participants ?? []).map((id) => findParticipant(ws, id)?.name ?? id);
    broken.permissions = [...roleNames, ...people];
  } else if (parsed?.list === 'participant') {
    const p = findParticipant(ws, parsed.id);
    broken.roles = (p?.roles ?? []).map((r) => ws.roles.find((x) => x.id === r)?.name ?? r);
    broken.devices = ownedBy([parsed.id]);
    const owner = p?.device?.owner && findParticipant(ws, p.device.owner);
    if (owner) broken.owner = owner.name;
  }
  if (parsed?.list === 'role' || parsed?.list === 'participant') {
    // assets it may read, roles it may bind or be bound by, processes it regulates
    const list = parsed.list === 'role' ? 'roles' : 'participants';
    const reads = (ws.dataAssets ?? []).filter((a) => a.readers?.[list]?.includes(parsed.id)).map((a) => a.name);
    const binds = parsed.list === 'role' ? ws.roles.filter((r) => r.id === parsed.id || r.mayBind?.includes(parsed.id)).flatMap((r) => (r.id === parsed.id ? (r.mayBind ?? []) : [r.id])) : [];
    const regulated = parsed.list === 'participant' ? (ws.participants.find((p) => p.id === parsed.id)?.regulates ?? []) : [];
    const names = [...reads, ...binds.map((r) => ws.roles.find((x) => x.id === r)?.name ?? r), ...regulated.map((id) => ws.processes.find((x) => x.id === id)?.name ?? id)];
    if (names.length) broken.permissions = names;
  }
  return broken;
}

export const breaksLinks = (b: BrokenLinks) =>
  b.members.length + b.players.length + b.devices.length + b.roles.length + (b.permissions?.length ?? 0) > 0 || b.owner !== undefined;

/** Removes nodes and whatever refers to them (see linksBrokenBy). */
export function removeNodes(ws: Workspace, keys: string[]): Workspace {
  const parsed = keys.map(parseKey).filter((k) => k !== undefined);
  const orgs = new Set(parsed.filter((k) => k.list === 'org').map((k) => k.id));
  const roles = new Set(parsed.filter((k) => k.list === 'role').map((k) => k.id));
  const assets = parsed.filter((k) => k.list === 'asset').map((k) => k.id);
  const gone = new Set(parsed.filter((k) => k.list === 'participant').map((k) => k.id));
  for (const p of ws.participants) if (orgs.has(p.organization)) gone.add(p.id);
  const keep = <P extends AnyParticipant>(p: P): P => {
    let next = p;
    if (p.roles.some((r) => roles.has(r))) next = { ...next, roles: p.roles.filter((r) => !roles.has(r)) };
    if (p.device?.owner && gone.has(p.device.owner)) next = { ...next, device: { ...p.device, owner: undefined } };
    return next;
  };
  const positions = Object.fromEntries(
    Object.entries(positionsOf(ws)).filter(([k]) => {
      const key = parseKey(k);
      if (key?.list === 'asset') return !assets.includes(key.id);
      return !key || key.list === 'process' || !(key.list === 'org' ? orgs : key.list === 'role' ? roles : gone).has(key.id);
    }),
  );
  // process nodes are not removed here (the Process panel removes processes); dangling permission
  // references are pruned by workspace.edit (permission-edits.ts)
  const next: Workspace = {
    ...removeDataAssets(ws, assets),
    organizations: ws.organizations.filter((o) => !orgs.has(o.id)),
    roles: ws.roles.filter((r) => !roles.has(r.id)),
    participants: ws.participants.filter((p) => !gone.has(p.id)).map(keep),
  };
  return prunePermissions(withConsortium(next, { positions, drafts: draftsOf(ws).filter((p) => !gone.has(p.id)).map(keep) }));
}

/**
 * Links of the canvas. member-of, plays-role, owns-device: from a participant. may-read: a role
 * (`role-reads`) or a participant (`may-read`) -> data asset. may-bind: role -> role. regulates:
 * regulator -> process.
 */
export const LINK_KINDS = ['member-of', 'plays-role', 'owns-device', 'may-read', 'role-reads', 'may-bind', 'regulates'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Applies a link drawn on the canvas (checked before by connection-rules.ts). */
export function connect(ws: Workspace, kind: LinkKind, source: string, target: string): Workspace {
  if (kind === 'member-of') return updateAnyParticipant(ws, source, { organization: target });
  if (kind === 'plays-role') return addParticipantRole(ws, source, target);
  if (kind === 'may-read') return addReader(ws, target, { list: 'participants', id: source });
  if (kind === 'role-reads') return addReader(ws, target, { list: 'roles', id: source });
  if (kind === 'may-bind') return addMayBind(ws, source, target);
  if (kind === 'regulates') return addRegulates(ws, source, target);
  return updateDevice(ws, target, { owner: source });
}

/** Removes a link; a membership cannot be removed, only changed (a participant has one organization). */
export function disconnect(ws: Workspace, kind: LinkKind, source: string, target: string): Workspace {
  if (kind === 'plays-role') return removeParticipantRole(ws, source, target);
  if (kind === 'may-read') return removeReader(ws, target, { list: 'participants', id: source });
  if (kind === 'role-reads') return removeReader(ws, target, { list: 'roles', id: source });
  if (kind === 'may-bind') return removeMayBind(ws, source, target);
  if (kind === 'regulates') return removeRegulates(ws, source, target);
  if (kind === 'owns-device' && findParticipant(ws, target)?.device?.owner === source) return updateDevice(ws, target, { owner: undefined });
  return ws;
}
