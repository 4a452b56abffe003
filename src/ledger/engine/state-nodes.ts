/**
 * The key-value database under the state trie, journaled: every node (and contract code) the
 * trie writes for the first time is also noted, and `drain()` hands the notes of one block to the
 * store. Nodes are content-addressed and never pruned, so the union of all blocks' notes is the
 * whole state at every height, and a reload only has to put them back in the map.
 *
 * "First time" matters: the state manager writes some entries again that are already there
 * (contract code read into a cold cache is flushed back after a reload), so journaling every put
 * would make a block's record depend on whether the chain was reloaded before it. Journaling
 * only new keys makes it depend on the chain's history alone, which re-execution reproduces.
 *
 * Keys arrive as unprefixed hex strings (the trie's CheckpointDB encodes them); values as bytes
 * (the trie is opened with ValueEncoding.Bytes).
 */
import type { BatchDBOp, DB } from '@ethereumjs/util';
import { toHex } from './hex-codec.js';

export class JournaledNodeDb implements DB<string, Uint8Array> {
  constructor(
    readonly nodes: Map<string, Uint8Array> = new Map(),
    /** Written since the last drain; shared by every shallow copy (storage tries are copies). */
    private readonly journal: Map<string, Uint8Array> | undefined = new Map(),
  ) {}

  async get(key: string): Promise<Uint8Array | undefined> {
    return this.nodes.get(key);
  }

  async put(key: string, value: Uint8Array): Promise<void> {
    this.putNode(key, value);
  }

  private putNode(key: string, value: Uint8Array): void {
    if (this.nodes.has(key)) return; // content-addressed: same key, same value
    this.nodes.set(key, value);
    this.journal?.set(key, value);
  }

  /** Never called with pruning off; a deleted node would stay in older blocks' records anyway. */
  async del(key: string): Promise<void> {
    this.nodes.delete(key);
  }

  async batch(ops: BatchDBOp<string, Uint8Array>[]): Promise<void> {
    // Synchronous: a trie write batches every node on its path, and a promise per node was ~1% of a block's CPU.
    for (const op of ops) {
      if (op.type === 'put') this.putNode(op.key, op.value);
      else this.nodes.delete(op.key);
    }
  }

  shallowCopy(): JournaledNodeDb {
    return new JournaledNodeDb(this.nodes, this.journal);
  }

  /**
   * The same nodes for state at an old block: whatever a simulation there writes stays in a
   * private overlay, out of the shared map and the journal.
   */
  readOnlyView(): JournaledNodeDb {
    return new JournaledNodeDb(new OverlayMap(this.nodes), undefined);
  }

  async open(): Promise<void> {}

  /** The entries written since the last drain, packed (sorted by key, so equal sets pack equal). */
  drain(): Uint8Array {
    const packed = packNodes(this.journal ?? new Map());
    this.journal?.clear();
    return packed;
  }

  /** Forgets what was written since the last drain (after evm_revert). */
  discardJournal(): void {
    this.journal?.clear();
  }
}

/** A map that reads through to `base` and keeps its own writes. */
class OverlayMap extends Map<string, Uint8Array> {
  constructor(private readonly base: Map<string, Uint8Array>) {
    super();
  }

  override get(key: string): Uint8Array | undefined {
    return super.get(key) ?? this.base.get(key);
  }

  override has(key: string): boolean {
    return super.has(key) || this.base.has(key);
  }
}

/**
 * [u16 key length][key][u32 value length][value]... with keys sorted. The hex keys are decoded
 * straight into the output (hexToBytes validated and copied each one: ~2% of a block's CPU).
 */
export function packNodes(entries: Map<string, Uint8Array>): Uint8Array {
  const keys = [...entries.keys()].sort();
  let size = 0;
  for (const key of keys) size += 6 + (key.length >> 1) + entries.get(key)!.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const key of keys) {
    const value = entries.get(key)!;
    const keyLength = key.length >> 1;
    view.setUint16(at, keyLength);
    writeHex(key, out, at + 2);
    at += 2 + keyLength;
    view.setUint32(at, value.length);
    out.set(value, at + 4);
    at += 4 + value.length;
  }
  return out;
}

/** Writes the bytes of unprefixed, even-length hex `hex` into `out` at `at`. @throws Error on a non-hex key. */
function writeHex(hex: string, out: Uint8Array, at: number): void {
  if (hex.length % 2 !== 0) throw new Error(`state node key of odd length: ${hex}`);
  for (let i = 0; i < hex.length; i += 2) {
    const high = HEX_VALUE[hex.charCodeAt(i)] ?? 16;
    const low = HEX_VALUE[hex.charCodeAt(i + 1)] ?? 16;
    if (high > 15 || low > 15) throw new Error(`state node key is not hex: ${hex}`);
    out[at + (i >> 1)] = (high << 4) | low;
  }
}

/** Char code -> value of a hex digit (either case); 16 for anything else. */
const HEX_VALUE = (() => {
  const table = new Uint8Array(128).fill(16);
  for (let i = 0; i < 10; i++) table[48 + i] = i;
  for (let i = 0; i < 6; i++) table[65 + i] = table[97 + i] = 10 + i;
  return table;
})();

/**
 * Adds the packed entries to `into`.
 * @throws Error when the bytes are not a well-formed packing (a damaged record).
 */
export function unpackNodes(packed: Uint8Array, into: Map<string, Uint8Array>): void {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  let at = 0;
  while (at < packed.length) {
    if (at + 2 > packed.length) throw new Error('truncated state record');
    const keyLength = view.getUint16(at);
    const keyEnd = at + 2 + keyLength;
    if (keyEnd + 4 > packed.length) throw new Error('truncated state record');
    const key = toHex(packed.subarray(at + 2, keyEnd)).slice(2);
    const valueLength = view.getUint32(keyEnd);
    const valueEnd = keyEnd + 4 + valueLength;
    if (valueEnd > packed.length) throw new Error('truncated state record');
    into.set(key, packed.slice(keyEnd + 4, valueEnd));
    at = valueEnd;
  }
}
