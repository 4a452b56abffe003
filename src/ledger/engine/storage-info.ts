/**
 * ledger_storageInfo: how much the browser stores for this origin and whether that storage is
 * persistent (not evicted under pressure). navigator.storage exists in pages and workers; in
 * Node it does not, and the answer says so with nulls. Asking for persistence (persist()) is a
 * page-only API: the page-side client asks once (create-ledger-client.ts). It also says which
 * secp256k1 implementation recovers senders (sender-recovery.ts) and which keccak hashes (keccak.ts).
 */
import type { LedgerStore } from '../store/ledger-store.js';
import { LEDGER_STORE_FORMAT } from '../store/ledger-store.js';
import { keccakInfo, type KeccakInfo } from './keccak.js';
import { senderRecoveryInfo, type SenderRecoveryInfo } from './sender-recovery.js';

export interface StorageInfo {
  /** Bytes this origin uses in total (all databases), or null where unknown. */
  usage: number | null;
  quota: number | null;
  /** Whether the browser granted persistent storage; null where unknown. */
  persisted: boolean | null;
  /** Approximate payload of this ledger's records: headers, raw transactions, state nodes. */
  ledgerBytes: number;
  blocks: number;
  storeFormat: number;
  store: string;
  /** How transaction senders are recovered: libsecp256k1 in WASM, or plain JS (with the reason). */
  senderRecovery: SenderRecoveryInfo;
  /** How keccak-256 is computed: WASM (hash-wasm), or plain JS (with the reason). */
  keccak: KeccakInfo;
}

interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
}

export async function storageInfo(store: LedgerStore, blocks: number, ledgerBytes: number): Promise<StorageInfo> {
  const storage = (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
  const estimate = storage?.estimate ? await storage.estimate().catch(() => undefined) : undefined;
  const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
  return {
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    persisted,
    ledgerBytes,
    blocks,
    storeFormat: LEDGER_STORE_FORMAT,
    store: store.label,
    senderRecovery: senderRecoveryInfo(),
    keccak: keccakInfo(),
  };
}
