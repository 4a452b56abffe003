/**
 * LedgerStore on IndexedDB (browser page, module worker, or fake-indexeddb in Node tests).
 * One database per ledger with four object stores: `meta` (genesis, pending faucet edits) and
 * `blocks`, `receipts`, `state`, each keyed by block number. Every commit is one readwrite
 * transaction over all four, so a block's three records land together or not at all.
 *
 * Durability is 'relaxed': IndexedDB still commits each transaction whole or not at all; relaxed
 * only lets the browser report the commit before the OS has flushed it, so a power cut may lose
 * the last blocks but never leaves half of one. (Chromium's 'strict' flush costs ~1 ms a block.)
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  assembleBlocks,
  checkFormat,
  type BalanceEdit,
  type LedgerStore,
  type StoreChange,
  type StoredBlock,
  type StoredChain,
  type StoredGenesis,
  type StoredReceipts,
  type StoredSnapshots,
  type StoredState,
} from './ledger-store.js';

export const LEDGER_DB_PREFIX = 'chainflow-ledger:';
/** Schema version of the database (2: per-block records; 1 was a replay log in `log`). */
const DB_VERSION = 2;
const DATA_STORES = ['meta', 'blocks', 'receipts', 'state'] as const;

interface LedgerSchema extends DBSchema {
  meta: { key: string; value: StoredGenesis | BalanceEdit[] | StoredSnapshots };
  blocks: { key: number; value: StoredBlock };
  receipts: { key: number; value: StoredReceipts };
  state: { key: number; value: StoredState };
  /** Format 1's replay log: only read, to refuse it with a clear message. */
  log: { key: number; value: unknown };
}

export class IndexedDbLedgerStore implements LedgerStore {
  readonly label: string;

  constructor(
    private readonly db: IDBPDatabase<LedgerSchema>,
    readonly name: string,
  ) {
    this.label = `ledger store "${name}"`;
  }

  async load(): Promise<StoredChain | undefined> {
    const tx = this.db.transaction(DATA_STORES, 'readonly');
    const [genesis, pending, snapshots, blocks, receipts, states] = await Promise.all([
      tx.objectStore('meta').get('genesis'),
      tx.objectStore('meta').get('pending'),
      tx.objectStore('meta').get('snapshots'),
      tx.objectStore('blocks').getAll(),
      tx.objectStore('receipts').getAll(),
      tx.objectStore('state').getAll(),
    ]);
    await tx.done;
    if (genesis === undefined) {
      if (blocks.length > 0) throw new Error(`${this.label} is damaged: blocks without a genesis record`);
      await this.refuseLegacyLog();
      return undefined;
    }
    return {
      genesis: checkFormat(genesis as StoredGenesis, this.label),
      blocks: assembleBlocks(this.label, blocks, receipts, states),
      pendingEdits: Array.isArray(pending) ? pending : [],
      snapshots: isSnapshots(snapshots) ? snapshots : undefined,
    };
  }

  async commit(change: StoreChange): Promise<void> {
    const tx = this.db.transaction(DATA_STORES, 'readwrite', { durability: 'relaxed' });
    const [meta, blocks, receipts, state] = DATA_STORES.map((name) => tx.objectStore(name)) as [
      ReturnType<typeof tx.objectStore<'meta'>>,
      ReturnType<typeof tx.objectStore<'blocks'>>,
      ReturnType<typeof tx.objectStore<'receipts'>>,
      ReturnType<typeof tx.objectStore<'state'>>,
    ];
    const requests: Promise<unknown>[] = [];
    try {
      if (change.clear) for (const store of [meta, blocks, receipts, state]) requests.push(store.clear());
      if (change.genesis !== undefined) requests.push(meta.put(change.genesis, 'genesis'));
      if (change.truncateAbove !== undefined) {
        const above = IDBKeyRange.lowerBound(change.truncateAbove, true);
        for (const store of [blocks, receipts, state]) requests.push(store.delete(above));
      }
      for (const records of change.blocks ?? []) {
        const n = records.block.number;
        // One push per request: if a put throws, the ones before it are already in `requests`.
        requests.push(blocks.put(records.block, n));
        requests.push(receipts.put(records.receipts, n));
        requests.push(state.put(records.state, n));
      }
      if (change.pendingEdits !== undefined) requests.push(meta.put(change.pendingEdits, 'pending'));
      if (change.snapshots !== undefined) requests.push(meta.put(change.snapshots, 'snapshots'));
    } catch (error) {
      // A record that cannot be cloned throws synchronously: abort so nothing of the change lands.
      for (const request of requests) request.catch(() => undefined);
      tx.abort();
      await tx.done.catch(() => undefined);
      throw error;
    }
    await Promise.all([...requests, tx.done]);
  }

  /** Releases the connection; the data stays. */
  close(): void {
    this.db.close();
  }

  private async refuseLegacyLog(): Promise<void> {
    if (!this.db.objectStoreNames.contains('log')) return;
    if ((await this.db.count('log')) === 0) return;
    throw new Error(
      `${this.label} holds ledger data in format 1 (a transaction log); this version reads format 2 only. Reset the ledger to start a new chain.`,
    );
  }
}

function isSnapshots(value: unknown): value is StoredSnapshots {
  return typeof value === 'object' && value !== null && Array.isArray((value as StoredSnapshots).list);
}

/**
 * Opens (creating if needed) the ledger database `chainflow-ledger:<name>`.
 * @throws Error naming the store when the name is empty or IndexedDB is unavailable.
 */
export async function openIndexedDbLedgerStore(name: string): Promise<IndexedDbLedgerStore> {
  if (name.trim() === '') throw new Error('ledger store name must not be empty');
  if (typeof indexedDB === 'undefined') {
    throw new Error(`cannot open ledger store "${name}": IndexedDB is not available here`);
  }
  const db = await openDB<LedgerSchema>(LEDGER_DB_PREFIX + name, DB_VERSION, {
    upgrade(database) {
      for (const store of DATA_STORES) {
        if (!database.objectStoreNames.contains(store)) database.createObjectStore(store);
      }
    },
    blocking() {
      // A newer version elsewhere wants to upgrade: let it, this connection is done.
      db.close();
    },
  });
  return new IndexedDbLedgerStore(db, name);
}

/** Deletes a ledger database entirely (e.g. when a workspace is removed). */
export async function deleteIndexedDbLedgerStore(name: string): Promise<void> {
  await deleteDB(LEDGER_DB_PREFIX + name);
}
