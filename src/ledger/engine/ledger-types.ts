import type { LedgerStore } from '../store/ledger-store.js';

/** An EIP-1193 request. Params are positional, as every method here defines them. */
export interface RpcRequest {
  method: string;
  params?: readonly unknown[] | Record<string, unknown>;
}

export interface LedgerEngineOptions {
  chainId: number;
  /** Gas limit of every block; default 30,000,000 (the workspace default). */
  blockGasLimit?: bigint;
  /** Genesis balances in wei, by address. */
  alloc?: Record<string, bigint>;
  /** Where blocks, receipts and state are stored and restored from; default: an in-memory store. */
  store?: LedgerStore;
  /**
   * A restored chain of at most this many blocks is verified (re-executed) in the background
   * on open; `ledger_lastVerification` reports the result. Default 2,000 (~5 s in a worker); 0 = never.
   */
  autoVerifyMaxBlocks?: number;
  /**
   * When a state change is answered. 'batched' (default): once mined; store writes follow in
   * the background, and blocks mined while a write is in flight share the next IndexedDB
   * transaction, each holding whole blocks, so a crash can lose the last few milliseconds of
   * blocks but never part of one (ledger_flush waits for the store). 'per-request': only once
   * the change is committed, so a returned hash is durable (one IndexedDB commit per block,
   * ~2 ms each in Chromium).
   */
  durability?: 'batched' | 'per-request';
  /** Wall clock in milliseconds; tests pass a fake one. Default Date.now. */
  now?: () => number;
}

/** Posted after each block is mined (not when a chain is restored or imported). */
export interface NewBlockEvent {
  number: number;
  hash: string;
  parentHash: string;
  /** Unix seconds. */
  timestamp: number;
  transactionHashes: string[];
}

export type NewBlockListener = (event: NewBlockEvent) => void;

export interface LedgerEngine {
  readonly chainId: number;
  /**
   * EIP-1193 request. Resolves with the JSON-RPC result; rejects with a LedgerRpcError
   * (`code`, `message`, `data`): 3 with revert data for reverts, -32601 for unknown methods,
   * -32602 for bad params, -32000 for invalid transactions and missing blocks.
   */
  request(request: RpcRequest): Promise<unknown>;
  /** Subscribes to mined blocks; returns the unsubscribe function. */
  onNewBlock(listener: NewBlockListener): () => void;
  /** Wipes the chain and its store and starts again from a fresh genesis with the same options. */
  reset(): Promise<void>;
  /** Resolves when every queued request and store write has finished. */
  idle(): Promise<void>;
}
