/**
 * Messages between the keystore client (main thread) and the keystore worker. Every request
 * carries an id; the worker answers with any number of `progress` messages and then exactly one
 * final reply (`encrypted`, `decrypted` or `failed`) with the same id.
 */
import type { DecryptResult, ScryptParams } from '../keystore-crypto.js';

export type KeystoreRequest =
  | {
      type: 'encrypt';
      id: number;
      privateKey: string;
      passphrase: string;
      scrypt: ScryptParams;
    }
  | { type: 'decrypt'; id: number; json: string; passphrase: string };

export type KeystoreResponse =
  /** 0..1 of the scrypt work of request `id`. */
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'encrypted'; id: number; keystore: string }
  | { type: 'decrypted'; id: number; result: DecryptResult }
  /** The job could not run (a bad key, an exception in ethers): says why. */
  | { type: 'failed'; id: number; error: string };
