/**
 * How the browser gets soljson (solc compiled to wasm, 9 MB, ~0.6 s to load): the Vite plugin
 * serves and emits `node_modules/solc/soljson.js` at `<base>soljson.js` with EPILOGUE appended,
 * and the compiler worker imports it as a module. soljson keeps its emscripten `Module` in a
 * top-level `var`, which a module scope hides; the epilogue hands it out on a global instead.
 * The file stays a valid classic script, so `importScripts` works on it too.
 * Shared by the plugin (Node) and the worker (browser): no imports, no platform APIs.
 */
export const SOLJSON_FILE = 'soljson.js';

export const SOLJSON_GLOBAL = '__chainflowSoljson';

export const SOLJSON_EPILOGUE = `\n;globalThis.${SOLJSON_GLOBAL} = Module;\n`;
