/** Persistence as stored data: a reopened ledger has the same blocks, receipts and state, without re-executing. */
import 'fake-indexeddb/auto';
import { ethers } from 'ethers';
import { describe, expect, it } from 'vitest';
import { openIndexedDbLedgerStore } from '../store/indexeddb-store.js';
import type { LedgerStore, StoreChange } from '../store/ledger-store.js';
import { MemoryLedgerStore } from '../store/memory-store.js';
import { alice, bob, chainFingerprint, counterAt, fundedAlloc as alloc, mineCounterBlocks, providerOf } from '../test-support/counter-chain.js';
import { tamperRecord } from '../test-support/tamper-idb.js';
import type { StoredBlock } from '../store/ledger-store.js';
import { createLedgerEngine } from './create-ledger-engine.js';
import type { LedgerEngine } from './ledger-types.js';

const CHAIN_ID = 4242;

async function waitForVerification(engine: LedgerEngine): Promise<Record<string, unknown>> {
  for (;;) {
    const status = (await engine.request({ method: 'ledger_lastVerification' })) as { state: string };
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('ledger persistence as stored data', () => {
  it('reopens an IndexedDB ledger with the same blocks, receipts, state and pending faucet edit', async () => {
    // given a ledger with a contract, 12 increments, a faucet edit in between and one after the head
    const first = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('restore-a') });
    const counterAddress = await mineCounterBlocks(first, 6);
    await first.request({ method: 'ledger_setBalance', params: [bob.address, '0x2a'] });
    const counter = counterAt(first, counterAddress, bob);
    for (let i = 0; i < 6; i++) await (await counter.increment('after faucet')).wait();
    await first.request({ method: 'ledger_setBalance', params: [bob.address, '0x2b'] });
    await first.idle();
    const before = await chainFingerprint(first, counterAddress);
    // when a second engine opens the same database (as after a page reload)
    const second = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('restore-a') });
    const after = await chainFingerprint(second, counterAddress);
    // then everything is identical, down to every block hash and receipt, and the pending edit
    expect(before.head).toBe(13);
    expect(after).toEqual(before);
    expect(BigInt(after.count as string)).toBe(12n);
    expect(BigInt(after.bobBalance as string)).toBe(43n);
    // and the verification run on open finds the stored chain intact
    expect(await waitForVerification(second)).toMatchObject({ state: 'done', result: { ok: true, blocks: 14 } });
    // and the reopened chain keeps going from the same head, its state root committing to the pending edit
    const next = providerOf(second);
    const receipt = await (await counterAt(second, counterAddress).increment('after reload')).wait();
    expect(receipt!.blockNumber).toBe(14);
    expect((await next.getBlock(14))!.parentHash).toBe((before.blocks[13] as unknown as { hash: string }).hash);
    await second.idle();
    const third = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('restore-a') });
    expect(await third.request({ method: 'ledger_verify' })).toEqual({ ok: true, blocks: 15, ms: expect.any(Number) });
  }, 60_000);

  it('restores without re-executing: unusable stored transactions still load, and verification names them', async () => {
    // given a stored chain whose raw transactions were all replaced by garbage after it was written
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('restore-no-exec') });
    const counterAddress = await mineCounterBlocks(engine, 3);
    await engine.idle();
    const before = await chainFingerprint(engine, counterAddress);
    for (let n = 1; n <= 4; n++) {
      await tamperRecord<StoredBlock>('restore-no-exec', 'blocks', n, (block) => {
        for (const tx of block.transactions) tx.raw = new Uint8Array([0xc0]);
      });
    }
    // when it is reopened
    const reopened = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('restore-no-exec') });
    // then it serves the same chain (nothing was executed), and the check on open names block 1
    expect(await chainFingerprint(reopened, counterAddress)).toEqual(before);
    expect(await waitForVerification(reopened)).toMatchObject({
      state: 'done',
      result: { ok: false, firstBadBlock: 1, reason: expect.stringMatching(/does not re-execute: invalid transaction/) },
    });
  }, 60_000);

  it('skips the verification on open above the configured size', async () => {
    const store = new MemoryLedgerStore();
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    await mineCounterBlocks(engine, 2);
    await engine.idle();
    const reopened = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store, autoVerifyMaxBlocks: 3 });
    expect(await reopened.request({ method: 'ledger_lastVerification' })).toEqual({
      state: 'skipped',
      reason: 'more than 3 blocks: run ledger_verify',
    });
  });

  it('refuses a store that holds a chain with other genesis settings', async () => {
    const store = new MemoryLedgerStore();
    await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    await expect(createLedgerEngine({ chainId: 1, alloc, store })).rejects.toThrow(/chainId 4242, not 1/);
    await expect(createLedgerEngine({ chainId: CHAIN_ID, store })).rejects.toThrow(/different genesis alloc/);
  });

  it('reset wipes the store and starts a new chain from genesis', async () => {
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('restore-reset') });
    await mineCounterBlocks(engine, 2);
    await engine.reset();
    expect(await engine.request({ method: 'eth_blockNumber' })).toBe('0x0');
    expect(await engine.request({ method: 'eth_getBalance', params: [alice.address, 'latest'] })).toBe(
      ethers.toQuantity(ethers.parseEther('5')),
    );
    const stored = await (await openIndexedDbLedgerStore('restore-reset')).load();
    expect(stored?.blocks).toHaveLength(1);
    const reopened = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('restore-reset') });
    expect(await reopened.request({ method: 'eth_blockNumber' })).toBe('0x0');
  });

  it('loses a block whose write fails, keeps the chain before it, and refuses changes until reset', async () => {
    // given a store that fails its next block write (as if the tab died mid-commit), and
    // per-request durability (answers wait for the store)
    const store = new FlakyStore();
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store, durability: 'per-request' });
    const transfer = (nonce: number) =>
      alice.signTransaction({ to: bob.address, value: 1n, nonce, gasLimit: 21_000, gasPrice: 0, chainId: CHAIN_ID });
    await engine.request({ method: 'eth_sendRawTransaction', params: [await transfer(0)] });
    store.failNext = true;
    // when a transaction is sent, it is mined but the caller learns it was not saved
    await expect(engine.request({ method: 'eth_sendRawTransaction', params: [await transfer(1)] })).rejects.toMatchObject({
      code: -32603,
      message: expect.stringMatching(/block 2 was applied but the ledger store could not save it \(disk full\)/),
    });
    // then further state changes are refused, reads still work
    await expect(engine.request({ method: 'ledger_setBalance', params: [bob.address, '0x1'] })).rejects.toThrow(/ledger store failed/);
    expect(await engine.request({ method: 'eth_blockNumber' })).toBe('0x2');
    // and the store holds the chain up to block 1, whole, which reopens and verifies
    const reopened = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    expect(await reopened.request({ method: 'eth_blockNumber' })).toBe('0x1');
    expect(await reopened.request({ method: 'ledger_verify' })).toMatchObject({ ok: true, blocks: 2 });
    // and a reset recovers
    await engine.reset();
    await expect(engine.request({ method: 'ledger_setBalance', params: [bob.address, '0x1'] })).resolves.toBe(true);
  });
});

describe('batched store writes (the default)', () => {
  it('answers before the write, reports a failed write on the next change and on ledger_flush', async () => {
    // given a store whose next block write fails
    const store = new FlakyStore();
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    const transfer = (nonce: number) =>
      alice.signTransaction({ to: bob.address, value: 1n, nonce, gasLimit: 21_000, gasPrice: 0, chainId: CHAIN_ID });
    store.failNext = true;
    // when a transaction is sent, it is answered at once
    await expect(engine.request({ method: 'eth_sendRawTransaction', params: [await transfer(0)] })).resolves.toMatch(/^0x/);
    // then the failure shows on ledger_flush and refuses the next change
    await expect(engine.request({ method: 'ledger_flush' })).rejects.toThrow(/the ledger store failed \(disk full\); recent blocks are not saved/);
    await expect(engine.request({ method: 'eth_sendRawTransaction', params: [await transfer(1)] })).rejects.toThrow(/ledger store failed \(disk full\)/);
    // and the store holds the chain before the lost block
    expect((await store.load())?.blocks).toHaveLength(1);
  });

  it('writes blocks mined while a commit is in flight in one commit, each block whole', async () => {
    const store = new FlakyStore();
    store.delayMs = 30; // a commit takes time, as in IndexedDB
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    const raws = await Promise.all(
      [0, 1, 2, 3, 4].map((nonce) => alice.signTransaction({ to: bob.address, value: 1n, nonce, gasLimit: 21_000, gasPrice: 0, chainId: CHAIN_ID })),
    );
    const commitsBefore = store.commits.length;
    await Promise.all(raws.map((raw) => engine.request({ method: 'eth_sendRawTransaction', params: [raw] })));
    await engine.request({ method: 'ledger_flush' });
    const commits = store.commits.slice(commitsBefore);
    expect(commits.flat()).toEqual([1, 2, 3, 4, 5]);
    expect(commits.length).toBeLessThan(5);
    expect(await engine.request({ method: 'ledger_verify' })).toMatchObject({ ok: true, blocks: 6 });
  });
});

class FlakyStore implements LedgerStore {
  readonly label = 'flaky store';
  failNext = false;
  private readonly inner = new MemoryLedgerStore();
  load = () => this.inner.load();
  /** Block numbers of each commit. */
  readonly commits: number[][] = [];
  delayMs = 0;
  async commit(change: StoreChange): Promise<void> {
    this.commits.push((change.blocks ?? []).map((b) => b.block.number));
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failNext && change.blocks?.length) {
      this.failNext = false;
      throw new Error('disk full');
    }
    await this.inner.commit(change);
  }
}
