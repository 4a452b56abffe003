/**
 * RLP of trie nodes written in one pass: a branch is encoded on every put for every branch on
 * the path, and ethereumjs's RLP.encode encodes each of its 17 items and concatenates twice.
 * ledger-trie.test.ts checks the bytes against BranchMPTNode.serialize().
 */
import { BranchMPTNode, type MPTNode } from '@ethereumjs/mpt';

/**
 * RLP of a branch node whose 16 children and value are byte strings (hashes, empty, or a value),
 * byte for byte what BranchMPTNode.serialize() gives; undefined for any other node.
 */
export function encodeBranchOfHashes(node: MPTNode): Uint8Array | undefined {
  if (!(node instanceof BranchMPTNode)) return undefined;
  const items = node.raw() as (Uint8Array | null)[];
  let payload = 0;
  for (const item of items) {
    if (item === null) payload += 1;
    else if (!(item instanceof Uint8Array)) return undefined; // an inlined child node
    else payload += stringLength(item);
  }
  const out = new Uint8Array(prefixLength(payload) + payload);
  let at = writePrefix(out, 0, 0xc0, payload);
  for (const item of items) {
    if (item === null || item.length === 0) out[at++] = 0x80;
    else if (item.length === 1 && item[0] < 0x80) out[at++] = item[0];
    else {
      at = writePrefix(out, at, 0x80, item.length);
      out.set(item, at);
      at += item.length;
    }
  }
  return out;
}

function stringLength(item: Uint8Array): number {
  if (item.length === 1 && item[0] < 0x80) return 1;
  return prefixLength(item.length) + item.length;
}

function prefixLength(length: number): number {
  if (length < 56) return 1;
  let bytes = 0;
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes++;
  return 1 + bytes;
}

/** Writes the RLP prefix of a string (0x80) or list (0xc0) of `length` bytes at `at`; returns the next offset. */
function writePrefix(out: Uint8Array, at: number, offset: 0x80 | 0xc0, length: number): number {
  if (length < 56) {
    out[at] = offset + length;
    return at + 1;
  }
  const bytes = prefixLength(length) - 1;
  out[at] = offset + 55 + bytes;
  for (let i = bytes, rest = length; i >= 1; i--, rest = Math.floor(rest / 256)) out[at + i] = rest % 256;
  return at + 1 + bytes;
}
