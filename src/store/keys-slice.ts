/**
 * The workspace's keys as the UI sees them: locked or not, the passphrase dialog, the idle lock
 * setting, and per-participant key changes (export, rotate, import). The key store itself
 * (src/keys) holds the secrets; this slice mirrors its lock state through its events and opens
 * the passphrase dialog whenever something waits for an unlock (deploy, act, a new key).
 */
import { type KeyError, type KeyLockState, type KeyResult, type KeyStore } from '../keys/key-store.js';
import { replacementMembers, withParticipantAddress } from '../keys/member-replacement.js';
import type { SavedDeployment } from '../persistence/studio-db.js';
import { errorMessage, type SliceContext } from './store-types.js';

export type KeyChange =
  | { status: 'working'; kind: 'rotate' | 'import' }
  | { status: 'done'; kind: 'rotate' | 'import'; address: string; previousAddress: string; registryTxHash?: string }
  | { status: 'failed'; kind: 'rotate' | 'import'; error?: KeyError; message: string };

export interface KeysState {
  keysLock: 'unknown' | KeyLockState;
  /** Plaintext keys (from before encryption) that setting the passphrase will encrypt. */
  plaintextKeys: number;
  /** Whether the passphrase dialog is open. */
  unlockPrompt: boolean;
  unlockBusy: boolean;
  unlockError?: KeyError;
  idleLockMinutes: number;
  /** Participant id -> its last key change. */
  keyChanges: Record<string, KeyChange>;
  /** Keys being encrypted (scrypt in the keystore worker; done may be fractional); absent when idle. */
  keyProgress?: { done: number; total: number };
}

export const initialKeysState: KeysState = {
  keysLock: 'unknown',
  plaintextKeys: 0,
  unlockPrompt: false,
  unlockBusy: false,
  idleLockMinutes: 15,
  keyChanges: {},
};

export function keysActions({ get, set, services }: SliceContext) {
  let detach: (() => void) | undefined;
  let attachedTo: string | undefined;

  function keyStore(): KeyStore {
    const id = get().workspaceId;
    if (!id) throw new Error('no workspace is open');
    return services.keys(id);
  }

  async function refreshStatus(store: KeyStore) {
    const [status, idleLockMinutes] = await Promise.all([store.status(), store.idleMinutes()]);
    set((s) => ({
      keysLock: status.lock,
      plaintextKeys: status.plaintextKeys,
      idleLockMinutes,
      // first use: ask for the passphrase at once, keys are created with it
      unlockPrompt: s.unlockPrompt || status.lock === 'unset',
    }));
  }

  async function afterUnlock(result: KeyResult): Promise<void> {
    if (!result.ok) {
      set({ unlockBusy: false, unlockError: result.error });
      return;
    }
    set({ unlockBusy: false, unlockError: undefined, unlockPrompt: false, keysLock: 'unlocked', plaintextKeys: 0 });
  }

  /** Tells the registry (if deployed and on the ledger) and stores the deployment's new member. */
  async function tellRegistry(participantId: string, address: string, deployment: SavedDeployment): Promise<string | undefined> {
    const deployed = deployment.manifest.participants.find((p) => p.id === participantId);
    if (!deployed?.address || deployed.address === address) return undefined;
    if (!(await services.chain.hasCode(deployment.record.registry.address))) return undefined; // ledger reset since
    const provider = await services.chain.provider();
    await services.chain.fund([address]);
    const operator = await keyStore().getOperatorSigner(provider);
    const { txHash } = await services.chain.setMembers(deployment, operator, replacementMembers(deployment.manifest, participantId, address, deployed.address));
    const updated: SavedDeployment = { ...deployment, manifest: withParticipantAddress(deployment.manifest, participantId, address) };
    const workspaceId = get().workspaceId!;
    await services.repo.saveDeployment(workspaceId, updated, get().networkId);
    if (get().deployment === deployment) set({ deployment: updated });
    return txHash;
  }

  async function replaceKey(
    participantId: string,
    kind: 'rotate' | 'import',
    prepare: (store: KeyStore) => ReturnType<KeyStore['rotateKey']>,
  ): Promise<void> {
    const change = (c: KeyChange) => set((s) => ({ keyChanges: { ...s.keyChanges, [participantId]: c } }));
    change({ status: 'working', kind });
    try {
      const store = keyStore();
      const prepared = await prepare(store);
      if (!prepared.ok) return change({ status: 'failed', kind, error: prepared.error, message: prepared.detail });
      const { replacement } = prepared;
      // the registry first: if it refuses, the old key stays and nothing changed
      const deployment = get().deployment;
      const registryTxHash = deployment ? await tellRegistry(participantId, replacement.address, deployment) : undefined;
      await replacement.commit();
      set((s) =>
        s.workspace
          ? {
              workspace: {
                ...s.workspace,
                participants: s.workspace.participants.map((p) => (p.id === participantId ? { ...p, address: replacement.address } : p)),
              },
              saveState: 'pending',
            }
          : {},
      );
      change({ status: 'done', kind, address: replacement.address, previousAddress: replacement.previousAddress, registryTxHash });
    } catch (e) {
      change({ status: 'failed', kind, message: errorMessage(e) });
    }
  }

  const actions = {
    /** Follows the key store of the open workspace (called when the workspace changes). */
    attach(): void {
      const id = get().workspaceId;
      if (id === attachedTo) return;
      detach?.();
      detach = undefined;
      attachedTo = id;
      if (!id) return;
      const store = services.keys(id);
      detach = store.subscribe((event) => {
        if (event.type === 'unlock-needed') set({ unlockPrompt: true });
        else if (event.type === 'progress') set({ keyProgress: event.done < event.total ? { done: event.done, total: event.total } : undefined });
        else {
          set({ keysLock: event.state, ...(event.state === 'unlocked' ? { unlockPrompt: false } : {}) });
          // keys given to the bundled ledger for signing leave its memory with the session
          if (event.state === 'locked') void services.chain.forgetLedgerKeys?.().catch(() => undefined);
        }
      });
      set({ keysLock: store.unlocked ? 'unlocked' : 'unknown' });
      void refreshStatus(store).catch((e: unknown) => set({ keysError: errorMessage(e) }));
    },

    showUnlock(): void {
      set({ unlockPrompt: true, unlockError: undefined });
    },

    /** Closes the dialog; whatever waited for the keys fails with "keys are locked". */
    cancelUnlock(): void {
      set({ unlockPrompt: false, unlockError: undefined });
      keyStore().cancelUnlock();
    },

    async setPassphrase(passphrase: string): Promise<void> {
      set({ unlockBusy: true, unlockError: undefined });
      await afterUnlock(await keyStore().setPassphrase(passphrase));
    },

    async unlock(passphrase: string): Promise<void> {
      set({ unlockBusy: true, unlockError: undefined });
      await afterUnlock(await keyStore().unlock(passphrase));
    },

    lock(): void {
      keyStore().lock();
    },

    /** User activity: postpones the idle lock. */
    activity(): void {
      const id = get().workspaceId;
      if (id) services.keys(id).touch();
    },

    async setIdleMinutes(minutes: number): Promise<void> {
      await keyStore().setIdleMinutes(minutes);
      set({ idleLockMinutes: minutes });
    },

    /** The participant's key as a keystore v3 file's text, encrypted with `filePassphrase`. */
    exportKey(participantId: string, filePassphrase: string): ReturnType<KeyStore['exportKey']> {
      return keyStore().exportKey(participantId, filePassphrase);
    },

    /** A new random key for the participant; the registry is told when deployed. */
    rotateKey(participantId: string): Promise<void> {
      return replaceKey(participantId, 'rotate', (store) => store.rotateKey(participantId));
    },

    /** The key of a keystore v3 file for the participant; the registry is told when deployed. */
    importKey(participantId: string, json: string, filePassphrase: string): Promise<void> {
      return replaceKey(participantId, 'import', (store) => store.importKey(participantId, json, filePassphrase));
    },

    dispose(): void {
      detach?.();
    },
  };
  return actions;
}

export type KeysActions = ReturnType<typeof keysActions>;
