/**
 * The compiler worker (a module worker, see soljson-asset.ts for why that works with soljson):
 * a thin shell around compiler-handler.ts. Runs in a worker; imports nothing from the UI.
 */
import { createCompilerHandler } from './compiler-handler.js';
import type { CompilerRequest, CompilerResponse } from './compiler-protocol.js';
import { SOLJSON_FILE, SOLJSON_GLOBAL } from './soljson-asset.js';
import { SOLC_VERSION } from '../../generators/compile/compile-types.js';
import type { SoljsonModule } from '../../generators/compile/soljson-engine.js';

interface EmscriptenModule extends SoljsonModule {
  calledRun?: boolean;
  onRuntimeInitialized?: () => void;
}

async function loadSoljson(): Promise<SoljsonModule> {
  // The version in the query makes a solc upgrade bypass a cached soljson.js.
  const url = new URL(`${import.meta.env.BASE_URL}${SOLJSON_FILE}?v=${SOLC_VERSION}`, self.location.origin).href;
  await import(/* @vite-ignore */ url);
  const soljson = (globalThis as Record<string, unknown>)[SOLJSON_GLOBAL] as EmscriptenModule | undefined;
  if (!soljson || typeof soljson.cwrap !== 'function') {
    throw new Error(`${url} loaded but did not publish the solc module (is it served by vite-plugin-soljson?)`);
  }
  // soljson embeds its wasm and starts synchronously; wait anyway if a build ever starts async.
  if (!soljson.calledRun) {
    await new Promise<void>((resolve) => {
      soljson.onRuntimeInitialized = resolve;
    });
  }
  return soljson;
}

const handle = createCompilerHandler({ loadSoljson, now: () => performance.now() });

self.addEventListener('message', (event: MessageEvent<CompilerRequest>) => {
  void handle(event.data).then((response: CompilerResponse) => self.postMessage(response));
});
