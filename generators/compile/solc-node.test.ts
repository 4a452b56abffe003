import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPILER_SETTINGS, SOLC_VERSION } from './compile-types.js';
import { compileSolidity, loadSolcEngine } from './solc-node.js';

const supplyOrder = {
  file: 'SupplyOrder.sol',
  content: readFileSync(new URL('./fixtures/supply-order.sol', import.meta.url), 'utf8'),
};

describe('compileSolidity (Node)', () => {
  it('compiles with the pinned solc and reports what it used', async () => {
    const result = await compileSolidity([supplyOrder]);
    expect(result.ok).toBe(true);
    expect(result.compilerVersion.startsWith(`${SOLC_VERSION}+commit.`)).toBe(true);
    expect(result.settings).toEqual(DEFAULT_COMPILER_SETTINGS);
    expect(result.elapsedMs).toBeGreaterThan(0);
    expect(result.contracts['SupplyOrder.sol'].SupplyOrder.bytecode).toMatch(/^0x60/);
  }, 30_000);

  it('loads soljson once per process', async () => {
    const first = await loadSolcEngine();
    expect(await loadSolcEngine()).toBe(first);
  }, 30_000);

  it('honours the settings it is given', async () => {
    // given the optimizer off, when compiled, then the bytecode differs from the optimized one
    const optimized = await compileSolidity([supplyOrder]);
    const plain = await compileSolidity([supplyOrder], { evmVersion: 'cancun', optimizer: { enabled: false, runs: 200 } });
    expect(plain.ok).toBe(true);
    expect(plain.settings.optimizer.enabled).toBe(false);
    const size = (hex: string) => hex.length;
    expect(size(plain.contracts['SupplyOrder.sol'].SupplyOrder.bytecode)).toBeGreaterThan(
      size(optimized.contracts['SupplyOrder.sol'].SupplyOrder.bytecode),
    );
  }, 30_000);

  it('returns source errors as data and keeps working after them', async () => {
    const broken = await compileSolidity([{ file: 'Bad.sol', content: 'pragma solidity ^0.8.0;\ncontract Bad {\n' }]);
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics[0]).toMatchObject({ severity: 'error', file: 'Bad.sol', line: 3 });
    expect((await compileSolidity([supplyOrder])).ok).toBe(true);
  }, 30_000);
});
