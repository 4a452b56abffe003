/**
 * What the chain keeps of each mined block: JSON-RPC-ready values and the header's RLP, not
 * ethereumjs objects. Every Block, header and transaction object carries its own copy of the
 * chain configuration (~8 KB each), so keeping them cost ~30 KB per block; these records cost a
 * few KB. A Block object is rebuilt from `headerRlp` only when a call runs at an old block.
 */
import type { Block } from '@ethereumjs/block';
import type { TypedTransaction } from '@ethereumjs/tx';
import { bigIntToUnpaddedBytes, generateAddress, setLengthLeft } from '@ethereumjs/util';
import type { RunTxResult } from '@ethereumjs/vm';
import type { BalanceEdit } from '../store/ledger-store.js';
import { toHex, toQuantity } from './hex-codec.js';
import { rlpListLength, rlpStringLength } from './rlp-pieces.js';

export interface MinedLog {
  address: string;
  topics: string[];
  data: string;
  /** Position among all logs of the block. */
  logIndex: number;
}

export interface MinedReceipt {
  status: 0 | 1;
  gasUsed: bigint;
  cumulativeGasUsed: bigint;
  effectiveGasPrice: bigint;
  contractAddress: string | null;
  logsBloom: Uint8Array;
  logs: MinedLog[];
}

export interface MinedTransaction {
  hash: string;
  from: string;
  to: string | null;
  type: number;
  index: number;
  /** The signed transaction as sent (what export and re-execution use). */
  raw: Uint8Array;
  /** The signed fields in JSON-RPC naming (nonce, gas, input, v, r, s, …), without block fields. */
  fields: Record<string, unknown>;
  receipt: MinedReceipt;
}

export interface MinedBlock {
  number: number;
  hash: string;
  parentHash: string;
  /** Unix seconds. */
  timestamp: number;
  gasUsed: bigint;
  gasLimit: bigint;
  stateRoot: Uint8Array;
  /** Every JSON-RPC block field except `transactions`, `uncles` and `withdrawals`. */
  header: Record<string, string>;
  headerRlp: Uint8Array;
  /** Faucet edits applied just before this block (its state root includes them). */
  preEdits: BalanceEdit[];
  transactions: MinedTransaction[];
}

/**
 * `block.header` must be frozen (its hash is then computed once and cached: the next block's
 * parentHash reads it). `transactions` are the block's; `block.transactions` is not read, so the
 * head can be kept as its header alone.
 */
export function recordBlock(block: Block, transactions: MinedTransaction[], preEdits: BalanceEdit[]): MinedBlock {
  const h = block.header;
  const hash = toHex(h.hash());
  const headerRlp = h.serialize();
  return {
    number: Number(h.number),
    hash,
    parentHash: toHex(h.parentHash),
    timestamp: Number(h.timestamp),
    gasUsed: h.gasUsed,
    gasLimit: h.gasLimit,
    stateRoot: h.stateRoot,
    headerRlp,
    preEdits,
    transactions,
    header: {
      number: toQuantity(h.number),
      hash,
      parentHash: toHex(h.parentHash),
      nonce: toHex(h.nonce),
      mixHash: toHex(h.mixHash),
      sha3Uncles: toHex(h.uncleHash),
      logsBloom: toHex(h.logsBloom),
      transactionsRoot: toHex(h.transactionsTrie),
      stateRoot: toHex(h.stateRoot),
      receiptsRoot: toHex(h.receiptTrie),
      miner: toHex(h.coinbase.bytes),
      difficulty: toQuantity(h.difficulty),
      totalDifficulty: '0x0',
      extraData: toHex(h.extraData),
      size: toQuantity(blockSize(headerRlp, transactions)),
      gasLimit: toQuantity(h.gasLimit),
      gasUsed: toQuantity(h.gasUsed),
      timestamp: toQuantity(h.timestamp),
      baseFeePerGas: toQuantity(h.baseFeePerGas ?? 0n),
      withdrawalsRoot: toHex(h.withdrawalsRoot ?? new Uint8Array()),
      blobGasUsed: toQuantity(h.blobGasUsed ?? 0n),
      excessBlobGas: toQuantity(h.excessBlobGas ?? 0n),
      parentBeaconBlockRoot: toHex(h.parentBeaconBlockRoot ?? new Uint8Array(32)),
    },
  };
}

/**
 * Length of the block's RLP, [header, transactions, uncles (none), withdrawals (none)], from the
 * pieces already encoded: a typed transaction is a byte string in the list, a legacy one is its
 * own RLP list. (Block.serialize() would encode every transaction again.)
 */
export function blockSize(headerRlp: Uint8Array, transactions: readonly Pick<MinedTransaction, 'type' | 'raw'>[]): number {
  let txPayload = 0;
  for (const tx of transactions) txPayload += tx.type === 0 ? tx.raw.length : rlpStringLength(tx.raw);
  const emptyList = 1; // 0xc0, for the uncles and the withdrawals
  return rlpListLength(headerRlp.length + rlpListLength(txPayload) + emptyList + emptyList);
}

/** The signed fields of `tx` in JSON-RPC naming (nonce, gas, input, v, r, s, …), without block fields. */
export function transactionFields(tx: TypedTransaction): Record<string, unknown> {
  const v = tx.v ?? 0n;
  // Built from the fields (not tx.toJSON()) so every string is flat; see toHex.
  const fields: Record<string, unknown> = {
    nonce: toQuantity(tx.nonce),
    gas: toQuantity(tx.gasLimit),
    value: toQuantity(tx.value),
    input: toHex(tx.data),
    v: toQuantity(v),
    r: toQuantity(tx.r ?? 0n),
    s: toQuantity(tx.s ?? 0n),
  };
  if ('chainId' in tx) fields.chainId = toQuantity(tx.chainId);
  else if (v >= 35n) fields.chainId = toQuantity((v - 35n) / 2n); // EIP-155 legacy
  if ('accessList' in tx) {
    fields.yParity = toQuantity(v);
    // As tx.toJSON() gives it, without building the rest of that JSON.
    fields.accessList = tx.accessList.map(([address, storageKeys]) => ({
      address: toHex(setLengthLeft(address, 20)),
      storageKeys: storageKeys.map((key) => toHex(setLengthLeft(key, 32))),
    }));
  }
  if ('maxFeePerGas' in tx) {
    fields.maxFeePerGas = toQuantity(tx.maxFeePerGas);
    fields.maxPriorityFeePerGas = toQuantity(tx.maxPriorityFeePerGas);
  }
  return fields;
}

export function recordTransaction(
  tx: TypedTransaction,
  index: number,
  result: RunTxResult,
  firstLogIndex: number,
): MinedTransaction {
  const from = tx.getSenderAddress();
  const fields = transactionFields(tx);
  const logs: MinedLog[] = result.receipt.logs.map(([address, topics, data], i) => ({
    address: toHex(address),
    topics: topics.map((topic) => toHex(topic)),
    data: toHex(data),
    logIndex: firstLogIndex + i,
  }));
  const created = tx.to === undefined ? generateAddress(from.bytes, bigIntToUnpaddedBytes(tx.nonce)) : undefined;
  return {
    hash: toHex(tx.hash()),
    from: toHex(from.bytes),
    to: tx.to === undefined ? null : toHex(tx.to.bytes),
    type: tx.type,
    index,
    raw: tx.serialize(),
    fields,
    receipt: {
      status: 'status' in result.receipt ? result.receipt.status : 1,
      gasUsed: result.totalGasSpent,
      cumulativeGasUsed: result.receipt.cumulativeBlockGasUsed,
      // The base fee is zero, so the price paid is the priority fee (legacy: the gas price).
      effectiveGasPrice: tx.getEffectivePriorityFee(0n),
      contractAddress: created === undefined ? null : toHex(created),
      logsBloom: result.bloom.bitvector,
      logs,
    },
  };
}
