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
  /**
   * Stores a new workspace record and returns it; `extra` carries the deployments of an imported
   * workspace (never an id: a new record always gets a new one, so nothing is overwritten).
   */
  create(json: string, name: string, extra?: RecordExtras): Promise<WorkspaceRecord>;
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
  /**
   * Deletes a workspace with everything kept for it: its record (deployments included), its keys
   * and its per-workspace settings, in one transaction; forgets it as the current one. IDE only.
   */
  remove?(id: string): Promise<void>;
}

/** What a record may carry besides its JSON: deployments and the network in use. */
export type RecordExtras = Pick<WorkspaceRecord, 'deployment' | 'deployments' | 'partialDeployments' | 'networkId'>;

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
    async create(json, name, extra = {}) {
      const t = now();
      const record: WorkspaceRecord = { ...definedOnly(extra), id: crypto.randomUUID(), name, json, createdAt: t, updatedAt: t };
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
    async remove(id) {
      const tx = db.transaction(['workspaces', 'keys', 'meta'], 'readwrite');
      const keys = tx.objectStore('keys');
      const meta = tx.objectStore('meta');
      const work: Promise<unknown>[] = [tx.objectStore('workspaces').delete(id)];
      for (const key of await keys.index('byWorkspace').getAllKeys(id)) work.push(keys.delete(key));
      // per-workspace settings are kept under "<setting>:<workspace id>" (e.g. the idle lock, src/keys)
      for (const key of await meta.getAllKeys()) if (key.endsWith(`:${id}`)) work.push(meta.delete(key));
      if ((await meta.get(CURRENT_KEY)) === id) work.push(meta.delete(CURRENT_KEY));
      await Promise.all([...work, tx.done]);
    },
  };
}

function definedOnly(extra: RecordExtras): RecordExtras {
  return Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as RecordExtras;
}
