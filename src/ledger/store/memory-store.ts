import {
  assembleBlocks,
  checkFormat,
  type BalanceEdit,
  type BlockRecords,
  type LedgerStore,
  type StoreChange,
  type StoredChain,
  type StoredGenesis,
  type StoredSnapshots,
} from './ledger-store.js';

/**
 * A LedgerStore that lives as long as the object does. Records are copied in and out with
 * structuredClone, so a caller mutating a record cannot rewrite history (IndexedDB gives the
 * same guarantee), and a change that cannot be cloned is refused whole.
 */
export class MemoryLedgerStore implements LedgerStore {
  readonly label: string;
  private genesis: StoredGenesis | undefined;
  private blocks: BlockRecords[] = [];
  private pendingEdits: BalanceEdit[] = [];
  private snapshots: StoredSnapshots | undefined;

  constructor(label = 'memory ledger store') {
    this.label = label;
  }

  async load(): Promise<StoredChain | undefined> {
    if (this.genesis === undefined) return undefined;
    const genesis = checkFormat(structuredClone(this.genesis), this.label);
    const blocks = structuredClone(this.blocks.filter((b) => b !== undefined));
    return {
      genesis,
      blocks: assembleBlocks(
        this.label,
        blocks.map((b) => b.block),
        blocks.map((b) => b.receipts),
        blocks.map((b) => b.state),
      ),
      pendingEdits: structuredClone(this.pendingEdits),
      snapshots: structuredClone(this.snapshots),
    };
  }

  async commit(change: StoreChange): Promise<void> {
    const copy = structuredClone(change); // throws before anything changes
    if (copy.clear) {
      this.genesis = undefined;
      this.blocks = [];
      this.pendingEdits = [];
      this.snapshots = undefined;
    }
    if (copy.genesis !== undefined) this.genesis = copy.genesis;
    if (copy.truncateAbove !== undefined) this.blocks = this.blocks.slice(0, copy.truncateAbove + 1);
    for (const records of copy.blocks ?? []) this.blocks[records.block.number] = records;
    if (copy.pendingEdits !== undefined) this.pendingEdits = copy.pendingEdits;
    if (copy.snapshots !== undefined) this.snapshots = copy.snapshots;
  }

  /** For tests: the stored records themselves (not copies), to damage them on purpose. */
  rawRecords(): { genesis: StoredGenesis | undefined; blocks: BlockRecords[] } {
    return { genesis: this.genesis, blocks: this.blocks };
  }
}
