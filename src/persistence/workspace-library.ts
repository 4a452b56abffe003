/**
 * The user's workspaces as a library: list, create (empty or from the sample), rename, duplicate,
 * import. Each function changes one record at most and never touches another one; deleting is
 * the repository's `remove` (record, keys and settings in one transaction).
 */
import type { Workspace } from '../../generators/index.js';
import { blankProcessBpmn } from './blank-process.js';
import { readImport, type ImportResult } from './import-workspace.js';
import type { WorkspaceRecord } from './studio-db.js';
import type { WorkspaceRepository } from './workspace-repository.js';

export interface WorkspaceSummary {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

/** Most recently changed first. */
export async function listWorkspaces(repo: WorkspaceRepository): Promise<WorkspaceSummary[]> {
  const records = await repo.list();
  return records
    .map(({ id, name, createdAt, updatedAt }) => ({ id, name, createdAt, updatedAt }))
    .sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}


/** A workspace with nothing in it but one process holding a start event, to draw from. */
export function emptyWorkspace(name: string, processName: string): Workspace {
  return {
    schemaVersion: 1,
    name,
    organizations: [],
    roles: [],
    participants: [],
    processes: [{ id: 'process-1', name: processName, bpmn: blankProcessBpmn('Process_1') }],
  };
}

export async function createWorkspace(repo: WorkspaceRepository, workspace: Workspace): Promise<WorkspaceRecord> {
  return repo.create(JSON.stringify(workspace, null, 2), workspace.name);
}

/** The record's JSON with another name; a record whose JSON does not parse keeps its text. */
function renamedJson(json: string, name: string): string {
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    return typeof value === 'object' && value && !Array.isArray(value) ? JSON.stringify({ ...value, name }, null, 2) : json;
  } catch {
    return json;
  }
}

/** Renames a stored workspace (not the open one: that is an edit of the store's workspace). */
export async function renameWorkspace(repo: WorkspaceRepository, id: string, name: string): Promise<void> {
  const record = await repo.get(id);
  if (!record) throw new Error(`workspace record "${id}" does not exist in IndexedDB`);
  await repo.saveJson(id, renamedJson(record.json, name), name);
}

/**
 * A copy under a new name. The copy's participants get their own keys when it is opened, so the
 * addresses of the original's keys are left out; its deployments stay with the original.
 */
export async function duplicateWorkspace(repo: WorkspaceRepository, id: string, name: string): Promise<WorkspaceRecord> {
  const record = await repo.get(id);
  if (!record) throw new Error(`workspace record "${id}" does not exist in IndexedDB`);
  let json = renamedJson(record.json, name);
  try {
    const value = JSON.parse(json) as Partial<Workspace>;
    if (Array.isArray(value.participants)) {
      value.participants = value.participants.map((p) => {
        if (typeof p !== 'object' || !p) return p;
        const { address: _key, ...rest } = p;
        return rest;
      });
      json = JSON.stringify(value, null, 2);
    }
  } catch {
    // text that does not parse is copied as it is: the copy opens to the same "cannot be opened" screen
  }
  return repo.create(json, name);
}

/** Imports a file as a new workspace record; a file with problems stores nothing. */
export async function importWorkspace(
  repo: WorkspaceRepository,
  fileName: string,
  bytes: Uint8Array,
): Promise<ImportResult & { record?: WorkspaceRecord }> {
  const result = readImport(fileName, bytes);
  if (!result.ok) return result;
  const record = await repo.create(result.json, result.workspace.name, result.extras);
  return { ...result, record };
}
