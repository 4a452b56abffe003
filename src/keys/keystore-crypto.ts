/**
 * Ethereum keystore v3 (the "UTC JSON" file every wallet imports) with scrypt, through ethers.
 * Every keystore carries its own scrypt parameters, so raising KEYSTORE_SCRYPT later only affects
 * keys encrypted from then on; older ones still decrypt and are re-encrypted when next written
 * (see docs/keys.md). ethers is loaded on first use to keep it out of the IDE's first paint.
 */

export interface ScryptParams {
  /** CPU/memory cost (a power of two); memory is 128 · N · r bytes. */
  N: number;
  r: number;
  p: number;
}

/**
 * Parameters of keystores written by the IDE: N = 2^15 (32 MiB), r = 8, p = 1. Measured per key
 * on a 2-core machine: ~140 ms in Node 20, 260-350 ms in headless Chromium under load (ethers'
 * scrypt is JavaScript); geth's "standard" N = 2^18 would take 2-3 s per key in the browser.
 * Raising it later: see docs/keys.md.
 */
export const KEYSTORE_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

/** Shortest passphrase accepted for the workspace and for exported files. */
export const MIN_PASSPHRASE_LENGTH = 8;

export type DecryptError = 'wrong-passphrase' | 'invalid-file';

/** Called with 0..1 while scrypt runs (ethers reports every few ms of work). */
export type KeystoreProgress = (fraction: number) => void;

export type DecryptResult =
  | { ok: true; privateKey: string; address: string }
  | { ok: false; error: DecryptError; detail: string };

/** Encrypts a 0x-prefixed private key into keystore v3 JSON text. */
export async function encryptPrivateKey(
  privateKey: string,
  passphrase: string,
  scrypt: ScryptParams = KEYSTORE_SCRYPT,
  onProgress?: KeystoreProgress,
): Promise<string> {
  const { encryptKeystoreJson, Wallet } = await import('ethers');
  const address = new Wallet(privateKey).address;
  return encryptKeystoreJson({ address, privateKey }, passphrase, { scrypt, progressCallback: onProgress });
}

/**
 * Decrypts keystore v3 JSON text. A wrong passphrase (MAC mismatch) and a file that is not a
 * keystore come back as data, never thrown; the address is the one the key derives.
 */
export async function decryptKeystore(json: string, passphrase: string, onProgress?: KeystoreProgress): Promise<DecryptResult> {
  const { Wallet, isError, isKeystoreJson } = await import('ethers');
  if (!isKeystoreJson(json)) return { ok: false, error: 'invalid-file', detail: 'not an Ethereum keystore v3 JSON file' };
  try {
    const wallet = await Wallet.fromEncryptedJson(json, passphrase, onProgress);
    if (!('privateKey' in wallet)) return { ok: false, error: 'invalid-file', detail: 'the keystore holds no private key' };
    return { ok: true, privateKey: wallet.privateKey, address: wallet.address };
  } catch (e) {
    if (isError(e, 'INVALID_ARGUMENT') && e.argument === 'password') {
      return { ok: false, error: 'wrong-passphrase', detail: 'the passphrase does not open this keystore' };
    }
    return { ok: false, error: 'invalid-file', detail: e instanceof Error ? e.message : String(e) };
  }
}

/** The scrypt parameters a keystore was written with (undefined for pbkdf2 or unreadable JSON). */
export function keystoreScrypt(json: string): ScryptParams | undefined {
  try {
    type Crypto = { kdf?: string; kdfparams?: { n: number; r: number; p: number } };
    const parsed = JSON.parse(json) as { crypto?: Crypto; Crypto?: Crypto };
    const kdf = parsed.crypto ?? parsed.Crypto; // ethers writes "Crypto", geth "crypto"
    if (kdf?.kdf !== 'scrypt' || !kdf.kdfparams) return undefined;
    return { N: kdf.kdfparams.n, r: kdf.kdfparams.r, p: kdf.kdfparams.p };
  } catch {
    return undefined;
  }
}

/**
 * Where scrypt runs. Same promises as the functions above (errors as data for decrypt); the IDE
 * hands in the worker client (worker/keystore-client.ts) so the page stays responsive, Node and
 * tests use localKeystoreCrypto on the calling thread.
 */
export interface KeystoreCrypto {
  encrypt(privateKey: string, passphrase: string, scrypt: ScryptParams, onProgress?: KeystoreProgress): Promise<string>;
  decrypt(json: string, passphrase: string, onProgress?: KeystoreProgress): Promise<DecryptResult>;
}

export const localKeystoreCrypto: KeystoreCrypto = { encrypt: encryptPrivateKey, decrypt: decryptKeystore };
