import { readFileSync } from 'node:fs';
import solc from 'solc';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPILER_SETTINGS, type SourceFile } from './compile-types.js';
import { buildStandardJsonInput, CONTRACT_OUTPUTS, readStandardJsonOutput } from './standard-json.js';

// The official solc-js wrapper, so these tests check our mapping against solc itself and not
// against our own engine (soljson-engine.ts is covered by solc-node.test.ts).
function compileWithSolcJs(sources: SourceFile[]) {
  const output: unknown = JSON.parse(solc.compile(JSON.stringify(buildStandardJsonInput(sources))));
  return readStandardJsonOutput(output, sources, {
    compilerVersion: solc.version(),
    settings: DEFAULT_COMPILER_SETTINGS,
    elapsedMs: 0,
  });
}

const supplyOrder: SourceFile = {
  file: 'SupplyOrder.sol',
  content: readFileSync(new URL('./fixtures/supply-order.sol', import.meta.url), 'utf8'),
};

const header = '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.24;\n';

describe('buildStandardJsonInput', () => {
  it('asks solc only for ABI and bytecode, for the configured EVM', () => {
    const input = buildStandardJsonInput([supplyOrder]) as {
      sources: Record<string, { content: string }>;
      settings: { evmVersion: string; optimizer: unknown; outputSelection: unknown };
    };
    expect(input.sources['SupplyOrder.sol'].content).toBe(supplyOrder.content);
    expect(input.settings.evmVersion).toBe('cancun');
    expect(input.settings.optimizer).toEqual({ enabled: true, runs: 200 });
    expect(input.settings.outputSelection).toEqual({ '*': { '*': [...CONTRACT_OUTPUTS] } });
  });
});

describe('readStandardJsonOutput with solc', () => {
  it('returns ABI and 0x-prefixed bytecode for a valid contract', () => {
    // given the ~150-line fixture with Chinese comments, when compiled
    const result = compileWithSolcJs([supplyOrder]);
    // then it is ok, without errors, and the artifact is ready for ethers
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    const artifact = result.contracts['SupplyOrder.sol'].SupplyOrder;
    const names = artifact.abi.map((entry) => (entry as { name?: string }).name);
    expect(names).toEqual(expect.arrayContaining(['placeOrder', 'shipOrder', 'OrderPlaced', 'WrongStage']));
    expect(artifact.bytecode).toMatch(/^0x60[0-9a-f]{200,}$/);
    expect(artifact.deployedBytecode).toMatch(/^0x[0-9a-f]{200,}$/);
    expect(result.compilerVersion).toMatch(/^0\.8\.37\+commit\./);
  }, 30_000);

  it('points an error after Chinese text to the right line and UTF-16 column', () => {
    // given an undeclared identifier on a line that starts with a Chinese string (and an emoji)
    const badLine = '    string constant LABEL = unicode"采购订单📦"; uint256 total = 未声明 + missingValue;';
    const content = `${header}// 中文注释：这一行之后有错误\ncontract Broken {\n${badLine.replace('未声明 + ', '')}\n}\n`;
    const source = { file: 'Broken.sol', content };
    // when compiled
    const result = compileWithSolcJs([source]);
    // then the error sits on line 5 at `missingValue`, counted as an editor counts
    expect(result.ok).toBe(false);
    const error = result.diagnostics.find((d) => d.severity === 'error');
    const line = content.split('\n')[4];
    expect(error).toMatchObject({
      file: 'Broken.sol',
      line: 5,
      column: line.indexOf('missingValue') + 1,
      errorCode: '7576',
      message: 'DeclarationError: Undeclared identifier.',
    });
    expect(error?.formatted).toContain('Broken.sol:5:');
  }, 30_000);

  it('reports a warning as a warning and still compiles', () => {
    // given a contract with an unused local variable
    const content = `${header}contract Warns {\n    function f() external pure returns (uint256) {\n        uint256 unused;\n        return 1;\n    }\n}\n`;
    const result = compileWithSolcJs([{ file: 'Warns.sol', content }]);
    // then it is ok, with a located warning
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', message: 'Unused local variable.', file: 'Warns.sol', line: 5, column: 9 }),
    );
    expect(result.contracts['Warns.sol'].Warns.bytecode).toMatch(/^0x[0-9a-f]+$/);
  }, 30_000);

  it('compiles several files together, with imports between them', () => {
    const lib = { file: 'Roles.sol', content: `${header}library Roles { function admin() internal pure returns (uint8) { return 1; } }\n` };
    const main = { file: 'Main.sol', content: `${header}import "./Roles.sol";\ncontract Main { function a() external pure returns (uint8) { return Roles.admin(); } }\n` };
    const result = compileWithSolcJs([lib, main]);
    expect(result.ok).toBe(true);
    expect(Object.keys(result.contracts).sort()).toEqual(['Main.sol', 'Roles.sol']);
    expect(result.contracts['Roles.sol'].Roles.bytecode).toMatch(/^0x[0-9a-f]+$/);
  }, 30_000);
});

describe('readStandardJsonOutput on unexpected output', () => {
  const meta = { compilerVersion: 'test', settings: DEFAULT_COMPILER_SETTINGS, elapsedMs: 3 };

  it('turns a missing output into an error diagnostic', () => {
    const result = readStandardJsonOutput(undefined, [], meta);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error' });
    expect(result.contracts).toEqual({});
  });

  it('keeps an error without a source location, and prefixes empty bytecode', () => {
    const output = {
      errors: [{ severity: 'error', type: 'JSONError', message: 'bad input', formattedMessage: 'JSONError: bad input' }],
      contracts: { 'I.sol': { I: { abi: [], evm: { bytecode: { object: '' }, deployedBytecode: { object: '' } } } } },
    };
    const result = readStandardJsonOutput(output, [], meta);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      { severity: 'error', message: 'JSONError: bad input', formatted: 'JSONError: bad input' },
    ]);
    expect(result.contracts['I.sol'].I).toEqual({ abi: [], bytecode: '0x', deployedBytecode: '0x' });
    expect(result.elapsedMs).toBe(3);
  });
});
