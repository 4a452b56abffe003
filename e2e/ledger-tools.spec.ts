/**
 * The bundled ledger's tools as a user relies on them: export the chain, take a snapshot, try a
 * step and revert it (the step is gone from the instance), reset, import the exported file (the
 * first step's instance is back), and a file with one changed byte refused with the reason while
 * the chain stays as it is.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

const PROCESS = 'order-fulfilment';

const blockNumber = async (page: Page) => Number(await page.getByTestId('ledger-block-number').textContent());

test('export, snapshot, revert, reset and import the bundled chain', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const studio = new StudioPage(page);
  const message = page.getByTestId('ledger-tools-message');

  // given the sample deployed and one order started by the buyer
  await studio.open();
  await studio.waitForBuild();
  await studio.deploy();
  await studio.actAs('wang-fang');
  await studio.submit(`start-form-${PROCESS}`, {
    item: '齿轮箱壳体 gearbox housing',
    quantity: '120',
  });
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'running');

  // when the chain is exported
  await page.getByTestId('nav-deploy').click();
  await expect(page.getByTestId('ledger-storage')).toContainText(/Storage: .+ of .+/);
  const exportedAt = await blockNumber(page);
  expect(exportedAt).toBeGreaterThan(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('ledger-export').click();
  const file = await download;
  // then the file is named for the chain and its height, and ends with its checksum
  expect(file.suggestedFilename()).toBe(`chainflow-ledger-chain1337-block${exportedAt}.ndjson`);
  const exported = await readFile((await file.path())!, 'utf8');
  expect(exported).toMatch(/"sha256":"0x[0-9a-f]{64}"}\n$/);
  await expect(message).toHaveAttribute('data-status', 'ok');

  // when a snapshot is taken and the seller then accepts the order
  await page.getByTestId('ledger-snapshot-name').fill('下单后 after order');
  await page.getByTestId('ledger-snapshot').click();
  await expect(page.getByTestId('ledger-snapshot-item')).toHaveAttribute('data-block', String(exportedAt));
  await studio.actAs('zhang-wei');
  await studio.completeTask('Task_ConfirmOrder', { unitPrice: '45000' }, 'Accept');

  // and the chain is reverted to the snapshot, after a confirmation that names the lost blocks
  await page.getByTestId('nav-deploy').click();
  const head = await blockNumber(page);
  expect(head).toBeGreaterThan(exportedAt);
  await page.getByTestId('ledger-revert').click();
  await expect(page.getByTestId('ledger-revert-confirmation')).toContainText(`Blocks ${exportedAt + 1} to ${head} are deleted`);
  await page.getByTestId('ledger-revert-confirm').click();
  await expect(message).toHaveAttribute('data-status', 'ok', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('ledger-block-number')).toHaveText(String(exportedAt));
  await expect(page.getByTestId('ledger-snapshot-item')).toHaveCount(0); // used up, as in Hardhat

  // then the seller's step is gone: the order waits for confirmation again
  await studio.actAs('zhang-wei');
  await expect(studio.workItem('Task_ConfirmOrder')).toBeVisible({
    timeout: 30_000,
  });

  // when a second snapshot is taken and the page reloaded, the reverted chain is what was stored,
  // and the snapshot (stored with the chain) is still there
  await page.getByTestId('nav-deploy').click();
  await page.getByTestId('ledger-snapshot').click();
  await expect(page.getByTestId('ledger-snapshot-item')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('studio')).toBeVisible({ timeout: 30_000 });
  await studio.unlock(); // keys are locked after a reload
  await page.getByTestId('nav-deploy').click();
  await expect(page.getByTestId('ledger-block-number')).toHaveText(String(exportedAt), { timeout: 30_000 });
  await expect(page.getByTestId('ledger-snapshot-item')).toHaveCount(1);
  await expect(page.getByTestId('ledger-snapshot-item')).toHaveAttribute('data-block', String(exportedAt));

  // when the ledger is reset, the deployment and its instance are gone
  await page.getByTestId('nav-deploy').click();
  await page.getByTestId('ledger-reset').click();
  await page.getByTestId('ledger-reset-confirm').click();
  await expect(page.getByTestId('deploy-missing')).toBeVisible({
    timeout: 30_000,
  });

  // and the exported file is imported, after a confirmation
  await page.getByTestId('ledger-import-file').setInputFiles({
    name: file.suggestedFilename(),
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(exported),
  });
  await expect(page.getByTestId('ledger-import-confirmation')).toContainText(`${exportedAt} blocks`);
  await page.getByTestId('ledger-import-confirm').click();
  await expect(message).toHaveAttribute('data-status', 'ok', {
    timeout: 60_000,
  });
  await expect(message).toContainText(`block ${exportedAt}`);
  await expect(page.getByTestId('deploy-missing')).toHaveCount(0);
  await expect(page.getByTestId('ledger-block-number')).toHaveText(String(exportedAt));

  // then the first step's instance is back, still waiting for the seller
  await studio.actAs('zhang-wei');
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await expect(studio.workItem('Task_ConfirmOrder')).toBeVisible({
    timeout: 30_000,
  });

  // when a copy with one changed byte is imported
  await page.getByTestId('nav-deploy').click();
  const at = exported.indexOf('"transactions":["0x') + 20;
  const damaged = exported.slice(0, at) + (exported[at] === 'a' ? 'b' : 'a') + exported.slice(at + 1);
  await page.getByTestId('ledger-import-file').setInputFiles({
    name: 'damaged.ndjson',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(damaged),
  });
  await page.getByTestId('ledger-import-confirm').click();

  // then it is refused with the reason, and the chain stays as it was
  await expect(message).toHaveAttribute('data-status', 'error', {
    timeout: 60_000,
  });
  await expect(message).toContainText('damaged.ndjson was not imported, the current chain is unchanged: checksum mismatch');
  await expect(page.getByTestId('ledger-block-number')).toHaveText(String(exportedAt));
  await studio.actAs('zhang-wei');
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'running', { timeout: 30_000 });

  // when blocks are mined every 2 s, the seller's step waits for the next block and is mined
  await page.getByTestId('nav-deploy').click();
  await page.getByTestId('ledger-interval-seconds').fill('2');
  await page.getByTestId('ledger-interval-apply').click();
  await expect(page.getByTestId('ledger-mining')).toHaveAttribute('data-interval-ms', '2000');
  await expect(page.getByTestId('ledger-mining')).toContainText('a block every 2 s');
  await studio.actAs('zhang-wei');
  await studio.completeTask('Task_ConfirmOrder', { unitPrice: '45000' }, 'Accept');
  await page.getByTestId('nav-deploy').click();
  await expect(page.getByTestId('ledger-block-number')).toHaveText(String(exportedAt + 1));
  await page.getByTestId('ledger-automine').click();
  await expect(page.getByTestId('ledger-mining')).toHaveAttribute('data-interval-ms', '0');
  expect(errors).toEqual([]);
});
