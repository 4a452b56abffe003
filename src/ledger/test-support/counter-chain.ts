/** Test helper: a Counter contract on a ledger engine, driven through ethers as the app does. */
import { ContractFactory, Wallet, ethers, type Contract } from 'ethers';
import { createEthersProvider } from '../client/ethers-provider.js';
import { createInProcessProvider } from '../client/in-process-provider.js';
import type { LedgerEngine } from '../engine/ledger-types.js';
import { compileContract, type CompiledContract } from './compile-solidity.js';
import { COUNTER_SOURCE } from './counter-fixture.js';

export const alice = new Wallet('0x' + '33'.repeat(32));
export const bob = new Wallet('0x' + '44'.repeat(32));
export const fundedAlloc = { [alice.address]: ethers.parseEther('5') };

let compiled: CompiledContract | undefined;
export const counterContract = (): CompiledContract => (compiled ??= compileContract(COUNTER_SOURCE, 'Counter'));

export function providerOf(engine: LedgerEngine) {
  return createEthersProvider(createInProcessProvider(engine), engine.chainId);
}

/** Deploys Counter (block 1) and sends `increments` calls alternating Alice and Bob; returns its address. */
export async function mineCounterBlocks(engine: LedgerEngine, increments: number): Promise<string> {
  const provider = providerOf(engine);
  const { abi, bytecode } = counterContract();
  const factory = new ContractFactory(abi as ethers.InterfaceAbi, bytecode, alice.connect(provider));
  const counter = (await factory.deploy()) as unknown as Contract;
  await counter.waitForDeployment();
  for (let i = 0; i < increments; i++) {
    const signer = (i % 2 === 0 ? alice : bob).connect(provider);
    await (await (counter.connect(signer) as Contract).increment(`第${i}号`)).wait();
  }
  return counter.getAddress();
}

export function counterAt(engine: LedgerEngine, address: string, signer: Wallet = alice): Contract {
  const { abi } = counterContract();
  return new ethers.Contract(address, abi as ethers.InterfaceAbi, signer.connect(providerOf(engine)));
}

/** Every block (with full transactions), every receipt, and a few state reads: a chain's fingerprint. */
export async function chainFingerprint(engine: LedgerEngine, counterAddress: string) {
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
