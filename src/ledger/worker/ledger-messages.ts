/**
 * The messages between the page (client) and the ledger worker. Every request carries an id
 * that its reply repeats; errors travel as data, never as a dead worker.
 */
import type { NewBlockEvent } from '../engine/ledger-types.js';
import type { RpcErrorData } from '../engine/rpc-error.js';

export interface LedgerInitSettings {
  chainId: number;
  blockGasLimit?: bigint;
  /** Genesis balances in wei (bigint survives structured clone). */
  alloc?: Record<string, bigint>;
  /** IndexedDB store name; absent = an in-memory chain that ends with the worker. */
  storeName?: string;
  /** See LedgerEngineOptions.durability; default 'batched'. */
  durability?: 'batched' | 'per-request';
}

export type LedgerWorkerRequest =
  | ({ kind: 'init'; id: number } & LedgerInitSettings)
  | { kind: 'rpc'; id: number; method: string; params?: readonly unknown[] | Record<string, unknown> }
  | { kind: 'reset'; id: number };

export type LedgerWorkerReply =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; error: RpcErrorData }
  | { kind: 'newBlock'; block: NewBlockEvent };
