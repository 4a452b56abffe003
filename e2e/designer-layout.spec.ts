/**
 * The designer's layout: the modeler gets most of the room, the split between it and the code
 * panel (and the properties panel) can be dragged and is remembered after a reload; the first data
 * field added to a task opens ready to type in.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';
import { dropShape, entry, modeler } from './pages/process-modeler.js';

const widthOf = async (locator: Locator) => (await locator.boundingBox())!.width;

async function drag(page: Page, handle: Locator, dx: number) {
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
}

test.use({ viewport: { width: 1600, height: 1000 } });

test('the modeler has the room; the splits are resizable and remembered', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  const processPanel = page.getByTestId('process-panel');
  const codePanel = page.getByTestId('code-panel');
  const canvas = page.getByTestId('bpmn-modeler');
  const properties = page.getByTestId('properties-panel');
  // by default the canvas has room for a new pool (600 px at 100 %) beside the palette
  expect(await widthOf(canvas)).toBeGreaterThan(760);
  expect(await widthOf(canvas)).toBeGreaterThan(await widthOf(codePanel));

  // when the user drags the split 200 px to the right, the code panel narrows by as much
  const codeBefore = await widthOf(codePanel);
  await drag(page, page.getByTestId('code-splitter'), 200);
  await expect.poll(() => widthOf(codePanel)).toBeLessThan(codeBefore - 150);
  // and the properties panel 100 px to the left, it widens
  const propertiesBefore = await widthOf(properties);
  await drag(page, page.getByTestId('properties-splitter'), -100);
  await expect.poll(() => widthOf(properties)).toBeGreaterThan(propertiesBefore + 60);
  // the keyboard moves a focused split too
  const splitter = page.getByTestId('code-splitter');
  const value = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(value + 2));
  const code = await widthOf(codePanel);
  const props = await widthOf(properties);

  // then after a reload both sizes are back
  await page.reload();
  await studio.unlock();
  await expect(processPanel).toBeVisible();
  await expect.poll(() => widthOf(codePanel)).toBeCloseTo(code, -1);
  await expect.poll(() => widthOf(properties)).toBeCloseTo(props, -1);
});

test('the first data field added to a new task opens, ready to type its name', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  // given a new task dropped on a free spot of the Carrier lane
  const spot = await modeler(page).evaluate((root) => {
    const lane = root.querySelector('g.djs-element[data-element-id="Lane_Carrier"]')!.getBoundingClientRect();
    for (let f = 0.95; f > 0.1; f -= 0.05) {
      const x = lane.x + lane.width * f;
      const y = lane.y + lane.height / 2;
      // nothing but the lane or the pool (or bare canvas) around the point
      const owner = (px: number, py: number) => document.elementFromPoint(px, py)?.closest('.djs-element')?.getAttribute('data-element-id') ?? '';
      const free = [-40, 0, 40].every((dx) => [-25, 0, 25].every((dy) => /^(Lane_|Pool_|$)/.test(owner(x + dx, y + dy))));
      if (free) return { x, y };
    }
    return undefined;
  });
  if (!spot) throw new Error('no free spot in the Carrier lane');
  const task = await dropShape(page, 'create.task', spot);
  const fields = page.locator('[data-testid="properties-panel"] [data-group-id="group-cf-fields"]');
  await expect(fields.locator('.bio-properties-panel-list-badge')).toHaveCount(0);
  // when a field is added, then its entries show at once
  await fields.locator('.bio-properties-panel-add-entry').click();
  const name = entry(page, `${task}-cf-field-0-name`).locator('input');
  await expect(name).toBeVisible();
  await name.fill('reason');
  await expect(fields.locator('.bio-properties-panel-list-badge')).toHaveText('1');
});
