export type { BlockEntry, GenesisEntry, LedgerLogEntry, LedgerStore, SetBalanceEntry } from './ledger-store.js';
export { LEDGER_LOG_FORMAT } from './ledger-store.js';
export { MemoryLedgerStore } from './memory-store.js';
export {
  IndexedDbLedgerStore,
  LEDGER_DB_PREFIX,
  deleteIndexedDbLedgerStore,
  openIndexedDbLedgerStore,
} from './indexeddb-store.js';
