/**
 * Vite plugin (runs in Node, inside Vite): lets tiny-secp256k1 (libsecp256k1 in WASM, the
 * ledger's sender recovery, engine/sender-recovery.ts) run in the browser bundle.
 *
 * Its browser loader is `import * as wasm from "./secp256k1.wasm"; export default wasm;`,
 * written for webpack, which exposes a WebAssembly global export as a WebAssembly.Global:
 * tiny-secp256k1 reads the addresses of its input buffers as `wasm.HASH_INPUT.value`. Vite 8
 * instantiates the module itself (the .wasm becomes a same-origin asset, fetched, then compiled
 * under CSP 'wasm-unsafe-eval') but, as the WebAssembly ESM integration specifies, exposes a
 * global as its value, a number: `.value` is undefined and every call fails ("offset is out of
 * bounds"). This rewrites that loader to wrap numbers as `{ value }`; a Global stays as it is.
 */
import type { Plugin } from 'vite';

const BROWSER_LOADER = /[\\/]tiny-secp256k1[\\/]lib[\\/]wasm_loader\.browser\.js$/;

/** JS source of the wrapping: WebAssembly exports -> the same, with numbers as { value }. */
export const WRAP_GLOBALS = `(exported) => Object.fromEntries(
  Object.entries(exported).map(([name, value]) => [name, typeof value === "number" ? { value } : value]),
)`;

export const TINY_SECP256K1_BROWSER_LOADER = `import * as exported from "./secp256k1.wasm";
// chainflow:tiny-secp256k1: globals arrive as numbers (ESM integration); the library reads .value
export default (${WRAP_GLOBALS})(exported);
`;

export function tinySecp256k1Plugin(): Plugin {
  return {
    name: 'chainflow:tiny-secp256k1',
    enforce: 'pre',
    load(id) {
      return BROWSER_LOADER.test(id.split('?')[0]) ? TINY_SECP256K1_BROWSER_LOADER : undefined;
    },
  };
}
