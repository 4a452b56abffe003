/**
 * Persistence for the bundled ledger as an append-only event log. The engine rebuilds its state
 * by replaying the log from genesis, so the log holds exactly what is needed to reproduce every
 * block hash: the genesis settings, each block's raw signed transactions and timestamp, and the
 * faucet edits made between blocks. Values are hex strings so a log can later be exported as JSON.
 */

export const LEDGER_LOG_FORMAT = 1;

/** Always the first entry: the settings the genesis block was made from. */
export interface GenesisEntry {
  kind: 'genesis';
  format: typeof LEDGER_LOG_FORMAT;
  chainId: number;
  /** Hex quantity. */
  blockGasLimit: string;
  /** Unix seconds. */
  timestamp: number;
  /** Lower-case address -> hex wei. */
  alloc: Record<string, string>;
  /** Hash of the genesis block, to check a replay against. */
  hash: string;
}

/** One mined block: replaying its transactions at its timestamp must give back `hash`. */
export interface BlockEntry {
  kind: 'block';
  number: number;
  timestamp: number;
  /** Raw signed transactions, 0x-hex, in block order. */
  transactions: string[];
  hash: string;
}

/** A `ledger_setBalance` faucet edit, applied to the state between two blocks. */
export interface SetBalanceEntry {
  kind: 'setBalance';
  address: string;
  /** Hex wei. */
  balance: string;
}

export type LedgerLogEntry = GenesisEntry | BlockEntry | SetBalanceEntry;

export interface LedgerStore {
  /** Every entry, in the order appended. */
  readAll(): Promise<LedgerLogEntry[]>;
  /** Stores one entry atomically: after a crash it is there whole or not at all. */
  append(entry: LedgerLogEntry): Promise<void>;
  /** Removes every entry (a ledger reset). */
  clear(): Promise<void>;
  /** Releases the connection, if the store holds one; the data stays. The engine never calls it. */
  close?(): void;
}
