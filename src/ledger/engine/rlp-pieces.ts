/**
 * RLP over pieces that are already encoded: the block's size from its header RLP and raw
 * transactions, and the one-leaf trie node of trie-root.ts, without decoding and re-encoding
 * what the ledger already holds as bytes.
 */

/** RLP of a transaction's index, the key of the transactions and receipts tries. */
export function rlpIndex(i: number): Uint8Array {
  if (i === 0) return new Uint8Array([0x80]);
  if (i < 0x80) return new Uint8Array([i]);
  return concat([rlpPrefix(0x80, byteLength(i)), bigEndian(i)]);
}

export function rlpString(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 1 && bytes[0] < 0x80) return bytes;
  return concat([rlpPrefix(0x80, bytes.length), bytes]);
}

/** A list of items given already RLP-encoded. */
export function rlpList(encodedItems: readonly Uint8Array[]): Uint8Array {
  const payload = encodedItems.reduce((sum, item) => sum + item.length, 0);
  return concat([rlpPrefix(0xc0, payload), ...encodedItems]);
}

/** Encoded length of a byte string of `bytes`. */
export function rlpStringLength(bytes: Uint8Array): number {
  if (bytes.length === 1 && bytes[0] < 0x80) return 1;
  return rlpPrefixLength(bytes.length) + bytes.length;
}

/** Encoded length of a list whose items take `payload` bytes encoded. */
export function rlpListLength(payload: number): number {
  return rlpPrefixLength(payload) + payload;
}

function rlpPrefix(offset: 0x80 | 0xc0, length: number): Uint8Array {
  if (length < 56) return new Uint8Array([offset + length]);
  return concat([new Uint8Array([offset + 55 + byteLength(length)]), bigEndian(length)]);
}

/** 1 byte below 56 bytes of payload, otherwise 1 + the bytes of the length. */
function rlpPrefixLength(length: number): number {
  return length < 56 ? 1 : 1 + byteLength(length);
}

function byteLength(n: number): number {
  let bytes = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes++;
  return bytes;
}

function bigEndian(n: number): Uint8Array {
  const out = new Uint8Array(byteLength(n));
  for (let i = out.length - 1, rest = n; i >= 0; i--, rest = Math.floor(rest / 256)) out[i] = rest % 256;
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
