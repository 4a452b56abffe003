/**
 * Gas on the diagram: the sample's start and tasks carry gas badges measured by a dry run on a
 * throwaway ledger, the summary gives deployment and per-instance figures over the conforming
 * paths; a change to the process (a field added to a task) is measured again.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';
import { entry, select } from './support/modeler-select.js';

test('gas badges on the sample, updated after a change to the process', async ({ page }) => {
  test.setTimeout(150_000);
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  const summary = page.getByTestId('gas-summary');
  const badge = (id: string) => page.getByTestId(`gas-badge-${id}`);
  const gasOf = async (id: string) => Number(await badge(id).getAttribute('data-gas'));

  // then the start and every task carry a badge with a figure, and the summary its totals
  await expect(summary).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
  for (const id of ['Start_OrderPlaced', 'Task_ConfirmOrder', 'Task_Produce', 'Task_BookTransport', 'Task_Ship', 'Task_Inspect', 'Task_Rework']) {
    await expect(badge(id)).toBeVisible();
    expect(await gasOf(id)).toBeGreaterThan(21_000);
  }
  await expect(badge('Task_Ship')).toHaveText(/^\d+(\.\d)?K gas$/);
  await expect(page.getByTestId('gas-age')).toBeVisible();
  expect(Number(await page.getByTestId('gas-deploy').getAttribute('data-gas'))).toBeGreaterThan(500_000);
  const perInstance = Number(await page.getByTestId('gas-per-instance').getAttribute('data-median'));
  expect(perInstance).toBeGreaterThan(await gasOf('Start_OrderPlaced'));
  await page.getByTestId('gas-paths-toggle').click();
  await expect(page.getByTestId('gas-path-row').first()).toContainText('Order placed → Confirm order');
  const before = await gasOf('Task_Inspect');

  // when a required field is added to "Inspect delivery"
  await select(page, 'Task_Inspect');
  const fields = page.locator('[data-testid="properties-panel"] [data-group-id="group-cf-fields"]');
  await fields.locator('.bio-properties-panel-add-entry').click();
  const name = entry(page, 'Task_Inspect-cf-field-1-name').locator('input');
  await expect(name).toBeVisible();
  await name.fill('score');
  await entry(page, 'Task_Inspect-cf-field-1-type').locator('select').selectOption('uint');
  await entry(page, 'Task_Inspect-cf-field-1-required').locator('input').check();

  // then the task is measured again, costing more (its calldata and event carry the field)
  await expect.poll(() => gasOf('Task_Inspect'), { timeout: 60_000 }).toBeGreaterThan(before);
  await expect(summary).toHaveAttribute('data-status', 'ok');
});
