/** The packed state record: the bytes stored per block must not change with how they are built (store format 2). */
import { bytesToUnprefixedHex, hexToBytes } from '@ethereumjs/util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packNodes, unpackNodes } from './state-nodes.js';

/** The packing as format 2 was first written (hexToBytes per key), kept as the reference. */
function referencePack(entries: Map<string, Uint8Array>): Uint8Array {
  const keys = [...entries.keys()].sort();
  const parts = keys.map((key) => {
    const keyBytes = hexToBytes(`0x${key}`);
    const value = entries.get(key)!;
    const part = new Uint8Array(6 + keyBytes.length + value.length);
    const view = new DataView(part.buffer);
    view.setUint16(0, keyBytes.length);
    part.set(keyBytes, 2);
    view.setUint32(2 + keyBytes.length, value.length);
    part.set(value, 6 + keyBytes.length);
    return part;
  });
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const nodeEntries = fc
  .array(fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.uint8Array({ maxLength: 600 })), { maxLength: 30 })
  .map((pairs) => new Map(pairs.map(([key, value]) => [bytesToUnprefixedHex(key), value])));

describe('packNodes', () => {
  it('packs exactly the bytes of the reference packing, and unpacks to the same entries', () => {
    fc.assert(
      fc.property(nodeEntries, (entries) => {
        // given trie entries keyed as the trie's database keys them (unprefixed lower-case hex)
        // when they are packed
        const packed = packNodes(entries);
        // then the bytes are those stored before, and unpacking gives the entries back
        expect(packed).toEqual(referencePack(entries));
        const back = new Map<string, Uint8Array>();
        unpackNodes(packed, back);
        expect(back).toEqual(entries);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a key that is not hex, naming it', () => {
    expect(() => packNodes(new Map([['zz', new Uint8Array([1])]]))).toThrow('state node key is not hex: zz');
    expect(() => packNodes(new Map([['abc', new Uint8Array([1])]]))).toThrow('state node key of odd length: abc');
  });
});
