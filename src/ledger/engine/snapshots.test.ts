/** Named snapshots are stored with the chain: a reopened ledger (a reload, a restarted worker) can still revert. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIndexedDbLedgerStore } from '../store/indexeddb-store.js';
import { MemoryLedgerStore } from '../store/memory-store.js';
import { bob, counterAt, fundedAlloc as alloc, mineCounterBlocks } from '../test-support/counter-chain.js';
import { createLedgerEngine } from './create-ledger-engine.js';
import type { LedgerEngine } from './ledger-types.js';
import { restoredSnapshots, takeSnapshot, useUpSnapshot, NO_SNAPSHOTS } from './snapshots.js';

const CHAIN_ID = 31337;
const call = (engine: LedgerEngine, method: string, ...params: unknown[]) => engine.request({ method, params });
const open = (name: string) => openIndexedDbLedgerStore(name).then((store) => createLedgerEngine({ chainId: CHAIN_ID, alloc, store }));

describe('snapshots stored with the chain', () => {
  it('survive a reopened store: names, blocks and the faucet edit pending at the time, and revert still works', async () => {
    // given a counter at 2, a pending faucet edit and a named snapshot, then more blocks and a second snapshot
    const first = await open('snap-persist');
    const address = await mineCounterBlocks(first, 2);
    await call(first, 'ledger_setBalance', bob.address, '0x7');
    const taken = await call(first, 'ledger_snapshot', '  下单后 after order ');
    await (await counterAt(first, address).increment('later')).wait();
    await call(first, 'ledger_setBalance', bob.address, '0x9');
    const second = await call(first, 'evm_snapshot');
    await first.idle();

    // when a new engine opens the same database (a reload, or the worker restarted after a crash)
    const reopened = await open('snap-persist');

    // then both snapshots are listed as taken, oldest first, the blank-named one under its id
    expect(taken).toMatchObject({ id: '0x1', name: '下单后 after order', blockNumber: 3 });
    expect(await call(reopened, 'ledger_snapshots')).toEqual([taken, expect.objectContaining({ id: second, name: second, blockNumber: 4 })]);

    // and reverting to the first brings back its block, state and pending edit, using up both
    expect(await call(reopened, 'evm_revert', '0x1')).toBe(true);
    expect(await call(reopened, 'eth_blockNumber')).toBe('0x3');
    expect(await counterAt(reopened, address).count()).toBe(2n);
    expect(await call(reopened, 'eth_getBalance', bob.address, 'latest')).toBe('0x7');
    expect(await call(reopened, 'ledger_snapshots')).toEqual([]);

    // and a new snapshot gets a fresh id (ids are never reused), which a third reopen still has
    const next = (await call(reopened, 'ledger_snapshot', 'again')) as { id: string };
    expect(next.id).toBe('0x3');
    await reopened.idle();
    const third = await open('snap-persist');
    expect(await call(third, 'ledger_snapshots')).toEqual([next]);
    expect(await call(third, 'ledger_verify')).toMatchObject({ ok: true, blocks: 4 });
  });

  it('are dropped with the chain by a reset and by an import, in the store too', async () => {
    // given a chain with a snapshot, exported
    const store = new MemoryLedgerStore();
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    await mineCounterBlocks(engine, 1);
    await call(engine, 'ledger_snapshot', 'a');
    const exported = await call(engine, 'ledger_exportChain');
    // when the chain is imported over itself, then no snapshot is left, here or after a reopen
    await call(engine, 'ledger_importChain', exported);
    expect(await call(engine, 'ledger_snapshots')).toEqual([]);
    expect(await call(await createLedgerEngine({ chainId: CHAIN_ID, alloc, store }), 'ledger_snapshots')).toEqual([]);
    // and when a snapshot is taken and the ledger reset, it is gone from the store too
    await call(engine, 'ledger_snapshot', 'b');
    await engine.reset();
    expect(await call(engine, 'ledger_snapshots')).toEqual([]);
    expect(await call(await createLedgerEngine({ chainId: CHAIN_ID, alloc, store }), 'ledger_snapshots')).toEqual([]);
  });

  it('answers a snapshot only once it is in the store, with its block, even while blocks are written in batches', async () => {
    // given a batched ledger (the default) that just mined a block
    const store = new MemoryLedgerStore();
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    await call(engine, 'evm_mine');
    // when a snapshot is taken, then the store already holds it and the block it points at
    const taken = (await call(engine, 'ledger_snapshot', 'x')) as { id: string; blockNumber: number };
    const stored = await store.load();
    expect(stored?.snapshots?.list.map((s) => s.id)).toEqual([taken.id]);
    expect(stored?.blocks).toHaveLength(taken.blockNumber + 1);
  });

  it('refuses a name that is not a string', async () => {
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc });
    await expect(call(engine, 'ledger_snapshot', 42)).rejects.toMatchObject({ code: -32602 });
  });
});

describe('snapshot lists (pure)', () => {
  const at = (blockNumber: number, name?: string) => ({ name, blockNumber, pendingEdits: [], now: 0 });

  it('use up the reverted snapshot and every later one, keeping earlier ones and the next id', () => {
    let list = NO_SNAPSHOTS;
    for (const n of [1, 3, 4]) list = takeSnapshot(list, at(n)).snapshots;
    const found = useUpSnapshot(list, '0x2');
    expect(found?.snapshot.blockNumber).toBe(3);
    expect(found?.remaining).toEqual({ next: 4, list: [list.list[0]] });
    expect(useUpSnapshot(list, '0x9')).toBeUndefined();
  });

  it('leave out, on restore, a snapshot above the stored head (its blocks were lost in a crash)', () => {
    let list = NO_SNAPSHOTS;
    for (const n of [1, 5]) list = takeSnapshot(list, at(n, `s${n}`)).snapshots;
    const restored = restoredSnapshots(list, 4);
    expect(restored.list.map((s) => s.name)).toEqual(['s1']);
    expect(restored.next).toBe(3); // the lost one's id is still not reused
    expect(restoredSnapshots(undefined, 4)).toEqual(NO_SNAPSHOTS);
  });
});
