/** The engine through ethers v6, as the CLI and the IDE use it: two signers, a real contract. */
import { ContractFactory, Wallet, ethers, type BrowserProvider, type Contract } from 'ethers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEthersProvider } from '../client/ethers-provider.js';
import { createInProcessProvider } from '../client/in-process-provider.js';
import type { LedgerProvider } from '../client/ledger-provider.js';
import { compileContract } from '../test-support/compile-solidity.js';
import { COUNTER_SOURCE } from '../test-support/counter-fixture.js';
import { createLedgerEngine } from './create-ledger-engine.js';
import type { LedgerEngine, NewBlockEvent } from './ledger-types.js';
import type { RpcErrorData } from './rpc-error.js';

const CHAIN_ID = 1337;
const ALICE_KEY = '0x' + '11'.repeat(32);
const BOB_KEY = '0x' + '22'.repeat(32);

let engine: LedgerEngine;
let eip1193: LedgerProvider;
let provider: BrowserProvider;
let alice: Wallet;
let bob: Wallet;
let counter: Contract;
let counterAddress: string;
let deployBlock: number;
let firstIncrementBlock: number;
const seenBlocks: NewBlockEvent[] = [];

beforeAll(async () => {
  // given a fresh ledger where only Alice is funded, and the Counter contract compiled for cancun
  const compiled = compileContract(COUNTER_SOURCE, 'Counter');
  alice = new Wallet(ALICE_KEY);
  bob = new Wallet(BOB_KEY);
  engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc: { [alice.address]: ethers.parseEther('100') } });
  eip1193 = createInProcessProvider(engine);
  eip1193.on('block', (block) => seenBlocks.push(block));
  provider = createEthersProvider(eip1193, CHAIN_ID);
  alice = alice.connect(provider);
  bob = bob.connect(provider);
  // when Alice deploys it
  const factory = new ContractFactory(compiled.abi as ethers.InterfaceAbi, compiled.bytecode, alice);
  const deployed = await factory.deploy();
  const receipt = await deployed.deploymentTransaction()!.wait();
  counterAddress = await deployed.getAddress();
  deployBlock = receipt!.blockNumber;
  counter = deployed as unknown as Contract;
}, 60_000);

describe('ledger engine through ethers', () => {
  it('deploys a contract whose receipt names its address and whose constructor ran', async () => {
    const receipt = await provider.getTransactionReceipt(counter.deploymentTransaction()!.hash);
    expect(receipt?.status).toBe(1);
    expect(receipt?.contractAddress).toBe(counterAddress);
    expect(receipt?.gasUsed).toBeGreaterThan(21_000n);
    expect(await provider.getCode(counterAddress)).toMatch(/^0x[0-9a-f]{100,}$/);
    expect(await counter.owner()).toBe(alice.address);
    expect(deployBlock).toBe(1);
  });

  it('runs state-changing calls signed by two different wallets, with msg.sender checked', async () => {
    // when Alice and then Bob (who holds no ether: gas is free) increment
    const first = await (await (counter.connect(alice) as Contract).increment('第一次 from Alice')).wait();
    firstIncrementBlock = first.blockNumber;
    const second = await (await (counter.connect(bob) as Contract).increment('second from Bob')).wait();
    // then both are mined, in consecutive blocks, and the contract saw each sender
    expect([first.status, second.status]).toEqual([1, 1]);
    expect(second.blockNumber).toBe(first.blockNumber + 1);
    expect(await counter.count()).toBe(2n);
    expect(await counter.lastCaller()).toBe(bob.address);
    expect(await provider.getBalance(bob.address)).toBe(0n);
    // and the receipts carry the events with their Chinese text intact
    const parsed = second.logs.map((log: ethers.Log) => counter.interface.parseLog(log));
    expect(parsed[0]?.name).toBe('Incremented');
    expect(parsed[0]?.args.by).toBe(bob.address);
    expect(parsed[0]?.args.newCount).toBe(2n);
    const firstEvent = counter.interface.parseLog(first.logs[0]);
    expect(firstEvent?.args.note).toBe('第一次 from Alice');
    expect(first.gasPrice).toBe(0n);
  });

  it('filters logs by address, topics, block range and block hash', async () => {
    const topic0 = counter.interface.getEvent('Incremented')!.topicHash;
    const bobTopic = ethers.zeroPadValue(bob.address, 32);
    const all = await provider.getLogs({ address: counterAddress, fromBlock: 0, toBlock: 'latest' });
    expect(all).toHaveLength(2);
    const byBob = await provider.getLogs({ address: counterAddress, topics: [topic0, bobTopic], fromBlock: 0 });
    expect(byBob).toHaveLength(1);
    expect(byBob[0].blockNumber).toBe(firstIncrementBlock + 1);
    const eitherSender = await provider.getLogs({
      topics: [null, [ethers.zeroPadValue(alice.address, 32), bobTopic]],
      fromBlock: 0,
    });
    expect(eitherSender).toHaveLength(2);
    const onlyFirstBlock = await provider.getLogs({ fromBlock: firstIncrementBlock, toBlock: firstIncrementBlock });
    expect(onlyFirstBlock.map((log) => log.blockNumber)).toEqual([firstIncrementBlock]);
    const block = await provider.getBlock(firstIncrementBlock + 1);
    const byHash = await provider.getLogs({ blockHash: block!.hash! });
    expect(byHash.map((log) => log.transactionHash)).toEqual([byBob[0].transactionHash]);
    const otherAddress = await provider.getLogs({ address: bob.address, fromBlock: 0 });
    expect(otherAddress).toEqual([]);
  });

  it('answers eth_call and state queries at an older block', async () => {
    expect(await counter.count({ blockTag: firstIncrementBlock })).toBe(1n);
    expect(await counter.count({ blockTag: deployBlock })).toBe(0n);
    expect(await counter.count({ blockTag: 'latest' })).toBe(2n);
    expect(await provider.getCode(counterAddress, 0)).toBe('0x');
    expect(await provider.getTransactionCount(alice.address, deployBlock)).toBe(1);
    const slot0AtFirst = await provider.getStorage(counterAddress, 0, firstIncrementBlock);
    expect(slot0AtFirst).toBe(ethers.zeroPadValue('0x01', 32));
  });

  it('decodes a custom error from a reverted call and from gas estimation', async () => {
    // when Alice asks for a value the contract refuses
    const failure = await (counter.connect(alice) as Contract).setCount(5000).catch((e: unknown) => e);
    // then gas estimation fails with CALL_EXCEPTION whose data decodes to the custom error
    // (ethers decodes with the ABI itself only for calls; for sends the caller uses parseError)
    const before = await provider.getBlockNumber();
    expect(failure).toMatchObject({ code: 'CALL_EXCEPTION', action: 'estimateGas' });
    const fromSend = counter.interface.parseError((failure as { data: string }).data);
    expect(fromSend?.name).toBe('TooLarge');
    expect(fromSend?.args.toArray()).toEqual([5000n, 1000n]);
    const viaStatic = await counter.setCount.staticCall(5000).catch((e: unknown) => e);
    expect(viaStatic).toMatchObject({ code: 'CALL_EXCEPTION', revert: { name: 'TooLarge', args: [5000n, 1000n] } });
    expect(await provider.getBlockNumber()).toBe(before);
    // and the raw provider error carries code 3 and the revert bytes
    const data = counter.interface.encodeFunctionData('setCount', [5000]);
    const raw = await eip1193
      .request({ method: 'eth_call', params: [{ to: counterAddress, data }, 'latest'] })
      .catch((e: RpcErrorData) => e);
    expect(raw).toMatchObject({ code: 3, message: 'execution reverted' });
    const decoded = counter.interface.parseError((raw as RpcErrorData).data as string);
    expect(decoded?.name).toBe('TooLarge');
    expect(decoded?.args.toArray()).toEqual([5000n, 1000n]);
  });

  it('reports a require message as the revert reason', async () => {
    const failure = await (counter.connect(bob) as Contract).ownerOnlyReset().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'CALL_EXCEPTION', reason: 'only the owner may reset' });
    const data = counter.interface.encodeFunctionData('ownerOnlyReset');
    const raw = await eip1193
      .request({ method: 'eth_call', params: [{ from: bob.address, to: counterAddress, data }] })
      .catch((e: RpcErrorData) => e);
    expect((raw as RpcErrorData).message).toBe('execution reverted: only the owner may reset');
  });

  it('mines a transaction that reverts on chain with status 0', async () => {
    const before = await provider.getBlockNumber();
    const sent = await (counter.connect(alice) as Contract).setCount(5000, { gasLimit: 100_000 });
    const failure = await sent.wait().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'CALL_EXCEPTION', receipt: { status: 0 } });
    expect(await provider.getBlockNumber()).toBe(before + 1);
    expect(await counter.count()).toBe(2n);
  });

  it('refuses invalid transactions with the errors ethers maps', async () => {
    const nonce = await provider.getTransactionCount(alice.address);
    const stale = await alice.signTransaction({
      to: bob.address,
      value: 1n,
      nonce: nonce - 1,
      gasLimit: 21_000,
      gasPrice: 0,
      chainId: CHAIN_ID,
    });
    await expect(provider.broadcastTransaction(stale)).rejects.toMatchObject({ code: 'NONCE_EXPIRED' });
    const tooRich = bob.sendTransaction({ to: alice.address, value: ethers.parseEther('1') });
    await expect(tooRich).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    const wrongChain = await alice.signTransaction({
      to: bob.address,
      value: 1n,
      nonce,
      gasLimit: 21_000,
      gasPrice: 0,
      chainId: 999,
    });
    await expect(eip1193.request({ method: 'eth_sendRawTransaction', params: [wrongChain] })).rejects.toMatchObject({
      code: -32000,
    });
    expect(await provider.getTransactionCount(alice.address)).toBe(nonce);
  });

  it('links every block to its parent and keeps roots, receipts and full transactions', async () => {
    const head = await provider.getBlockNumber();
    let parentHash: string | undefined;
    for (let n = 0; n <= head; n++) {
      const block = await provider.getBlock(n, true);
      expect(block).not.toBeNull();
      if (parentHash !== undefined) expect(block!.parentHash).toBe(parentHash);
      parentHash = block!.hash!;
      expect(block!.baseFeePerGas).toBe(0n);
      const raw = (await eip1193.request({
        method: 'eth_getBlockByNumber',
        params: [ethers.toQuantity(n), false],
      })) as Record<string, string>;
      expect(raw.stateRoot).toMatch(/^0x[0-9a-f]{64}$/);
      expect(raw.receiptsRoot).toMatch(/^0x[0-9a-f]{64}$/);
      for (const tx of block!.prefetchedTransactions) {
        expect(tx.blockHash).toBe(block!.hash);
        expect((await provider.getTransactionReceipt(tx.hash))?.blockHash).toBe(block!.hash);
      }
    }
    expect(await provider.getBlock(head + 1)).toBeNull();
  });

  it('notifies mined blocks in order to provider listeners', async () => {
    expect(seenBlocks.length).toBe(await provider.getBlockNumber());
    expect(seenBlocks.map((b) => b.number)).toEqual(seenBlocks.map((_, i) => i + 1));
    for (let i = 1; i < seenBlocks.length; i++) expect(seenBlocks[i].parentHash).toBe(seenBlocks[i - 1].hash);
  });

  it('reads blockhash of the previous block inside a call', async () => {
    const head = await provider.getBlock('latest');
    expect(await counter.previousBlockHash()).toBe(head!.parentHash);
  });

  it('funds an account with ledger_setBalance without mining', async () => {
    const head = await provider.getBlockNumber();
    await expect(
      eip1193.request({ method: 'ledger_setBalance', params: [bob.address, '0xde0b6b3a7640000'] }),
    ).resolves.toBe(true);
    expect(await provider.getBalance(bob.address)).toBe(ethers.parseEther('1'));
    expect(await provider.getBlockNumber()).toBe(head);
    const receipt = await (await bob.sendTransaction({ to: alice.address, value: ethers.parseEther('0.25') })).wait();
    expect(receipt?.status).toBe(1);
    expect(await provider.getBalance(bob.address)).toBe(ethers.parseEther('0.75'));
  });

  it('rejects unknown methods with -32601 through the provider and ethers', async () => {
    await expect(eip1193.request({ method: 'eth_mine' })).rejects.toMatchObject({ code: -32601 });
    await expect(provider.send('debug_traceTransaction', [])).rejects.toThrow(/does not exist/);
  });
});
