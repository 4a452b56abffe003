import { expect, test, type Page } from '@playwright/test';
import type { CompileResult, SourceFile } from '../generators/compile/compile-types.js';

/** The compiler worker's own test page (src/compiler/compiler-harness.html, an extra Vite input). */
const HARNESS = '/src/compiler/compiler-harness.html';

type Harness = {
  fixture: string;
  compile(sources: SourceFile[]): Promise<CompileResult>;
  warmUp(): Promise<{ ok: boolean; compilerVersion?: string; loadMs?: number; error?: string }>;
  status(): string;
};

function compileInPage(page: Page, sources?: SourceFile[]): Promise<CompileResult> {
  return page.evaluate((given) => {
    const harness = (window as unknown as { compilerHarness: Harness }).compilerHarness;
    return harness.compile(given ?? [{ file: 'SupplyOrder.sol', content: harness.fixture }]);
  }, sources);
}

test('compiles Solidity in a worker under the production CSP, with ABI and located diagnostics', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
  const soljsonRequests: string[] = [];
  page.on('request', (request) => request.url().includes('soljson.js') && soljsonRequests.push(request.url()));

  // given the harness page: the worker starts on first use, not when the page opens
  await page.goto(HARNESS);
  await page.waitForFunction(() => 'compilerHarness' in window);
  const status = page.getByTestId('compiler-status');
  await expect(status).toHaveText('idle');
  expect(soljsonRequests).toEqual([]);

  // when warmed up, solc loads once in the worker
  const warm = await page.evaluate(() => (window as unknown as { compilerHarness: Harness }).compilerHarness.warmUp());
  expect(warm).toMatchObject({ ok: true, compilerVersion: expect.stringMatching(/^0\.8\.37\+commit\./) });
  await expect(status).toHaveText('ready');

  // then the ~150-line fixture compiles to an ABI and bytecode, cold and warm
  const cold = await compileInPage(page);
  const again = await compileInPage(page);
  for (const result of [cold, again]) {
    expect(result.ok).toBe(true);
    const artifact = result.contracts['SupplyOrder.sol'].SupplyOrder;
    const names = artifact.abi.map((entry) => (entry as { name?: string }).name);
    expect(names).toEqual(expect.arrayContaining(['placeOrder', 'confirmOrder', 'shipOrder', 'StageChanged']));
    expect(artifact.bytecode).toMatch(/^0x60[0-9a-f]+$/);
  }
  test.info().annotations.push({
    type: 'timing',
    description: `soljson load ${warm.loadMs} ms; compile cold ${cold.elapsedMs} ms, warm ${again.elapsedMs} ms`,
  });

  // and an error after Chinese text is pinned to the right line and column in the page's summary
  const badLine = '    string constant LABEL = unicode"采购订单📦"; uint256 total = missingValue;';
  const source = `// SPDX-License-Identifier: MIT\npragma solidity ^0.8.24;\n// 中文注释：下一行有错误\ncontract Broken {\n${badLine}\n}\n`;
  await page.getByTestId('compiler-source').fill(source);
  await page.getByTestId('compiler-compile').click();
  const column = badLine.indexOf('missingValue') + 1;
  await expect(page.getByTestId('compiler-result')).toContainText(
    `Contract.sol:5:${column} error DeclarationError: Undeclared identifier.`,
  );
  await expect(page.getByTestId('compiler-result')).toContainText('ok: false');

  expect(soljsonRequests).toHaveLength(1);
  expect(problems).toEqual([]);
});
