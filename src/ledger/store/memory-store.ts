import type { LedgerLogEntry, LedgerStore } from './ledger-store.js';

/**
 * A LedgerStore that lives as long as the object does. Entries are copied in and out so a
 * caller mutating an entry cannot rewrite history (IndexedDB gives the same guarantee).
 */
export class MemoryLedgerStore implements LedgerStore {
  private entries: LedgerLogEntry[] = [];

  async readAll(): Promise<LedgerLogEntry[]> {
    return this.entries.map((entry) => structuredClone(entry));
  }

  async append(entry: LedgerLogEntry): Promise<void> {
    this.entries.push(structuredClone(entry));
  }

  async clear(): Promise<void> {
    this.entries = [];
  }
}
