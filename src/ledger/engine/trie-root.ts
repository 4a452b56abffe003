/**
 * Root of a block's transactions or receipts trie: values keyed by RLP(index). Automine's
 * blocks hold one transaction, and a trie of one entry is one leaf node whose hash is the root,
 * so that case is computed directly; building a MerklePatriciaTrie for it cost more than the
 * hashing (its constructor alone makes a debug logger and hashes the empty root: ~0.1 ms per
 * trie, two tries per block). Several entries go through the MerklePatriciaTrie.
 * trie-root.test.ts checks both against @ethereumjs's own roots.
 */
import { MerklePatriciaTrie } from '@ethereumjs/mpt';
import { KECCAK256_RLP } from '@ethereumjs/util';
import { ledgerKeccak256 } from './keccak.js';
import { rlpIndex, rlpList, rlpString } from './rlp-pieces.js';

/**
 * The path of key RLP(0) = 0x80 in its leaf: the nibbles 8, 0 hex-prefix encoded with the leaf
 * flag (0x20 0x80: even length, leaf), as an RLP string (0x82 ...).
 */
const INDEX_0_LEAF_PATH = new Uint8Array([0x82, 0x20, 0x80]);

export async function indexedTrieRoot(values: readonly Uint8Array[]): Promise<Uint8Array> {
  if (values.length === 0) return KECCAK256_RLP;
  // (an empty value would mean "no entry" to the trie; transactions and receipts never are)
  if (values.length === 1 && values[0].length > 0) {
    return ledgerKeccak256(rlpList([INDEX_0_LEAF_PATH, rlpString(values[0])]));
  }
  const trie = new MerklePatriciaTrie({ useKeyHashingFunction: ledgerKeccak256 });
  for (const [i, value] of values.entries()) await trie.put(rlpIndex(i), value);
  return trie.root();
}
