/**
 * Writes store changes one commit at a time, in order. Changes queued while a commit is in
 * flight, or within `gatherMs` of the first one, are merged into one commit (one IndexedDB
 * transaction for several blocks). Each block stays atomic (a commit holds whole blocks only)
 * and the stored chain stays a prefix of the live one, while a burst of blocks costs one
 * transaction instead of one each: in Chromium a transaction costs the worker ~1.5 ms whatever
 * it holds, about as much as executing a task transaction.
 */
import type { LedgerStore, StoreChange } from '../store/ledger-store.js';

interface Queued {
  change: StoreChange;
  settle: (error?: unknown) => void;
}

export class StoreWriter {
  private queued: Queued[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: LedgerStore,
    /** How long to gather changes before a commit; 0 = only what queues during the previous one. */
    private readonly gatherMs = 0,
  ) {}

  /** Resolves once `change` is committed; rejects with the store's error if its commit fails. */
  write(change: StoreChange): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ change, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      this.running ??= this.drain();
    });
  }

  /** Resolves when everything queued so far is committed (or failed). */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  private async drain(): Promise<void> {
    // Let the caller's current turn (or the next gatherMs) queue more before a commit starts.
    await this.gather();
    while (this.queued.length > 0) {
      const batch = this.queued;
      this.queued = [];
      for (const group of groupMergeable(batch)) {
        try {
          await this.store.commit(mergeChanges(group.map((q) => q.change)));
          for (const q of group) q.settle();
        } catch (error) {
          for (const q of group) q.settle(error);
        }
      }
      if (this.queued.length > 0) await this.gather();
    }
    this.running = undefined;
  }

  private gather(): Promise<unknown> {
    return this.gatherMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.gatherMs)) : Promise.resolve();
  }
}

/** A change can join the one before it unless it clears or truncates (those must come first). */
function groupMergeable(items: Queued[]): Queued[][] {
  const groups: Queued[][] = [];
  for (const item of items) {
    const { clear, genesis, truncateAbove } = item.change;
    const startsGroup = clear === true || genesis !== undefined || truncateAbove !== undefined;
    if (startsGroup || groups.length === 0) groups.push([item]);
    else groups[groups.length - 1].push(item);
  }
  return groups;
}

function mergeChanges(changes: StoreChange[]): StoreChange {
  if (changes.length === 1) return changes[0];
  const [first, ...rest] = changes;
  const merged: StoreChange = { ...first, blocks: [...(first.blocks ?? [])] };
  for (const change of rest) {
    merged.blocks!.push(...(change.blocks ?? []));
    if (change.pendingEdits !== undefined) merged.pendingEdits = change.pendingEdits;
    if (change.snapshots !== undefined) merged.snapshots = change.snapshots;
  }
  return merged;
}
