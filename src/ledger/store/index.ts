export type {
  BalanceEdit,
  BlockRecords,
  LedgerStore,
  StoreChange,
  StoredBlock,
  StoredChain,
  StoredGenesis,
  StoredReceipt,
  StoredReceipts,
  StoredState,
  StoredTransaction,
} from './ledger-store.js';
export { LEDGER_STORE_FORMAT } from './ledger-store.js';
export { MemoryLedgerStore } from './memory-store.js';
export {
  IndexedDbLedgerStore,
  LEDGER_DB_PREFIX,
  deleteIndexedDbLedgerStore,
  openIndexedDbLedgerStore,
} from './indexeddb-store.js';
