/**
 * mineBlock assembles blocks itself instead of using ethereumjs's BlockBuilder (which is slow);
 * both must give the very same blocks: same hashes, hence same state, transactions and
 * receipts roots, logs bloom and gas used.
 */
import { Interface, Wallet, ethers } from 'ethers';
import { hexToBytes } from '@ethereumjs/util';
import { buildBlock } from '@ethereumjs/vm';
import { describe, expect, it } from 'vitest';
import { counterContract } from '../test-support/counter-chain.js';
import { normaliseAlloc } from './chain-config.js';
import { ChainState } from './chain-state.js';
import { recordTransaction } from './block-record.js';
import { decodeTransaction, mineBlock } from './mine-transaction.js';

const CHAIN_ID = 5;
const carol = new Wallet('0x' + '88'.repeat(32));
const settings = { chainId: CHAIN_ID, blockGasLimit: 30_000_000n, alloc: normaliseAlloc({ [carol.address]: 10n ** 20n }), timestamp: 1_700_000_000 };

async function withBuilder(chain: ChainState, raws: string[], timestamp: number): Promise<string> {
  const txs = raws.map((raw) => decodeTransaction(chain, hexToBytes(raw as `0x${string}`)));
  await chain.stateManager.flush();
  const builder = await buildBlock(chain.vm, {
    parentBlock: chain.headBlock,
    headerData: { timestamp: BigInt(timestamp), baseFeePerGas: 0n, gasLimit: chain.head.gasLimit },
    withdrawals: [],
    blockOpts: { putBlockIntoBlockchain: false },
  });
  let logs = 0;
  const recorded = [];
  for (const [i, tx] of txs.entries()) {
    const mined = recordTransaction(tx, i, await builder.addTransaction(tx), logs);
    logs += mined.receipt.logs.length;
    recorded.push(mined);
  }
  const { block } = await builder.build();
  const mined = chain.addBlock(block, recorded);
  // the size is computed from the encoded pieces: it must be the block's RLP length
  expect(mined.header.size).toBe(ethers.toQuantity(block.serialize().length));
  return mined.hash;
}

describe('block assembly', () => {
  it('gives the same blocks as ethereumjs BlockBuilder: deploy, calls with logs, a revert, several per block, an empty block', async () => {
    const ours = await ChainState.create(settings);
    const theirs = await ChainState.create(settings);
    expect(ours.head.hash).toBe(theirs.head.hash);
    const { abi, bytecode } = counterContract();
    const iface = new Interface(abi as ethers.InterfaceAbi);
    const sign = (nonce: number, tx: ethers.TransactionRequest) =>
      carol.signTransaction({ nonce, gasLimit: 1_000_000, gasPrice: 0, chainId: CHAIN_ID, ...tx });
    const deploy = await sign(0, { data: bytecode });
    const address = ethers.getCreateAddress({ from: carol.address, nonce: 0 });
    const call = (nonce: number, data: string) => sign(nonce, { to: address, data });
    const accessList = [{ address, storageKeys: [ethers.zeroPadValue('0x01', 32), ethers.zeroPadValue('0x02', 32)] }];
    const blocks: string[][] = [
      [deploy],
      [await call(1, iface.encodeFunctionData('increment', ['一']))],
      [await call(2, iface.encodeFunctionData('setCount', [5000]))], // reverts: TooLarge
      [await call(3, iface.encodeFunctionData('increment', ['二'])), await call(4, iface.encodeFunctionData('increment', ['三'])), await call(5, iface.encodeFunctionData('setCount', [7]))],
      [],
      [await sign(6, { to: carol.address, value: 1n, type: 2, maxFeePerGas: 0, maxPriorityFeePerGas: 0, gasPrice: undefined })],
      // a legacy transaction and an access-list one in one block (the size counts them differently)
      [await sign(7, { to: address, data: iface.encodeFunctionData('increment', ['四']), type: 0 }), await sign(8, { to: address, data: iface.encodeFunctionData('increment', ['五']), type: 1, accessList })],
    ];
    for (const [i, raws] of blocks.entries()) {
      const timestamp = settings.timestamp + i + 1;
      const mined = await mineBlock(ours, raws.map((raw) => decodeTransaction(ours, hexToBytes(raw as `0x${string}`))), timestamp);
      expect(mined.hash, `block ${mined.number}`).toBe(await withBuilder(theirs, raws, timestamp));
      expect(mined.header).toEqual(theirs.head.header);
    }
    expect(ours.blockAt(3).transactions[0].receipt.status).toBe(0);
    expect(ours.blockAt(4).transactions.map((t) => t.receipt.cumulativeGasUsed)).toEqual(theirs.blockAt(4).transactions.map((t) => t.receipt.cumulativeGasUsed));
    // the access list is recorded as JSON-RPC gives it
    expect(ours.blockAt(7).transactions[1].fields.accessList).toEqual([{ ...accessList[0], address: address.toLowerCase() }]);
    expect(ours.blockAt(7).transactions.map((t) => t.type)).toEqual([0, 1]);
  });
});
