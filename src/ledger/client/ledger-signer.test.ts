/** LedgerSigner: an ethers Signer whose transactions the ledger signs, the key unlocked on demand. */
import { ContractFactory, Wallet, ethers, type Contract } from 'ethers';
import { beforeEach, describe, expect, it } from 'vitest';
import { sendAndWait } from '../../chain/send-and-wait.js';
import { createLedgerEngine } from '../engine/create-ledger-engine.js';
import type { LedgerEngine } from '../engine/ledger-types.js';
import { counterContract } from '../test-support/counter-chain.js';
import { createEthersProvider } from './ethers-provider.js';
import { createInProcessProvider } from './in-process-provider.js';
import { LedgerSigner } from './ledger-signer.js';

const CHAIN_ID = 1337;
const alice = new Wallet('0x' + '77'.repeat(32));
let engine: LedgerEngine;
let signer: LedgerSigner;
let counter: Contract;

const rpc = (method: string, ...params: unknown[]) => engine.request({ method, params });

beforeEach(async () => {
  // given Alice's wallet on the page and a ledger that holds no key
  engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc: { [alice.address]: ethers.parseEther('1') } });
  signer = new LedgerSigner(alice, createEthersProvider(createInProcessProvider(engine), CHAIN_ID));
  const { abi, bytecode } = counterContract();
  counter = (await new ContractFactory(abi as ethers.InterfaceAbi, bytecode, signer).deploy()) as unknown as Contract;
  await counter.waitForDeployment();
}, 60_000);

describe('LedgerSigner', () => {
  it('sends through eth_sendTransaction with the key unlocked in the ledger on first use', async () => {
    expect(await rpc('eth_accounts')).toEqual([alice.address.toLowerCase()]);
    // when Alice increments through an ethers contract
    const receipt = await (await counter.increment('第一次')).wait();
    // then the ledger signed it as her, and the contract saw her
    expect(receipt.status).toBe(1);
    expect(receipt.from).toBe(alice.address);
    expect(await counter.lastCaller()).toBe(alice.address);
    expect(await counter.count()).toBe(1n);
  });

  it('sends a fully populated request (nonce, type-2 fees) as a resumable deployment does', async () => {
    const prepared = await signer.populateTransaction({ to: await counter.getAddress(), data: counter.interface.encodeFunctionData('setCount', [9]) });
    expect(prepared.nonce).toBe(1);
    const receipt = await (await signer.sendTransaction(prepared)).wait();
    expect(receipt?.status).toBe(1);
    expect(await counter.count()).toBe(9n);
    // and through the deployment's send-and-wait, which records the nonce it fixed
    const sent: number[] = [];
    const again = await sendAndWait(signer, { to: await counter.getAddress(), data: counter.interface.encodeFunctionData('setCount', [10]) }, { onSent: ({ nonce }) => sent.push(nonce) });
    expect([again.status, sent]).toEqual([1, [2]]);
  });

  it('unlocks again when the ledger forgot the key (a restarted worker answers 4100)', async () => {
    await rpc('ledger_lockAccount');
    await (await counter.increment('again')).wait();
    expect(await counter.count()).toBe(1n);
    expect(await rpc('eth_accounts')).toEqual([alice.address.toLowerCase()]);
  });

  it('answers at once under interval mining: the waiting transaction is found before its block', async () => {
    // given a block every minute
    await rpc('ledger_setIntervalMining', 60_000);
    const head = await rpc('eth_blockNumber');
    // when Alice sends, then the response comes while the transaction waits
    const sent = await counter.increment('排队');
    expect(sent.blockNumber).toBeNull();
    expect(await rpc('eth_blockNumber')).toBe(head);
    await rpc('evm_mine');
    expect((await sent.wait())?.status).toBe(1);
  });

  it('lock() makes the ledger forget the key; the wallet still signs messages on the page', async () => {
    await signer.lock();
    expect(await rpc('eth_accounts')).toEqual([]);
    expect(await signer.signMessage('审批')).toBe(await alice.signMessage('审批'));
    expect(ethers.Transaction.from(await signer.signTransaction({ to: alice.address, gasLimit: 21_000, gasPrice: 0, nonce: 5 })).from).toBe(alice.address);
  });

  it('reports a refused unlock without quoting the key (ethers quotes the request in its errors)', async () => {
    // given a provider whose ledger refuses every key
    const inner = createInProcessProvider(engine);
    const refusing = { ...inner, request: (args: { method: string; params?: unknown }) =>
      args.method === 'ledger_unlockAccount' ? Promise.reject(Object.assign(new Error('keys are refused here'), { code: -32603 })) : inner.request(args as never) };
    const locked = new LedgerSigner(alice, createEthersProvider(refusing as never, CHAIN_ID));
    await rpc('ledger_lockAccount');
    // when Alice sends, then the error names her account and the reason, not her key
    const error = (await (counter.connect(locked) as Contract).increment('x').catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(alice.address);
    expect(error.message).toContain('keys are refused here');
    expect(error.message).not.toContain(alice.privateKey.slice(2));
    expect(JSON.stringify(error)).not.toContain(alice.privateKey.slice(2));
  });

  it('reports a refused call as ethers does for a wallet on the page (revert data kept)', async () => {
    const viaWallet = await (counter.connect(alice.connect(signer.provider)) as Contract).setCount(5000).catch((e: unknown) => e);
    const viaLedger = await counter.setCount(5000).catch((e: unknown) => e);
    expect(viaLedger).toMatchObject({ code: (viaWallet as { code: string }).code, data: (viaWallet as { data: string }).data });
    expect(counter.interface.parseError((viaLedger as { data: string }).data)?.name).toBe('TooLarge');
    expect(await counter.count()).toBe(0n);
  });
});
