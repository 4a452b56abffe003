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
  /** Where mined blocks are appended and replayed from; default: an in-memory store. */
  store?: LedgerStore;
  /** Wall clock in milliseconds; tests pass a fake one. Default Date.now. */
  now?: () => number;
}

/** Posted after each block is mined (not during replay). */
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
