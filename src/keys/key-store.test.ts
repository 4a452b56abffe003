import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Wallet } from 'ethers';
import type { Workspace } from '../../generators/index.js';
import { openStudioDb } from '../persistence/studio-db.js';
import { createKeyStore } from './key-store.js';
import { assignAddresses } from './assign-addresses.js';

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

let n = 0;
const freshDb = () => openStudioDb(`test-keys-${++n}`);

describe('KeyStore', () => {
  it('creates one distinct key per participant plus the operator, once', async () => {
    // given a workspace without keys
    const store = createKeyStore(await freshDb(), 'ws1');
    // when keys are ensured twice, overlapping
    const [a, b] = await Promise.all([store.ensureKeys(workspace), store.ensureKeys(workspace)]);
    // then both calls agree and every owner has its own address
    expect(a).toEqual(b);
    const all = [a.operator, ...Object.values(a.participants)];
    expect(new Set(all).size).toBe(3);
    all.forEach((addr) => expect(addr).toMatch(/^0x[0-9a-fA-F]{40}$/));
  });

  it('signs with the key whose address it reported', async () => {
    const store = createKeyStore(await freshDb(), 'ws1');
    const keys = await store.ensureKeys(workspace);
    const signer = await store.getSigner('wang');
    expect(signer.address).toBe(keys.participants.wang);
    expect((await store.getOperatorSigner()).address).toBe(keys.operator);
  });

  it('keeps keys apart per workspace', async () => {
    const db = await freshDb();
    const one = await createKeyStore(db, 'ws1').ensureKeys(workspace);
    const two = await createKeyStore(db, 'ws2').ensureKeys(workspace);
    expect(one.participants.wang).not.toBe(two.participants.wang);
  });

  it('says whose key is missing', async () => {
    const store = createKeyStore(await freshDb(), 'ws1');
    await expect(store.getSigner('nobody')).rejects.toThrow(/no key for "nobody"/);
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
