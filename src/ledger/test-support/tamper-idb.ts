/** Test helper: changes a stored ledger record in IndexedDB behind the engine's back. */
import { openDB } from 'idb';
import { LEDGER_DB_PREFIX } from '../store/indexeddb-store.js';

export async function tamperRecord<T>(
  storeName: string,
  objectStore: 'blocks' | 'receipts' | 'state' | 'meta',
  key: number | string,
  mutate: (record: T) => void,
): Promise<void> {
  const db = await openDB(LEDGER_DB_PREFIX + storeName);
  const record = (await db.get(objectStore, key)) as T;
  if (record === undefined) throw new Error(`no ${objectStore} record ${key} in ${storeName}`);
  mutate(record);
  await db.put(objectStore, record, key);
  db.close();
}

/** Flips the lowest bit of one byte. */
export function flipByte(bytes: Uint8Array, index: number): void {
  bytes[index] ^= 1;
}
