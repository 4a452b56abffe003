/** Blocks, transactions, receipts and logs in the JSON-RPC shapes geth returns (what ethers parses). */
import type { TypedTransaction } from '@ethereumjs/tx';
import { bytesToHex } from '@ethereumjs/util';
import { transactionFields, type MinedBlock, type MinedLog, type MinedTransaction } from './block-record.js';
import { toQuantity } from './hex-codec.js';

export type RpcObject = Record<string, unknown>;

/** A fresh object on every call: in-process callers may mutate what they get. */
export function formatBlock(mined: MinedBlock, fullTransactions: boolean): RpcObject {
  return {
    ...mined.header,
    transactions: mined.transactions.map((tx) => (fullTransactions ? formatTransaction(mined, tx) : tx.hash)),
    uncles: [],
    withdrawals: [],
  };
}

export function formatTransaction(mined: MinedBlock, mtx: MinedTransaction): RpcObject {
  return {
    type: toQuantity(mtx.type),
    hash: mtx.hash,
    blockHash: mined.hash,
    blockNumber: toQuantity(mined.number),
    transactionIndex: toQuantity(mtx.index),
    from: mtx.from,
    to: mtx.to,
    gasPrice: toQuantity(mtx.receipt.effectiveGasPrice),
    ...structuredClone(mtx.fields),
  };
}

/** A transaction waiting for interval mining: no block, hash and index null (as geth answers). */
export function formatPendingTransaction(tx: TypedTransaction, hash: string, from: string): RpcObject {
  return {
    type: toQuantity(tx.type),
    hash,
    blockHash: null,
    blockNumber: null,
    transactionIndex: null,
    from,
    to: tx.to === undefined ? null : tx.to.toString(),
    gasPrice: toQuantity(tx.getEffectivePriorityFee(0n)),
    ...transactionFields(tx),
  };
}

export function formatReceipt(mined: MinedBlock, mtx: MinedTransaction): RpcObject {
  const receipt = mtx.receipt;
  return {
    type: toQuantity(mtx.type),
    transactionHash: mtx.hash,
    transactionIndex: toQuantity(mtx.index),
    blockHash: mined.hash,
    blockNumber: toQuantity(mined.number),
    from: mtx.from,
    to: mtx.to,
    cumulativeGasUsed: toQuantity(receipt.cumulativeGasUsed),
    gasUsed: toQuantity(receipt.gasUsed),
    effectiveGasPrice: toQuantity(receipt.effectiveGasPrice),
    contractAddress: receipt.contractAddress,
    logs: receipt.logs.map((log) => formatLog(mined, mtx, log)),
    logsBloom: bytesToHex(receipt.logsBloom),
    status: toQuantity(receipt.status),
  };
}

export function formatLog(mined: MinedBlock, mtx: MinedTransaction, log: MinedLog): RpcObject {
  return {
    address: log.address,
    topics: [...log.topics],
    data: log.data,
    blockNumber: toQuantity(mined.number),
    blockHash: mined.hash,
    blockTimestamp: toQuantity(mined.timestamp),
    transactionHash: mtx.hash,
    transactionIndex: toQuantity(mtx.index),
    logIndex: toQuantity(log.logIndex),
    removed: false,
  };
}
