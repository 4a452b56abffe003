/** evm_snapshot/evm_revert, polling filters, interval mining and ledger_storageInfo. */
import 'fake-indexeddb/auto';
import { ethers } from 'ethers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openIndexedDbLedgerStore } from '../store/indexeddb-store.js';
import { alice, bob, counterAt, counterContract, fundedAlloc as alloc, mineCounterBlocks } from '../test-support/counter-chain.js';
import { createLedgerEngine } from './create-ledger-engine.js';
import type { LedgerEngine } from './ledger-types.js';
import { loadKeccak } from './keccak.js';
import { loadSenderRecovery } from './sender-recovery.js';

const CHAIN_ID = 31337;
const call = (engine: LedgerEngine, method: string, ...params: unknown[]) => engine.request({ method, params });
const transfer = (nonce: number, value = 1n) =>
  alice.signTransaction({ to: bob.address, value, nonce, gasLimit: 21_000, gasPrice: 0, chainId: CHAIN_ID });

describe('evm_snapshot / evm_revert', () => {
  it('rewinds blocks, state and the store to the snapshot, and uses the snapshot up', async () => {
    // given a chain with a counter at 2 and a snapshot there
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('snap') });
    const address = await mineCounterBlocks(engine, 2);
    await call(engine, 'ledger_setBalance', bob.address, '0x7');
    const snapshot = await call(engine, 'evm_snapshot');
    const head = await call(engine, 'eth_getBlockByNumber', 'latest', false);
    // when more happens and the ledger reverts to the snapshot
    const later = await (await counterAt(engine, address).increment('to be undone')).wait();
    await call(engine, 'ledger_setBalance', bob.address, '0x9');
    const laterSnapshot = await call(engine, 'evm_snapshot');
    expect(await call(engine, 'evm_revert', snapshot)).toBe(true);
    // then head, state and the pending faucet edit are as they were; the undone tx is unknown
    expect(await call(engine, 'eth_getBlockByNumber', 'latest', false)).toEqual(head);
    expect(await counterAt(engine, address).count()).toBe(2n);
    expect(await call(engine, 'eth_getBalance', bob.address, 'latest')).toBe('0x7');
    expect(await call(engine, 'eth_getTransactionReceipt', later!.hash)).toBeNull();
    // and both snapshots are used up
    expect(await call(engine, 'evm_revert', snapshot)).toBe(false);
    expect(await call(engine, 'evm_revert', laterSnapshot)).toBe(false);
    // and the chain grows again from there, in memory and in the store, and verifies
    const again = await (await counterAt(engine, address).increment('after revert')).wait();
    expect(again!.blockNumber).toBe(4);
    await engine.idle();
    const reopened = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('snap') });
    expect(await call(reopened, 'eth_getBlockByNumber', 'latest', false)).toEqual(await call(engine, 'eth_getBlockByNumber', 'latest', false));
    expect(await call(reopened, 'ledger_verify')).toMatchObject({ ok: true, blocks: 5 });
  });

  it('refuses a malformed snapshot id', async () => {
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc });
    await expect(call(engine, 'evm_revert', 'one')).rejects.toMatchObject({ code: -32602 });
  });
});

describe('polling filters', () => {
  it('reports new block hashes and matching logs once each, and forgets uninstalled filters', async () => {
    // given a counter and a block filter and a log filter on its Incremented event by Bob
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc });
    await call(engine, 'ledger_setBalance', bob.address, ethers.toQuantity(ethers.parseEther('1')));
    const address = await mineCounterBlocks(engine, 0);
    const iface = new ethers.Interface(counterContract().abi as ethers.InterfaceAbi);
    const topic = iface.getEvent('Incremented')!.topicHash;
    const blocks = await call(engine, 'eth_newBlockFilter');
    const logs = await call(engine, 'eth_newFilter', { address, topics: [topic, ethers.zeroPadValue(bob.address, 32)] });
    expect(await call(engine, 'eth_getFilterChanges', blocks)).toEqual([]);
    // when Alice and Bob each increment
    await (await counterAt(engine, address, alice).increment('alice')).wait();
    const byBob = await (await counterAt(engine, address, bob).increment('bob')).wait();
    // then the block filter reports both blocks, the log filter only Bob's event, once
    const hashes = (await call(engine, 'eth_getFilterChanges', blocks)) as string[];
    expect(hashes).toHaveLength(2);
    expect(hashes[1]).toBe(byBob!.blockHash);
    const changes = (await call(engine, 'eth_getFilterChanges', logs)) as { transactionHash: string }[];
    expect(changes.map((l) => l.transactionHash)).toEqual([byBob!.hash]);
    expect(await call(engine, 'eth_getFilterChanges', logs)).toEqual([]);
    // getFilterLogs ignores polling: fromBlock/toBlock default to latest, which is Bob's block
    expect(await call(engine, 'eth_getFilterLogs', logs)).toEqual(changes);
    // and an uninstalled filter is gone
    expect(await call(engine, 'eth_uninstallFilter', logs)).toBe(true);
    await expect(call(engine, 'eth_getFilterChanges', logs)).rejects.toMatchObject({ code: -32000, message: 'filter not found' });
  });

  it('serves ethers contract event subscriptions through filters', async () => {
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc });
    const address = await mineCounterBlocks(engine, 0);
    const counter = counterAt(engine, address);
    const seen = new Promise<string>((resolve) => void counter.on('Incremented', (_by, _n, note: string) => resolve(note)));
    await new Promise((resolve) => setTimeout(resolve, 300)); // let ethers install its filter
    await (await counter.increment('事件 event')).wait();
    expect(await seen).toBe('事件 event');
    await counter.removeAllListeners();
  });
});

describe('interval mining', () => {
  afterEach(() => vi.useRealTimers());

  it('queues transactions and mines them together on the interval; 0 returns to automine', async () => {
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc });
    expect(await call(engine, 'ledger_setIntervalMining', 200)).toBe(true);
    // when three transfers are sent within one interval
    const hashes = [];
    for (let nonce = 0; nonce < 3; nonce++) hashes.push(await call(engine, 'eth_sendRawTransaction', await transfer(nonce)));
    // then they wait: no receipt, the pending nonce counts them, a nonce gap is refused
    expect(await call(engine, 'eth_getTransactionReceipt', hashes[0])).toBeNull();
    expect(await call(engine, 'eth_getTransactionCount', alice.address, 'pending')).toBe('0x3');
    expect(await call(engine, 'eth_getTransactionCount', alice.address, 'latest')).toBe('0x0');
    await expect(call(engine, 'eth_sendRawTransaction', await transfer(5))).rejects.toThrow(/nonce too high/);
    await expect(call(engine, 'eth_sendRawTransaction', await transfer(1))).rejects.toThrow(/already known|nonce too low/);
    // and the next tick mines all three in block 1
    await vi.waitFor(async () => expect(await call(engine, 'eth_blockNumber')).toBe('0x1'), { timeout: 2_000 });
    const block = (await call(engine, 'eth_getBlockByNumber', '0x1', false)) as { transactions: string[] };
    expect(block.transactions).toEqual(hashes);
    // and back on automine, a transaction is mined at once
    await call(engine, 'ledger_setIntervalMining', 0);
    await call(engine, 'eth_sendRawTransaction', await transfer(3));
    expect(await call(engine, 'eth_blockNumber')).toBe('0x2');
    expect(await call(engine, 'ledger_verify')).toMatchObject({ ok: true, blocks: 3 });
  });

  it('evm_mine mines an empty block, and refuses a bad interval', async () => {
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc });
    await call(engine, 'evm_mine');
    expect(await call(engine, 'eth_blockNumber')).toBe('0x1');
    await expect(call(engine, 'ledger_setIntervalMining', -1)).rejects.toMatchObject({ code: -32602 });
  });
});

describe('ledger_storageInfo', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports the browser estimate and persistence where navigator.storage exists', async () => {
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc });
    await mineCounterBlocks(engine, 1);
    await loadSenderRecovery(); // started by the engine, not awaited by it
    await loadKeccak(); // the same
    expect(await call(engine, 'ledger_storageInfo')).toMatchObject({
      usage: null,
      quota: null,
      persisted: null,
      blocks: 3,
      storeFormat: 2,
      senderRecovery: { implementation: 'wasm-libsecp256k1' },
      keccak: { implementation: 'wasm-hash-wasm' },
    });
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 1234, quota: 10_000 }), persisted: async () => true } });
    const info = (await call(engine, 'ledger_storageInfo')) as { ledgerBytes: number };
    expect(info).toMatchObject({ usage: 1234, quota: 10_000, persisted: true, blocks: 3 });
    expect(info.ledgerBytes).toBeGreaterThan(1000);
  });
});
