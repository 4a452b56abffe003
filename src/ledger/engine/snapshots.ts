/**
 * Named snapshots of the chain (evm_snapshot / ledger_snapshot, evm_revert) as plain data. They are
 * stored with the chain (meta `snapshots`, written through the same ordered store writer as the
 * blocks), so a reload or a restarted worker still has them: a snapshot record is only ever
 * committed after the block it points at, and a revert truncates the blocks and rewrites the
 * list in one commit.
 */
import type { BalanceEdit, StoredSnapshot, StoredSnapshots } from '../store/ledger-store.js';
import { toQuantity } from './hex-codec.js';

/** What the ledger says about a snapshot (ledger_snapshot, ledger_snapshots). */
export interface SnapshotInfo {
  id: string;
  name: string;
  blockNumber: number;
  /** ISO 8601. */
  takenAt: string;
}

/** Longest snapshot name kept (longer names are cut, not refused). */
export const MAX_SNAPSHOT_NAME = 200;

export const NO_SNAPSHOTS: StoredSnapshots = { next: 1, list: [] };

export function snapshotInfo(snapshot: StoredSnapshot): SnapshotInfo {
  return {
    id: snapshot.id,
    name: snapshot.name,
    blockNumber: snapshot.blockNumber,
    takenAt: new Date(snapshot.takenAt).toISOString(),
  };
}

/** A new list with one more snapshot; a blank name becomes the id. */
export function takeSnapshot(
  snapshots: StoredSnapshots,
  at: { name: string | undefined; blockNumber: number; pendingEdits: BalanceEdit[]; now: number },
): { snapshots: StoredSnapshots; taken: StoredSnapshot } {
  const seq = snapshots.next;
  const id = toQuantity(seq);
  const name = (at.name ?? '').trim().slice(0, MAX_SNAPSHOT_NAME) || id;
  const taken: StoredSnapshot = { id, seq, name, blockNumber: at.blockNumber, takenAt: at.now, pendingEdits: at.pendingEdits };
  return { snapshots: { next: seq + 1, list: [...snapshots.list, taken] }, taken };
}

/**
 * Hardhat's rule: reverting uses up the snapshot and every later one; earlier ones stay.
 * @returns undefined when there is no snapshot `id`.
 */
export function useUpSnapshot(
  snapshots: StoredSnapshots,
  id: string,
): { snapshot: StoredSnapshot; remaining: StoredSnapshots } | undefined {
  const snapshot = snapshots.list.find((s) => s.id === id.toLowerCase());
  if (snapshot === undefined) return undefined;
  return { snapshot, remaining: { next: snapshots.next, list: snapshots.list.filter((s) => s.seq < snapshot.seq) } };
}

/**
 * The snapshots of a stored chain whose head is `headNumber`. One pointing above the head (the
 * store lost its last blocks in a crash) cannot be reverted to and is left out.
 */
export function restoredSnapshots(stored: StoredSnapshots | undefined, headNumber: number): StoredSnapshots {
  if (stored === undefined) return NO_SNAPSHOTS;
  const next = Number.isSafeInteger(stored.next) ? stored.next : 1;
  const list = stored.list.filter((s) => s.blockNumber <= headNumber).sort((a, b) => a.seq - b.seq);
  return { next: Math.max(next, ...list.map((s) => s.seq + 1)), list };
}
