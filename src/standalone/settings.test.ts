import { describe, expect, it } from 'vitest';
import { effectiveRpcUrl, hasSavedRpcUrl, rpcUrlProblem, saveRpcUrl } from './settings.js';
import { testConfig } from './test-config.js';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('the RPC URL setting', () => {
  it('uses the config URL until another is saved, and goes back to it', () => {
    const config = testConfig('http://node-a:8545');
    const store = memoryStorage();
    expect(effectiveRpcUrl(config, store)).toBe('http://node-a:8545');
    // when the user saves another node
    saveRpcUrl(config, '  https://node-b.example.com/rpc ', store);
    // then it is used, trimmed, and remembered as set in Settings
    expect(effectiveRpcUrl(config, store)).toBe('https://node-b.example.com/rpc');
    expect(hasSavedRpcUrl(config, store)).toBe(true);
    // when the config's URL is saved again, then the override is gone
    saveRpcUrl(config, 'http://node-a:8545', store);
    expect(store.items.size).toBe(0);
    expect(effectiveRpcUrl(config, store)).toBe('http://node-a:8545');
  });

  it('keeps apps of two deployments apart on one origin', () => {
    const store = memoryStorage();
    const a = testConfig();
    const b = testConfig();
    b.deployment = { ...b.deployment, registry: { ...b.deployment.registry, address: '0x0000000000000000000000000000000000000001' } };
    saveRpcUrl(a, 'http://a:1', store);
    expect(effectiveRpcUrl(b, store)).toBe(b.rpcUrl);
  });

  it('refuses what is not an http(s) URL, saying why', () => {
    expect(rpcUrlProblem('node:8545')).toContain('only http:// and https://');
    expect(rpcUrlProblem('not a url')).toBe('"not a url" is not a URL');
    expect(rpcUrlProblem('ws://node:8546')).toContain('only http:// and https://');
    expect(rpcUrlProblem('https://node.example.com')).toBeUndefined();
  });
});
