/**
 * Account keys of a workspace's participants and of its consortium operator (the deployer),
 * generated in the browser and kept in IndexedDB per workspace, encrypted at rest as Ethereum
 * keystore v3 (scrypt) with the workspace passphrase.
 *
 * Rules of this file:
 * - a private key exists in plaintext only in memory, after an unlock, and only until the store
 *   locks again (lock(), idle timeout, page unload); the passphrase is kept alongside for as long,
 *   because keys created while unlocked (a participant added) must be encrypted with it;
 * - whatever needs a key (getSigner, ensureKeys creating one, export, rotate, import) waits in
 *   whenUnlocked(): the store emits 'unlock-needed' so the UI asks for the passphrase, and the
 *   wait ends with the unlock, or with KeysLockedError when the user cancels;
 * - plaintext records written by the spine iteration are encrypted when the passphrase is first
 *   set (or at the next unlock, should any remain) in one IndexedDB transaction.
 */
import type { Provider, Wallet } from 'ethers';
import type { Workspace } from '../../generators/index.js';
import type { KeyRecord, StudioDb } from '../persistence/studio-db.js';
import { createIdleLock, type IdleTimers } from './idle-lock.js';
import { KEYSTORE_SCRYPT, localKeystoreCrypto, MIN_PASSPHRASE_LENGTH, type KeystoreCrypto, type KeystoreProgress, type ScryptParams } from './keystore-crypto.js';

/** Owner id of the consortium operator's key (cannot clash: participant ids are user data, this is not a valid one). */
export const OPERATOR_KEY_ID = '#operator';
export const DEFAULT_IDLE_MINUTES = 15;

export interface KeyAddresses {
  operator: string;
  /** Participant id -> checksummed address. */
  participants: Record<string, string>;
}

/** 'unset': no passphrase yet (first use); 'locked': keys encrypted, not in memory. */
export type KeyLockState = 'unset' | 'locked' | 'unlocked';

export interface KeyStatus {
  lock: KeyLockState;
  /** Keys still stored in plaintext (from before encryption); encrypted when the passphrase is set. */
  plaintextKeys: number;
}

export type KeyError =
  | 'wrong-passphrase'
  | 'weak-passphrase'
  | 'invalid-file'
  | 'address-in-use'
  | 'already-set'
  | 'not-set'
  | 'no-key';

export type KeyResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: KeyError; detail: string };

/** Thrown by whatever waited for an unlock when the user declined to unlock. */
export class KeysLockedError extends Error {
  readonly code = 'keys-locked';
  constructor(message = 'the keys are locked: unlock them with the workspace passphrase to sign') {
    super(message);
  }
}

/** 'progress': keys being encrypted, `done` of `total` (fractional during one); a batch ends with done === total. */
export type KeyEvent = { type: 'lock'; state: KeyLockState } | { type: 'unlock-needed' } | { type: 'progress'; done: number; total: number };

/** A new key for an owner, checked and encrypted but not stored yet (see rotateKey). */
export interface KeyReplacement {
  ownerId: string;
  previousAddress: string;
  address: string;
  /** Stores the new key in place of the old one; the old key is gone afterwards. */
  commit(): Promise<void>;
}

export interface KeyStore {
  status(): Promise<KeyStatus>;
  readonly unlocked: boolean;
  /** First use: sets the passphrase, encrypts plaintext keys, creates the operator key, unlocks. */
  setPassphrase(passphrase: string): Promise<KeyResult>;
  unlock(passphrase: string): Promise<KeyResult>;
  lock(): void;
  /** Resolves once unlocked; asks for an unlock ('unlock-needed') when locked. */
  whenUnlocked(): Promise<void>;
  /** Rejects every pending whenUnlocked() with KeysLockedError. */
  cancelUnlock(): void;
  /** Reports user activity: restarts the idle countdown. */
  touch(): void;
  idleMinutes(): Promise<number>;
  /** Minutes of inactivity before locking; 0 switches the idle lock off. Remembered per workspace. */
  setIdleMinutes(minutes: number): Promise<void>;
  subscribe(listener: (event: KeyEvent) => void): () => void;
  /** Creates the keys that are missing (operator and each participant) and returns every address. */
  ensureKeys(workspace: Workspace): Promise<KeyAddresses>;
  /** The participant's wallet, connected to `provider` when given. Throws when the participant has no key. */
  getSigner(participantId: string, provider?: Provider | null): Promise<Wallet>;
  getOperatorSigner(provider?: Provider | null): Promise<Wallet>;
  /** The owner's key as a keystore v3 file encrypted with `filePassphrase` (for a real wallet). */
  exportKey(ownerId: string, filePassphrase: string): Promise<KeyResult<{ json: string; address: string }>>;
  /** Prepares a new random key for the owner. */
  rotateKey(ownerId: string): Promise<KeyResult<{ replacement: KeyReplacement }>>;
  /** Prepares the key of a keystore v3 file (opened with `filePassphrase`) for the owner. */
  importKey(ownerId: string, json: string, filePassphrase: string): Promise<KeyResult<{ replacement: KeyReplacement }>>;
}

/** Returns a new 0x-prefixed private key; replaceable in tests. */
export type KeyGenerator = () => Promise<string>;

export interface KeyStoreOptions {
  generate?: KeyGenerator;
  /** scrypt parameters of keystores written from now on (tests use cheap ones). */
  scrypt?: ScryptParams;
  timers?: IdleTimers;
  /** Where scrypt runs: the IDE passes the keystore worker's client (keys/worker); default on this thread. */
  crypto?: KeystoreCrypto;
}

const randomKey: KeyGenerator = async () => {
  const { Wallet } = await import('ethers');
  return Wallet.createRandom().privateKey;
};

const idleMetaKey = (workspaceId: string) => `idleLockMinutes:${workspaceId}`;

function fail(error: KeyError, detail: string): { ok: false; error: KeyError; detail: string } {
  return { ok: false, error, detail };
}

export function createKeyStore(db: StudioDb, workspaceId: string, options: KeyStoreOptions = {}): KeyStore {
  const generate = options.generate ?? randomKey;
  const scrypt = options.scrypt ?? KEYSTORE_SCRYPT;
  // not named `crypto`: that would hide Web Crypto's global in this scope
  const keystores = options.crypto ?? localKeystoreCrypto;
  const listeners = new Set<(event: KeyEvent) => void>();
  let waiters: { resolve(): void; reject(e: Error): void }[] = [];
  /** Present while unlocked: the passphrase and the keys decrypted so far. */
  let session: { passphrase: string; wallets: Map<string, Promise<Wallet>> } | undefined;
  // key writes are chained so two overlapping calls never create two keys for one owner
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  const emit = (event: KeyEvent) => listeners.forEach((l) => l(event));

  /**
   * Runs `total` scrypt jobs one after another (the worker runs one at a time anyway, and the
   * progress stays in order), reporting each job's fraction as part of the batch. The closing
   * event (done === total) is sent even when a job throws, so no progress bar stays up.
   */
  async function inBatch<T>(total: number, job: (index: number, progress: KeystoreProgress) => Promise<T>): Promise<T[]> {
    const results: T[] = [];
    if (total === 0) return results;
    emit({ type: 'progress', done: 0, total });
    try {
      for (let i = 0; i < total; i++) results.push(await job(i, (fraction) => emit({ type: 'progress', done: Math.min(total, i + fraction), total })));
    } finally {
      emit({ type: 'progress', done: total, total });
    }
    return results;
  }
  const idle = createIdleLock(DEFAULT_IDLE_MINUTES * 60_000, () => store.lock(), options.timers);
  let idleLoaded: Promise<number> | undefined;
  const loadIdle = () =>
    (idleLoaded ??= db.get('meta', idleMetaKey(workspaceId)).then((v) => {
      const minutes = v === undefined ? DEFAULT_IDLE_MINUTES : Number(v);
      idle.setTimeoutMs(minutes * 60_000);
      return minutes;
    }));

  const records = () => db.getAllFromIndex('keys', 'byWorkspace', workspaceId);

  async function record(ownerId: string): Promise<KeyRecord> {
    const found = await db.get('keys', [workspaceId, ownerId]);
    if (!found) throw new Error(`no key for "${ownerId}" in workspace ${workspaceId}; keys are created by ensureKeys`);
    return found;
  }

  /** Writes records in one transaction: all of them or none. */
  async function putAll(list: KeyRecord[]): Promise<void> {
    const tx = db.transaction('keys', 'readwrite');
    await Promise.all([...list.map((r) => tx.store.put(r)), tx.done]);
  }

  async function encrypted(r: KeyRecord, passphrase: string, onProgress?: KeystoreProgress): Promise<KeyRecord> {
    if (r.keystore || !r.privateKey) return r;
    const keystore = await keystores.encrypt(r.privateKey, passphrase, scrypt, onProgress);
    const { privateKey: _dropped, ...rest } = r;
    return { ...rest, keystore };
  }

  async function migratePlaintext(passphrase: string): Promise<void> {
    const plain = (await records()).filter((r) => !r.keystore && r.privateKey);
    if (plain.length) await putAll(await inBatch(plain.length, (i, progress) => encrypted(plain[i], passphrase, progress)));
  }

  async function newRecord(ownerId: string, passphrase: string, privateKey?: string, onProgress?: KeystoreProgress): Promise<KeyRecord> {
    const { Wallet } = await import('ethers');
    const key = privateKey ?? (await generate());
    const keystore = await keystores.encrypt(key, passphrase, scrypt, onProgress);
    return { workspaceId, ownerId, keystore, address: new Wallet(key).address, createdAt: Date.now() };
  }

  function startSession(passphrase: string) {
    session = { passphrase, wallets: new Map() };
    const waiting = waiters;
    waiters = [];
    waiting.forEach((w) => w.resolve());
    void loadIdle().then(() => session && idle.start());
    emit({ type: 'lock', state: 'unlocked' });
  }

  async function wallet(ownerId: string, provider?: Provider | null): Promise<Wallet> {
    await store.whenUnlocked();
    const current = session!;
    let decrypted = current.wallets.get(ownerId);
    if (!decrypted) {
      decrypted = (async () => {
        const { Wallet } = await import('ethers');
        const r = await record(ownerId);
        if (!r.keystore) return new Wallet(r.privateKey!);
        const opened = await keystores.decrypt(r.keystore, current.passphrase);
        if (!opened.ok) throw new Error(`the key of "${ownerId}" does not open with the workspace passphrase: ${opened.detail}`);
        return new Wallet(opened.privateKey);
      })();
      decrypted.catch(() => current.wallets.delete(ownerId));
      current.wallets.set(ownerId, decrypted);
    }
    store.touch();
    return (await decrypted).connect(provider ?? null);
  }

  async function prepare(ownerId: string, privateKey: string | undefined): Promise<KeyResult<{ replacement: KeyReplacement }>> {
    await store.whenUnlocked();
    const current = session!;
    const previous = await record(ownerId).catch(() => undefined);
    if (!previous) return fail('no-key', `"${ownerId}" has no key in this workspace yet`);
    const next = await newRecord(ownerId, current.passphrase, privateKey);
    const holder = (await records()).find((r) => r.ownerId !== ownerId && r.address.toLowerCase() === next.address.toLowerCase());
    if (holder) return fail('address-in-use', `${next.address} is already the key of "${holder.ownerId}"`);
    const replacement: KeyReplacement = {
      ownerId,
      previousAddress: previous.address,
      address: next.address,
      commit: () =>
        serial(async () => {
          await db.put('keys', next);
          session?.wallets.delete(ownerId);
        }),
    };
    return { ok: true, replacement };
  }

  const store: KeyStore = {
    async status() {
      if (session) return { lock: 'unlocked', plaintextKeys: 0 };
      const all = await records();
      return {
        lock: all.some((r) => r.keystore) ? 'locked' : 'unset',
        plaintextKeys: all.filter((r) => !r.keystore && r.privateKey).length,
      };
    },

    get unlocked() {
      return session !== undefined;
    },

    setPassphrase: (passphrase) =>
      serial(async () => {
        if ((await records()).some((r) => r.keystore)) return fail('already-set', 'this workspace has a passphrase already: unlock instead');
        if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
          return fail('weak-passphrase', `the passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
        }
        const all = await records();
        const plain = all.filter((r) => !r.keystore && r.privateKey);
        const needsOperator = !all.some((r) => r.ownerId === OPERATOR_KEY_ID);
        const made = await inBatch(plain.length + (needsOperator ? 1 : 0), (i, progress) =>
          i < plain.length ? encrypted(plain[i], passphrase, progress) : newRecord(OPERATOR_KEY_ID, passphrase, undefined, progress),
        );
        const list = [...all.filter((r) => !plain.includes(r)), ...made];
        await putAll(list);
        startSession(passphrase);
        return { ok: true };
      }),

    async unlock(passphrase) {
      if (session) return { ok: true };
      const all = await records();
      const check = all.find((r) => r.ownerId === OPERATOR_KEY_ID && r.keystore) ?? all.find((r) => r.keystore);
      if (!check?.keystore) return fail('not-set', 'no passphrase is set for this workspace yet');
      const opened = await keystores.decrypt(check.keystore, passphrase);
      if (!opened.ok) return fail(opened.error, opened.error === 'wrong-passphrase' ? 'wrong passphrase' : opened.detail);
      await serial(() => migratePlaintext(passphrase));
      if (session) return { ok: true }; // unlocked meanwhile by another call
      startSession(passphrase);
      const { Wallet } = await import('ethers');
      session!.wallets.set(check.ownerId, Promise.resolve(new Wallet(opened.privateKey)));
      return { ok: true };
    },

    lock() {
      idle.stop();
      if (!session) return;
      session = undefined;
      emit({ type: 'lock', state: 'locked' });
    },

    whenUnlocked() {
      if (session) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject });
        emit({ type: 'unlock-needed' });
      });
    },

    cancelUnlock() {
      const waiting = waiters;
      waiters = [];
      waiting.forEach((w) => w.reject(new KeysLockedError()));
    },

    touch() {
      if (session) idle.touch();
    },

    idleMinutes: () => loadIdle(),

    async setIdleMinutes(minutes) {
      if (!Number.isFinite(minutes) || minutes < 0) throw new Error(`idle lock minutes must be 0 or more, got ${minutes}`);
      await db.put('meta', String(minutes), idleMetaKey(workspaceId));
      idleLoaded = Promise.resolve(minutes);
      idle.setTimeoutMs(minutes * 60_000);
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async ensureKeys(workspace) {
      const owners = [OPERATOR_KEY_ID, ...workspace.participants.map((p) => p.id)];
      const stored = new Set((await records()).map((k) => k.ownerId));
      // wait outside the queue: setPassphrase and unlock must be able to run meanwhile
      if (owners.some((o) => !stored.has(o))) await store.whenUnlocked();
      return serial(async () => {
        const existing = new Map((await records()).map((k) => [k.ownerId, k.address]));
        const missing = owners.filter((o) => !existing.has(o));
        // each key is stored as soon as it exists: an interrupted batch keeps what it made
        await inBatch(missing.length, async (i, progress) => {
          if (!session) throw new KeysLockedError('the keys were locked while creating new ones: unlock and try again');
          const r = await newRecord(missing[i], session.passphrase, undefined, progress);
          await db.add('keys', r);
          existing.set(missing[i], r.address);
        });
        const participants: Record<string, string> = {};
        for (const p of workspace.participants) participants[p.id] = existing.get(p.id)!;
        return { operator: existing.get(OPERATOR_KEY_ID)!, participants };
      });
    },

    getSigner: (participantId, provider) => wallet(participantId, provider),
    getOperatorSigner: (provider) => wallet(OPERATOR_KEY_ID, provider),

    async exportKey(ownerId, filePassphrase) {
      if (filePassphrase.length < MIN_PASSPHRASE_LENGTH) {
        return fail('weak-passphrase', `the file's passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
      }
      const w = await wallet(ownerId);
      // exported files use the same parameters; a wallet reads them from the file
      return { ok: true, json: await keystores.encrypt(w.privateKey, filePassphrase, scrypt), address: w.address };
    },

    rotateKey: (ownerId) => prepare(ownerId, undefined),

    async importKey(ownerId, json, filePassphrase) {
      const opened = await keystores.decrypt(json, filePassphrase);
      if (!opened.ok) return fail(opened.error, opened.detail);
      return prepare(ownerId, opened.privateKey);
    },
  };
  return store;
}

/** One key store per workspace for the life of the page: the unlocked keys live in it. */
export function createKeyring(db: StudioDb, options: KeyStoreOptions = {}): (workspaceId: string) => KeyStore {
  const stores = new Map<string, KeyStore>();
  return (workspaceId) => {
    let found = stores.get(workspaceId);
    if (!found) stores.set(workspaceId, (found = createKeyStore(db, workspaceId, options)));
    return found;
  };
}
