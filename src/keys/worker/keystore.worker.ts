/**
 * Module worker entry for keystore scrypt (encrypting new keys, opening stored ones): thin on
 * purpose, the logic is keystore-engine.ts (tested in Node). Imports nothing from the UI.
 */
import { runKeystoreJob } from './keystore-engine.js';
import type { KeystoreRequest, KeystoreResponse } from './keystore-protocol.js';

interface WorkerScope {
  postMessage(message: KeystoreResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<KeystoreRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const post = (message: KeystoreResponse) => scope.postMessage(message);
scope.addEventListener('message', (event) => void runKeystoreJob(event.data, post).then(post));
