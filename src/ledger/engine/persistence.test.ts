/** Replay from the store: a reopened ledger has the same blocks, receipts and state. */
import 'fake-indexeddb/auto';
import { ContractFactory, Wallet, ethers, type Contract } from 'ethers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEthersProvider } from '../client/ethers-provider.js';
import { createInProcessProvider } from '../client/in-process-provider.js';
import { openIndexedDbLedgerStore } from '../store/indexeddb-store.js';
import type { LedgerLogEntry, LedgerStore } from '../store/ledger-store.js';
import { MemoryLedgerStore } from '../store/memory-store.js';
import { compileContract } from '../test-support/compile-solidity.js';
import { COUNTER_SOURCE } from '../test-support/counter-fixture.js';
import { createLedgerEngine } from './create-ledger-engine.js';
import type { LedgerEngine } from './ledger-types.js';

const CHAIN_ID = 4242;
const alice = new Wallet('0x' + '33'.repeat(32));
const bob = new Wallet('0x' + '44'.repeat(32));
const alloc = { [alice.address]: ethers.parseEther('5') };
let compiled: ReturnType<typeof compileContract>;

beforeAll(() => {
  compiled = compileContract(COUNTER_SOURCE, 'Counter');
});

/** Deploys Counter and sends `increments` transactions alternating between Alice and Bob. */
async function mineSomeBlocks(engine: LedgerEngine, increments: number): Promise<string> {
  const provider = createEthersProvider(createInProcessProvider(engine), CHAIN_ID);
  const factory = new ContractFactory(compiled.abi as ethers.InterfaceAbi, compiled.bytecode, alice.connect(provider));
  const counter = (await factory.deploy()) as unknown as Contract;
  await counter.waitForDeployment();
  for (let i = 0; i < increments; i++) {
    const signer = (i % 2 === 0 ? alice : bob).connect(provider);
    await (await (counter.connect(signer) as Contract).increment(`第${i}号`)).wait();
  }
  return counter.getAddress();
}

async function snapshot(engine: LedgerEngine, counterAddress: string) {
  const head = Number(await engine.request({ method: 'eth_blockNumber' }));
  const blocks = [];
  const receipts = [];
  for (let n = 0; n <= head; n++) {
    const block = (await engine.request({ method: 'eth_getBlockByNumber', params: [ethers.toQuantity(n), true] })) as {
      transactions: { hash: string }[];
    };
    blocks.push(block);
    for (const tx of block.transactions) {
      receipts.push(await engine.request({ method: 'eth_getTransactionReceipt', params: [tx.hash] }));
    }
  }
  const count = await engine.request({ method: 'eth_getStorageAt', params: [counterAddress, '0x0', 'latest'] });
  const bobBalance = await engine.request({ method: 'eth_getBalance', params: [bob.address, 'latest'] });
  return { head, blocks, receipts, count, bobBalance };
}

describe('ledger persistence by replay', () => {
  it('reopens an IndexedDB ledger with the same head hash, receipts and contract state', async () => {
    // given a ledger on IndexedDB with a contract, 12 increments and a faucet edit in between
    const first = await createLedgerEngine({
      chainId: CHAIN_ID,
      alloc,
      store: await openIndexedDbLedgerStore('replay-a'),
    });
    const counterAddress = await mineSomeBlocks(first, 6);
    await first.request({ method: 'ledger_setBalance', params: [bob.address, '0x2a'] });
    const provider = createEthersProvider(createInProcessProvider(first), CHAIN_ID);
    const counter = new ethers.Contract(counterAddress, compiled.abi as ethers.InterfaceAbi, bob.connect(provider));
    for (let i = 0; i < 6; i++) await (await counter.increment('after faucet')).wait();
    await first.idle();
    const before = await snapshot(first, counterAddress);
    // when a second engine opens the same database (as after a page reload)
    const second = await createLedgerEngine({
      chainId: CHAIN_ID,
      alloc,
      store: await openIndexedDbLedgerStore('replay-a'),
    });
    const after = await snapshot(second, counterAddress);
    // then everything is identical, down to every block hash and receipt
    expect(before.head).toBe(13);
    expect(after).toEqual(before);
    expect(BigInt(after.count as string)).toBe(12n);
    expect(BigInt(after.bobBalance as string)).toBe(42n);
    // and the reopened chain keeps going from the same head
    const next = createEthersProvider(createInProcessProvider(second), CHAIN_ID);
    const counter2 = new ethers.Contract(counterAddress, compiled.abi as ethers.InterfaceAbi, alice.connect(next));
    const receipt = await (await counter2.increment('after reload')).wait();
    expect(receipt.blockNumber).toBe(14);
    expect((await next.getBlock(14))!.parentHash).toBe((before.blocks[13] as unknown as { hash: string }).hash);
  }, 60_000);

  it('refuses a store that holds a chain with other genesis settings', async () => {
    const store = new MemoryLedgerStore();
    await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    await expect(createLedgerEngine({ chainId: 1, alloc, store })).rejects.toThrow(/chainId 4242, not 1/);
    await expect(createLedgerEngine({ chainId: CHAIN_ID, store })).rejects.toThrow(/different genesis alloc/);
  });

  it('stops loading when a stored block does not replay to its hash', async () => {
    const store = new MemoryLedgerStore();
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    await mineSomeBlocks(engine, 1);
    const entries = await store.readAll();
    const tampered = entries.map((e) =>
      e.kind === 'block' && e.number === 2 ? { ...e, timestamp: e.timestamp + 1 } : e,
    );
    const copy = new MemoryLedgerStore();
    for (const entry of tampered) await copy.append(entry);
    await expect(createLedgerEngine({ chainId: CHAIN_ID, alloc, store: copy })).rejects.toThrow(
      /replay of block 2 gave/,
    );
    const garbled = new MemoryLedgerStore();
    for (const entry of entries) {
      await garbled.append(entry.kind === 'block' && entry.number === 2 ? { ...entry, transactions: ['0x00'] } : entry);
    }
    await expect(createLedgerEngine({ chainId: CHAIN_ID, alloc, store: garbled })).rejects.toThrow(
      /block 2 does not replay: invalid transaction/,
    );
  });

  it('reset wipes the store and starts a new chain from genesis', async () => {
    const store = await openIndexedDbLedgerStore('replay-reset');
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    await mineSomeBlocks(engine, 2);
    await engine.reset();
    expect(await engine.request({ method: 'eth_blockNumber' })).toBe('0x0');
    expect(await engine.request({ method: 'eth_getBalance', params: [alice.address, 'latest'] })).toBe(
      ethers.toQuantity(ethers.parseEther('5')),
    );
    const entries = await store.readAll();
    expect(entries.map((e) => e.kind)).toEqual(['genesis']);
    const reopened = await createLedgerEngine({
      chainId: CHAIN_ID,
      alloc,
      store: await openIndexedDbLedgerStore('replay-reset'),
    });
    expect(await reopened.request({ method: 'eth_blockNumber' })).toBe('0x0');
  });

  it('reports a failed store write and refuses further state changes until reset', async () => {
    // given a store that fails its next block write
    const store = new FlakyStore();
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    store.failNext = true;
    const raw = await alice.signTransaction({
      to: bob.address,
      value: 1n,
      nonce: 0,
      gasLimit: 21_000,
      gasPrice: 0,
      chainId: CHAIN_ID,
    });
    // when a transaction is sent, it is mined but the caller learns it was not saved
    await expect(engine.request({ method: 'eth_sendRawTransaction', params: [raw] })).rejects.toMatchObject({
      code: -32603,
      message: expect.stringMatching(/block 1 was applied but the ledger store could not save it \(disk full\)/),
    });
    // then further state changes are refused, reads still work, and a reset recovers
    await expect(engine.request({ method: 'ledger_setBalance', params: [bob.address, '0x1'] })).rejects.toThrow(
      /ledger store failed/,
    );
    expect(await engine.request({ method: 'eth_blockNumber' })).toBe('0x1');
    await engine.reset();
    await expect(engine.request({ method: 'ledger_setBalance', params: [bob.address, '0x1'] })).resolves.toBe(true);
  });
});

class FlakyStore implements LedgerStore {
  failNext = false;
  private readonly inner = new MemoryLedgerStore();
  readAll = () => this.inner.readAll();
  clear = () => this.inner.clear();
  async append(entry: LedgerLogEntry): Promise<void> {
    if (this.failNext && entry.kind === 'block') {
      this.failNext = false;
      throw new Error('disk full');
    }
    await this.inner.append(entry);
  }
}
