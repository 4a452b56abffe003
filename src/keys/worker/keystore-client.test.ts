import { describe, expect, it } from 'vitest';
import { Wallet } from 'ethers';
import { createKeystoreClient, type KeystoreWorker } from './keystore-client.js';
import { runKeystoreJob } from './keystore-engine.js';
import type { KeystoreRequest, KeystoreResponse } from './keystore-protocol.js';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

/** A worker stand-in that runs the real engine in-process, unless `silent` says it never answers. */
class EngineWorker implements KeystoreWorker {
  onmessage: ((event: { data: KeystoreResponse }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  received: KeystoreRequest[] = [];
  terminated = false;
  constructor(private readonly silent = false) {}
  postMessage(request: KeystoreRequest) {
    this.received.push(request);
    if (this.silent) return;
    const post = (m: KeystoreResponse) => setTimeout(() => this.onmessage?.({ data: m }), 0);
    void runKeystoreJob(request, post).then(post);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('keystore client', () => {
  it('encrypts and decrypts through the worker, forwarding each request its own progress', async () => {
    // given a client on a worker started on first use
    const workers: EngineWorker[] = [];
    const client = createKeystoreClient({ createWorker: () => (workers.push(new EngineWorker()), workers.at(-1)!) });
    expect(workers).toHaveLength(0);
    const a = Wallet.createRandom();
    const b = Wallet.createRandom();
    // when two keys are encrypted at once
    const seenA: number[] = [];
    const seenB: number[] = [];
    const [ja, jb] = await Promise.all([
      client.encrypt(a.privateKey, 'pass A', cheap, (f) => seenA.push(f)),
      client.encrypt(b.privateKey, 'pass B', cheap, (f) => seenB.push(f)),
    ]);
    // then each file holds its own key, one worker did both, and each saw its progress end at 1
    expect(workers).toHaveLength(1);
    expect(await client.decrypt(ja, 'pass A')).toMatchObject({ ok: true, address: a.address });
    expect(await client.decrypt(jb, 'pass B')).toMatchObject({ ok: true, address: b.address });
    expect(seenA.at(-1)).toBe(1);
    expect(seenB.at(-1)).toBe(1);
    // a wrong passphrase stays data
    expect(await client.decrypt(ja, 'pass B')).toMatchObject({ ok: false, error: 'wrong-passphrase' });
  });

  it('rejects a job the worker could not run with the worker’s reason', async () => {
    const client = createKeystoreClient({ createWorker: () => new EngineWorker() });
    await expect(client.encrypt('0xnot-a-key', 'x', cheap)).rejects.toThrow(/^keystore encrypt failed: /);
  });

  it('gives up on a silent worker after the timeout and uses a fresh one next time', async () => {
    const workers: EngineWorker[] = [];
    const client = createKeystoreClient({ timeoutMs: 1000, createWorker: () => (workers.push(new EngineWorker(workers.length === 0)), workers.at(-1)!) });
    const key = Wallet.createRandom().privateKey;
    await expect(client.encrypt(key, 'x', cheap)).rejects.toThrow('the keystore worker did not answer within 1 s (encrypt)');
    expect(workers[0].terminated).toBe(true);
    await expect(client.encrypt(key, 'x', cheap)).resolves.toMatch(/"version":3/);
    expect(workers).toHaveLength(2);
  });

  it('fails what a dying worker owed, and what dispose cut short', async () => {
    const silent = new EngineWorker(true);
    const client = createKeystoreClient({ createWorker: () => silent });
    const pending = client.decrypt('{}', 'x');
    silent.onerror?.({ message: 'out of memory' });
    await expect(pending).rejects.toThrow('the keystore worker stopped: out of memory');

    const later = client.decrypt('{}', 'x');
    client.dispose();
    await expect(later).rejects.toThrow('the keystore worker was shut down');
  });
});
