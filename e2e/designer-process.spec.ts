/**
 * The process designer's properties panel and live validation: a field added to a task, a FEEL
 * condition using it (type error first, then fixed), a lint problem appearing on the canvas and
 * in the Problems list and going away with undo (and back with redo), then the changed process
 * deployed and completed in the App panel, and the change still there after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

const PROCESS = 'order-fulfilment';

const element = (page: Page, id: string) => page.locator(`[data-testid="bpmn-modeler"] g.djs-element[data-element-id="${id}"]`);
const entry = (page: Page, id: string) => page.locator(`[data-testid="properties-panel"] [data-entry-id="${id}"]`);

async function select(page: Page, id: string) {
  // a connection is clicked on the middle of its first segment (its box's centre may be off the line)
  const point = await element(page, id).evaluate((g) => {
    if (!g.classList.contains('djs-connection')) return undefined;
    const path = g.querySelector('.djs-visual path') as SVGPathElement;
    const p = path.getPointAtLength(path.getTotalLength() / 2).matrixTransform(path.getScreenCTM()!);
    return { x: p.x, y: p.y };
  });
  if (point) await page.mouse.click(point.x, point.y);
  else await element(page, id).locator('.djs-hit').first().click({ force: true });
  await expect(page.locator('[data-testid="properties-panel"] .bio-properties-panel-header-label')).toBeVisible();
}

/** Undo/redo are the modeler's keyboard shortcuts: the canvas must have focus, not an input. */
async function canvasKey(page: Page, key: string) {
  await page.locator('[data-testid="bpmn-modeler"] .djs-container').focus();
  await page.keyboard.press(key);
}

// FIXME(designer): the save failure after adding a field is fixed (a diagram.clear listener returned a
// value, which stops the event in diagram-js). What remains: selecting "Flow_Ok" by clicking its
// path misses (after fit, the flow lies under the open properties panel at the right edge), so the
// spec stops there; scroll the flow into view (or select it through the Problems list) and finish it.
test.fixme('fields, conditions and lint in the properties panel; the changed process runs', async ({ page }) => {
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
  await studio.waitForBuild();
  await expect(page.locator('[data-testid="problem-row"][data-severity="error"]')).toHaveCount(0);

  // when the changed design is deployed and run to the end
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
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
  await expect(element(page, 'Flow_Ok')).toBeVisible({ timeout: 30_000 });
  await select(page, 'Flow_Ok');
  await expect(entry(page, 'cf-condition').locator('input')).toHaveValue('defects <= 2 and score >= 3');
  await select(page, 'Task_Inspect');
  await expect(entry(page, 'Task_Inspect-cf-field-1-name').locator('input')).toHaveValue('score');
});
