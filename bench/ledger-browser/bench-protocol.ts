/** What the Node side hands the bench page, and what the page and its bare-EVM worker answer. */
import type { AppManifest } from '../../generators/index.js';

export interface BrowserBenchInput {
  manifest: AppManifest;
  /** address -> decimal wei */
  alloc: Record<string, string>;
  keys: { deployer: string; buyer: string; sales: string };
  count: number;
  blocks: number;
  /** Diagnostic: run the full path on an in-memory chain (no IndexedDB) to see what persistence costs. */
  memoryStore?: boolean;
}

export interface BareRequest {
  chainId: number;
  alloc: Record<string, string>;
  setup: string[];
  timed: string[];
  /** Recover senders with @ethereumjs's plain-JS default instead of the ledger's. */
  jsRecovery?: boolean;
  /** Keep the worker's state after `timed` for BareChunkRequests. */
  keep?: boolean;
  /** Run on @ethereumjs/evm directly instead of runTx (bench/evm-direct.ts, bench/evm-alternatives.ts). */
  direct?: boolean;
  /** Reply with the gas of each transaction and the state root after them (computing it flushes the state cache). */
  report?: boolean;
}

/** More transactions timed on the state a `keep: true` request left. */
export interface BareChunkRequest {
  chunk: string[];
}

export interface BareReply {
  ok: boolean;
  ms?: number;
  recoverMs?: number;
  gas?: string;
  /** Which secp256k1 recovered the senders (see bench/bare-evm.ts). */
  recovery?: string;
  /** With `report`: gas of each timed transaction (decimal) and the state root after them. */
  gasPerTx?: string[];
  stateRoot?: string;
  error?: string;
}

/** bench/evm-alternatives.ts --browser: the two browser-usable paths, alternated in the bare worker. */
export interface EvmAlternativesInput {
  alloc: Record<string, string>;
  setup: string[];
  timed: string[];
  /** Runs of each path, alternating (a fresh worker each), after one untimed warm-up of each. */
  rounds: number;
}

export interface EvmAlternativesRun {
  direct: boolean;
  ms: number;
  gasPerTx: string[];
  stateRoot: string;
}

export interface BrowserBenchOutput {
  count: number;
  fullMs: number;
  fullGas: string;
  /** The same kind of calls through eth_sendTransaction, signed in the ledger worker (keys unlocked). */
  ledgerSignedMs: number;
  ledgerSignedGas: string;
  /** The bare EVM time of those ledger-signed transactions. */
  bareOfLedgerSignedMs: number;
  bareMs: number;
  bareRecoverMs: number;
  bareGas: string;
  bareRecovery: string;
  bareJsRecoveryMs: number;
  /** ledger_storageInfo.senderRecovery of the ledger worker. */
  senderRecovery: { implementation: string; reason?: string };
  blocks: number;
  reloadMs: number;
  verifyMs: number;
  verifyOk: boolean;
  storage: unknown;
  userAgent: string;
  /** Where the full path's time goes, in ms per transaction (see bench-page.ts). */
  breakdown: {
    signMs: number;
    roundTripMs: number;
    sendAndReceiptPresignedMs: number;
    /** Medians of alternating chunks: full path with the page signing / with the ledger signing, ms per tx. */
    alternatingPageSignsMs: number;
    alternatingLedgerSignsMs: number;
    /** Median of the bare EVM time of each chunk's transactions, timed right after the chunk, ms per tx. */
    alternatingBareMs: number;
    /** Medians of bare / full per chunk: the full path against the bare EVM in the same time window. */
    alternatingRatioPageSigns: number;
    alternatingRatioLedgerSigns: number;
  };
}
