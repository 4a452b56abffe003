/**
 * Exports for developers from the IDE: the sources bundle (for explorer verification) and the
 * Hardhat 3 project arrive as zips whose files are the ones the CLI export writes (that the Hardhat
 * project passes `npx hardhat test` is src/cli/export-hardhat.test.ts).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { StudioPage } from './pages/studio-page.js';

async function download(page: Page, testId: string): Promise<{ name: string; files: Record<string, string> }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const zip = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
  return { name: file.suggestedFilename(), files: Object.fromEntries(Object.entries(zip).map(([p, b]) => [p, strFromU8(b)])) };
}

test('the current design is exported as sources with standard JSON, and as a Hardhat 3 project', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await page.getByTestId('nav-deploy').click();

  // when the sources are exported
  const sources = await download(page, 'export-sources');
  // then the zip holds each contract's source, ABI, bytecode and the exact solc input
  expect(sources.name).toBe('Order-fulfilment-sources.zip');
  const paths = Object.keys(sources.files).map((p) => p.replace(/^Order-fulfilment-sources\//, ''));
  for (const p of ['OrderFulfilment.sol', 'ConsortiumRegistry.sol', 'OrderFulfilment.abi.json', 'OrderFulfilment.bin', 'standard-json-input.json', 'manifest.json']) expect(paths).toContain(p);
  const input = JSON.parse(sources.files['Order-fulfilment-sources/standard-json-input.json']);
  expect(input.language).toBe('Solidity');
  expect(input.settings.evmVersion).toBe('cancun');
  expect(Object.values(input.sources as Record<string, { content: string }>).map((s) => s.content)).toContain(sources.files['Order-fulfilment-sources/OrderFulfilment.sol']);
  await expect(page.getByTestId('developer-export-status')).toHaveAttribute('data-status', 'done');

  // when the Hardhat project is exported
  const hardhat = await download(page, 'export-hardhat');
  // then it is a project with a lock file, config, contracts, an Ignition module and generated tests
  const root = 'Order-fulfilment-hardhat/';
  const files = Object.keys(hardhat.files).map((p) => p.slice(root.length));
  for (const p of ['package.json', 'package-lock.json', 'hardhat.config.ts', 'contracts/OrderFulfilment.sol', 'README.md']) expect(files).toContain(p);
  expect(files.some((p) => p.startsWith('ignition/modules/'))).toBe(true);
  expect(files.some((p) => p.startsWith('test/') && p.endsWith('.ts'))).toBe(true);
  expect(JSON.parse(hardhat.files[`${root}package.json`]).devDependencies.hardhat).toMatch(/^3\./);
  expect(hardhat.files[`${root}contracts/OrderFulfilment.sol`]).toBe(sources.files['Order-fulfilment-sources/OrderFulfilment.sol']);
});
