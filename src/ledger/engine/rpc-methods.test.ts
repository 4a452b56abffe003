/** JSON-RPC semantics at the engine boundary: shapes, tags, errors as data, gas estimation. */
import { Interface, Wallet, ethers } from 'ethers';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileContract } from '../test-support/compile-solidity.js';
import { COUNTER_SOURCE } from '../test-support/counter-fixture.js';
import { createLedgerEngine } from './create-ledger-engine.js';
import type { LedgerEngine } from './ledger-types.js';

const CHAIN_ID = 1337;
const alice = new Wallet('0x' + '55'.repeat(32));
const bob = new Wallet('0x' + '66'.repeat(32));
let engine: LedgerEngine;
let counterAddress: string;
let counterAbi: Interface;
let nonce = 0;

const rpc = (method: string, ...params: unknown[]) => engine.request({ method, params });

async function send(tx: ethers.TransactionRequest): Promise<Record<string, string>> {
  const raw = await alice.signTransaction({
    gasPrice: 0,
    gasLimit: 1_000_000,
    chainId: CHAIN_ID,
    nonce: nonce++,
    ...tx,
  });
  const hash = await rpc('eth_sendRawTransaction', raw);
  return (await rpc('eth_getTransactionReceipt', hash)) as Record<string, string>;
}

beforeAll(async () => {
  // given a ledger with the Counter deployed by Alice (fake clock: 2025-01-01T00:00:00Z)
  engine = await createLedgerEngine({
    chainId: CHAIN_ID,
    alloc: { [alice.address]: ethers.parseEther('1') },
    now: () => 1_735_689_600_000,
  });
  const compiled = compileContract(COUNTER_SOURCE, 'Counter');
  counterAbi = new Interface(compiled.abi as ethers.InterfaceAbi);
  const receipt = await send({ data: compiled.bytecode });
  counterAddress = ethers.getAddress(receipt.contractAddress);
}, 60_000);

describe('ledger JSON-RPC methods', () => {
  it('identifies the chain as a zero-fee, always-synced node with no accounts', async () => {
    expect(await rpc('eth_chainId')).toBe('0x539');
    expect(await rpc('net_version')).toBe('1337');
    expect(await rpc('web3_clientVersion')).toMatch(/^ChainFlowLedger\//);
    expect(await rpc('eth_syncing')).toBe(false);
    expect(await rpc('eth_accounts')).toEqual([]);
    expect(await rpc('eth_gasPrice')).toBe('0x0');
    expect(await rpc('eth_maxPriorityFeePerGas')).toBe('0x0');
  });

  it('stamps blocks with the clock and links them', async () => {
    const genesis = (await rpc('eth_getBlockByNumber', 'earliest', false)) as Record<string, string>;
    const head = (await rpc('eth_getBlockByNumber', 'latest', false)) as Record<string, string>;
    expect(genesis.timestamp).toBe(ethers.toQuantity(1_735_689_600));
    expect(head.timestamp).toBe(genesis.timestamp);
    expect(head.parentHash).toBe(genesis.hash);
    expect(await rpc('eth_getBlockByHash', head.hash, false)).toEqual(head);
  });

  it('returns errors as data: -32600, -32601, -32602 naming the parameter', async () => {
    await expect(engine.request({} as never)).rejects.toMatchObject({ code: -32600 });
    await expect(rpc('eth_sign', alice.address, '0x00')).rejects.toMatchObject({
      code: -32601,
      message: 'the method eth_sign does not exist/is not available',
    });
    await expect(rpc('eth_getBalance', '0x1234', 'latest')).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('eth_getBalance: address must be a 20-byte 0x-hex address'),
    });
    await expect(
      engine.request({ method: 'eth_getBalance', params: { address: alice.address } }),
    ).rejects.toMatchObject({
      code: -32602,
    });
    await expect(rpc('eth_getBalance', alice.address, 'tomorrow')).rejects.toMatchObject({ code: -32602 });
    await expect(rpc('eth_getLogs', { blockHash: ethers.ZeroHash, fromBlock: '0x0' })).rejects.toMatchObject({
      code: -32602,
    });
  });

  it('answers null for unknown blocks and transactions, and an error for state at a future block', async () => {
    expect(await rpc('eth_getBlockByNumber', '0x99', false)).toBeNull();
    expect(await rpc('eth_getBlockByHash', ethers.ZeroHash, false)).toBeNull();
    expect(await rpc('eth_getTransactionByHash', ethers.ZeroHash)).toBeNull();
    expect(await rpc('eth_getTransactionReceipt', ethers.ZeroHash)).toBeNull();
    await expect(rpc('eth_getBalance', alice.address, '0x99')).rejects.toMatchObject({
      code: -32000,
      message: expect.stringContaining('header not found'),
    });
  });

  it('estimates enough gas, including for a call that earns a storage refund', async () => {
    expect(await rpc('eth_estimateGas', { from: alice.address, to: bob.address, value: '0x1' })).toBe(
      ethers.toQuantity(21_000),
    );
    await send({ to: counterAddress, data: counterAbi.encodeFunctionData('setCount', [7]) });
    const resetData = counterAbi.encodeFunctionData('setCount', [0]);
    const estimate = BigInt(
      (await rpc('eth_estimateGas', { from: alice.address, to: counterAddress, data: resetData })) as string,
    );
    const receipt = await send({ to: counterAddress, data: resetData, gasLimit: estimate });
    expect(receipt.status).toBe('0x1');
    expect(estimate).toBeGreaterThan(BigInt(receipt.gasUsed));
    expect(estimate).toBeLessThan((BigInt(receipt.gasUsed) * 3n) / 2n);
  });

  it('reverts with code 3 and the revert data from eth_estimateGas', async () => {
    const data = counterAbi.encodeFunctionData('setCount', [2000]);
    const error = (await rpc('eth_estimateGas', { from: alice.address, to: counterAddress, data }).catch((e) => e)) as {
      data: string;
    };
    expect(error).toMatchObject({ code: 3, message: 'execution reverted' });
    expect(counterAbi.parseError(error.data)?.args.toArray()).toEqual([2000n, 1000n]);
  });

  it('runs calls against pending, latest, a number and an EIP-1898 block hash', async () => {
    await send({ to: counterAddress, data: counterAbi.encodeFunctionData('setCount', [9]) });
    const head = (await rpc('eth_getBlockByNumber', 'latest', false)) as Record<string, string>;
    const data = counterAbi.encodeFunctionData('count');
    const expectCount = async (tag: unknown, count: number) =>
      expect(await rpc('eth_call', { to: counterAddress, data }, tag)).toBe(
        ethers.zeroPadValue(ethers.toBeHex(count), 32),
      );
    await expectCount('pending', 9);
    await expectCount('latest', 9);
    await expectCount({ blockHash: head.hash }, 9);
    await expectCount(ethers.toQuantity(Number(head.number) - 1), 0);
    expect(await rpc('eth_getStorageAt', counterAddress, '0x0', 'latest')).toBe(ethers.zeroPadValue('0x09', 32));
  });

  it('keeps the fee history at zero base fee', async () => {
    const history = (await rpc('eth_feeHistory', '0x2', 'latest', [50])) as Record<string, unknown[]>;
    expect(history.baseFeePerGas).toEqual(['0x0', '0x0', '0x0']);
    expect(history.reward).toEqual([['0x0'], ['0x0']]);
    expect(history.gasUsedRatio).toHaveLength(2);
  });

  it('answers every request of a concurrent burst, in order, without hanging', async () => {
    const start = nonce;
    const raws = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        alice.signTransaction({
          to: bob.address,
          value: 1n,
          gasPrice: 0,
          gasLimit: 21_000,
          chainId: CHAIN_ID,
          nonce: start + i,
        }),
      ),
    );
    nonce += raws.length;
    const results = await Promise.allSettled([
      ...raws.map((raw) => rpc('eth_sendRawTransaction', raw)),
      rpc('eth_getBalance', bob.address, 'latest'),
      rpc('no_such_method'),
    ]);
    expect(results.slice(0, 10).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(results[10]).toEqual({ status: 'fulfilled', value: '0xa' });
    expect(results[11]).toMatchObject({ status: 'rejected', reason: { code: -32601 } });
  });
});
