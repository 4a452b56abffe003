/**
 * Typed calls of the ledger's own methods over any ledger provider (worker client or
 * in-process). Type-only imports from the engine: using this pulls no EVM into the page bundle.
 */
import type { Verification } from '../engine/ledger-methods.js';
import type { SnapshotInfo } from '../engine/snapshots.js';
import type { StorageInfo } from '../engine/storage-info.js';
import type { VerifyResult } from '../engine/verify-chain.js';
import type { LedgerProvider } from './ledger-provider.js';

export type { SnapshotInfo, StorageInfo, Verification, VerifyResult };

export interface LedgerApi {
  /** Re-executes the stored chain from genesis; names the first damaged block. */
  verify(): Promise<VerifyResult>;
  /** The check run when the chain was loaded (up to 2,000 blocks), or the last verify(). */
  lastVerification(): Promise<Verification>;
  /** The chain as a checksummed NDJSON document (save it as e.g. `ledger.ndjson`). */
  exportChain(): Promise<string>;
  /** Replaces the chain by an export's after checking its checksum and re-executing it. */
  importChain(text: string): Promise<{ blocks: number; head: string }>;
  storageInfo(): Promise<StorageInfo>;
  /** Resolves once every block mined so far is in the store (writes are batched by default). */
  flush(): Promise<void>;
  /** ledger_snapshot: a named snapshot of the head, stored with the chain (it survives a reload). */
  snapshot(name?: string): Promise<SnapshotInfo>;
  /** ledger_snapshots: the snapshots that can be reverted to, oldest first. */
  snapshots(): Promise<SnapshotInfo[]>;
  /** evm_revert: true if the snapshot existed; the chain (and its store) go back to it. */
  revert(id: string): Promise<boolean>;
  /** 0 = automine (default); n > 0 = one block every n ms while transactions wait. */
  setIntervalMining(ms: number): Promise<void>;
  /** ledger_unlockAccount: eth_sendTransaction may sign for this key's account (worker memory only); its address. */
  unlockAccount(privateKey: string): Promise<string>;
  /** ledger_lockAccount: forgets the key of `address`, or every key; how many were forgotten. */
  lockAccount(address?: string): Promise<number>;
}

export function createLedgerApi(provider: LedgerProvider): LedgerApi {
  const call = <T>(method: string, ...params: unknown[]) => provider.request({ method, params }) as Promise<T>;
  return {
    verify: () => call('ledger_verify'),
    lastVerification: () => call('ledger_lastVerification'),
    exportChain: () => call('ledger_exportChain'),
    importChain: (text) => call('ledger_importChain', text),
    storageInfo: () => call('ledger_storageInfo'),
    flush: async () => void (await call('ledger_flush')),
    snapshot: (name) => call('ledger_snapshot', name),
    snapshots: () => call('ledger_snapshots'),
    revert: (id) => call('evm_revert', id),
    setIntervalMining: async (ms) => void (await call('ledger_setIntervalMining', ms)),
    unlockAccount: (privateKey) => call('ledger_unlockAccount', privateKey),
    lockAccount: (address) => (address === undefined ? call('ledger_lockAccount') : call('ledger_lockAccount', address)),
  };
}
