import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Wallet } from 'ethers';
import type { Workspace } from '../../generators/index.js';
import { openStudioDb, type StudioDb } from '../persistence/studio-db.js';
import { createKeyStore, KeysLockedError, OPERATOR_KEY_ID, type KeyEvent, type KeyStore } from './key-store.js';
import { assignAddresses, manifestWithKeyAddresses } from './assign-addresses.js';
import { keystoreScrypt, localKeystoreCrypto, type KeystoreCrypto } from './keystore-crypto.js';

const workspace = {
  schemaVersion: 1,
  name: 'w',
  organizations: [{ id: 'm', name: 'M' }],
  roles: [{ id: 'r', name: 'R' }],
  participants: [
    { id: 'wang', name: '王芳', kind: 'person', organization: 'm', roles: ['r'] },
    { id: 'line-3', name: 'Line 3', kind: 'device', organization: 'm', roles: ['r'] },
  ],
  processes: [],
} satisfies Workspace;

const PASS = '口令 correct horse';
const cheap = { scrypt: { N: 2 ** 10, r: 8, p: 1 } };
let n = 0;
const freshDb = () => openStudioDb(`test-keys-${++n}`);
const storeOn = (db: StudioDb, ws = 'ws1') => createKeyStore(db, ws, cheap);

async function unlockedStore(db?: StudioDb): Promise<{ db: StudioDb; store: KeyStore }> {
  const d = db ?? (await freshDb());
  const store = storeOn(d);
  expect(await store.setPassphrase(PASS)).toEqual({ ok: true });
  return { db: d, store };
}

afterEach(() => vi.useRealTimers());

describe('KeyStore: passphrase and encryption at rest', () => {
  it('on first use waits for a passphrase, then creates every key encrypted', async () => {
    // given a workspace without keys or passphrase
    const db = await freshDb();
    const store = storeOn(db);
    const events: KeyEvent[] = [];
    store.subscribe((e) => events.push(e));
    expect(await store.status()).toEqual({ lock: 'unset', plaintextKeys: 0 });
    // when keys are needed, the store asks for an unlock and waits
    const ensured = store.ensureKeys(workspace);
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'unlock-needed' }));
    // a short passphrase is refused and changes nothing
    expect(await store.setPassphrase('short')).toMatchObject({ ok: false, error: 'weak-passphrase' });
    expect(store.unlocked).toBe(false);
    // then setting the passphrase lets the keys be created
    expect(await store.setPassphrase(PASS)).toEqual({ ok: true });
    const keys = await ensured;
    const all = [keys.operator, ...Object.values(keys.participants)];
    expect(new Set(all).size).toBe(3);
    // and every stored record is a keystore, no plaintext key anywhere
    const records = await db.getAll('keys');
    expect(records).toHaveLength(3);
    for (const r of records) {
      expect(r.privateKey).toBeUndefined();
      expect(keystoreScrypt(r.keystore!)).toEqual(cheap.scrypt);
      const wallet = await store.getSigner(r.ownerId === OPERATOR_KEY_ID ? 'wang' : r.ownerId);
      expect(JSON.stringify(r)).not.toContain(wallet.privateKey.slice(2));
    }
    expect(events).toContainEqual({ type: 'lock', state: 'unlocked' });
  });

  it('after a reload is locked; a wrong passphrase is refused and loses nothing; the right one unlocks', async () => {
    const { db, store } = await unlockedStore();
    const keys = await store.ensureKeys(workspace);
    const before = await db.getAll('keys');
    // when the page reloads (a new store on the same database)
    const reloaded = storeOn(db);
    expect(await reloaded.status()).toEqual({ lock: 'locked', plaintextKeys: 0 });
    // addresses are known without unlocking
    expect(await reloaded.ensureKeys(workspace)).toEqual(keys);
    // signing waits for the unlock
    const signer = reloaded.getSigner('wang');
    // a wrong passphrase is refused with its reason, and the stored keys are untouched
    expect(await reloaded.unlock('not the passphrase')).toMatchObject({ ok: false, error: 'wrong-passphrase' });
    expect(reloaded.unlocked).toBe(false);
    expect(await db.getAll('keys')).toEqual(before);
    // the right passphrase unlocks and the waiting signer gets the same key as before
    expect(await reloaded.unlock(PASS)).toEqual({ ok: true });
    expect((await signer).address).toBe(keys.participants.wang);
  });

  it('rejects what waits for an unlock when the user cancels', async () => {
    const { db, store } = await unlockedStore();
    await store.ensureKeys(workspace);
    const reloaded = storeOn(db);
    const signer = reloaded.getOperatorSigner();
    await Promise.resolve();
    reloaded.cancelUnlock();
    await expect(signer).rejects.toBeInstanceOf(KeysLockedError);
  });

  it('refuses a second passphrase and unlocking a workspace that has none', async () => {
    const { store } = await unlockedStore();
    expect(await store.setPassphrase('another passphrase')).toMatchObject({ ok: false, error: 'already-set' });
    expect(await storeOn(await freshDb()).unlock(PASS)).toMatchObject({ ok: false, error: 'not-set' });
  });

  it('migrates plaintext keys of the spine to encrypted ones with the same addresses', async () => {
    // given keys stored in plaintext by the previous version
    const db = await freshDb();
    const legacy = [OPERATOR_KEY_ID, 'wang', 'line-3'].map((ownerId) => {
      const w = Wallet.createRandom();
      return { workspaceId: 'ws1', ownerId, privateKey: w.privateKey, address: w.address, createdAt: 1 };
    });
    for (const r of legacy) await db.add('keys', r);
    const store = storeOn(db);
    expect(await store.status()).toEqual({ lock: 'unset', plaintextKeys: 3 });
    // when the passphrase is set
    expect(await store.setPassphrase(PASS)).toEqual({ ok: true });
    // then every record is encrypted, the plaintext is gone and the keys are the same
    for (const r of legacy) {
      const stored = (await db.get('keys', ['ws1', r.ownerId]))!;
      expect(stored.privateKey).toBeUndefined();
      expect(stored.keystore).not.toContain(r.privateKey.slice(2));
      expect(stored.address).toBe(r.address);
    }
    const reloaded = storeOn(db);
    expect(await reloaded.unlock(PASS)).toEqual({ ok: true });
    expect((await reloaded.getSigner('wang')).privateKey).toBe(legacy[1].privateKey);
  });

  it('keeps keys apart per workspace', async () => {
    const db = await freshDb();
    const one = createKeyStore(db, 'ws1', cheap);
    const two = createKeyStore(db, 'ws2', cheap);
    await one.setPassphrase(PASS);
    await two.setPassphrase(PASS);
    expect((await one.ensureKeys(workspace)).participants.wang).not.toBe((await two.ensureKeys(workspace)).participants.wang);
  });

  it('says whose key is missing', async () => {
    const { store } = await unlockedStore();
    await expect(store.getSigner('nobody')).rejects.toThrow(/no key for "nobody"/);
  });
});

describe('KeyStore: idle lock', () => {
  it('locks after 15 idle minutes by default; activity postpones it', async () => {
    const { store } = await unlockedStore();
    await store.idleMinutes(); // the countdown starts once the setting is read
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    store.touch(); // re-arms the countdown on the fake clock
    const events: KeyEvent[] = [];
    store.subscribe((e) => events.push(e));
    vi.advanceTimersByTime(14 * 60_000);
    store.touch();
    vi.advanceTimersByTime(14 * 60_000);
    expect(store.unlocked).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(store.unlocked).toBe(false);
    expect(events).toEqual([{ type: 'lock', state: 'locked' }]);
  });

  it('remembers a configured timeout per workspace', async () => {
    const { db, store } = await unlockedStore();
    await store.setIdleMinutes(5);
    expect(await storeOn(db).idleMinutes()).toBe(5);
    expect(await storeOn(db, 'other').idleMinutes()).toBe(15);
    await expect(store.setIdleMinutes(-1)).rejects.toThrow(/0 or more/);
  });
});

describe('KeyStore: export, import, rotate', () => {
  it('exports a key file that imports back after a rotation', async () => {
    const { db, store } = await unlockedStore();
    const keys = await store.ensureKeys(workspace);
    // given wang's key exported with its own passphrase
    const exported = await store.exportKey('wang', 'file passphrase 文件');
    if (!exported.ok) throw new Error(exported.detail);
    expect(exported.address).toBe(keys.participants.wang);
    expect(JSON.parse(exported.json)).toMatchObject({ version: 3 });
    expect(await store.exportKey('wang', 'short')).toMatchObject({ ok: false, error: 'weak-passphrase' });

    // when wang's key is rotated, nothing changes until the replacement is committed
    const rotated = await store.rotateKey('wang');
    if (!rotated.ok) throw new Error(rotated.detail);
    expect(rotated.replacement.previousAddress).toBe(keys.participants.wang);
    expect((await store.getSigner('wang')).address).toBe(keys.participants.wang);
    await rotated.replacement.commit();
    expect((await store.getSigner('wang')).address).toBe(rotated.replacement.address);
    expect((await store.ensureKeys(workspace)).participants.wang).toBe(rotated.replacement.address);

    // a wrong file passphrase and a file that is no keystore are refused
    expect(await store.importKey('wang', exported.json, 'wrong passphrase')).toMatchObject({ ok: false, error: 'wrong-passphrase' });
    expect(await store.importKey('wang', '{"nope":1}', 'file passphrase 文件')).toMatchObject({ ok: false, error: 'invalid-file' });
    // and importing it for wang brings the old address back, stored encrypted with the workspace passphrase
    const imported = await store.importKey('wang', exported.json, 'file passphrase 文件');
    if (!imported.ok) throw new Error(imported.detail);
    expect(imported.replacement).toMatchObject({ previousAddress: rotated.replacement.address, address: keys.participants.wang });
    await imported.replacement.commit();
    const reloaded = storeOn(db);
    expect(await reloaded.unlock(PASS)).toEqual({ ok: true });
    expect((await reloaded.getSigner('wang')).address).toBe(keys.participants.wang);
  });

  it('refuses to import a key another owner of the workspace holds', async () => {
    const { store } = await unlockedStore();
    await store.ensureKeys(workspace);
    const exported = await store.exportKey('wang', 'file passphrase');
    if (!exported.ok) throw new Error(exported.detail);
    expect(await store.importKey('line-3', exported.json, 'file passphrase')).toMatchObject({ ok: false, error: 'address-in-use' });
  });
});

describe('assignAddresses', () => {
  it('writes key addresses into participants and replaces a foreign address', () => {
    const foreign = Wallet.createRandom().address;
    const ws = { ...workspace, participants: [{ ...workspace.participants[0], address: foreign }, workspace.participants[1]] };
    const next = assignAddresses(ws, { operator: '0x1', participants: { wang: '0xA', 'line-3': '0xB' } });
    expect(next.participants.map((p) => p.address)).toEqual(['0xA', '0xB']);
  });

  it('returns the same workspace when addresses already match', () => {
    const ws = { ...workspace, participants: workspace.participants.map((p, i) => ({ ...p, address: `0x${i}` })) };
    expect(assignAddresses(ws, { operator: '0x9', participants: { wang: '0x0', 'line-3': '0x1' } })).toBe(ws);
  });
});

describe('manifestWithKeyAddresses', () => {
  it('registers a participant whose key was made after the build on that key, and keeps one without a key as built', () => {
    // given a manifest built before wang's key existed, and a stale address for line-3
    const manifest = { name: 'm', participants: [{ id: 'wang' }, { id: 'line-3', address: '0xOld' }, { id: 'guest', address: '0xG' }] };
    // when the deployment takes the keys the IDE holds
    const next = manifestWithKeyAddresses(manifest, { operator: '0x1', participants: { wang: '0xA', 'line-3': '0xB' } });
    // then everyone with a key is on it, the rest as built, and the manifest given is untouched
    expect(next.participants.map((p) => p.address)).toEqual(['0xA', '0xB', '0xG']);
    expect(next.name).toBe('m');
    expect(manifest.participants[0]).toEqual({ id: 'wang' });
    expect(manifestWithKeyAddresses(next, { operator: '0x1', participants: { wang: '0xA', 'line-3': '0xB' } })).toBe(next);
  });
});

describe('KeyStore: where scrypt runs, and its progress', () => {
  it('encrypts through the injected crypto (the worker in the IDE) and reports each batch from 0 to total', async () => {
    // given a store whose scrypt goes through a counting wrapper of the local crypto
    const calls: string[] = [];
    const crypto: KeystoreCrypto = {
      encrypt: (key, pass, scrypt, onProgress) => (calls.push('encrypt'), localKeystoreCrypto.encrypt(key, pass, scrypt, onProgress)),
      decrypt: (json, pass, onProgress) => (calls.push('decrypt'), localKeystoreCrypto.decrypt(json, pass, onProgress)),
    };
    const db = await freshDb();
    const store = createKeyStore(db, 'ws1', { ...cheap, crypto });
    const progress: { done: number; total: number }[] = [];
    store.subscribe((e) => e.type === 'progress' && progress.push({ done: e.done, total: e.total }));

    // when the passphrase is set (the operator's key) and the two participants' keys are made
    await store.setPassphrase(PASS);
    await store.ensureKeys(workspace);

    // then every key went through the injected crypto
    expect(calls).toEqual(['encrypt', 'encrypt', 'encrypt']);
    // and progress ran 0 -> 1 for the first batch, 0 -> 2 for the second, never backwards
    const secondStart = progress.findIndex((p) => p.total === 2);
    expect(progress[0]).toEqual({ done: 0, total: 1 });
    expect(progress[secondStart - 1]).toEqual({ done: 1, total: 1 });
    expect(progress[secondStart]).toEqual({ done: 0, total: 2 });
    expect(progress.at(-1)).toEqual({ done: 2, total: 2 });
    const second = progress.slice(secondStart).map((p) => p.done);
    expect([...second].sort((a, b) => a - b)).toEqual(second);
    expect(second.some((d) => d > 0 && d < 2 && d !== 1)).toBe(true); // fractions within a key

    // and opening a key to sign decrypts through it too
    await store.getSigner('wang');
    expect(calls.at(-1)).toBe('decrypt');
  });

  it('closes a batch whose scrypt failed, so no progress bar stays up', async () => {
    const db = await freshDb();
    const failing: KeystoreCrypto = { ...localKeystoreCrypto, encrypt: async () => Promise.reject(new Error('worker died')) };
    const store = createKeyStore(db, 'ws1', { ...cheap, crypto: failing });
    const progress: { done: number; total: number }[] = [];
    store.subscribe((e) => e.type === 'progress' && progress.push({ done: e.done, total: e.total }));
    await expect(store.setPassphrase(PASS)).rejects.toThrow('worker died');
    expect(progress).toEqual([
      { done: 0, total: 1 },
      { done: 1, total: 1 },
    ]);
  });
});
