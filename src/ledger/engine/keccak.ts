/**
 * keccak-256 for everything ethereumjs hashes in the ledger through Common's
 * `customCrypto.keccak256`: state-trie nodes and keys, contract code, transaction and header
 * hashes, the SHA3 opcode, the one-leaf roots of trie-root.ts. In plain JS (@noble/hashes,
 * ethereumjs's default) it was the largest single item of a task transaction's CPU profile
 * (~17% of the engine's time in Node); hash-wasm's WASM keccak is ~8x faster per call
 * (0.7-2.4 µs instead of 6-20 µs for 32-532 bytes, Node 20).
 *
 * Like sender-recovery.ts: loading is asynchronous (the WASM is compiled), hashing synchronous,
 * so the ledger starts the load when it opens a chain and hashes in JS until it is there. Both
 * give the same digests (keccak.test.ts, property-tested; a probe is checked before the WASM is
 * used), so when the switch happens changes no result. hash-wasm embeds its .wasm in its JS (no
 * asset to serve); compiling it needs CSP `script-src 'wasm-unsafe-eval'`, as solc does.
 */
import { MerklePatriciaTrie } from '@ethereumjs/mpt';

export type Keccak256 = (bytes: Uint8Array) => Uint8Array;

export interface KeccakInfo {
  implementation: 'wasm-hash-wasm' | 'js-noble';
  /** Why the WASM path is not active (absent when it is). */
  reason?: string;
}

/** ethereumjs's own default keccak (@noble/hashes), taken from the trie that uses it. */
class DefaultHasher extends MerklePatriciaTrie {
  keccak256(bytes: Uint8Array): Uint8Array {
    return this.hash(bytes);
  }
}
const defaultHasher = new DefaultHasher();
export const jsKeccak256: Keccak256 = (bytes) => defaultHasher.keccak256(bytes);

/** What hash-wasm's `createKeccak(256)` gives: a reusable, synchronous hasher. */
export interface KeccakHasher {
  init(): unknown;
  update(data: Uint8Array): unknown;
  digest(outputType: 'binary'): Uint8Array;
}

/** Inputs the WASM path must hash exactly as the JS one: empty, one rate block (136 bytes) and over it. */
const PROBES = [0, 135, 136, 137, 600].map((length) => Uint8Array.from({ length }, (_, i) => (i * 131 + 7) & 0xff));

/** Picks the implementation: the WASM one when `load` gives a hasher that agrees on every probe. Never throws. */
export async function chooseKeccak(load: () => Promise<KeccakHasher>): Promise<{ keccak256: Keccak256; info: KeccakInfo }> {
  try {
    const hasher = await load();
    const wasm: Keccak256 = (bytes) => {
      hasher.init();
      hasher.update(bytes);
      return hasher.digest('binary');
    };
    for (const probe of PROBES) {
      const got = wasm(probe);
      const expected = jsKeccak256(probe);
      if (got.length !== 32 || got.some((byte, i) => byte !== expected[i])) {
        throw new Error(`it hashes ${probe.length} probe bytes to another digest than @noble/hashes`);
      }
    }
    return { keccak256: wasm, info: { implementation: 'wasm-hash-wasm' } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { keccak256: jsKeccak256, info: { implementation: 'js-noble', reason: `keccak (WASM) did not load: ${reason}` } };
  }
}

let active: { keccak256: Keccak256; info: KeccakInfo } = {
  keccak256: jsKeccak256,
  info: { implementation: 'js-noble', reason: 'keccak (WASM) is not loaded yet' },
};
let loading: Promise<KeccakInfo> | undefined;

/** Loads the WASM keccak once (later calls share the first); resolves with what is then active. */
export function loadKeccak(): Promise<KeccakInfo> {
  loading ??= chooseKeccak(async () => (await import('hash-wasm')).createKeccak(256)).then((chosen) => {
    active = chosen;
    return chosen.info;
  });
  return loading;
}

/** The keccak every ledger Common gets: whatever is active at the call. */
export const ledgerKeccak256: Keccak256 = (bytes) => active.keccak256(bytes);

export function keccakInfo(): KeccakInfo {
  return active.info;
}
