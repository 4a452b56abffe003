/**
 * Code <-> diagram: selecting a task in the modeler shows and highlights its generated function in
 * the Code panel; clicking in another generated function selects that function's task in the
 * modeler (and the highlight follows).
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';
import { canvas, select } from './support/modeler-select.js';

test('a selected task reveals its function; a click in a function selects its task', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  const code = page.getByTestId('code-editor');
  // the registry's file is in front at first
  await page.getByTestId('code-tab-ConsortiumRegistry.sol').click();
  await expect(code).toHaveAttribute('data-file', 'ConsortiumRegistry.sol');

  // when the user selects "Ship goods" in the modeler
  await select(page, 'Task_Ship');
  // then the process's contract is shown with the function of the task highlighted and in view
  await expect(code).toHaveAttribute('data-file', 'OrderFulfilment.sol');
  await expect(code).toHaveAttribute('data-highlighted-element', 'Task_Ship');
  await expect(code.locator('.view-lines')).toContainText('function shipGoods(');
  await expect(code.locator('.cf-element-line').first()).toBeVisible();
  const [start, end] = (await code.getAttribute('data-highlighted-lines'))!.split('-').map(Number);
  expect(end).toBeGreaterThan(start);

  // when the user clicks in the code of the next function, "inspectDelivery"
  // (Monaco renders only the lines in view, with non-breaking spaces: scroll down to it)
  const line = code.locator('.view-line').filter({ hasText: /function\s+inspectDelivery\(/ });
  for (let i = 0; i < 20 && (await line.count()) === 0; i++) {
    await code.hover();
    await page.mouse.wheel(0, 120);
  }
  await expect(line).toBeVisible();
  await line.click();
  // then its task is selected in the modeler, and the highlight moves to it
  await expect(canvas(page).locator('.djs-element.selected')).toHaveAttribute('data-element-id', 'Task_Inspect');
  await expect(page.locator('[data-testid="properties-panel"] .bio-properties-panel-header-label')).toContainText('Inspect delivery');
  await expect(code).toHaveAttribute('data-highlighted-element', 'Task_Inspect');

  // when an element without a function (an end event) is selected, then nothing is highlighted
  await select(page, 'End_Fulfilled');
  await expect(code).not.toHaveAttribute('data-highlighted-element', /.+/);
  await expect(code.locator('.cf-element-line')).toHaveCount(0);

  // a tab the user picks while a task is selected stays in front (and shows no highlight)
  await select(page, 'Task_Ship');
  await expect(code).toHaveAttribute('data-highlighted-element', 'Task_Ship');
  await page.getByTestId('code-tab-ConsortiumRegistry.sol').click();
  await expect(code).toHaveAttribute('data-file', 'ConsortiumRegistry.sol');
  await expect(code).not.toHaveAttribute('data-highlighted-element', /.+/);
  await page.waitForTimeout(500);
  await expect(code).toHaveAttribute('data-file', 'ConsortiumRegistry.sol');
});
