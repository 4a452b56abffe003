import { describe, expect, it } from 'vitest';
import { forgetKey, lastParticipant, rememberedKey, rememberKey } from './remembered-key.js';
import { effectiveSource, saveSource } from './settings.js';
import { testConfig } from './test-config.js';

const memory = () => {
  const m = new Map<string, string>();
  return { m, getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
};
const KEYSTORE = JSON.stringify({ version: 3, address: '1111111111111111111111111111111111111111', crypto: { ciphertext: 'ab', cipher: 'aes-128-ctr' } });

describe('remembered key files', () => {
  it('keeps the encrypted key file per participant until it is forgotten, never the passphrase', () => {
    const store = memory();
    const config = testConfig();
    // when 王芳 signs in with her key file
    expect(rememberKey(config, 'wang-fang', { name: 'UTC--wang.json', text: KEYSTORE }, store)).toBe(true);
    // then after a reload it is offered again, and she is preselected
    expect(rememberedKey(config, 'wang-fang', store)).toEqual({ name: 'UTC--wang.json', text: KEYSTORE });
    expect(lastParticipant(config, store)).toBe('wang-fang');
    expect(rememberedKey(config, 'li-wei', store)).toBeUndefined();
    expect([...store.m.values()].join()).not.toMatch(/passphrase|privateKey/);
    // another deployment served from the same origin does not see it
    const other = testConfig();
    other.deployment = { ...other.deployment, registry: { ...other.deployment.registry, address: '0x9999999999999999999999999999999999999999' } };
    expect(rememberedKey(other, 'wang-fang', store)).toBeUndefined();
    // when she forgets it, nothing of it stays
    forgetKey(config, 'wang-fang', store);
    expect(rememberedKey(config, 'wang-fang', store)).toBeUndefined();
    expect(lastParticipant(config, store)).toBeUndefined();
    expect(store.m.size).toBe(0);
  });

  it('refuses to remember a plaintext key', () => {
    const store = memory();
    const plain = JSON.stringify({ version: 3, privateKey: '0x01', crypto: { ciphertext: 'ab' } });
    expect(rememberKey(testConfig(), 'wang-fang', { name: 'k.json', text: plain }, store)).toBe(false);
    expect(rememberKey(testConfig(), 'wang-fang', { name: 'k.json', text: '0x4c0883a69102937d6231471b5dbb6204fe512961708279f8a9e1a4d0d2f1e0a1' }, store)).toBe(false);
    expect(store.m.size).toBe(0);
  });
});

describe('chain source setting', () => {
  it('defaults to the node of config.json, else the shipped ledger copy, and keeps a choice', () => {
    const store = memory();
    const withCopy = { ...testConfig(''), ledgerCopy: { file: 'ledger/chain.ndjson', blocks: 4, head: '0x01', sha256: '0x02' } };
    expect(effectiveSource(testConfig(), store)).toBe('rpc');
    expect(effectiveSource(withCopy, store)).toBe('ledger-copy');
    expect(effectiveSource({ ...withCopy, rpcUrl: 'http://127.0.0.1:8545' }, store)).toBe('rpc');
    saveSource(withCopy, 'rpc', store);
    expect(effectiveSource(withCopy, store)).toBe('rpc');
  });
});
