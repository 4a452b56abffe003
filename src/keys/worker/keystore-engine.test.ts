import { describe, expect, it } from 'vitest';
import { Wallet } from 'ethers';
import { decryptKeystore, keystoreScrypt } from '../keystore-crypto.js';
import { runKeystoreJob } from './keystore-engine.js';
import type { KeystoreResponse } from './keystore-protocol.js';

const cheap = { N: 2 ** 12, r: 8, p: 1 };

async function run(request: Parameters<typeof runKeystoreJob>[0]) {
  const posted: KeystoreResponse[] = [];
  const reply = await runKeystoreJob(request, (m) => posted.push(m));
  return { reply, progress: posted.map((m) => (m.type === 'progress' ? m.fraction : NaN)), posted };
}

describe('keystore engine (the worker without the worker)', () => {
  it('encrypts a key with the given scrypt parameters, reporting rising progress up to 1', async () => {
    // given a key and cheap parameters
    const wallet = Wallet.createRandom();
    // when the engine encrypts it
    const { reply, progress, posted } = await run({ type: 'encrypt', id: 7, privateKey: wallet.privateKey, passphrase: '口令 passphrase', scrypt: cheap });
    // then the reply carries the request's id and a keystore that opens with the passphrase
    expect(reply.type).toBe('encrypted');
    if (reply.type !== 'encrypted') return;
    expect(reply.id).toBe(7);
    expect(keystoreScrypt(reply.keystore)).toEqual(cheap);
    await expect(decryptKeystore(reply.keystore, '口令 passphrase')).resolves.toMatchObject({ ok: true, address: wallet.address });
    // and progress went up in thinned steps (ethers reports hundreds) and ended at 1, all for id 7
    expect(posted.every((m) => m.id === 7)).toBe(true);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.length).toBeLessThanOrEqual(25);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('decrypts, and tells a wrong passphrase as data', async () => {
    const wallet = Wallet.createRandom();
    const { reply: made } = await run({ type: 'encrypt', id: 1, privateKey: wallet.privateKey, passphrase: 'right one', scrypt: cheap });
    const keystore = made.type === 'encrypted' ? made.keystore : '';

    const { reply: opened, progress } = await run({ type: 'decrypt', id: 2, json: keystore, passphrase: 'right one' });
    expect(opened).toEqual({ type: 'decrypted', id: 2, result: { ok: true, privateKey: wallet.privateKey, address: wallet.address } });
    expect(progress.at(-1)).toBe(1);

    const { reply: refused } = await run({ type: 'decrypt', id: 3, json: keystore, passphrase: 'wrong one' });
    expect(refused).toMatchObject({ type: 'decrypted', id: 3, result: { ok: false, error: 'wrong-passphrase' } });
  });

  it('answers a job that cannot run with a failed reply that says why, never a throw', async () => {
    const { reply: badKey } = await run({ type: 'encrypt', id: 4, privateKey: '0x1234', passphrase: 'x', scrypt: cheap });
    expect(badKey).toMatchObject({ type: 'failed', id: 4, error: expect.stringMatching(/^keystore encrypt failed: /) });

    const { reply: unknown } = await run({ type: 'sign', id: 5 } as never);
    expect(unknown).toEqual({ type: 'failed', id: 5, error: 'unknown keystore request: "sign"' });
  });
});
