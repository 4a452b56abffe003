/** The plugin replaces tiny-secp256k1's browser WASM loader, and nothing else. */
import { describe, expect, it } from 'vitest';
import { TINY_SECP256K1_BROWSER_LOADER, tinySecp256k1Plugin, WRAP_GLOBALS } from './vite-plugin-tiny-secp256k1.js';

const load = (id: string) => (tinySecp256k1Plugin().load as (id: string) => string | undefined)(id);

describe('tinySecp256k1Plugin', () => {
  it('serves the wrapping loader for the browser loader, on POSIX and Windows paths, with or without a query', () => {
    expect(load('/repo/node_modules/tiny-secp256k1/lib/wasm_loader.browser.js')).toBe(TINY_SECP256K1_BROWSER_LOADER);
    expect(load('C:\\repo\\node_modules\\tiny-secp256k1\\lib\\wasm_loader.browser.js')).toBe(TINY_SECP256K1_BROWSER_LOADER);
    expect(load('/repo/node_modules/tiny-secp256k1/lib/wasm_loader.browser.js?v=1234')).toBe(TINY_SECP256K1_BROWSER_LOADER);
  });

  it('leaves every other module alone, including the Node loader', () => {
    expect(load('/repo/node_modules/tiny-secp256k1/lib/wasm_loader.js')).toBeUndefined();
    expect(load('/repo/node_modules/tiny-secp256k1/lib/index.js')).toBeUndefined();
    expect(load('/repo/src/ledger/worker/ledger.worker.ts')).toBeUndefined();
  });

  it('wraps numbers (globals under the ESM integration) as { value } and keeps the rest', () => {
    // the loader's wrapping, run on what Vite's instantiation hands it
    expect(TINY_SECP256K1_BROWSER_LOADER).toContain(WRAP_GLOBALS);
    const memory = { buffer: new ArrayBuffer(8) };
    const recover = () => 1;
    const global = { value: 64 };
    const wrap = new Function(`return ${WRAP_GLOBALS};`)() as (exported: object) => Record<string, unknown>;
    expect(wrap({ memory, recover, HASH_INPUT: 1024, SIGNATURE_INPUT: global })).toEqual({ memory, recover, HASH_INPUT: { value: 1024 }, SIGNATURE_INPUT: global });
  });
});
