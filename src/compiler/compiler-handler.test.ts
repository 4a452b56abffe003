import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPILER_SETTINGS } from '../../generators/compile/compile-types.js';
import type { SoljsonModule } from '../../generators/compile/soljson-engine.js';
import { createCompilerHandler } from './compiler-handler.js';

const fixture = readFileSync(new URL('../../generators/compile/fixtures/supply-order.sol', import.meta.url), 'utf8');

/** The real soljson, loaded the way Node can (the worker imports the served copy instead). */
async function realSoljson(): Promise<SoljsonModule> {
  const loaded = (await import('solc/soljson.js')) as unknown as { default: SoljsonModule };
  return loaded.default;
}

describe('compiler handler', () => {
  it('loads solc on the first request and compiles with it', async () => {
    // given a handler over the real soljson
    let loads = 0;
    const handle = createCompilerHandler({ loadSoljson: () => (loads++, realSoljson()), now: () => performance.now() });
    // when asked to load, then to compile a good and a broken file
    const loaded = await handle({ type: 'load', id: 1 });
    const good = await handle({ type: 'compile', id: 2, sources: [{ file: 'S.sol', content: fixture }], settings: DEFAULT_COMPILER_SETTINGS });
    const bad = await handle({ type: 'compile', id: 3, sources: [{ file: 'B.sol', content: '// 中文\ncontract B {' }], settings: DEFAULT_COMPILER_SETTINGS });
    // then each reply carries its id, solc was loaded once, and source errors are results
    expect(loaded).toMatchObject({ type: 'loaded', id: 1, compilerVersion: expect.stringMatching(/^0\.8\.37\+/) });
    expect(good).toMatchObject({ type: 'compiled', id: 2, result: { ok: true } });
    expect(bad).toMatchObject({ type: 'compiled', id: 3, result: { ok: false } });
    expect(loads).toBe(1);
  }, 30_000);

  it('answers every request with a fatal failure when soljson does not load', async () => {
    let loads = 0;
    const handle = createCompilerHandler({
      loadSoljson: async () => {
        loads++;
        throw new Error('404 /soljson.js');
      },
      now: () => 0,
    });
    expect(await handle({ type: 'load', id: 7 })).toEqual({
      type: 'failed',
      id: 7,
      error: 'Could not load the Solidity compiler: 404 /soljson.js',
      fatal: true,
    });
    expect(await handle({ type: 'load', id: 8 })).toMatchObject({ type: 'failed', id: 8, fatal: true });
    expect(loads).toBe(1);
  });

  it('turns a solc crash into a fatal failure instead of throwing', async () => {
    // given a soljson whose compile aborts
    const crashing: SoljsonModule = {
      cwrap: (name) => {
        if (name === 'solidity_version') return () => '0.8.37+commit.fake';
        if (name === 'solidity_compile') return () => { throw new Error('Aborted()'); };
        return () => undefined;
      },
    };
    const handle = createCompilerHandler({ loadSoljson: async () => crashing, now: () => 0 });
    const request = { type: 'compile' as const, id: 4, sources: [], settings: DEFAULT_COMPILER_SETTINGS };
    // then the crash is data, and the handler refuses further work (its module is dead)
    expect(await handle(request)).toEqual({ type: 'failed', id: 4, error: 'The Solidity compiler crashed: Aborted()', fatal: true });
    expect(await handle({ ...request, id: 5 })).toMatchObject({ type: 'failed', id: 5, fatal: true });
  });

  it('rejects an unknown request without giving up on the worker', async () => {
    const handle = createCompilerHandler({ loadSoljson: realSoljson, now: () => 0 });
    const reply = await handle({ type: 'explode', id: 9 } as never);
    expect(reply).toMatchObject({ type: 'failed', id: 9, fatal: false });
  }, 30_000);
});
