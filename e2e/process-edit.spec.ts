/**
 * Editing the process in bpmn-js regenerates the contract: a task renamed to a Chinese name shows
 * up in the Solidity as a pinyin identifier and the display name as an escaped unicode literal.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

test('renaming a task in the modeler updates the generated Solidity', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();

  // when the user renames "Rework goods" on the canvas
  const task = page.locator('[data-testid="bpmn-modeler"] g.djs-element[data-element-id="Task_Rework"]');
  await task.dblclick();
  const editor = page.locator('.djs-direct-editing-parent');
  await expect(editor).toBeVisible();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('返工 Rework');
  await page.locator('[data-testid="bpmn-modeler"] .djs-container').click({ position: { x: 20, y: 20 } });

  // then the design rebuilds and the contract has a function named after the new name
  await expect(page.getByTestId('build-status')).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
  await page.getByTestId('code-tab-OrderFulfilment.sol').click();
  const code = page.getByTestId('code-editor');
  // Monaco renders only the visible lines: find the function the way a reader would (Ctrl+F)
  const lines = code.locator('.view-lines');
  await code.locator('textarea').first().focus();
  await page.keyboard.press('ControlOrMeta+f');
  const find = code.locator('.find-widget .find-part textarea');
  await expect(find).toBeVisible();
  await find.fill('function fanGongRework');
  await expect(code.locator('.find-widget .matchesCount')).toContainText('of 1');
  await find.press('Enter');
  await expect(lines).toContainText('function fanGongRework(uint256 instanceId) external');
  // the revert names the task (its texts sit in one table; the call site says which in a comment)
  await expect(lines).toContainText('TaskNotEnabled(instanceId, "返工 Rework")');

  // and the new name survives a reload
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await page.reload();
  await expect(page.locator('g.djs-element[data-element-id="Task_Rework"]')).toContainText('返工', { timeout: 30_000 });
});
