/**
 * The keystore worker's logic without the worker: runs one scrypt job and reports its progress.
 * Never throws: whatever goes wrong is a `failed` reply naming the request. Progress is thinned
 * to steps of at least `PROGRESS_STEP`, since ethers reports far more often than a bar can show.
 */
import { decryptKeystore, encryptPrivateKey, type KeystoreProgress } from '../keystore-crypto.js';
import type { KeystoreRequest, KeystoreResponse } from './keystore-protocol.js';

export const PROGRESS_STEP = 0.05;

export async function runKeystoreJob(request: KeystoreRequest, post: (message: KeystoreResponse) => void): Promise<KeystoreResponse> {
  const id = typeof request?.id === 'number' ? request.id : -1;
  let reported = -1;
  const progress: KeystoreProgress = (fraction) => {
    if (fraction < 1 && fraction - reported < PROGRESS_STEP) return;
    reported = fraction;
    post({ type: 'progress', id, fraction });
  };
  try {
    switch (request.type) {
      case 'encrypt':
        return {
          type: 'encrypted',
          id,
          keystore: await encryptPrivateKey(request.privateKey, request.passphrase, request.scrypt, progress),
        };
      case 'decrypt':
        return {
          type: 'decrypted',
          id,
          result: await decryptKeystore(request.json, request.passphrase, progress),
        };
      default:
        return {
          type: 'failed',
          id,
          error: `unknown keystore request: ${JSON.stringify((request as { type?: unknown })?.type)}`,
        };
    }
  } catch (error) {
    return {
      type: 'failed',
      id,
      error: `keystore ${request.type} failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
