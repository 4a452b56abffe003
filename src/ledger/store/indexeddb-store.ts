/**
 * LedgerStore on IndexedDB (browser page, module worker, or fake-indexeddb in Node tests).
 * One database per ledger; one object store `log` with auto-increment keys, so `getAll`
 * returns entries in append order. Each append is a single put in its own readwrite
 * transaction: IndexedDB commits it whole or not at all.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LedgerLogEntry, LedgerStore } from './ledger-store.js';

export const LEDGER_DB_PREFIX = 'chainflow-ledger:';
const DB_VERSION = 1;

interface LedgerSchema extends DBSchema {
  log: { key: number; value: LedgerLogEntry };
}

export class IndexedDbLedgerStore implements LedgerStore {
  constructor(private readonly db: IDBPDatabase<LedgerSchema>) {}

  readAll(): Promise<LedgerLogEntry[]> {
    return this.db.getAll('log');
  }

  async append(entry: LedgerLogEntry): Promise<void> {
    await this.db.add('log', entry);
  }

  async clear(): Promise<void> {
    await this.db.clear('log');
  }

  /** Releases the connection; the data stays. */
  close(): void {
    this.db.close();
  }
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
      database.createObjectStore('log', { autoIncrement: true });
    },
    blocking() {
      // A newer version elsewhere wants to upgrade: let it, this connection is done.
      db.close();
    },
  });
  return new IndexedDbLedgerStore(db);
}

/** Deletes a ledger database entirely (e.g. when a workspace is removed). */
export async function deleteIndexedDbLedgerStore(name: string): Promise<void> {
  await deleteDB(LEDGER_DB_PREFIX + name);
}
