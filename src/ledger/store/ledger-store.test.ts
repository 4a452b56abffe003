import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { LEDGER_DB_PREFIX, deleteIndexedDbLedgerStore, openIndexedDbLedgerStore } from './indexeddb-store.js';
import { LEDGER_STORE_FORMAT, type BlockRecords, type LedgerStore, type StoredGenesis } from './ledger-store.js';
import { MemoryLedgerStore } from './memory-store.js';

const genesis: StoredGenesis = { format: LEDGER_STORE_FORMAT, chainId: 1337, blockGasLimit: '0x1c9c380', timestamp: 1, alloc: {} };
const records = (number: number): BlockRecords => ({
  block: {
    number,
    hash: `0x0${number}`,
    preEdits: [],
    headerRlp: new Uint8Array([number, 1, 2]),
    header: { number: `0x${number.toString(16)}` },
    transactions: [],
  },
  receipts: { number, receipts: [] },
  state: { number, nodes: new Uint8Array([9, number]) },
});
const numbers = (chain: Awaited<ReturnType<LedgerStore['load']>>) => chain?.blocks.map((b) => b.block.number);

let unique = 0;
describe.each([
  ['IndexedDB', (): Promise<LedgerStore> => openIndexedDbLedgerStore(`store-${unique++}`)],
  ['memory', async (): Promise<LedgerStore> => new MemoryLedgerStore()],
])('%s ledger store', (_kind, open) => {
  it('is empty at first, then loads what was committed, in block order', async () => {
    const store = await open();
    expect(await store.load()).toBeUndefined();
    await store.commit({ clear: true, genesis, blocks: [records(0)], pendingEdits: [] });
    await store.commit({ blocks: [records(2), records(1)], pendingEdits: [{ address: '0xab', balance: '0x1' }] });
    const loaded = await store.load();
    expect(loaded?.genesis).toEqual(genesis);
    expect(numbers(loaded)).toEqual([0, 1, 2]);
    expect(loaded?.blocks[2]).toEqual(records(2));
    expect(loaded?.pendingEdits).toEqual([{ address: '0xab', balance: '0x1' }]);
  });

  it('truncates above a block and clears everything', async () => {
    const store = await open();
    await store.commit({ clear: true, genesis, blocks: [0, 1, 2, 3].map(records), pendingEdits: [] });
    await store.commit({ truncateAbove: 1, pendingEdits: [] });
    expect(numbers(await store.load())).toEqual([0, 1]);
    await store.commit({ clear: true });
    expect(await store.load()).toBeUndefined();
  });

  it('keeps nothing of a change that cannot be stored', async () => {
    const store = await open();
    await store.commit({ clear: true, genesis, blocks: [records(0)], pendingEdits: [] });
    const broken = { ...records(1), state: { number: 1, nodes: (() => 0) as unknown as Uint8Array } };
    await expect(store.commit({ blocks: [records(2), broken] })).rejects.toThrow();
    expect(numbers(await store.load())).toEqual([0]);
  });

  it('stores a copy: changing a record afterwards does not rewrite history', async () => {
    const store = await open();
    const block = records(0);
    await store.commit({ clear: true, genesis, blocks: [block] });
    block.block.hash = '0xff';
    const loaded = await store.load();
    loaded!.blocks[0].block.hash = '0xee';
    expect((await store.load())?.blocks[0].block.hash).toBe('0x00');
  });

  it('refuses another format and names the store and both versions', async () => {
    const store = await open();
    await store.commit({ clear: true, genesis: { ...genesis, format: 3 }, blocks: [records(0)] });
    await expect(store.load()).rejects.toThrow(/holds ledger data in format 3; this version reads format 2 only/);
  });

  it('refuses a store whose block misses a record, naming the block', async () => {
    const store = await open();
    await store.commit({ clear: true, genesis, blocks: [records(0), records(2)] });
    await expect(store.load()).rejects.toThrow(/is damaged: block 1 is missing/);
  });
});

describe('IndexedDB ledger store', () => {
  it('keeps ledgers of different names apart, survives reopening and deletes a database', async () => {
    const a = await openIndexedDbLedgerStore('workspace-a');
    const b = await openIndexedDbLedgerStore('workspace-b');
    await a.commit({ clear: true, genesis, blocks: [records(0)] });
    expect(await b.load()).toBeUndefined();
    a.close();
    expect(numbers(await (await openIndexedDbLedgerStore('workspace-a')).load())).toEqual([0]);
    await deleteIndexedDbLedgerStore('workspace-b');
    b.close();
  });

  it('refuses a format-1 replay log with a clear message instead of reading it as empty', async () => {
    // given a database written by the previous version (schema 1, one `log` store)
    const old = await openDB(`${LEDGER_DB_PREFIX}legacy`, 1, {
      upgrade: (db) => void db.createObjectStore('log', { autoIncrement: true }),
    });
    await old.add('log', { kind: 'genesis', format: 1 });
    old.close();
    // when this version opens it, then loading explains what happened
    const store = await openIndexedDbLedgerStore('legacy');
    await expect(store.load()).rejects.toThrow(/format 1 \(a transaction log\); this version reads format 2 only/);
  });

  it('refuses an empty name', async () => {
    await expect(openIndexedDbLedgerStore(' ')).rejects.toThrow('ledger store name must not be empty');
  });
});
