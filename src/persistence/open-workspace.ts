/**
 * Opening the IDE's workspace: the one opened last, or, on first start, a new record made from
 * the sample. A stored workspace that fails validation is reported with its raw JSON and is never
 * rewritten here, so nothing the user had is lost.
 */
import { loadWorkspace } from '../../generators/model/load-workspace.js';
import type { Problem, Workspace } from '../../generators/index.js';
import { BUNDLED_NETWORK_ID, deploymentOn, type SavedDeployment } from './studio-db.js';
import type { WorkspaceRepository } from './workspace-repository.js';

export type OpenResult =
  | {
      kind: 'opened';
      id: string;
      workspace: Workspace;
      /** The network the IDE worked on last ('bundled' unless it is still one of the workspace's). */
      networkId: string;
      /** The complete deployment on that network, and one stopped half-way there. */
      deployment?: SavedDeployment;
      partialDeployment?: SavedDeployment;
      problems: Problem[];
    }
  | { kind: 'invalid'; id: string; json: string; problems: Problem[] };

/** Parses and validates stored workspace text; never throws. */
export function parseWorkspaceJson(json: string): { workspace?: Workspace; problems: Problem[] } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return { problems: [{ severity: 'error', message: `not valid JSON: ${(e as Error).message}`, path: '$' }] };
  }
  return loadWorkspace(value);
}

export async function openCurrentWorkspace(
  repo: WorkspaceRepository,
  loadSample: () => Promise<unknown>,
): Promise<OpenResult> {
  const id = await repo.currentId();
  const record = id ? await repo.get(id) : undefined;
  if (record) {
    const { workspace, problems } = parseWorkspaceJson(record.json);
    if (!workspace) return { kind: 'invalid', id: record.id, json: record.json, problems };
    const saved = record.networkId ?? BUNDLED_NETWORK_ID;
    const networkId = saved === BUNDLED_NETWORK_ID || workspace.networks?.some((n) => n.id === saved) ? saved : BUNDLED_NETWORK_ID;
    return {
      kind: 'opened', id: record.id, workspace, networkId, problems,
      deployment: deploymentOn(record, networkId),
      partialDeployment: record.partialDeployments?.[networkId],
    };
  }
  return createFromSample(repo, loadSample);
}

/** Stores the sample as a new workspace record and makes it the current one. */
export async function createFromSample(repo: WorkspaceRepository, loadSample: () => Promise<unknown>): Promise<OpenResult> {
  const json = JSON.stringify(await loadSample(), null, 2);
  const { workspace, problems } = parseWorkspaceJson(json);
  // The sample ships with the IDE; if it is invalid that is a bug, reported like any invalid record.
  const record = await repo.create(json, workspace?.name ?? 'Sample');
  await repo.setCurrentId(record.id);
  if (!workspace) return { kind: 'invalid', id: record.id, json, problems };
  return { kind: 'opened', id: record.id, workspace, networkId: BUNDLED_NETWORK_ID, problems };
}
