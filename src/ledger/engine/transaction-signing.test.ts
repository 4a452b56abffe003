/** eth_sendTransaction for unlocked accounts: the ledger signs as ethers would, and keeps no key in the chain. */
import { Interface, Transaction, Wallet, ethers } from 'ethers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileContract } from '../test-support/compile-solidity.js';
import { COUNTER_SOURCE } from '../test-support/counter-fixture.js';
import { MemoryLedgerStore } from '../store/memory-store.js';
import { createLedgerEngine } from './create-ledger-engine.js';
import type { LedgerEngine } from './ledger-types.js';
import { ChainState } from './chain-state.js';
import { chooseSenderRecovery, loadSenderRecovery, wasmSigner } from './sender-recovery.js';
import { parseSendRequest, signTransaction } from './transaction-signing.js';
import { UnlockedAccounts } from './unlocked-accounts.js';

const CHAIN_ID = 1337;
const alice = new Wallet('0x' + '55'.repeat(32));
const bob = new Wallet('0x' + '66'.repeat(32));
const counter = new Interface(compileContract(COUNTER_SOURCE, 'Counter').abi as ethers.InterfaceAbi);
const bytecode = compileContract(COUNTER_SOURCE, 'Counter').bytecode;
let engine: LedgerEngine;
let store: MemoryLedgerStore;
let counterAddress: string;

const rpc = (method: string, ...params: unknown[]) => engine.request({ method, params });
const receiptOf = async (hash: unknown) => (await rpc('eth_getTransactionReceipt', hash)) as Record<string, string>;
const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: { code: number; message: string }) => error);

beforeAll(async () => {
  // the WASM signer is what the ledger uses once a chain is open; both paths must sign alike
  await loadSenderRecovery();
  expect(wasmSigner()).toBeDefined();
});

beforeEach(async () => {
  // given a ledger with Alice's key unlocked and a Counter she deployed through eth_sendTransaction
  store = new MemoryLedgerStore();
  engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc: { [alice.address]: ethers.parseEther('1') }, store, now: () => 1_735_689_600_000 });
  expect(await rpc('ledger_unlockAccount', alice.privateKey)).toBe(alice.address.toLowerCase());
  const deployed = await receiptOf(await rpc('eth_sendTransaction', { from: alice.address, data: bytecode }));
  counterAddress = ethers.getAddress(deployed.contractAddress);
}, 60_000);

describe('eth_sendTransaction', () => {
  it('signs exactly the transaction ethers would sign for the same key', async () => {
    // when Alice's call is sent for her with every field given
    const data = counter.encodeFunctionData('increment', ['订单 1']);
    const hash = await rpc('eth_sendTransaction', { from: alice.address, to: counterAddress, data, gas: '0x30d40', gasPrice: '0x0', nonce: '0x1', chainId: '0x539' });
    const fields = { type: 0, to: counterAddress, data, gasLimit: 200_000, gasPrice: 0, nonce: 1, chainId: CHAIN_ID };
    // then its hash is that of ethers' signature (RFC 6979: one signature per key and message)
    const expected = Transaction.from(await alice.signTransaction(fields));
    expect(hash).toBe(expected.hash);
    const receipt = await receiptOf(hash);
    expect(receipt.status).toBe('0x1');
    expect(receipt.from).toBe(alice.address.toLowerCase());
    const mined = (await rpc('eth_getTransactionByHash', hash)) as Record<string, string>;
    expect([mined.r, mined.s]).toEqual([expected.signature!.r, expected.signature!.s]);
  });

  it('fills in the nonce and an estimated gas limit, and supports type-2 fields', async () => {
    // when Alice sends two calls without nonce or gas, the second as a fee-market transaction
    const first = await rpc('eth_sendTransaction', { from: alice.address, to: counterAddress, data: counter.encodeFunctionData('setCount', [7]) });
    const second = await rpc('eth_sendTransaction', { from: alice.address, to: counterAddress, data: counter.encodeFunctionData('increment', ['x']), maxFeePerGas: '0x0' });
    // then both are mined with consecutive nonces and enough gas
    const [a, b] = [(await rpc('eth_getTransactionByHash', first)) as Record<string, string>, (await rpc('eth_getTransactionByHash', second)) as Record<string, string>];
    expect([a.nonce, b.nonce]).toEqual(['0x1', '0x2']);
    expect(b.type).toBe('0x2');
    expect((await receiptOf(first)).status).toBe('0x1');
    expect((await receiptOf(second)).status).toBe('0x1');
    expect(BigInt(a.gas)).toBeGreaterThan(BigInt((await receiptOf(first)).gasUsed));
    expect(BigInt(await rpc('eth_getStorageAt', counterAddress, '0x0', 'latest') as string)).toBe(8n);
  });

  it('numbers queued transactions of one sender in order under interval mining', async () => {
    // given interval mining, when Alice sends two calls before the block
    await rpc('ledger_setIntervalMining', 60_000);
    const calls = [0, 1].map(() => rpc('eth_sendTransaction', { from: alice.address, to: counterAddress, data: counter.encodeFunctionData('increment', ['q']), gas: '0x30d40' }));
    const hashes = await Promise.all(calls);
    // then each is found while it waits (as geth: no block yet), then mined in one block, in nonce order
    expect(await rpc('eth_getTransactionByHash', hashes[1])).toMatchObject({ hash: hashes[1], blockHash: null, blockNumber: null, from: alice.address.toLowerCase(), nonce: '0x2', to: counterAddress.toLowerCase() });
    expect(await rpc('eth_getTransactionReceipt', hashes[1])).toBeNull();
    await rpc('evm_mine');
    const head = (await rpc('eth_getBlockByNumber', 'latest', true)) as { transactions: { hash: string; nonce: string }[] };
    expect(head.transactions.map((t) => [t.hash, t.nonce])).toEqual([[hashes[0], '0x1'], [hashes[1], '0x2']]);
  });

  it('refuses an account it holds no key for with 4100, and mines nothing', async () => {
    const before = await rpc('eth_blockNumber');
    const error = await rejection(rpc('eth_sendTransaction', { from: bob.address, to: counterAddress, data: '0x' }));
    expect(error?.code).toBe(4100);
    expect(error?.message).toContain(bob.address.toLowerCase());
    // and after Alice's key is locked, hers too
    expect(await rpc('eth_accounts')).toEqual([alice.address.toLowerCase()]);
    expect(await rpc('ledger_lockAccount', alice.address)).toBe(1);
    expect(await rpc('eth_accounts')).toEqual([]);
    expect((await rejection(rpc('eth_sendTransaction', { from: alice.address, to: counterAddress, data: '0x' })))?.code).toBe(4100);
    expect(await rpc('eth_blockNumber')).toBe(before);
  });

  it('refuses malformed keys and requests with the field at fault', async () => {
    expect((await rejection(rpc('ledger_unlockAccount', '0x1234')))?.message).toMatch(/ledger_unlockAccount: .*64 hex digits/);
    expect((await rejection(rpc('ledger_unlockAccount', '0x' + '00'.repeat(32))))?.code).toBe(-32602);
    expect((await rejection(rpc('eth_sendTransaction', { to: counterAddress })))?.message).toContain('.from is required');
    expect((await rejection(rpc('eth_sendTransaction', { from: alice.address, chainId: '0x1' })))?.message).toContain("chain id is 1337");
    expect((await rejection(rpc('eth_sendTransaction', { from: alice.address, gasPrice: '0x0', maxFeePerGas: '0x0', type: '0x2' })))?.code).toBe(-32602);
  });

  it('stores, exports and verifies the chain without the key, the sender recovered from the signature', async () => {
    // given a block signed by the ledger
    await rpc('eth_sendTransaction', { from: alice.address, to: counterAddress, data: counter.encodeFunctionData('increment', ['签名']) });
    await engine.idle();
    // then neither the store nor the export holds the key, and verification re-executes it
    const key = alice.privateKey.slice(2);
    const exported = (await rpc('ledger_exportChain')) as string;
    expect(exported.toLowerCase()).not.toContain(key);
    const stored = JSON.stringify(await store.load(), (_k, v: unknown) => (v instanceof Uint8Array ? ethers.hexlify(v) : typeof v === 'bigint' ? v.toString() : v));
    expect(stored.toLowerCase()).not.toContain(key);
    expect(await rpc('ledger_verify')).toMatchObject({ ok: true, blocks: 3 });
  });
});

describe('signTransaction', () => {
  it('signs the same bytes in JS (before the WASM has loaded) as in WASM, for every type', async () => {
    const chain = await ChainState.create({ chainId: CHAIN_ID, blockGasLimit: 30_000_000n, timestamp: 0, alloc: {} });
    const accounts = new UnlockedAccounts();
    const account = accounts.get(accounts.unlock(ethers.getBytes(bob.privateKey)))!;
    for (const fields of [{}, { type: '0x1', gasPrice: '0x7' }, { maxFeePerGas: '0x9', maxPriorityFeePerGas: '0x2' }]) {
      const request = parseSendRequest({ from: bob.address, to: alice.address, value: '0x5', data: '0x1234', ...fields }, 'tx', CHAIN_ID);
      const inWasm = signTransaction(chain, request, account, 3n, 50_000n);
      const inJs = signTransaction(chain, request, account, 3n, 50_000n, null);
      expect(ethers.hexlify(inJs.serialize())).toBe(ethers.hexlify(inWasm.serialize()));
      // and what is recovered from those bytes is the account the cache claims
      expect(ethers.Transaction.from(ethers.hexlify(inWasm.serialize())).from).toBe(bob.address);
      expect(inWasm.getSenderAddress().toString()).toBe(bob.address.toLowerCase());
    }
  });
});

describe('the WASM signer', () => {
  it('is dropped (JS signing stays) when it does not reproduce the probe signature', async () => {
    const real = await import('tiny-secp256k1');
    const chosen = await chooseSenderRecovery(async () => ({
      recover: real.recover,
      signRecoverable: (hash, key) => ({ ...real.signRecoverable(hash, key), recoveryId: 0 }),
    }));
    expect(chosen.info.implementation).toBe('wasm-libsecp256k1');
    expect(chosen.sign).toBeUndefined();
    const good = await chooseSenderRecovery(() => import('tiny-secp256k1'));
    expect(good.sign).toBeDefined();
  });
});
