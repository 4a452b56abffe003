/**
 * Edits of the consortium's permissions (docs/consortium-permissions.md): data assets and who may
 * read them, roles that may bind roles, regulators linked to processes. Pure functions of the
 * workspace, applied through `workspace.edit` (undo, autosave). `prunePermissions` keeps every
 * reference valid after any edit, so a workspace never saves what loadWorkspace would refuse.
 */
import type { DataAsset, DataAssetReaders, Role, Workspace } from '../../generators/index.js';
import { setRegulatedProcesses } from './process-edits.js';
import { uniqueId } from './workspace-edits.js';

/** Adds a data asset (a document until its kind is chosen); returns its id. */
export function addDataAsset(ws: Workspace, name: string): { workspace: Workspace; id: string } {
  const assets = ws.dataAssets ?? [];
  const id = uniqueId(name, assets.map((a) => a.id), 'asset');
  return { workspace: { ...ws, dataAssets: [...assets, { id, name: name.trim(), kind: 'document' }] }, id };
}

/** Changes an asset; keys set to undefined (or an empty description) are removed. */
export function updateDataAsset(ws: Workspace, id: string, patch: Partial<Omit<DataAsset, 'id'>>): Workspace {
  const asset = ws.dataAssets?.find((a) => a.id === id);
  if (!asset) return ws;
  const next: DataAsset = { ...asset, ...patch };
  for (const key of Object.keys(next) as (keyof DataAsset)[]) if (next[key] === undefined || next[key] === '') delete next[key];
  // what belongs to another kind goes, so the asset says one thing
  if (next.kind !== 'process-fields') delete next.process, delete next.fields;
  if (next.kind !== 'device-data') delete next.device;
  return { ...ws, dataAssets: ws.dataAssets!.map((a) => (a === asset ? next : a)) };
}

export function removeDataAssets(ws: Workspace, ids: readonly string[]): Workspace {
  if (!ws.dataAssets?.some((a) => ids.includes(a.id))) return ws;
  return { ...ws, dataAssets: ws.dataAssets.filter((a) => !ids.includes(a.id)) };
}

export type ReaderRef = { list: 'roles' | 'participants'; id: string };

export function isReader(asset: DataAsset, reader: ReaderRef): boolean {
  return asset.readers?.[reader.list]?.includes(reader.id) ?? false;
}

/** Adds a reader; the first reader turns "everyone may read" into "only the readers" (and writers, regulators). */
export function addReader(ws: Workspace, assetId: string, reader: ReaderRef): Workspace {
  const asset = ws.dataAssets?.find((a) => a.id === assetId);
  if (!asset || isReader(asset, reader)) return ws;
  const readers: DataAssetReaders = { ...asset.readers, [reader.list]: [...(asset.readers?.[reader.list] ?? []), reader.id] };
  return updateDataAsset(ws, assetId, { readers });
}

/** Removes a reader; the readers list stays (possibly empty): the asset does not go back to "everyone". */
export function removeReader(ws: Workspace, assetId: string, reader: ReaderRef): Workspace {
  const asset = ws.dataAssets?.find((a) => a.id === assetId);
  if (!asset || !isReader(asset, reader)) return ws;
  const readers: DataAssetReaders = { ...asset.readers, [reader.list]: asset.readers![reader.list]!.filter((x) => x !== reader.id) };
  return updateDataAsset(ws, assetId, { readers });
}

/** Everyone may read it again: the readers list goes. */
export function clearReaders(ws: Workspace, assetId: string): Workspace {
  return updateDataAsset(ws, assetId, { readers: undefined });
}

export const mayBind = (ws: Workspace, from: string, to: string): boolean => ws.roles.find((r) => r.id === from)?.mayBind?.includes(to) ?? false;

export function addMayBind(ws: Workspace, from: string, to: string): Workspace {
  const role = ws.roles.find((r) => r.id === from);
  if (!role || !ws.roles.some((r) => r.id === to) || mayBind(ws, from, to)) return ws;
  return { ...ws, roles: ws.roles.map((r) => (r === role ? { ...r, mayBind: [...(r.mayBind ?? []), to] } : r)) };
}

/** Removes a may-bind link; a role left with none has no list, so the last link removed lifts the restriction. */
export function removeMayBind(ws: Workspace, from: string, to: string): Workspace {
  if (!mayBind(ws, from, to)) return ws;
  const drop = (r: Role): Role => {
    const rest = r.mayBind!.filter((x) => x !== to);
    const { mayBind: _, ...plain } = r;
    return rest.length ? { ...r, mayBind: rest } : plain;
  };
  return { ...ws, roles: ws.roles.map((r) => (r.id === from ? drop(r) : r)) };
}

/** The regulator regulates this process (explicitly listed; "every process" is no link). */
export const regulatesLinked = (ws: Workspace, participant: string, process: string): boolean =>
  ws.participants.find((p) => p.id === participant)?.regulates?.includes(process) ?? false;

/** Links a regulator to a process; from "every process" (no list) it then regulates only this one, as the inspector's checklist does. */
export function addRegulates(ws: Workspace, participant: string, process: string): Workspace {
  const p = ws.participants.find((x) => x.id === participant);
  if (!p || regulatesLinked(ws, participant, process)) return ws;
  return setRegulatedProcesses(ws, participant, [...(p.regulates ?? []), process]);
}

export function removeRegulates(ws: Workspace, participant: string, process: string): Workspace {
  const p = ws.participants.find((x) => x.id === participant);
  if (!p?.regulates?.includes(process)) return ws;
  return setRegulatedProcesses(ws, participant, p.regulates.filter((x) => x !== process));
}

/**
 * Drops references to roles, participants and processes that are gone (a device that is no longer
 * a device too), from data assets and may-bind lists. Returns `ws` itself when nothing dangles.
 */
export function prunePermissions(ws: Workspace): Workspace {
  const roles = new Set(ws.roles.map((r) => r.id));
  const people = new Set(ws.participants.map((p) => p.id));
  const devices = new Set(ws.participants.filter((p) => p.kind === 'device').map((p) => p.id));
  const processes = new Set(ws.processes.map((p) => p.id));
  let changed = false;
  const keep = (list: string[] | undefined, known: Set<string>) => {
    if (!list || list.every((x) => known.has(x))) return list;
    changed = true;
    return list.filter((x) => known.has(x));
  };
  const nextRoles = ws.roles.map((r) => {
    const list = keep(r.mayBind, roles);
    if (list === r.mayBind) return r;
    // as removeMayBind: a role whose last link went has no list (no restriction from it)
    const { mayBind: _, ...plain } = r;
    return list?.length ? { ...r, mayBind: list } : plain;
  });
  const nextAssets = ws.dataAssets?.map((a) => {
    const readerRoles = keep(a.readers?.roles, roles);
    const readerPeople = keep(a.readers?.participants, people);
    const lostProcess = a.process !== undefined && !processes.has(a.process);
    const lostDevice = a.device !== undefined && !devices.has(a.device);
    if (readerRoles === a.readers?.roles && readerPeople === a.readers?.participants && !lostProcess && !lostDevice) return a;
    changed = true;
    const next: DataAsset = { ...a };
    if (a.readers) next.readers = { ...(readerRoles ? { roles: readerRoles } : {}), ...(readerPeople ? { participants: readerPeople } : {}) };
    if (lostProcess) delete next.process, delete next.fields;
    if (lostDevice) delete next.device;
    return next;
  });
  return changed ? { ...ws, roles: nextRoles, ...(nextAssets ? { dataAssets: nextAssets } : {}) } : ws;
}
