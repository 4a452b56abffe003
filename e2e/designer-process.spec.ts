/**
 * The process designer's properties panel and live validation: a field added to a task, a FEEL
 * condition using it (type error first, then fixed), a lint problem appearing on the canvas and
 * in the Problems list and going away with undo (and back with redo), then the changed process
 * deployed and completed in the App panel, and the change still there after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';
import { panCanvas, zoomCanvasAt } from './support/canvas-view.js';
import { canvas, clickEmptyCanvas, element, entry, select } from './support/modeler-select.js';

const PROCESS = 'order-fulfilment';

/** Undo/redo are the modeler's keyboard shortcuts: the canvas must have focus (a click on it), not an input. */
async function canvasKey(page: Page, key: string) {
  await clickEmptyCanvas(page);
  await expect(canvas(page).locator(':scope > svg')).toBeFocused();
  await page.keyboard.press(key);
}

/**
 * Waits until an edit made in the modeler is saved and built. The modeler hands its XML over after
 * a short debounce, so right after the edit both indicators still show the previous state: first
 * see either of them move (saving or building), then wait for both to settle.
 */
async function waitForRebuild(page: Page, studio: StudioPage) {
  const saveState = page.getByTestId('save-state');
  const buildStatus = page.getByTestId('build-status');
  await expect
    .poll(async () => (await saveState.getAttribute('data-state')) !== 'saved' || (await buildStatus.getAttribute('data-status')) !== 'ok', {
      intervals: [50],
      timeout: 10_000,
    })
    .toBe(true);
  await studio.waitForBuild();
  await expect(saveState).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
}

test('fields, conditions and lint in the properties panel; the changed process runs', async ({ page }) => {
  // a design edit, a deployment and nine transactions through the UI
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await expect(page.getByTestId('properties-panel')).toBeVisible();

  // when the user selects "Inspect delivery" and adds a field through the properties panel
  await select(page, 'Task_Inspect');
  const fields = page.locator('[data-testid="properties-panel"] [data-group-id="group-cf-fields"]');
  await fields.locator('.bio-properties-panel-add-entry').click();
  const name = entry(page, 'Task_Inspect-cf-field-1-name').locator('input');
  await expect(name).toBeVisible();
  await name.fill('score');
  await entry(page, 'Task_Inspect-cf-field-1-type').locator('select').selectOption('uint');
  await entry(page, 'Task_Inspect-cf-field-1-required').locator('input').check();

  // and writes a condition with a type error on the "ok" flow
  await select(page, 'Flow_Ok');
  const condition = entry(page, 'cf-condition');
  await condition.locator('input').fill('defects <= 2 and score >= "high"');
  // then the error says where, under the field
  await expect(condition.locator('.bio-properties-panel-error')).toContainText('at column 27');
  // when fixed, the error goes
  await condition.locator('input').fill('defects <= 2 and score >= 3');
  await expect(condition.locator('.bio-properties-panel-error')).toHaveCount(0);
  await studio.waitForBuild();

  // when a condition reads a field before anyone wrote it (on "Accept", before the inspection)
  await select(page, 'Flow_Accept');
  await entry(page, 'cf-condition').locator('input').fill('defects > 0');
  // then the lint rule marks the flow on the canvas and lists it under the process file
  await expect(element(page, 'Flow_Accept')).toHaveClass(/cf-problem-error/, { timeout: 10_000 });
  // and keeps it drawn red after the view is panned and zoomed
  const flow = (await element(page, 'Flow_Accept').boundingBox())!;
  await zoomCanvasAt(page, { x: flow.x + flow.width / 2, y: flow.y + flow.height / 2 }, 2);
  await panCanvas(page, [{ dx: 80, dy: 40 }]);
  await expect(element(page, 'Flow_Accept')).toHaveClass(/cf-problem-error/);
  expect(await element(page, 'Flow_Accept').locator('.djs-visual > path').first().evaluate((p) => getComputedStyle(p).stroke)).toBe('rgb(217, 48, 37)');
  const lintRow = page.locator('[data-testid="problem-row"][data-source="lint"][data-element-id="Flow_Accept"]');
  await expect(lintRow).toContainText('field-written-before-read');
  await expect(page.locator('[data-testid="problem-group"]', { has: lintRow })).toHaveAttribute('data-file', /Order fulfilment\.bpmn/);
  // clicking the problem selects the element
  await select(page, 'Task_Ship');
  await lintRow.click();
  await expect(entry(page, 'cf-condition').locator('input')).toHaveValue('defects > 0');

  // undo takes the condition back (and the problem with it); redo brings it again; undo again
  await canvasKey(page, 'ControlOrMeta+z');
  await expect(element(page, 'Flow_Accept')).not.toHaveClass(/cf-problem-error/, { timeout: 10_000 });
  await expect(lintRow).toHaveCount(0);
  await canvasKey(page, 'ControlOrMeta+y');
  await expect(element(page, 'Flow_Accept')).toHaveClass(/cf-problem-error/, { timeout: 10_000 });
  await canvasKey(page, 'ControlOrMeta+z');
  await expect(lintRow).toHaveCount(0);
  await waitForRebuild(page, studio);
  await expect(page.locator('[data-testid="problem-row"][data-severity="error"]')).toHaveCount(0);

  // when the changed design is deployed and run to the end
  await studio.deploy();
  await studio.actAs('wang-fang');
  await studio.submit(`start-form-${PROCESS}`, { item: '轴承 bearing', quantity: '10' });
  await studio.actAs('zhang-wei');
  await studio.completeTask('Task_ConfirmOrder', { unitPrice: '100' }, 'Accept');
  await studio.actAs('li-wei');
  await studio.completeTask('Task_BookTransport', { pickupDate: '2026-12-01T09:30' });
  await studio.actAs('line-3');
  await studio.completeTask('Task_Produce', { batchNo: 'B-1' });
  await studio.actAs('li-wei');
  await studio.completeTask('Task_Ship', { trackingNo: 'SF1' });
  // the inspection now asks for the new field; a low score sends the goods to rework
  await studio.actAs('wang-fang');
  await studio.completeTask('Task_Inspect', { defects: '0', score: '1' });
  await studio.actAs('line-3');
  await studio.completeTask('Task_Rework');
  await studio.actAs('li-wei');
  await studio.completeTask('Task_Ship', { trackingNo: 'SF2' });
  await studio.actAs('wang-fang');
  await studio.completeTask('Task_Inspect', { defects: '0', score: '5' });
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'ended', { timeout: 30_000 });

  // and after a reload the field and the condition are still there
  await page.reload();
  await expect(page.getByTestId('studio')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-process').click().catch(() => undefined);
  await expect(element(page, 'Task_Inspect')).toBeVisible({ timeout: 30_000 });
  await select(page, 'Flow_Ok');
  await expect(entry(page, 'cf-condition').locator('input')).toHaveValue('defects <= 2 and score >= 3');
  await select(page, 'Task_Inspect');
  await expect(entry(page, 'Task_Inspect-cf-field-1-name').locator('input')).toHaveValue('score');
});
