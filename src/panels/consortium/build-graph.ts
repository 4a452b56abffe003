/**
 * The consortium canvas as React Flow nodes and edges, derived from the workspace (the canvas is
 * a view: nothing here is stored except positions, which come from workspace.layout when there).
 * Organizations are group nodes sized to hold their members; members are their children, placed
 * relative to them. Edges: plays role (participant -> role), owns device (owner -> device), and the
 * permissions: may read (role or participant -> data asset), may bind (role -> role), regulates
 * (regulator -> process). Process nodes stand for the workspace's processes: never deleted here.
 */
import type { Edge, Node } from '@xyflow/react';
import type { DataAsset, Workspace } from '../../../generators/index.js';
import {
  assetKey,
  processKey,
  draftsOf,
  isRegulatorParticipant,
  orgKey,
  participantKey,
  positionsOf,
  roleKey,
  type AnyParticipant,
  type LinkKind,
} from '../../store/consortium-edits.js';

export const PARTICIPANT_SIZE = { width: 160, height: 52 };
export const ROLE_SIZE = { width: 150, height: 36 };
export const ASSET_SIZE = { width: 170, height: 52 };
export const PROCESS_SIZE = { width: 180, height: 48 };
const ORG_HEADER = 40;
const ORG_PAD = 16;
// room for two rows of two members, so an empty organization is easy to drop into
const ORG_MIN = { width: 2 * PARTICIPANT_SIZE.width + 3 * ORG_PAD, height: ORG_HEADER + 2 * PARTICIPANT_SIZE.height + 3 * ORG_PAD };

export interface OrgData extends Record<string, unknown> {
  name: string;
  members: number;
}
export interface ParticipantData extends Record<string, unknown> {
  participant: AnyParticipant;
  regulator: boolean;
  draft: boolean;
}
export interface RoleData extends Record<string, unknown> {
  name: string;
  tasks: number;
}
export interface AssetData extends Record<string, unknown> {
  asset: DataAsset;
  /** What it is drawn from: a process's name or a device's, when it names one. */
  from?: string;
}
export interface ProcessData extends Record<string, unknown> {
  name: string;
}
export interface LinkData extends Record<string, unknown> {
  kind: LinkKind;
  source: string;
  target: string;
}

export type ConsortiumNode =
  | Node<OrgData, 'organization'>
  | Node<ParticipantData, 'participant'>
  | Node<RoleData, 'role'>
  | Node<AssetData, 'asset'>
  | Node<ProcessData, 'process'>;
export type ConsortiumEdge = Edge<LinkData>;

/** Where a member goes in its organization's box when it has no stored position: two columns. */
export function memberSlot(index: number) {
  return { x: ORG_PAD + (index % 2) * (PARTICIPANT_SIZE.width + ORG_PAD), y: ORG_HEADER + ORG_PAD + Math.floor(index / 2) * (PARTICIPANT_SIZE.height + ORG_PAD) };
}

export function buildGraph(ws: Workspace, taskCount: (roleId: string) => number): { nodes: ConsortiumNode[]; edges: ConsortiumEdge[] } {
  const stored = positionsOf(ws);
  const nodes: ConsortiumNode[] = [];
  let orgX = 0;
  let lowest = 0;
  for (const org of ws.organizations) {
    const key = orgKey(org.id);
    const members = ws.participants.filter((p) => p.organization === org.id);
    const children = members.map((p, i) => ({ p, position: stored[participantKey(p.id)] ?? memberSlot(i) }));
    const width = Math.max(ORG_MIN.width, ...children.map((c) => c.position.x + PARTICIPANT_SIZE.width + ORG_PAD));
    const height = Math.max(ORG_MIN.height, ...children.map((c) => c.position.y + PARTICIPANT_SIZE.height + ORG_PAD));
    const position = stored[key] ?? { x: orgX, y: 0 };
    orgX = Math.max(orgX, position.x + width + 40);
    lowest = Math.max(lowest, position.y + height);
    nodes.push({ id: key, type: 'organization', position, width, height, data: { name: org.name, members: members.length } });
    for (const { p, position: at } of children)
      nodes.push({
        id: participantKey(p.id),
        type: 'participant',
        parentId: key,
        extent: 'parent',
        position: at,
        ...PARTICIPANT_SIZE,
        data: { participant: p, regulator: isRegulatorParticipant(ws, p), draft: false },
      });
  }
  draftsOf(ws).forEach((p, i) => {
    nodes.push({
      id: participantKey(p.id),
      type: 'participant',
      position: stored[participantKey(p.id)] ?? { x: i * (PARTICIPANT_SIZE.width + 24), y: -PARTICIPANT_SIZE.height - 60 },
      ...PARTICIPANT_SIZE,
      data: { participant: p, regulator: isRegulatorParticipant(ws, p), draft: true },
    });
  });
  ws.roles.forEach((role, i) => {
    nodes.push({
      id: roleKey(role.id),
      type: 'role',
      position: stored[roleKey(role.id)] ?? { x: i * (ROLE_SIZE.width + 24), y: lowest + 100 },
      ...ROLE_SIZE,
      data: { name: role.name, tasks: taskCount(role.id) },
    });
  });
  // processes in a column right of the organizations, data assets in a row below the roles
  ws.processes.forEach((proc, i) => {
    nodes.push({
      id: processKey(proc.id),
      type: 'process',
      position: stored[processKey(proc.id)] ?? { x: orgX + 80, y: i * (PROCESS_SIZE.height + 24) },
      ...PROCESS_SIZE,
      deletable: false,
      data: { name: proc.name },
    });
  });
  (ws.dataAssets ?? []).forEach((asset, i) => {
    const from = asset.kind === 'process-fields' ? ws.processes.find((p) => p.id === asset.process)?.name : asset.kind === 'device-data' ? ws.participants.find((p) => p.id === asset.device)?.name : undefined;
    nodes.push({
      id: assetKey(asset.id),
      type: 'asset',
      position: stored[assetKey(asset.id)] ?? { x: i * (ASSET_SIZE.width + 24), y: lowest + 220 },
      ...ASSET_SIZE,
      data: { asset, ...(from ? { from } : {}) },
    });
  });

  const edges: ConsortiumEdge[] = [];
  const link = (kind: LinkKind, source: string, target: string, from: string, to: string) =>
    edges.push({ id: `${kind}|${source}|${target}`, source: from, target: to, type: 'default', data: { kind, source, target }, className: `link-${kind}` });
  const roleIds = new Set(ws.roles.map((r) => r.id));
  const all: AnyParticipant[] = [...ws.participants, ...draftsOf(ws)];
  const ids = new Set(all.map((p) => p.id));
  for (const p of all) {
    for (const r of p.roles) if (roleIds.has(r)) link('plays-role', p.id, r, participantKey(p.id), roleKey(r));
    const owner = p.device?.owner;
    if (owner && ids.has(owner)) link('owns-device', owner, p.id, participantKey(owner), participantKey(p.id));
  }
  const processIds = new Set(ws.processes.map((p) => p.id));
  // a participant that is no longer a regulator keeps its list (ignored) but is drawn without links
  for (const p of ws.participants.filter((x) => isRegulatorParticipant(ws, x))) for (const proc of p.regulates ?? []) if (processIds.has(proc)) link('regulates', p.id, proc, participantKey(p.id), processKey(proc));
  for (const role of ws.roles) for (const other of role.mayBind ?? []) if (roleIds.has(other)) link('may-bind', role.id, other, roleKey(role.id), roleKey(other));
  for (const asset of ws.dataAssets ?? []) {
    for (const r of asset.readers?.roles ?? []) if (roleIds.has(r)) link('role-reads', r, asset.id, roleKey(r), assetKey(asset.id));
    for (const p of asset.readers?.participants ?? []) if (ids.has(p)) link('may-read', p, asset.id, participantKey(p), assetKey(asset.id));
  }
  return { nodes, edges };
}
