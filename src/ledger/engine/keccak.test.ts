/** The WASM keccak: the same digests as ethereumjs's JS keccak, and the JS one when WASM fails. */
import { keccak_256 } from '@noble/hashes/sha3.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLedgerCommon } from './chain-config.js';
import { chooseKeccak, jsKeccak256, keccakInfo, ledgerKeccak256, loadKeccak, type KeccakHasher } from './keccak.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('loadKeccak', () => {
  it('loads hash-wasm in Node; the keccak every Common holds then hashes with it', async () => {
    // when the WASM keccak is loaded
    const info = await loadKeccak();
    // then it is active and reported
    expect(info).toEqual({ implementation: 'wasm-hash-wasm' });
    expect(keccakInfo()).toEqual(info);
    // and the dispatching function every ledger Common holds gives the known digest of the empty input
    expect(createLedgerCommon(7).customCrypto.keccak256).toBe(ledgerKeccak256);
    expect(hex(ledgerKeccak256(new Uint8Array()))).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
  });
});

describe('chooseKeccak', () => {
  it('hashes any input as @noble/hashes does, whatever its length (multi-block, rate edges)', async () => {
    // given the WASM keccak itself, not the dispatcher
    const chosen = await chooseKeccak(async () => (await import('hash-wasm')).createKeccak(256));
    expect(chosen.info.implementation).toBe('wasm-hash-wasm');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), (bytes) => {
        // then every digest equals the JS one, and the input is left as it was
        const copy = bytes.slice();
        expect(hex(chosen.keccak256(bytes))).toBe(hex(keccak_256(copy)));
        expect(bytes).toEqual(copy);
      }),
      { numRuns: 500 },
    );
    // and each digest is a fresh array (callers keep them as trie keys and roots)
    const a = chosen.keccak256(new Uint8Array([1]));
    chosen.keccak256(new Uint8Array([2]));
    expect(hex(a)).toBe(hex(keccak_256(new Uint8Array([1]))));
  });

  it('keeps the JS keccak, with the reason, when the WASM does not load', async () => {
    // given a load that fails
    const chosen = await chooseKeccak(async () => {
      throw new Error('WebAssembly.compile refused by the page');
    });
    // then the JS keccak is chosen and the reason says why
    expect(chosen.keccak256).toBe(jsKeccak256);
    expect(chosen.info).toEqual({ implementation: 'js-noble', reason: 'keccak (WASM) did not load: WebAssembly.compile refused by the page' });
  });

  it('refuses a hasher that gives another digest on the probes', async () => {
    // given a "keccak" that is really something else (e.g. a SHA3-256 build)
    const wrong: KeccakHasher = {
      init: () => undefined,
      update: () => undefined,
      digest: () => new Uint8Array(32).fill(7),
    };
    const chosen = await chooseKeccak(async () => wrong);
    // then it is not used
    expect(chosen.info.implementation).toBe('js-noble');
    expect(chosen.info.reason).toContain('another digest than @noble/hashes');
  });
});
