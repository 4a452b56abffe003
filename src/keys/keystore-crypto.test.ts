import { describe, expect, it } from 'vitest';
import { Wallet } from 'ethers';
import { decryptKeystore, encryptPrivateKey, KEYSTORE_SCRYPT, keystoreScrypt } from './keystore-crypto.js';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('keystore v3', () => {
  it('round-trips a key and names its address', async () => {
    // given a key encrypted with a passphrase
    const wallet = Wallet.createRandom();
    const json = await encryptPrivateKey(wallet.privateKey, '正确的口令 correct', cheap);
    // then the file is keystore v3 without the key in it, and the passphrase opens it
    expect(JSON.parse(json)).toMatchObject({ version: 3 });
    expect(json).not.toContain(wallet.privateKey.slice(2));
    await expect(decryptKeystore(json, '正确的口令 correct')).resolves.toEqual({
      ok: true,
      privateKey: wallet.privateKey,
      address: wallet.address,
    });
  });

  it('reports a wrong passphrase and a non-keystore file as data', async () => {
    const json = await encryptPrivateKey(Wallet.createRandom().privateKey, 'right passphrase', cheap);
    await expect(decryptKeystore(json, 'wrong passphrase')).resolves.toMatchObject({ ok: false, error: 'wrong-passphrase' });
    await expect(decryptKeystore('{"hello": 1}', 'x')).resolves.toMatchObject({ ok: false, error: 'invalid-file' });
    await expect(decryptKeystore('not json', 'x')).resolves.toMatchObject({ ok: false, error: 'invalid-file' });
  });

  it('stores its scrypt parameters, so keys written with other parameters still open', async () => {
    // given a key written with cheaper parameters than today's default
    const json = await encryptPrivateKey(Wallet.createRandom().privateKey, 'passphrase', cheap);
    expect(keystoreScrypt(json)).toEqual(cheap);
    expect(KEYSTORE_SCRYPT.N).toBeGreaterThan(cheap.N);
    // then it opens with the parameters recorded in the file
    await expect(decryptKeystore(json, 'passphrase')).resolves.toMatchObject({ ok: true });
  });

  it('writes the default parameters when none are given', async () => {
    const json = await encryptPrivateKey(Wallet.createRandom().privateKey, 'passphrase');
    expect(keystoreScrypt(json)).toEqual(KEYSTORE_SCRYPT);
  });
});
