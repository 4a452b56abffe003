/**
 * Main-thread facade of the keystore worker: the same KeystoreCrypto as the local one, with
 * scrypt (hundreds of milliseconds per key, tens of seconds for a large consortium) off the
 * page's thread. The worker starts on first use and is kept. Replies are matched to requests
 * by id; a worker that dies or stays silent past the timeout fails what it owed with an Error
 * that says so (wrong passphrases and bad files stay data, as locally), and the next request
 * gets a fresh worker.
 */
import type { DecryptResult, KeystoreCrypto, KeystoreProgress, ScryptParams } from '../keystore-crypto.js';
import type { KeystoreRequest, KeystoreResponse } from './keystore-protocol.js';

/** The part of `Worker` the client uses, so tests can hand in a fake. */
export interface KeystoreWorker {
  postMessage(message: KeystoreRequest): void;
  terminate(): void;
  onmessage: ((event: { data: KeystoreResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export interface KeystoreClientOptions {
  createWorker?: () => KeystoreWorker;
  /** Per request. A keystore imported from geth (N = 2^18) takes seconds in the browser: generous. */
  timeoutMs?: number;
}

export const DEFAULT_KEYSTORE_TIMEOUT_MS = 120_000;

export interface KeystoreClient extends KeystoreCrypto {
  /** Stops the worker; pending requests fail. A later request starts a new one. */
  dispose(): void;
}

function createBrowserWorker(): KeystoreWorker {
  return new Worker(new URL('./keystore.worker.ts', import.meta.url), {
    type: 'module',
    name: 'keystore',
  }) as KeystoreWorker;
}

type Final = Exclude<KeystoreResponse, { type: 'progress' }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
interface Job {
  settle(reply: Final): void;
  fail(error: Error): void;
  progress?: KeystoreProgress;
  timer: ReturnType<typeof setTimeout>;
}

export function createKeystoreClient(options: KeystoreClientOptions = {}): KeystoreClient {
  const createWorker = options.createWorker ?? createBrowserWorker;
  const timeoutMs = options.timeoutMs ?? DEFAULT_KEYSTORE_TIMEOUT_MS;
  const pending = new Map<number, Job>();
  let worker: KeystoreWorker | undefined;
  let nextId = 1;

  function retire(reason: string) {
    worker?.terminate();
    worker = undefined;
    const owed = [...pending.values()];
    pending.clear();
    for (const job of owed) {
      clearTimeout(job.timer);
      job.fail(new Error(reason));
    }
  }

  function onReply(reply: KeystoreResponse) {
    const job = pending.get(reply.id);
    if (!job) return; // a request that already timed out
    if (reply.type === 'progress') return job.progress?.(reply.fraction);
    pending.delete(reply.id);
    clearTimeout(job.timer);
    if (reply.type === 'failed') job.fail(new Error(reply.error));
    else job.settle(reply);
  }

  function start(): KeystoreWorker {
    if (worker) return worker;
    const started = createWorker();
    started.onmessage = (event) => started === worker && onReply(event.data);
    started.onerror = (event) => started === worker && retire(`the keystore worker stopped: ${event.message ?? 'unknown error'}`);
    return (worker = started);
  }

  function send(request: WithoutId<KeystoreRequest>, progress?: KeystoreProgress): Promise<Final> {
    const target = start();
    const id = nextId++;
    return new Promise<Final>((settle, fail) => {
      const timer = setTimeout(() => retire(`the keystore worker did not answer within ${Math.round(timeoutMs / 1000)} s (${request.type})`), timeoutMs);
      pending.set(id, { settle, fail, progress, timer });
      target.postMessage({ ...request, id } as KeystoreRequest);
    });
  }

  return {
    async encrypt(privateKey: string, passphrase: string, scrypt: ScryptParams, onProgress?: KeystoreProgress): Promise<string> {
      const reply = await send({ type: 'encrypt', privateKey, passphrase, scrypt }, onProgress);
      if (reply.type !== 'encrypted') throw new Error(`keystore worker: unexpected reply ${reply.type} to encrypt`);
      return reply.keystore;
    },
    async decrypt(json: string, passphrase: string, onProgress?: KeystoreProgress): Promise<DecryptResult> {
      const reply = await send({ type: 'decrypt', json, passphrase }, onProgress);
      if (reply.type !== 'decrypted') throw new Error(`keystore worker: unexpected reply ${reply.type} to decrypt`);
      return reply.result;
    },
    dispose: () => retire('the keystore worker was shut down'),
  };
}
