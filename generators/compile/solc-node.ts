/**
 * Node-only: compiles with the `solc` npm package for the CLI and the generator tests. Not
 * exported from generators/index.ts, so the browser bundle never pulls soljson in through here
 * (the IDE compiles in src/compiler/compiler.worker.ts through the same engine).
 */
import { DEFAULT_COMPILER_SETTINGS, SOLC_VERSION, type CompileResult, type CompilerSettings, type SourceFile } from './compile-types.js';
import { createSolcEngine, type SolcEngine, type SoljsonModule } from './soljson-engine.js';
import { compilerFailureResult } from './standard-json.js';

let engine: Promise<SolcEngine> | undefined;
let crashed: string | undefined;

/** Loads soljson once per process (~0.5 s) and keeps it. */
export function loadSolcEngine(): Promise<SolcEngine> {
  engine ??= import('solc/soljson.js').then((loaded) => {
    // soljson is CommonJS (`module.exports = Module`): Node's ESM import hands it over as `default`.
    const mod = loaded as unknown as Partial<SoljsonModule> & { default?: SoljsonModule };
    const soljson = mod.default ?? (mod as SoljsonModule);
    return createSolcEngine(soljson);
  });
  engine.catch(() => {
    engine = undefined; // let the next call try again instead of caching the failure
  });
  return engine;
}

/**
 * Compiles `sources` together. Never rejects: source errors, a soljson that does not load and a
 * solc crash all come back as a CompileResult with `ok: false` and an error diagnostic.
 */
export async function compileSolidity(
  sources: readonly SourceFile[],
  settings: CompilerSettings = DEFAULT_COMPILER_SETTINGS,
): Promise<CompileResult> {
  const failed = (message: string) =>
    compilerFailureResult(message, { compilerVersion: SOLC_VERSION, settings, elapsedMs: 0 });
  // Node caches the module: after a wasm abort there is no fresh instance to load in this process.
  if (crashed) return failed(`solc crashed earlier in this process (${crashed}); restart it to compile again`);
  let solc: SolcEngine;
  try {
    solc = await loadSolcEngine();
  } catch (error) {
    return failed(`Could not load solc ${SOLC_VERSION}: ${describe(error)}`);
  }
  try {
    return solc.compile(sources, settings);
  } catch (error) {
    crashed = describe(error);
    return failed(`solc crashed: ${crashed}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
