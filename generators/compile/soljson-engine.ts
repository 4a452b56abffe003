/**
 * The one place that calls solc: wraps an already loaded soljson (emscripten) module. The browser
 * worker and the Node facade each load soljson their own way and hand the module here, so both
 * compile through the same calls and the same input/output mapping.
 */
import { DEFAULT_COMPILER_SETTINGS, type CompileResult, type CompilerSettings, type SourceFile } from './compile-types.js';
import { buildStandardJsonInput, readStandardJsonOutput } from './standard-json.js';

/** The part of soljson's emscripten `Module` we use. */
export interface SoljsonModule {
  cwrap(ident: string, returnType: string | null, argTypes: string[]): (...args: unknown[]) => unknown;
}

export interface SolcEngine {
  /** Full version, e.g. `0.8.37+commit.f401782d.Emscripten.clang`. */
  readonly compilerVersion: string;
  /**
   * Compiles `sources` together. Source errors come back in the result; throws only when solc
   * itself fails (a wasm abort). After a throw the module may be unusable: load a fresh one.
   */
  compile(sources: readonly SourceFile[], settings?: CompilerSettings): CompileResult;
}

/** `now` measures elapsedMs; pass `performance.now` where it exists. */
export function createSolcEngine(soljson: SoljsonModule, now: () => number = Date.now): SolcEngine {
  const version = soljson.cwrap('solidity_version', 'string', []);
  // (input JSON, import callback pointer, callback context): 0 = no callback, so an `import` of a
  // file that was not passed in is reported as a source error instead of being fetched.
  const compileJson = soljson.cwrap('solidity_compile', 'string', ['string', 'number', 'number']);
  // solc keeps every allocation of a compile (including the returned string) until reset.
  const reset = soljson.cwrap('solidity_reset', null, []);
  const compilerVersion = String(version());

  return {
    compilerVersion,
    compile(sources, settings = DEFAULT_COMPILER_SETTINGS) {
      const started = now();
      const input = JSON.stringify(buildStandardJsonInput(sources, settings));
      let raw: unknown;
      try {
        raw = compileJson(input, 0, 0);
      } catch (crash) {
        try {
          reset();
        } catch {
          // After an abort the module is dead and reset throws too; the compile error is the news.
        }
        throw crash;
      }
      reset();
      const elapsedMs = Math.round(now() - started);
      let output: unknown;
      try {
        output = JSON.parse(String(raw));
      } catch {
        output = undefined;
      }
      return readStandardJsonOutput(output, sources, { compilerVersion, settings, elapsedMs });
    },
  };
}
