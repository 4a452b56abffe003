/**
 * The IDE's one IndexedDB database. Workspaces are stored as the JSON text the user last had
 * (never re-serialized from a parsed copy on load), so a workspace that fails validation is kept
 * byte for byte. Deployments sit beside the workspace in the same record, outside its schema.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AppManifest, DeploymentRecord } from '../../generators/index.js';

export const STUDIO_DB_NAME = 'chainflow-studio';
const DB_VERSION = 1;

/** A deployment of a workspace with the manifest it was made from (the app needs both). */
export interface SavedDeployment {
  record: DeploymentRecord;
  manifest: AppManifest;
}

export interface WorkspaceRecord {
  id: string;
  /** Display name, copied from the workspace when it parses; kept for lists of broken records too. */
  name: string;
  /** The workspace JSON text exactly as last saved. */
  json: string;
  createdAt: number;
  updatedAt: number;
  /** The deployment on the bundled ledger. */
  deployment?: SavedDeployment;
  /** Complete deployments on the workspace's JSON-RPC networks, by network id. */
  deployments?: Record<string, SavedDeployment>;
  /** Deployments stopped half-way, by network id ('bundled' too): deploying again resumes them. */
  partialDeployments?: Record<string, SavedDeployment>;
  /** The network the IDE deployed to and acted on last ('bundled' when absent). */
  networkId?: string;
}

/** Network id of the bundled ledger. */
export const BUNDLED_NETWORK_ID = 'bundled';

/** The complete deployment of a record on a network. */
export function deploymentOn(record: WorkspaceRecord | undefined, networkId: string): SavedDeployment | undefined {
  if (!record) return undefined;
  return networkId === BUNDLED_NETWORK_ID ? record.deployment : record.deployments?.[networkId];
}

/**
 * A participant's (or the operator's) account key, encrypted with the workspace passphrase
 * (src/keys/key-store.ts). Records of the spine iteration hold `privateKey` in plaintext instead;
 * they are encrypted and the plaintext dropped when the passphrase is first set.
 */
export interface KeyRecord {
  workspaceId: string;
  /** A participant id, or OPERATOR_KEY_ID for the consortium operator that deploys. */
  ownerId: string;
  /** Ethereum keystore v3 JSON text (scrypt; its parameters are inside). */
  keystore?: string;
  /** Legacy plaintext key; absent once encrypted. */
  privateKey?: string;
  address: string;
  createdAt: number;
}

interface StudioSchema extends DBSchema {
  workspaces: { key: string; value: WorkspaceRecord };
  keys: { key: [string, string]; value: KeyRecord; indexes: { byWorkspace: string } };
  meta: { key: string; value: string };
}

export type StudioDb = IDBPDatabase<StudioSchema>;

export function openStudioDb(name = STUDIO_DB_NAME): Promise<StudioDb> {
  return openDB<StudioSchema>(name, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('workspaces', { keyPath: 'id' });
      const keys = db.createObjectStore('keys', { keyPath: ['workspaceId', 'ownerId'] });
      keys.createIndex('byWorkspace', 'workspaceId');
      db.createObjectStore('meta');
    },
  });
}
