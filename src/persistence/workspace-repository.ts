/**
 * Workspace records in IndexedDB. Every write of a workspace goes through `saveJson`, which keeps
 * the deployment stored beside it; nothing here parses or validates (see open-workspace.ts).
 */
import { BUNDLED_NETWORK_ID, type SavedDeployment, type StudioDb, type WorkspaceRecord } from './studio-db.js';

const CURRENT_KEY = 'currentWorkspaceId';

export interface WorkspaceRepository {
  /** The workspace the IDE opened last, if any. */
  currentId(): Promise<string | undefined>;
  setCurrentId(id: string): Promise<void>;
  get(id: string): Promise<WorkspaceRecord | undefined>;
  list(): Promise<WorkspaceRecord[]>;
  /** Stores a new workspace record and returns it. */
  create(json: string, name: string): Promise<WorkspaceRecord>;
  /** Replaces the workspace JSON of an existing record. Throws when the record does not exist. */
  saveJson(id: string, json: string, name: string): Promise<void>;
  /**
   * Stores (or clears, with undefined) the deployment beside the workspace, for a network (default
   * the bundled ledger). A complete deployment clears the network's partial one.
   */
  saveDeployment(id: string, deployment: SavedDeployment | undefined, networkId?: string): Promise<void>;
  /** Stores (or clears) the network's deployment that stopped half-way, to resume it. */
  savePartialDeployment?(id: string, networkId: string, deployment: SavedDeployment | undefined): Promise<void>;
  /** Remembers the network the IDE works on. */
  saveNetworkId?(id: string, networkId: string): Promise<void>;
}

export function createWorkspaceRepository(db: StudioDb, now: () => number = Date.now): WorkspaceRepository {
  async function update(id: string, change: (r: WorkspaceRecord) => WorkspaceRecord): Promise<void> {
    const tx = db.transaction('workspaces', 'readwrite');
    const record = await tx.store.get(id);
    if (!record) {
      await tx.done;
      throw new Error(`workspace record "${id}" does not exist in IndexedDB`);
    }
    await tx.store.put(change(record));
    await tx.done;
  }

  return {
    async currentId() {
      return db.get('meta', CURRENT_KEY);
    },
    async setCurrentId(id) {
      await db.put('meta', id, CURRENT_KEY);
    },
    get: (id) => db.get('workspaces', id),
    list: () => db.getAll('workspaces'),
    async create(json, name) {
      const t = now();
      const record: WorkspaceRecord = { id: crypto.randomUUID(), name, json, createdAt: t, updatedAt: t };
      await db.add('workspaces', record);
      return record;
    },
    saveJson: (id, json, name) => update(id, (r) => ({ ...r, json, name, updatedAt: now() })),
    saveDeployment: (id, deployment, networkId = BUNDLED_NETWORK_ID) =>
      update(id, (r) => {
        const next = { ...r };
        if (networkId === BUNDLED_NETWORK_ID) {
          if (deployment) next.deployment = deployment;
          else delete next.deployment;
        } else {
          const all = { ...next.deployments };
          if (deployment) all[networkId] = deployment;
          else delete all[networkId];
          next.deployments = all;
        }
        if (deployment && next.partialDeployments?.[networkId]) {
          const partial = { ...next.partialDeployments };
          delete partial[networkId];
          next.partialDeployments = partial;
        }
        return next;
      }),
    savePartialDeployment: (id, networkId, deployment) =>
      update(id, (r) => {
        const partial = { ...r.partialDeployments };
        if (deployment) partial[networkId] = deployment;
        else delete partial[networkId];
        return { ...r, partialDeployments: partial };
      }),
    saveNetworkId: (id, networkId) => update(id, (r) => ({ ...r, networkId })),
  };
}
