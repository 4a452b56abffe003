/**
 * The state trie of the ledger: @ethereumjs/mpt's MerklePatriciaTrie with a cheaper way down to
 * a key and back up. Same nodes, same roots, same database writes: only how they are reached
 * and encoded changed.
 *
 * Why: every block writes its touched accounts and storage slots into the trie (~5 puts and a
 * delete per task transaction; verification does the same again), and each put walks from the
 * root to the key, then re-encodes and re-hashes every node on the path. ethereumjs walks with a
 * generic WalkController (a task queue and a promise per node), decodes every node's RLP from
 * the database bytes on every visit although the nodes near the root are the same from one put
 * to the next, and encodes a branch item by item. A put cost ~22% less CPU this way (Node 20,
 * a 3,000-key trie, 20,000 puts: 0.082-0.100 ms stock, 0.065-0.075 ms here).
 *
 * - findPath follows the key directly, node by node (what WalkController does for one key).
 * - lookupNode keeps the RLP-decoded form of nodes read by hash (content-addressed: a hash
 *   always names the same bytes) and builds a fresh node object from it on each visit, because
 *   the trie mutates the node objects it gets (setBranch, value) while updating a path.
 * - _formatNode encodes a branch of hashes in one pass into one buffer, and keeps the decoded
 *   form of each node it writes (the next block reads them first).
 *
 * The cache is shared by the account trie and its storage tries (shallowCopy) and bounded.
 * ledger-trie.test.ts checks random puts and deletes against the stock trie: same roots, same
 * stored nodes, same lookups.
 */
import {
  BranchMPTNode,
  decodeMPTNode,
  decodeRawMPTNode,
  ExtensionMPTNode,
  isRawMPTNode,
  LeafMPTNode,
  MerklePatriciaTrie,
  type MPTNode,
  type MPTOpts,
  type Nibbles,
  type Path,
  type TrieShallowCopyOpts,
} from '@ethereumjs/mpt';
import { EthereumJSErrorWithoutCode, type BatchDBOp } from '@ethereumjs/util';
import { byteString } from './hex-codec.js';
import { encodeBranchOfHashes } from './trie-node-encoding.js';

/**
 * Decoded nodes kept (a branch is ~2.5 KB decoded: at most ~10 MB). A block touches a few dozen
 * nodes, the hot ones near the roots; past the limit the cache starts over and they come back
 * on first use.
 */
export const DECODED_NODE_CACHE_LIMIT = 4_096;
/** The message ethereumjs's findPath, checkRoot and proofs look for. */
const MISSING_NODE = 'Missing node in DB';

type RawNode = Uint8Array[];

/** hash (as a string of one character per byte, hex-codec.ts byteString) -> the node's RLP-decoded list. */
export class DecodedNodeCache {
  private readonly entries = new Map<string, RawNode>();

  constructor(private readonly limit = DECODED_NODE_CACHE_LIMIT) {}

  get(key: string): RawNode | undefined {
    return this.entries.get(key);
  }

  set(key: string, raw: RawNode): void {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, raw);
  }

  get size(): number {
    return this.entries.size;
  }
}

export class LedgerTrie extends MerklePatriciaTrie {
  constructor(
    opts: MPTOpts,
    readonly decodedNodes: DecodedNodeCache = new DecodedNodeCache(),
  ) {
    super(opts);
  }

  override async lookupNode(node: Uint8Array | Uint8Array[]): Promise<MPTNode> {
    const cached = this.cachedNode(node);
    if (cached !== undefined) return cached;
    const dbKey = this._getDbKey(node as Uint8Array);
    const value = (await this._db.get(dbKey)) ?? null;
    if (value === null) throw EthereumJSErrorWithoutCode(MISSING_NODE);
    // decodeMPTNode decodes a private copy (the node's pieces never alias the stored bytes) and
    // throws on a malformed node, which is then not cached.
    const typed = decodeMPTNode(value);
    this.decodedNodes.set(byteString(dbKey), typed.raw() as RawNode);
    return typed;
  }

  /** A fresh node object for an inlined node or a hash whose decoded form is kept; undefined when it must be read. */
  private cachedNode(node: Uint8Array | Uint8Array[]): MPTNode | undefined {
    if (isRawMPTNode(node)) return decodeRawMPTNode(node as Uint8Array[]);
    const raw = this.decodedNodes.get(byteString(this._getDbKey(node as Uint8Array)));
    return raw === undefined ? undefined : decodeRawMPTNode(raw);
  }

  /**
   * The nodes from the root towards `key`, as MerklePatriciaTrie.findPath gives them (the same
   * node, remaining nibbles and stack in every case, missing nodes included), without the walk
   * machinery. A walk resumed from a partial path is left to ethereumjs.
   */
  override async findPath(key: Uint8Array, throwIfMissing = false, partialPath: { stack: MPTNode[] } = { stack: [] }): Promise<Path> {
    if (partialPath.stack.length > 0) return super.findPath(key, throwIfMissing, partialPath);
    const target = keyNibbles(key);
    const stack: MPTNode[] = [];
    const miss = (from: number): Path => ({ node: null, remaining: target.slice(from), stack });
    let progress = 0;
    let ref: Uint8Array | Uint8Array[] = this.root();
    try {
      for (;;) {
        // Without an await when the node is kept (nearly always): a paused async call per node
        // visited was ~20 KB of garbage per task transaction.
        const node = this.cachedNode(ref) ?? (await this.lookupNode(ref));
        stack.push(node);
        if (node instanceof BranchMPTNode) {
          if (progress === target.length) return { node, remaining: [], stack };
          const child = node.getBranch(target[progress]);
          if (child === null) return miss(progress);
          progress++;
          ref = child as Uint8Array | Uint8Array[];
        } else if (node instanceof LeafMPTNode) {
          const nibbles: Nibbles = node.key();
          if (target.length - progress > nibbles.length) return miss(progress);
          for (let i = 0; i < nibbles.length; i++) if (nibbles[i] !== target[progress + i]) return miss(progress);
          return { node, remaining: [], stack };
        } else if (node instanceof ExtensionMPTNode) {
          const nibbles: Nibbles = node.key();
          for (let i = 0; i < nibbles.length; i++) if (nibbles[i] !== target[progress + i]) return miss(progress);
          progress += nibbles.length;
          ref = node.value() as Uint8Array | Uint8Array[];
        } else {
          throw EthereumJSErrorWithoutCode('Invalid node');
        }
      }
    } catch (error) {
      if ((error as Error).message !== MISSING_NODE || throwIfMissing) throw error;
      return { node: null, remaining: [], stack };
    }
  }

  /**
   * As MerklePatriciaTrie._formatNode (the same bytes, hash and database write), with a branch
   * of hashes encoded in one pass (trie-node-encoding.ts), and the decoded form of every node
   * written kept in the cache: the nodes a block writes on its paths are the ones the next
   * block's puts read first, and each was read back from the database and decoded again (~3% of
   * a block's CPU). Content-addressed: the hash names these bytes whoever reads them. Removals
   * go through ethereumjs.
   */
  override _formatNode(node: MPTNode, topLevel: boolean, opStack: BatchDBOp[], remove = false): ReturnType<MerklePatriciaTrie['_formatNode']> {
    if (remove) return super._formatNode(node, topLevel, opStack, remove);
    const encoded = encodeBranchOfHashes(node) ?? node.serialize();
    if (encoded.length < 32 && !topLevel) return node.raw();
    const nodeHash = this.hash(encoded);
    const dbKey = this._getDbKey(nodeHash);
    opStack.push({ type: 'put', key: dbKey, value: encoded });
    // raw() is a new list (the node object may change later; its items are never changed in place)
    this.decodedNodes.set(byteString(dbKey), node.raw() as RawNode);
    return nodeHash;
  }

  /** As MerklePatriciaTrie.shallowCopy, but a LedgerTrie sharing this one's decoded nodes. */
  override shallowCopy(includeCheckpoints = true, opts?: TrieShallowCopyOpts): LedgerTrie {
    const trie = new LedgerTrie(
      { ...this._opts, db: this._db.db.shallowCopy(), root: this.root(), cacheSize: 0, ...(opts ?? {}) },
      this.decodedNodes,
    );
    if (includeCheckpoints && this.hasCheckpoints()) trie._db.setCheckpoints(this._db.checkpoints);
    return trie;
  }
}

/** One nibble per half byte, high first, as a plain array (ethereumjs's own is not exported). */
function keyNibbles(key: Uint8Array): Nibbles {
  const nibbles: Nibbles = new Array(key.length * 2);
  for (let i = 0; i < key.length; i++) {
    nibbles[2 * i] = key[i] >> 4;
    nibbles[2 * i + 1] = key[i] & 15;
  }
  return nibbles;
}
