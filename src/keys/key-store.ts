/**
 * Account keys of a workspace's participants and of its consortium operator (the deployer),
 * generated in the browser and kept in IndexedDB per workspace.
 * The keys are stored in plaintext in this iteration; callers only see this interface, so a
 * passphrase-encrypted store can replace it without touching them.
 * ethers is loaded on first use to keep it out of the IDE's first paint.
 */
import type { Provider, Wallet } from 'ethers';
import type { Workspace } from '../../generators/index.js';
import type { KeyRecord, StudioDb } from '../persistence/studio-db.js';

/** Owner id of the consortium operator's key (cannot clash: participant ids are user data, this is not a valid one). */
export const OPERATOR_KEY_ID = '#operator';

export interface KeyAddresses {
  operator: string;
  /** Participant id -> checksummed address. */
  participants: Record<string, string>;
}

export interface KeyStore {
  /** Creates the keys that are missing (operator and each participant) and returns every address. */
  ensureKeys(workspace: Workspace): Promise<KeyAddresses>;
  /** The participant's wallet, connected to `provider` when given. Throws when the participant has no key. */
  getSigner(participantId: string, provider?: Provider | null): Promise<Wallet>;
  getOperatorSigner(provider?: Provider | null): Promise<Wallet>;
}

/** Returns a new 0x-prefixed private key; replaceable in tests. */
export type KeyGenerator = () => Promise<string>;

const randomKey: KeyGenerator = async () => {
  const { Wallet } = await import('ethers');
  return Wallet.createRandom().privateKey;
};

export function createKeyStore(db: StudioDb, workspaceId: string, generate: KeyGenerator = randomKey): KeyStore {
  // ensureKeys calls are chained so two overlapping calls never create two keys for one owner.
  let queue: Promise<unknown> = Promise.resolve();

  async function keyFor(ownerId: string): Promise<KeyRecord> {
    const record = await db.get('keys', [workspaceId, ownerId]);
    if (!record) throw new Error(`no key for "${ownerId}" in workspace ${workspaceId}; keys are created by ensureKeys`);
    return record;
  }

  async function wallet(ownerId: string, provider?: Provider | null): Promise<Wallet> {
    const [{ Wallet }, record] = await Promise.all([import('ethers'), keyFor(ownerId)]);
    return new Wallet(record.privateKey, provider ?? null);
  }

  async function ensure(workspace: Workspace): Promise<KeyAddresses> {
    const { Wallet } = await import('ethers');
    const existing = new Map(
      (await db.getAllFromIndex('keys', 'byWorkspace', workspaceId)).map((k) => [k.ownerId, k.address]),
    );
    const owners = [OPERATOR_KEY_ID, ...workspace.participants.map((p) => p.id)];
    for (const ownerId of owners) {
      if (existing.has(ownerId)) continue;
      const privateKey = await generate();
      const address = new Wallet(privateKey).address;
      await db.add('keys', { workspaceId, ownerId, privateKey, address, createdAt: Date.now() });
      existing.set(ownerId, address);
    }
    const participants: Record<string, string> = {};
    for (const p of workspace.participants) participants[p.id] = existing.get(p.id)!;
    return { operator: existing.get(OPERATOR_KEY_ID)!, participants };
  }

  return {
    ensureKeys(workspace) {
      const run = queue.then(() => ensure(workspace));
      queue = run.catch(() => undefined);
      return run;
    },
    getSigner: (participantId, provider) => wallet(participantId, provider),
    getOperatorSigner: (provider) => wallet(OPERATOR_KEY_ID, provider),
  };
}
