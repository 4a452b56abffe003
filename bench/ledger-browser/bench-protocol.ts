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
}

export interface BareReply {
  ok: boolean;
  ms?: number;
  recoverMs?: number;
  gas?: string;
  error?: string;
}

export interface BrowserBenchOutput {
  count: number;
  fullMs: number;
  fullGas: string;
  bareMs: number;
  bareRecoverMs: number;
  bareGas: string;
  blocks: number;
  reloadMs: number;
  verifyMs: number;
  verifyOk: boolean;
  storage: unknown;
  userAgent: string;
  /** Where the full path's time goes, in ms per transaction (see bench-page.ts). */
  breakdown: { signMs: number; roundTripMs: number; sendAndReceiptPresignedMs: number };
}
