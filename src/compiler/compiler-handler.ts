/**
 * The compiler worker's logic, without the worker: answers one request at a time. Loads soljson
 * lazily on the first request and keeps it. Everything that goes wrong comes back as a `failed`
 * reply; it never throws, so the worker never dies on a bad job.
 */
import { createSolcEngine, type SolcEngine, type SoljsonModule } from '../../generators/compile/soljson-engine.js';
import type { CompilerRequest, CompilerResponse } from './compiler-protocol.js';

export interface CompilerHandlerDeps {
  loadSoljson(): Promise<SoljsonModule>;
  now(): number;
}

export function createCompilerHandler(deps: CompilerHandlerDeps): (request: CompilerRequest) => Promise<CompilerResponse> {
  let loading: Promise<{ engine: SolcEngine; loadMs: number }> | undefined;
  let deadBecause: string | undefined;

  const load = () =>
    (loading ??= (async () => {
      const started = deps.now();
      const soljson = await deps.loadSoljson();
      const engine = createSolcEngine(soljson, deps.now);
      return { engine, loadMs: Math.round(deps.now() - started) };
    })());

  return async (request) => {
    const id = typeof request?.id === 'number' ? request.id : -1;
    if (deadBecause) return { type: 'failed', id, error: deadBecause, fatal: true };
    let loaded: { engine: SolcEngine; loadMs: number };
    try {
      loaded = await load();
    } catch (error) {
      deadBecause = `Could not load the Solidity compiler: ${describe(error)}`;
      return { type: 'failed', id, error: deadBecause, fatal: true };
    }
    const { engine, loadMs } = loaded;
    switch (request.type) {
      case 'load':
        return { type: 'loaded', id, compilerVersion: engine.compilerVersion, loadMs };
      case 'compile':
        try {
          return { type: 'compiled', id, result: engine.compile(request.sources, request.settings) };
        } catch (error) {
          deadBecause = `The Solidity compiler crashed: ${describe(error)}`;
          return { type: 'failed', id, error: deadBecause, fatal: true };
        }
      default:
        return { type: 'failed', id, error: `Unknown compiler request: ${JSON.stringify(request)}`, fatal: false };
    }
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
