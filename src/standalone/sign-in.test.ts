import { Wallet, type Eip1193Provider } from 'ethers';
import { describe, expect, it } from 'vitest';
import { encryptPrivateKey } from '../keys/keystore-crypto.js';
import { connectWallet, openKeyFile } from './sign-in.js';
import { testManifest } from './test-config.js';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 }; // scrypt parameters for tests only
const PASSPHRASE = '王芳的口令 2026';
const wang = new Wallet('0x' + '55'.repeat(32));
const other = new Wallet('0x' + '66'.repeat(32));
const participant = { ...testManifest().participants[0], address: wang.address };

describe('signing in with a key file', () => {
  it('opens the participant’s own key with its passphrase', async () => {
    const file = await encryptPrivateKey(wang.privateKey, PASSPHRASE, CHEAP);
    expect(await openKeyFile(participant, file, PASSPHRASE)).toEqual({ ok: true, privateKey: wang.privateKey });
  });

  it('says the passphrase is wrong, and nothing else', async () => {
    const file = await encryptPrivateKey(wang.privateKey, PASSPHRASE, CHEAP);
    expect(await openKeyFile(participant, file, 'wrong 口令')).toEqual({ ok: false, problem: { kind: 'wrong-passphrase' } });
  });

  it('refuses another account’s key, naming both accounts', async () => {
    const file = await encryptPrivateKey(other.privateKey, PASSPHRASE, CHEAP);
    expect(await openKeyFile(participant, file, PASSPHRASE)).toEqual({
      ok: false,
      problem: { kind: 'wrong-key', name: '王芳 Wang Fang', expected: wang.address, actual: other.address },
    });
  });

  it('refuses a file that is not a keystore, and a participant without an account', async () => {
    expect(await openKeyFile(participant, '{"hello":1}', PASSPHRASE)).toMatchObject({ ok: false, problem: { kind: 'invalid-file' } });
    expect(await openKeyFile({ ...participant, address: undefined }, '{}', PASSPHRASE)).toEqual({ ok: false, problem: { kind: 'no-address', name: '王芳 Wang Fang' } });
  });
});

function fakeWallet(answers: { accounts?: string[]; chainId?: string; refuse?: string }): Eip1193Provider {
  return {
    async request({ method }: { method: string }) {
      if (answers.refuse) throw Object.assign(new Error(answers.refuse), { code: 4001 });
      if (method === 'eth_requestAccounts' || method === 'eth_accounts') return answers.accounts ?? [];
      if (method === 'eth_chainId') return answers.chainId ?? '0x7a69';
      throw new Error(`unexpected ${method}`);
    },
  };
}

describe('signing in with an injected wallet', () => {
  it('uses the participant’s account when the wallet is on the deployment’s chain', async () => {
    const result = await connectWallet(participant, fakeWallet({ accounts: [other.address, wang.address.toLowerCase()] }), 31337);
    expect(result.ok).toBe(true);
    if (result.ok) expect((await result.signer.getAddress()).toLowerCase()).toBe(wang.address.toLowerCase());
  });

  it('says when the wallet is on another chain, lacks the account, or refuses', async () => {
    expect(await connectWallet(participant, fakeWallet({ accounts: [wang.address], chainId: '0x1' }), 31337)).toEqual({
      ok: false,
      problem: { kind: 'wallet-wrong-chain', actual: 1, expected: 31337 },
    });
    expect(await connectWallet(participant, fakeWallet({ accounts: [other.address] }), 31337)).toEqual({
      ok: false,
      problem: { kind: 'wallet-no-account', name: '王芳 Wang Fang', expected: wang.address, accounts: [other.address] },
    });
    expect(await connectWallet(participant, fakeWallet({ refuse: 'User rejected the request.' }), 31337)).toEqual({
      ok: false,
      problem: { kind: 'wallet-refused', detail: 'User rejected the request.' },
    });
  });
});
