import { describe, expect, it } from 'vitest';
import { createSolcEngine, type SoljsonModule } from './soljson-engine.js';

/** A stand-in for soljson's Module whose compile does what the test says. */
function fakeSoljson(compile: (input: string) => string) {
  const calls: string[] = [];
  let resets = 0;
  const module: SoljsonModule = {
    cwrap(ident) {
      calls.push(ident);
      if (ident === 'solidity_version') return () => '0.8.37+commit.fake';
      if (ident === 'solidity_reset') return () => void resets++;
      if (ident === 'solidity_compile') return (input) => compile(String(input));
      throw new Error(`unexpected cwrap ${ident}`);
    },
  };
  return { module, calls, resets: () => resets };
}

describe('createSolcEngine', () => {
  it('sends standard JSON, frees solc memory after each compile and maps the output', () => {
    // given a soljson that answers with one warning
    let seen: { language?: string } = {};
    const fake = fakeSoljson((input) => {
      seen = JSON.parse(input);
      return JSON.stringify({ errors: [{ severity: 'warning', message: 'w', type: 'Warning' }] });
    });
    const engine = createSolcEngine(fake.module, () => 0);
    // when compiling twice
    engine.compile([{ file: 'A.sol', content: '' }]);
    const result = engine.compile([{ file: 'A.sol', content: '' }]);
    // then each compile was followed by a reset, and the warning is data
    expect(seen.language).toBe('Solidity');
    expect(fake.resets()).toBe(2);
    expect(engine.compilerVersion).toBe('0.8.37+commit.fake');
    expect(result).toMatchObject({ ok: true, diagnostics: [{ severity: 'warning', message: 'w' }] });
  });

  it('rethrows a solc crash after trying to reset', () => {
    const fake = fakeSoljson(() => {
      throw new Error('Aborted(OOM)');
    });
    const engine = createSolcEngine(fake.module);
    expect(() => engine.compile([])).toThrow('Aborted(OOM)');
    expect(fake.resets()).toBe(1);
  });

  it('turns output that is not JSON into an error result', () => {
    const engine = createSolcEngine(fakeSoljson(() => 'garbage').module);
    const result = engine.compile([]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0].message).toMatch(/no standard JSON output/);
  });
});
