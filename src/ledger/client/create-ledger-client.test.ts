/**
 * The page-side client against the real worker handler, connected through a fake Worker that
 * copies every message with structuredClone and delivers it asynchronously, as postMessage does.
 */
import 'fake-indexeddb/auto';
import { ContractFactory, Wallet, ethers, type Contract } from 'ethers';
import { beforeAll, describe, expect, it } from 'vitest';
import { openIndexedDbLedgerStore } from '../store/indexeddb-store.js';
import { compileContract, type CompiledContract } from '../test-support/compile-solidity.js';
import { COUNTER_SOURCE } from '../test-support/counter-fixture.js';
import { createLedgerMessageHandler } from '../worker/handle-ledger-message.js';
import type { LedgerWorkerReply, LedgerWorkerRequest } from '../worker/ledger-messages.js';
import { createLedgerClient, type WorkerLike } from './create-ledger-client.js';
import { createEthersProvider } from './ethers-provider.js';
import type { NewBlockEvent } from '../engine/ledger-types.js';

const CHAIN_ID = 31337;
const alice = new Wallet('0x' + '77'.repeat(32));
let compiled: CompiledContract;

beforeAll(() => {
  compiled = compileContract(COUNTER_SOURCE, 'Counter');
});

type Listener = (event: never) => void;

class FakeWorker implements WorkerLike {
  readonly received: LedgerWorkerRequest[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();
  private readonly handle = createLedgerMessageHandler((reply) => this.deliver(reply), {
    openStore: openIndexedDbLedgerStore,
  });

  constructor(private readonly silent = false) {}

  postMessage(message: LedgerWorkerRequest): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    if (!this.silent) setTimeout(() => void this.handle(copy), 0);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  crash(message: string): void {
    for (const listener of this.listeners.get('error') ?? []) listener({ message } as never);
  }

  private deliver(reply: LedgerWorkerReply): void {
    const copy = structuredClone(reply);
    setTimeout(() => {
      if (this.terminated) return;
      for (const listener of this.listeners.get('message') ?? []) listener({ data: copy } as never);
    }, 0);
  }
}

describe('ledger client over a worker', () => {
  it('starts the worker lazily, sends init first, and serves ethers end to end', async () => {
    // given a client whose worker is not started yet
    const workers: FakeWorker[] = [];
    const client = createLedgerClient({
      chainId: CHAIN_ID,
      alloc: { [alice.address]: ethers.parseEther('1') },
      createWorker: () => workers[workers.push(new FakeWorker()) - 1],
    });
    expect(workers).toHaveLength(0);
    const blocks: NewBlockEvent[] = [];
    client.provider.on('block', (block) => blocks.push(block));
    // when ethers deploys and calls through it
    const provider = createEthersProvider(client.provider, CHAIN_ID);
    const signer = alice.connect(provider);
    const counter = (await new ContractFactory(
      compiled.abi as ethers.InterfaceAbi,
      compiled.bytecode,
      signer,
    ).deploy()) as unknown as Contract;
    await counter.waitForDeployment();
    await (await counter.increment('经由 worker')).wait();
    // then one worker was started, init went first, and results and events came back
    expect(workers).toHaveLength(1);
    expect(workers[0].received[0]).toMatchObject({ kind: 'init', chainId: CHAIN_ID });
    expect(await counter.count()).toBe(1n);
    expect(blocks.map((b) => b.number)).toEqual([1, 2]);
    // and a revert keeps code 3 and its data across the message boundary, so ethers decodes it
    const failure = await counter.setCount.staticCall(4000).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'CALL_EXCEPTION', revert: { name: 'TooLarge', args: [4000n, 1000n] } });
    await expect(client.provider.request({ method: 'eth_subscribe', params: ['newHeads'] })).rejects.toMatchObject({
      code: -32601,
    });
    client.terminate();
  }, 30_000);

  it('times out a request the worker never answers', async () => {
    const client = createLedgerClient({
      chainId: CHAIN_ID,
      timeoutMs: 50,
      initTimeoutMs: 50,
      createWorker: () => new FakeWorker(true),
    });
    await expect(client.provider.request({ method: 'eth_blockNumber' })).rejects.toMatchObject({
      code: -32603,
      message: 'ledger request init timed out after 50 ms',
    });
  });

  it('fails pending requests with 4900 on a crash, then restarts and restores the stored chain', async () => {
    // given a persistent ledger with one mined transfer
    const workers: FakeWorker[] = [];
    const client = createLedgerClient({
      chainId: CHAIN_ID,
      storeName: 'client-crash',
      createWorker: () => workers[workers.push(new FakeWorker()) - 1],
    });
    const raw = await alice.signTransaction({
      to: alice.address,
      nonce: 0,
      gasLimit: 21_000,
      gasPrice: 0,
      chainId: CHAIN_ID,
    });
    const hash = await client.provider.request({ method: 'eth_sendRawTransaction', params: [raw] });
    // store writes are batched: a crash before this could lose the block (never part of it)
    await client.provider.request({ method: 'ledger_flush' });
    const head = (await client.provider.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as {
      hash: string;
    };
    // when the worker crashes while a request is in flight
    const inFlight = client.provider.request({ method: 'eth_blockNumber' });
    workers[0].crash('out of memory');
    await expect(inFlight).rejects.toMatchObject({ code: 4900, message: 'ledger worker crashed: out of memory' });
    // then the next request starts a new worker that restores the chain from IndexedDB
    const again = (await client.provider.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as {
      hash: string;
    };
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(again.hash).toBe(head.hash);
    expect(await client.provider.request({ method: 'eth_getTransactionReceipt', params: [hash] })).toMatchObject({
      status: '0x1',
    });
    // and reset through the client empties the store
    await client.reset();
    expect(await client.provider.request({ method: 'eth_blockNumber' })).toBe('0x0');
    expect((await (await openIndexedDbLedgerStore('client-crash')).load())?.blocks).toHaveLength(1);
    client.terminate();
  }, 30_000);

  it('reports a failed init as an error and retries init on the next request', async () => {
    const workers: FakeWorker[] = [];
    const client = createLedgerClient({ chainId: 0, createWorker: () => workers[workers.push(new FakeWorker()) - 1] });
    await expect(client.ready()).rejects.toMatchObject({
      code: -32603,
      message: 'cannot open the ledger: ledger chainId must be a positive integer, got 0',
    });
    await expect(client.provider.request({ method: 'eth_chainId' })).rejects.toThrow(/cannot open the ledger/);
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });
});

describe('ledger worker message handler', () => {
  it('refuses requests before init and a second init, answering each by id', async () => {
    const replies: LedgerWorkerReply[] = [];
    const handle = createLedgerMessageHandler((reply) => replies.push(reply), { openStore: openIndexedDbLedgerStore });
    await handle({ kind: 'rpc', id: 1, method: 'eth_chainId' });
    await handle({ kind: 'init', id: 2, chainId: CHAIN_ID });
    await handle({ kind: 'init', id: 3, chainId: CHAIN_ID });
    await handle({ kind: 'rpc', id: 4, method: 'eth_chainId' });
    expect(replies).toEqual([
      { kind: 'error', id: 1, error: { code: 4900, message: 'ledger worker got "rpc" before "init"' } },
      { kind: 'result', id: 2, result: null },
      { kind: 'error', id: 3, error: { code: -32600, message: 'the ledger worker is already initialised' } },
      { kind: 'result', id: 4, result: '0x7a69' },
    ]);
  });
});
