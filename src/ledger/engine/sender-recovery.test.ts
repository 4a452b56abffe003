/** The WASM sender recovery: same answers as the JS path, and the JS path when WASM fails. */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bigIntToBytes, bytesToBigInt, ecrecover as jsEcrecover, SECP256K1_ORDER, setLengthLeft } from '@ethereumjs/util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseSenderRecovery,
  ecrecoverWith,
  loadSenderRecovery,
  senderRecoveryCrypto,
  senderRecoveryInfo,
  type RecoverFn,
} from './sender-recovery.js';

const be32 = (value: bigint) => setLengthLeft(bigIntToBytes(value), 32);
type Outcome = { ok: true; key: string } | { ok: false };
const outcome = (f: () => Uint8Array): Outcome => {
  try {
    return { ok: true, key: Buffer.from(f()).toString('hex') };
  } catch {
    return { ok: false };
  }
};

describe('loadSenderRecovery', () => {
  it('loads libsecp256k1 (WASM) in Node; the override every Common holds then recovers with it', async () => {
    // given the override a Common got before the load (the same object before and after)
    const override = senderRecoveryCrypto();
    // when the recovery is loaded
    const info = await loadSenderRecovery();
    // then the WASM path is active and reported
    expect(info).toEqual({ implementation: 'wasm-libsecp256k1' });
    expect(senderRecoveryInfo()).toEqual(info);
    expect(senderRecoveryCrypto()).toBe(override);
    // and the override recovers the probe key through it
    const sig = secp256k1.sign(new Uint8Array(32).fill(1), new Uint8Array(32).fill(2), { prehash: false, format: 'recovered' });
    const args = [new Uint8Array(32).fill(1), 27n + BigInt(sig[0]), sig.subarray(1, 33), sig.subarray(33)] as const;
    expect(override.ecrecover!(...args)).toEqual(jsEcrecover(...args));
  });
});

describe('ecrecoverWith (tiny-secp256k1)', () => {
  /** The WASM recovery itself, not the dispatching override. */
  const wasm = async () => {
    const chosen = await chooseSenderRecovery(() => import('tiny-secp256k1'));
    expect(chosen.info.implementation).toBe('wasm-libsecp256k1');
    return chosen.customCrypto.ecrecover!;
  };

  it('recovers what @ethereumjs/util recovers from real signatures, with and without EIP-155', async () => {
    const ecrecover = await wasm();
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.bigInt({ min: 1n, max: SECP256K1_ORDER - 1n }),
        fc.option(fc.bigInt({ min: 1n, max: 2n ** 32n }), { nil: undefined }),
        (hash, key, chainId) => {
          // given a signature by a random key over a random hash, as a transaction carries it
          const sig = secp256k1.sign(hash, be32(key), { prehash: false, format: 'recovered' });
          const recid = BigInt(sig[0]);
          const v = chainId === undefined ? 27n + recid : chainId * 2n + 35n + recid;
          const r = sig.subarray(1, 33);
          const s = sig.subarray(33, 65);
          // then both paths recover the same 64-byte public key
          const expected = outcome(() => jsEcrecover(hash, v, r, s, chainId));
          expect(expected.ok).toBe(true);
          expect(outcome(() => ecrecover(hash, v, r, s, chainId))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with @ethereumjs/util on malformed signatures (the ecrecover precompile sees any bytes)', async () => {
    const ecrecover = await wasm();
    const n = SECP256K1_ORDER;
    // r and s from the edges (0, the order and around it, all ones) and anywhere
    const scalar = fc.oneof(
      fc.constantFrom(0n, 1n, n - 1n, n, n + 1n, 2n ** 256n - 1n),
      fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
    );
    let recovered = 0;
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.constantFrom(0n, 1n, 2n, 26n, 27n, 28n, 29n), scalar, scalar, (hash, v, r, s) => {
        const rb = be32(r);
        const sb = be32(s);
        const expected = outcome(() => jsEcrecover(hash, v, rb, sb));
        if (expected.ok) recovered++;
        expect(outcome(() => ecrecover(hash, v, rb, sb))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    // (random r is an x coordinate half the time: both outcomes were compared)
    expect(recovered).toBeGreaterThan(10);
  });

  it('accepts a high s as the precompile must (EIP-2 is checked by the transaction, not here)', async () => {
    const ecrecover = await wasm();
    const hash = new Uint8Array(32).fill(7);
    const sig = secp256k1.sign(hash, new Uint8Array(32).fill(9), { prehash: false, format: 'recovered' });
    // the same point with s' = n - s and the other recovery id
    const highS = be32(SECP256K1_ORDER - bytesToBigInt(sig.subarray(33)));
    const v = 27n + (1n - BigInt(sig[0]));
    const expected = outcome(() => jsEcrecover(hash, v, sig.subarray(1, 33), highS));
    expect(expected.ok).toBe(true);
    expect(outcome(() => ecrecover(hash, v, sig.subarray(1, 33), highS))).toEqual(expected);
  });
});

describe('chooseSenderRecovery', () => {
  it('keeps the JS path, with the reason, when the WASM module does not load', async () => {
    // given a loader that fails as a blocked fetch of the .wasm would
    const chosen = await chooseSenderRecovery(() => Promise.reject(new Error('WebAssembly.instantiate(): refused by CSP')));
    // then no override is installed and the reason is reported
    expect(chosen.customCrypto).toEqual({});
    expect(chosen.info.implementation).toBe('js-noble');
    expect(chosen.info.reason).toContain('refused by CSP');
  });

  it('refuses a WASM recovery that does not recover the probe key', async () => {
    // given a recover that answers, but wrongly
    const wrong: RecoverFn = () => new Uint8Array(65).fill(4);
    const chosen = await chooseSenderRecovery(async () => ({ recover: wrong }));
    expect(chosen.customCrypto).toEqual({});
    expect(chosen.info).toMatchObject({ implementation: 'js-noble', reason: expect.stringContaining('probe signature') });
  });

  it('reports a recover that finds no key as an error, as the JS path throws', () => {
    const ecrecover = ecrecoverWith(() => null);
    expect(() => ecrecover(new Uint8Array(32), 27n, new Uint8Array(32).fill(1), new Uint8Array(32).fill(1))).toThrow(/no public key/);
    expect(() => ecrecover(new Uint8Array(32), 30n, new Uint8Array(32).fill(1), new Uint8Array(32).fill(1))).toThrow(/v value/);
  });
});
