/** The trie roots and RLP pieces computed without ethereumjs's trie and encoder must equal theirs. */
import { MerklePatriciaTrie } from '@ethereumjs/mpt';
import { bytesToHex, hexToBytes } from '@ethereumjs/util';
import { encodeRlp, toBeArray } from 'ethers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rlpIndex, rlpList, rlpListLength, rlpString, rlpStringLength } from './rlp-pieces.js';
import { indexedTrieRoot } from './trie-root.js';

/** The reference: @ethereumjs's trie, keys RLP-encoded by ethers. */
async function referenceRoot(values: Uint8Array[]): Promise<string> {
  const trie = new MerklePatriciaTrie();
  for (const [i, value] of values.entries()) await trie.put(hexToBytes(encodeRlp(toBeArray(i)) as `0x${string}`), value);
  return bytesToHex(trie.root());
}

// values of every RLP length class: one byte below and above 0x80, short strings, and long ones
const value = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 1 }),
  fc.uint8Array({ minLength: 0, maxLength: 60 }),
  fc.uint8Array({ minLength: 50, maxLength: 400 }),
);

describe('indexedTrieRoot', () => {
  it('equals the MerklePatriciaTrie root for none, one and several entries of any length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 0, maxLength: 4 }), async (values) => {
        expect(bytesToHex(await indexedTrieRoot(values))).toBe(await referenceRoot(values));
      }),
      { numRuns: 150 },
    );
  });

  it('equals it with indexes past 0x7f (two-byte keys)', async () => {
    const values = Array.from({ length: 130 }, (_, i) => new Uint8Array([i, i + 1, 0xff]));
    expect(bytesToHex(await indexedTrieRoot(values))).toBe(await referenceRoot(values));
  });
});

describe('RLP pieces', () => {
  it('encode strings, lists and indexes as ethers does, with matching lengths', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 5 }), fc.nat({ max: 70_000 }), (items, index) => {
        const list = rlpList(items.map(rlpString));
        expect(bytesToHex(list)).toBe(encodeRlp(items));
        expect(rlpListLength(items.reduce((sum, item) => sum + rlpStringLength(item), 0))).toBe(list.length);
        for (const item of items) expect(rlpStringLength(item)).toBe(rlpString(item).length);
        expect(bytesToHex(rlpIndex(index))).toBe(encodeRlp(toBeArray(index)));
      }),
      { numRuns: 200 },
    );
  });
});
