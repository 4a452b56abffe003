/**
 * Exports of a stored workspace, as files a user downloads: the workspace JSON, one process as
 * .bpmn, or a .zip with everything (the workspace, each process as .bpmn, the deployment records
 * and an index that import-workspace.ts follows back). Pure: no DOM, no IndexedDB; the record's
 * JSON text goes out exactly as stored, so even a workspace that no longer validates is exported.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ProcessDocument } from '../../generators/index.js';
import { BUNDLED_NETWORK_ID, type SavedDeployment, type WorkspaceRecord } from './studio-db.js';

export const ARCHIVE_FORMAT = 'chainflow-workspace-archive';
export const ARCHIVE_VERSION = 1;
export const ARCHIVE_INDEX = 'chainflow-archive.json';
export const ARCHIVE_WORKSPACE = 'workspace.json';

/** The index of an archive: which file holds what. */
export interface ArchiveIndex {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  exportedAt: string;
  workspace: string;
  /** Each process's .bpmn file; on import the file wins over the XML inside workspace.json. */
  processes: { id: string; file: string }[];
  deployments: { networkId: string; status: 'complete' | 'partial'; file: string }[];
  /** The network the IDE worked on last. */
  networkId?: string;
}

export interface ExportedFile {
  name: string;
  bytes: Uint8Array;
  type: string;
}

/** A name safe as a file name on Windows, macOS and Linux; keeps Chinese and other letters. */
export function safeFileName(name: string, fallback = 'workspace'): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '');
  return [...(cleaned || fallback)].slice(0, 80).join('');
}

export function exportWorkspaceJson(record: WorkspaceRecord): ExportedFile {
  return { name: `${safeFileName(record.name)}.json`, bytes: strToU8(record.json), type: 'application/json' };
}

export function exportProcessBpmn(process: ProcessDocument): ExportedFile {
  return { name: `${safeFileName(process.name || process.id, 'process')}.bpmn`, bytes: strToU8(process.bpmn), type: 'application/xml' };
}

/** Names that differ only in case or are repeated get a number, so no file hides another. */
function uniqueNames() {
  const taken = new Set<string>();
  return (base: string, ext: string) => {
    let name = `${base}${ext}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})${ext}`;
    taken.add(name.toLowerCase());
    return name;
  };
}

/** Processes of the record's JSON; none when it does not parse (the JSON still goes in as it is). */
function processesOf(json: string): ProcessDocument[] {
  try {
    const value = JSON.parse(json) as { processes?: unknown };
    return Array.isArray(value.processes)
      ? value.processes.filter((p): p is ProcessDocument => typeof p?.id === 'string' && typeof p?.bpmn === 'string')
      : [];
  } catch {
    return [];
  }
}

export function exportWorkspaceZip(record: WorkspaceRecord, now: Date = new Date()): ExportedFile {
  const files: Zippable = { [ARCHIVE_WORKSPACE]: strToU8(record.json) };
  const index: ArchiveIndex = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: now.toISOString(),
    workspace: ARCHIVE_WORKSPACE,
    processes: [],
    deployments: [],
    ...(record.networkId ? { networkId: record.networkId } : {}),
  };
  const processName = uniqueNames();
  for (const p of processesOf(record.json)) {
    const file = `processes/${processName(safeFileName(p.name || p.id, 'process'), '.bpmn')}`;
    files[file] = strToU8(p.bpmn);
    index.processes.push({ id: p.id, file });
  }
  const deploymentName = uniqueNames();
  const addDeployment = (networkId: string, status: 'complete' | 'partial', deployment: SavedDeployment) => {
    const file = `deployments/${deploymentName(safeFileName(networkId, 'network'), status === 'partial' ? '.partial.json' : '.json')}`;
    files[file] = strToU8(JSON.stringify(deployment, null, 2));
    index.deployments.push({ networkId, status, file });
  };
  if (record.deployment) addDeployment(BUNDLED_NETWORK_ID, 'complete', record.deployment);
  for (const [id, d] of Object.entries(record.deployments ?? {})) addDeployment(id, 'complete', d);
  for (const [id, d] of Object.entries(record.partialDeployments ?? {})) addDeployment(id, 'partial', d);
  files[ARCHIVE_INDEX] = strToU8(JSON.stringify(index, null, 2));
  return { name: `${safeFileName(record.name)}.zip`, bytes: zipSync(files, { mtime: now }), type: 'application/zip' };
}
