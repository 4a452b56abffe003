/**
 * Public-key recovery (secp256k1) for every transaction sender the ledger recovers, and for the
 * ecrecover precompile: libsecp256k1 compiled to WASM (tiny-secp256k1) when it loads, otherwise
 * ethereumjs's default, plain-JS @noble/curves. Recovery was 31-49% of the bare EVM time of a
 * task transaction in JS; in WASM it is ~10x cheaper (see src/ledger/README.md).
 *
 * Loading is asynchronous (in the browser the .wasm is fetched and compiled), recovery is
 * synchronous (ethereumjs calls it from a getter): the ledger starts the load when it opens a
 * chain (ChainState.open) without waiting for it, and recovers in JS until it is there (see
 * senderRecoveryCrypto). tiny-secp256k1 is imported dynamically: in the Vite bundle its ESM-integrated .wasm
 * becomes a same-origin asset instantiated with top-level await, which must not sit in the
 * worker's static import graph; a failed import leaves the JS path, and the reason is reported
 * (ledger_storageInfo.senderRecovery).
 */
import type { CustomCrypto } from '@ethereumjs/common';
import { calculateSigRecovery, concatBytes, ecrecover as jsEcrecover, hexToBytes, setLengthLeft } from '@ethereumjs/util';

export type SenderRecoveryImplementation = 'wasm-libsecp256k1' | 'js-noble';

export interface SenderRecoveryInfo {
  implementation: SenderRecoveryImplementation;
  /** Why the WASM path is not active (absent when it is). */
  reason?: string;
}

/** tiny-secp256k1's `recover`: the 33- or 65-byte public key, or null when nothing recovers. */
export type RecoverFn = (hash: Uint8Array, signature64: Uint8Array, recoveryId: 0 | 1 | 2 | 3, compressed?: boolean) => Uint8Array | null;

/** tiny-secp256k1's `signRecoverable`: RFC 6979 (deterministic), low-s, as Ethereum wants. */
export type SignRecoverableFn = (hash: Uint8Array, privateKey: Uint8Array) => { signature: Uint8Array; recoveryId: 0 | 1 | 2 | 3 };

type Ecrecover = NonNullable<CustomCrypto['ecrecover']>;

/**
 * ethereumjs's `ecrecover` contract over a WASM `recover`: the 64-byte uncompressed public key
 * without its 0x04 prefix; throws where @ethereumjs/util's ecrecover throws (v not 0/1 after
 * EIP-155, r or s zero or not below the curve order, r not an x coordinate, no point).
 */
export function ecrecoverWith(recover: RecoverFn): Ecrecover {
  return (msgHash, v, r, s, chainId) => {
    const recovery = calculateSigRecovery(v, chainId);
    if (recovery !== 0n && recovery !== 1n) throw new Error('Invalid signature v value');
    // As @ethereumjs/util: left-pad (or keep the last 32 bytes of) r and s.
    const signature = concatBytes(setLengthLeft(r, 32), setLengthLeft(s, 32));
    const publicKey = recover(msgHash, signature, Number(recovery) as 0 | 1, false);
    if (publicKey === null) throw new Error('Invalid signature: no public key recovers');
    return publicKey.slice(1);
  };
}

/**
 * A signature by a fixed key (keccak256("chainflow ledger probe key")) over
 * keccak256("chainflow ledger probe"), made with @noble/curves, and that key's public key: the
 * WASM path must recover exactly this before it is used.
 */
const PROBE = {
  hash: hexToBytes('0x94354d9f294d6111ccec3c690cb1baf80bd6d6607be7ca6bc6efca308352b56e'),
  v: 28n,
  r: hexToBytes('0x162f197c931701247d37e1ea1da1813edf4ffe3645c448cda89785b4979a0205'),
  s: hexToBytes('0x72746b66bbe02179475365da19d29c6de7708fdec34ab54578fa93a26ae091f0'),
  publicKey:
    '58e48d142ad6adc3d5bed573739b2594f7f362ca5ab0b713d96083f2b054192ee24e176e0ef9743f68ac3dd0b99a5d4a0b423e259d9e658b444b4201670174a7',
  /** keccak256("chainflow ledger probe key"): RFC 6979 signing with it must give exactly r, s above. */
  privateKey: hexToBytes('0xb503946012f60fe3a6347c85dab2fe85c75f9e96654071565fe3b0d0f35c93ce'),
};

/**
 * Picks the implementation: the WASM one when `load` gives a `recover` that recovers the probe's
 * public key, the JS one otherwise. The WASM `signRecoverable`, when given, is kept for signing
 * in the ledger (transaction-signing.ts) only if it signs the probe hash with the probe key into
 * exactly the probe's signature (RFC 6979 gives one signature per key and hash). Never throws.
 */
export async function chooseSenderRecovery(
  load: () => Promise<{ recover: RecoverFn; signRecoverable?: SignRecoverableFn }>,
): Promise<{ customCrypto: CustomCrypto; info: SenderRecoveryInfo; sign?: SignRecoverableFn }> {
  try {
    const loaded = await load();
    const ecrecover = ecrecoverWith(loaded.recover);
    const recovered = toHex(ecrecover(PROBE.hash, PROBE.v, PROBE.r, PROBE.s));
    if (recovered !== PROBE.publicKey) {
      throw new Error(`it recovers ${recovered} from the probe signature instead of ${PROBE.publicKey}`);
    }
    return { customCrypto: { ecrecover }, info: { implementation: 'wasm-libsecp256k1' }, sign: probedSigner(loaded.signRecoverable) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { customCrypto: {}, info: { implementation: 'js-noble', reason: `libsecp256k1 (WASM) did not load: ${reason}` } };
  }
}

/** `sign` if it reproduces the probe's signature, else undefined (the ledger then signs in JS). */
function probedSigner(sign: SignRecoverableFn | undefined): SignRecoverableFn | undefined {
  if (sign === undefined) return undefined;
  try {
    const { signature, recoveryId } = sign(PROBE.hash, PROBE.privateKey);
    const expected = toHex(PROBE.r) + toHex(PROBE.s);
    return toHex(signature) === expected && BigInt(recoveryId) + 27n === PROBE.v ? sign : undefined;
  } catch {
    return undefined;
  }
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

let active: { customCrypto: CustomCrypto; info: SenderRecoveryInfo; sign?: SignRecoverableFn } = {
  customCrypto: {},
  info: { implementation: 'js-noble', reason: 'libsecp256k1 (WASM) is not loaded yet' },
};
let loading: Promise<SenderRecoveryInfo> | undefined;

/**
 * Loads the WASM recovery once (later calls share the first); resolves with what is then active.
 * Nobody has to wait for it: until it resolves, senderRecoveryCrypto() recovers in JS.
 */
export function loadSenderRecovery(): Promise<SenderRecoveryInfo> {
  loading ??= chooseSenderRecovery(() => import('tiny-secp256k1')).then((chosen) => {
    active = chosen;
    return chosen.info;
  });
  return loading;
}

/**
 * The crypto override every ledger Common gets: recovery by whatever is active at the call, so a
 * chain opened before the WASM has loaded (its compile takes ~0.5 s of a reload) switches to it
 * once it has. Both give the same keys (sender-recovery.test.ts), so when the switch happens
 * changes no result.
 */
const dispatching: CustomCrypto = {
  ecrecover: (msgHash, v, r, s, chainId) => (active.customCrypto.ecrecover ?? jsEcrecover)(msgHash, v, r, s, chainId),
};

export function senderRecoveryCrypto(): CustomCrypto {
  return dispatching;
}

export function senderRecoveryInfo(): SenderRecoveryInfo {
  return active.info;
}

/** The WASM signer once loaded and probed; undefined until then (or if it failed): sign in JS. */
export function wasmSigner(): SignRecoverableFn | undefined {
  return active.sign;
}
