/**
 * Persistence for the bundled ledger as stored data, not a replay log: the genesis settings,
 * then per block its header and transactions, its receipts and the state-trie nodes the block
 * added. A reload rebuilds the chain from these records without executing anything; integrity
 * is checked separately by re-execution (engine/verify-chain.ts), which compares every stored
 * record with what it recomputes.
 *
 * Records hold plain values (strings, numbers, bigint, Uint8Array) so IndexedDB stores them by
 * structured clone and an in-memory store can copy them the same way.
 */

/** Version of the stored data; a store holding another version is refused, never guessed at. */
export const LEDGER_STORE_FORMAT = 2;

/** A `ledger_setBalance` faucet edit: lower-case address, hex wei. */
export interface BalanceEdit {
  address: string;
  balance: string;
}

export interface StoredGenesis {
  format: number;
  chainId: number;
  /** Hex quantity. */
  blockGasLimit: string;
  /** Unix seconds. */
  timestamp: number;
  /** Lower-case address -> hex wei. */
  alloc: Record<string, string>;
}

export interface StoredTransaction {
  /** The signed transaction as sent: what re-execution runs. */
  raw: Uint8Array;
  hash: string;
  from: string;
  to: string | null;
  type: number;
  index: number;
  /** JSON-RPC fields (nonce, gas, input, v, r, s, ...). */
  fields: Record<string, unknown>;
}

export interface StoredBlock {
  number: number;
  hash: string;
  /** Faucet edits applied to the state just before this block (they are in its state root). */
  preEdits: BalanceEdit[];
  headerRlp: Uint8Array;
  /** The JSON-RPC header fields, as served. */
  header: Record<string, string>;
  transactions: StoredTransaction[];
}

export interface StoredReceipt {
  status: 0 | 1;
  gasUsed: bigint;
  cumulativeGasUsed: bigint;
  effectiveGasPrice: bigint;
  contractAddress: string | null;
  logsBloom: Uint8Array;
  logs: { address: string; topics: string[]; data: string; logIndex: number }[];
}

export interface StoredReceipts {
  number: number;
  receipts: StoredReceipt[];
}

/** The state-trie (and contract code) entries first written by this block, packed (state-nodes.ts). */
export interface StoredState {
  number: number;
  nodes: Uint8Array;
}

/** Everything stored for one block; written in one transaction. */
export interface BlockRecords {
  block: StoredBlock;
  receipts: StoredReceipts;
  state: StoredState;
}

/** A named snapshot (evm_snapshot / ledger_snapshot): revert goes back to `blockNumber`. */
export interface StoredSnapshot {
  /** Hex quantity, as evm_revert takes it. */
  id: string;
  /** Order of taking: reverting uses up this snapshot and every one with a higher seq. */
  seq: number;
  name: string;
  blockNumber: number;
  /** Unix ms. */
  takenAt: number;
  /** The faucet edits pending when it was taken (restored by a revert). */
  pendingEdits: BalanceEdit[];
}

/** The snapshots of the chain, stored so that they outlive the worker (meta key `snapshots`). */
export interface StoredSnapshots {
  /** seq of the next snapshot: ids are never reused, even after a revert. */
  next: number;
  list: StoredSnapshot[];
}

export interface StoredChain {
  genesis: StoredGenesis;
  /** Index = block number, from 0 (genesis). */
  blocks: BlockRecords[];
  /** Faucet edits made since the head block. */
  pendingEdits: BalanceEdit[];
  /** Absent in stores written before snapshots were kept (same format: none). */
  snapshots?: StoredSnapshots;
}

/** One atomic change: every part is applied in one store transaction, or none is. */
export interface StoreChange {
  /** Removes everything first (reset, import). */
  clear?: boolean;
  genesis?: StoredGenesis;
  /** Removes every block above this number (evm_revert). */
  truncateAbove?: number;
  blocks?: BlockRecords[];
  pendingEdits?: BalanceEdit[];
  /** Replaces the stored snapshots (taken, reverted to). */
  snapshots?: StoredSnapshots;
}

export interface LedgerStore {
  /** Names the store in error messages. */
  readonly label: string;
  /**
   * The stored chain, or undefined when the store is empty.
   * @throws Error naming the store when it holds another format or is structurally damaged.
   */
  load(): Promise<StoredChain | undefined>;
  /** Applies `change` atomically: after a crash it is there whole or not at all. */
  commit(change: StoreChange): Promise<void>;
  /** Releases the connection, if the store holds one; the data stays. The engine never calls it. */
  close?(): void;
}

/** @throws Error when `genesis` is missing or of another format. */
export function checkFormat(genesis: StoredGenesis | undefined, label: string): StoredGenesis {
  if (genesis === undefined || typeof genesis !== 'object') throw new Error(`${label}: no genesis record`);
  if (genesis.format !== LEDGER_STORE_FORMAT) {
    throw new Error(
      `${label} holds ledger data in format ${String(genesis.format)}; this version reads format ${LEDGER_STORE_FORMAT} only. ` +
        'Export it with the version that wrote it, or reset the ledger.',
    );
  }
  return genesis;
}

/**
 * Puts per-block records read from a store into one list, checking that blocks 0..n are all
 * there with all three records.
 * @throws Error naming the first block whose records are missing.
 */
export function assembleBlocks(
  label: string,
  blocks: StoredBlock[],
  receipts: StoredReceipts[],
  states: StoredState[],
): BlockRecords[] {
  const byNumber = <T extends { number: number }>(items: T[]) => new Map(items.map((item) => [item.number, item]));
  const receiptsOf = byNumber(receipts);
  const stateOf = byNumber(states);
  const sorted = [...blocks].sort((a, b) => a.number - b.number);
  return sorted.map((block, i) => {
    if (block.number !== i) throw new Error(`${label} is damaged: block ${i} is missing`);
    const blockReceipts = receiptsOf.get(i);
    const state = stateOf.get(i);
    if (blockReceipts === undefined) throw new Error(`${label} is damaged: block ${i} has no receipts record`);
    if (state === undefined) throw new Error(`${label} is damaged: block ${i} has no state record`);
    return { block, receipts: blockReceipts, state };
  });
}
