/**
 * Gas on the diagram: the sample's start and tasks carry gas badges measured by a dry run on a
 * throwaway ledger, the summary gives deployment and per-instance figures over the conforming
 * paths; a change to the process (a field added to a task) is measured again.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';
import { panCanvas, viewOf, zoomCanvasAt } from './support/canvas-view.js';
import { element, entry, select } from './support/modeler-select.js';

const BADGED = ['Start_OrderPlaced', 'Task_ConfirmOrder', 'Task_Produce', 'Task_BookTransport', 'Task_Ship', 'Task_Inspect', 'Task_Rework'];

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
  for (const id of BADGED) {
    await expect(badge(id)).toBeVisible();
    expect(await gasOf(id)).toBeGreaterThan(21_000);
  }
  await expect(badge('Task_Ship')).toHaveText(/^\d+(\.\d)?K gas$/);

  // when the canvas is panned, every badge moves with its element
  const offsets = () =>
    Promise.all(
      BADGED.map(async (id) => {
        await expect(badge(id)).toBeVisible();
        const [b, e] = [(await badge(id).boundingBox())!, (await element(page, id).boundingBox())!];
        return { id, x: e.x, dx: Math.round(b.x - e.x), dy: Math.round(b.y - e.y) };
      }),
    );
  const beforePan = await offsets();
  await panCanvas(page, [{ dx: 0, dy: 120 }, { dx: 150, dy: 0 }, { dx: 150, dy: -60 }]);
  const afterPan = await offsets();
  expect(Math.abs(afterPan[0].x - beforePan[0].x)).toBeGreaterThan(100);
  expect(afterPan.map(({ id, dx, dy }) => ({ id, dx, dy }))).toEqual(beforePan.map(({ id, dx, dy }) => ({ id, dx, dy })));
  // and when zoomed in on a task, its badge still sits on its top edge, over its right part
  const ship = (await element(page, 'Task_Ship').boundingBox())!;
  const scale = (await viewOf(page)).scale;
  await zoomCanvasAt(page, { x: ship.x + ship.width / 2, y: ship.y + ship.height / 2 }, 4);
  expect((await viewOf(page)).scale).toBeGreaterThan(scale * 1.2);
  const [b, e] = [(await badge('Task_Ship').boundingBox())!, (await element(page, 'Task_Ship').boundingBox())!];
  expect(e.width).toBeGreaterThan(ship.width * 1.2);
  await expect(badge('Task_Ship')).toBeVisible();
  const middle = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  expect(middle.y).toBeGreaterThan(e.y - 30);
  expect(middle.y).toBeLessThan(e.y + 10);
  expect(middle.x).toBeGreaterThan(e.x + e.width / 4);
  expect(middle.x).toBeLessThan(e.x + e.width);
  // the canvas fills its panel, also once the properties panel is hidden (the canvas widens)
  const fills = () =>
    page.getByTestId('bpmn-modeler').evaluate((c) => {
      const [outer, svg] = [c.getBoundingClientRect(), c.querySelector('svg')!.getBoundingClientRect()];
      return [svg.width - outer.width, svg.height - outer.height].map(Math.round);
    });
  expect(await fills()).toEqual([0, 0]);
  const canvasWidth = (await page.getByTestId('bpmn-modeler').boundingBox())!.width;
  await page.getByTestId('properties-toggle').click();
  await expect.poll(async () => (await page.getByTestId('bpmn-modeler').boundingBox())!.width).toBeGreaterThan(canvasWidth + 100);
  expect(await fills()).toEqual([0, 0]);
  await page.getByTestId('properties-toggle').click();
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
