import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteIndexedDbLedgerStore, openIndexedDbLedgerStore } from './indexeddb-store.js';
import type { LedgerLogEntry, LedgerStore } from './ledger-store.js';
import { MemoryLedgerStore } from './memory-store.js';

const genesis: LedgerLogEntry = {
  kind: 'genesis',
  format: 1,
  chainId: 1337,
  blockGasLimit: '0x1c9c380',
  timestamp: 1,
  alloc: {},
  hash: '0x01',
};
const block = (number: number): LedgerLogEntry => ({
  kind: 'block',
  number,
  timestamp: 1,
  transactions: ['0xf8'],
  hash: `0x0${number}`,
});

describe.each([
  ['IndexedDB', (name: string): Promise<LedgerStore> => openIndexedDbLedgerStore(name)],
  ['memory', async (): Promise<LedgerStore> => new MemoryLedgerStore()],
])('%s ledger store', (_kind, open) => {
  it('returns entries in append order and forgets them on clear', async () => {
    const store = await open('order');
    await store.append(genesis);
    for (let n = 1; n <= 20; n++) await store.append(block(n));
    const entries = await store.readAll();
    expect(entries[0]).toEqual(genesis);
    expect(entries.slice(1).map((e) => (e.kind === 'block' ? e.number : -1))).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    await store.clear();
    expect(await store.readAll()).toEqual([]);
  });

  it('stores a copy: changing an entry afterwards does not rewrite history', async () => {
    const store = await open('copies');
    const entry = block(1);
    await store.append(entry);
    (entry as { hash: string }).hash = '0xff';
    const [read] = await store.readAll();
    (read as { number: number }).number = 99;
    expect(await store.readAll()).toEqual([block(1)]);
  });

  it('keeps nothing of an entry that cannot be stored', async () => {
    const store = await open('atomic');
    await store.append(genesis);
    const broken = { ...block(1), transactions: [() => '0x'] } as unknown as LedgerLogEntry;
    await expect(store.append(broken)).rejects.toThrow();
    expect(await store.readAll()).toEqual([genesis]);
  });
});

describe('IndexedDB ledger store', () => {
  it('keeps ledgers of different names apart and survives reopening', async () => {
    const a = await openIndexedDbLedgerStore('workspace-a');
    const b = await openIndexedDbLedgerStore('workspace-b');
    await a.append(genesis);
    expect(await b.readAll()).toEqual([]);
    a.close();
    expect(await (await openIndexedDbLedgerStore('workspace-a')).readAll()).toEqual([genesis]);
  });

  it('deletes a ledger database', async () => {
    const store = await openIndexedDbLedgerStore('doomed');
    await store.append(genesis);
    store.close();
    await deleteIndexedDbLedgerStore('doomed');
    expect(await (await openIndexedDbLedgerStore('doomed')).readAll()).toEqual([]);
  });

  it('refuses an empty name', async () => {
    await expect(openIndexedDbLedgerStore(' ')).rejects.toThrow('ledger store name must not be empty');
  });
});
