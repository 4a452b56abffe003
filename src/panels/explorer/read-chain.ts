/**
 * Reading the explorer's raw data through ethers from any EIP-1193 chain (the bundled ledger in
 * the page): blocks with their transactions and receipts, single transactions, the transactions
 * of a process instance (from its indexed instanceId topic) and account balances and nonces.
 * No decoding here: describe-transaction.ts turns what this returns into words.
 */
import { toBeHex, zeroPadValue, type Provider, type TransactionReceipt, type TransactionResponse } from 'ethers';
import type { ChainLog, ChainTx } from './describe-transaction.js';
import { getLogsInRanges } from '../../chain/logs-in-ranges.js';

export interface BlockRow {
  number: number;
  hash: string;
  parentHash: string;
  /** Seconds since the epoch. */
  timestamp: number;
  gasUsed: bigint;
  txHashes: string[];
}

export interface AccountRow {
  address: string;
  balance: bigint;
  nonce: number;
  isContract: boolean;
}

export function toChainTx(tx: TransactionResponse, receipt: TransactionReceipt | null): ChainTx {
  return {
    hash: tx.hash,
    blockNumber: tx.blockNumber ?? receipt?.blockNumber ?? -1,
    from: tx.from,
    to: tx.to,
    data: tx.data,
    value: tx.value,
    nonce: tx.nonce,
    status: receipt?.status ?? 1,
    gasUsed: receipt?.gasUsed ?? 0n,
    contractAddress: receipt?.contractAddress ?? null,
    logs: (receipt?.logs ?? []).map(
      (l): ChainLog => ({ address: l.address, topics: l.topics, data: l.data, index: l.index, transactionHash: l.transactionHash, blockNumber: l.blockNumber }),
    ),
  };
}

/** Blocks `from`..`to` (inclusive), newest first, with every transaction and its receipt. */
export async function readBlocks(provider: Provider, from: number, to: number): Promise<{ blocks: BlockRow[]; txs: ChainTx[] }> {
  const numbers: number[] = [];
  for (let n = to; n >= Math.max(0, from); n--) numbers.push(n);
  const blocks = await Promise.all(numbers.map((n) => provider.getBlock(n, true)));
  const rows: BlockRow[] = [];
  const txs: ChainTx[] = [];
  for (const block of blocks) {
    if (!block || block.hash === null) continue;
    rows.push({ number: block.number, hash: block.hash, parentHash: block.parentHash, timestamp: block.timestamp, gasUsed: block.gasUsed, txHashes: [...block.transactions] });
    const receipts = await Promise.all(block.prefetchedTransactions.map((t) => provider.getTransactionReceipt(t.hash)));
    block.prefetchedTransactions.forEach((t, i) => txs.push(toChainTx(t, receipts[i])));
  }
  return { blocks: rows, txs };
}

export async function readTransaction(provider: Provider, hash: string): Promise<ChainTx | undefined> {
  const [tx, receipt] = await Promise.all([provider.getTransaction(hash), provider.getTransactionReceipt(hash)]);
  return tx ? toChainTx(tx, receipt) : undefined;
}

export async function readBlock(provider: Provider, tag: number | string): Promise<{ blocks: BlockRow[]; txs: ChainTx[] } | undefined> {
  const block = await provider.getBlock(tag, false);
  if (!block || block.hash === null) return undefined;
  return readBlocks(provider, block.number, block.number);
}

/** Hashes of the transactions that emitted events of instance `instanceId` of the contracts, in chain order. */
export async function readInstanceTxHashes(provider: Provider, addresses: string[], instanceId: bigint, fromBlock: number): Promise<string[]> {
  const topic = zeroPadValue(toBeHex(instanceId), 32);
  const head = await provider.getBlockNumber();
  const logs = (await Promise.all(addresses.map((address) => getLogsInRanges(provider, { address, topics: [null, topic] }, fromBlock, head)))).flat();
  logs.sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
  return [...new Set(logs.map((l) => l.transactionHash))];
}

export async function readAccounts(provider: Provider, addresses: string[]): Promise<AccountRow[]> {
  return Promise.all(
    addresses.map(async (address) => {
      const [balance, nonce, code] = await Promise.all([provider.getBalance(address), provider.getTransactionCount(address), provider.getCode(address)]);
      return { address, balance, nonce, isContract: code !== '0x' };
    }),
  );
}
