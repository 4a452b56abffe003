/**
 * The explorer after a deploy and a task: the transactions are told in words with the
 * participants' names, and a search by instance finds them.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

const PROCESS = 'order-fulfilment';

test('the explorer tells the transactions in words and finds them by instance', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await studio.deploy();
  await studio.actAs('wang-fang');
  await studio.submit(`start-form-${PROCESS}`, { item: '齿轮箱壳体 gearbox housing', quantity: '120' });
  await studio.actAs('zhang-wei');
  await studio.completeTask('Task_ConfirmOrder', { unitPrice: '45000' }, 'Accept');

  // when the explorer opens
  await page.getByTestId('nav-explorer').click();
  const latest = page.getByTestId('explorer-latest');
  // then the latest transactions are told in words
  await expect(latest.getByTestId('explorer-tx').first()).toContainText(
    /Sales 张伟 Zhang Wei completed 'Confirm order' \(Accept\) on Order fulfilment #1, gas [\d,]+/,
    { timeout: 30_000 },
  );
  await expect(latest).toContainText(/Buyer 王芳 Wang Fang started Order fulfilment #1, gas [\d,]+/);
  await expect(latest).toContainText('Consortium operator deployed the consortium registry');
  await expect(page.getByTestId('explorer-block-row').first()).toBeVisible();
  await expect(page.getByTestId('explorer-account-row').filter({ hasText: '李伟 Li Wei' })).toHaveCount(1);

  // and a later task shows up first
  await studio.actAs('li-wei');
  await studio.completeTask('Task_BookTransport', { pickupDate: '2026-12-01T09:30' });
  await page.getByTestId('nav-explorer').click();
  await expect(latest.getByTestId('explorer-tx').first()).toContainText("Carrier 李伟 Li Wei completed 'Book transport'", { timeout: 30_000 });

  // when searching by instance, the instance's transactions are found in order
  await page.getByTestId('explorer-search').fill('order-fulfilment #1');
  await page.getByTestId('explorer-search-submit').click();
  const results = page.getByTestId('explorer-results');
  await expect(results).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(results.getByTestId('explorer-tx')).toHaveCount(3);
  await expect(results.getByTestId('explorer-tx').nth(0)).toContainText('started Order fulfilment #1');
  await expect(results.getByTestId('explorer-tx').nth(2)).toContainText("completed 'Book transport' on Order fulfilment #1");

  // and "#2" finds nothing yet; a transaction hash finds its transaction
  await page.getByTestId('explorer-search').fill('#2');
  await page.getByTestId('explorer-search-submit').click();
  await expect(page.getByTestId('explorer-no-results')).toContainText('Nothing found');
  const hash = await latest.getByTestId('explorer-tx').first().getAttribute('data-hash');
  await page.getByTestId('explorer-search').fill(hash!);
  await page.getByTestId('explorer-search-submit').click();
  await expect(results).toHaveAttribute('data-kind', 'tx', { timeout: 30_000 });
  await expect(results.getByTestId('explorer-tx')).toContainText("completed 'Book transport'");
});
