/**
 * Page helpers for the process modeler (bpmn-js) and its properties panel, as a user works it
 * with the mouse: shapes taken from the palette (click the entry, click where the shape goes),
 * flows drawn with the context pad's connect tool, elements selected by clicking them.
 */
import { expect, type Page } from '@playwright/test';

export const modeler = (page: Page) => page.getByTestId('bpmn-modeler');
export const shape = (page: Page, id: string) => modeler(page).locator(`g.djs-element[data-element-id="${id}"]`);
export const entry = (page: Page, id: string) => page.locator(`[data-testid="properties-panel"] [data-entry-id="${id}"]`);
export const selectedIds = (page: Page) =>
  modeler(page)
    .locator('.djs-element.selected')
    .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-element-id')!));

export async function rectOf(page: Page, id: string) {
  return shape(page, id).evaluate((g) => {
    const r = g.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/** Ids of elements whose id starts with `prefix`, top to bottom. */
export async function idsOf(page: Page, prefix: string): Promise<string[]> {
  return modeler(page)
    .locator(`g.djs-element[data-element-id^="${prefix}"]`)
    .evaluateAll((gs) =>
      gs
        .map((g) => ({ id: g.getAttribute('data-element-id')!, y: g.getBoundingClientRect().y }))
        .filter((e) => !e.id.endsWith('_label'))
        .sort((a, b) => a.y - b.y)
        .map((e) => e.id),
    );
}

/**
 * Takes a shape from the bpmn-js palette and places it at a screen point (click the entry, the
 * shape follows the pointer, click where it goes); returns the id of the new, selected shape.
 */
export async function dropShape(page: Page, action: string, at: { x: number; y: number }): Promise<string> {
  const item = (await modeler(page).locator(`.djs-palette [data-action="${action}"]`).boundingBox())!;
  await page.mouse.click(item.x + item.width / 2, item.y + item.height / 2);
  await page.mouse.move(at.x, at.y, { steps: 15 });
  await page.mouse.click(at.x, at.y);
  await expect.poll(() => selectedIds(page)).toHaveLength(1);
  return (await selectedIds(page))[0];
}

/** Scrolls the canvas (wheel, as a user pans) until the shape's left edge is near the palette. */
export async function panTo(page: Page, id: string) {
  const canvas = (await modeler(page).boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  for (let i = 0; i < 20; i++) {
    const off = (await rectOf(page, id)).x - (canvas.x + 110);
    if (Math.abs(off) < 40) return;
    await page.mouse.wheel(Math.sign(off) * Math.min(Math.abs(off), 200), 0);
  }
}

/** Clicks empty canvas (nothing but the canvas under the pointer), which clears the selection. */
export async function clickEmptyCanvas(page: Page) {
  const point = await modeler(page)
    .locator('.djs-container')
    .evaluate((container) => {
      const r = container.getBoundingClientRect();
      for (const [fx, fy] of [
        [0.5, 0.85],
        [0.9, 0.85],
        [0.5, 0.1],
        [0.9, 0.1],
      ]) {
        const x = r.x + r.width * fx;
        const y = r.y + r.height * fy;
        if (document.elementFromPoint(x, y)?.matches('.djs-container > svg')) return { x, y };
      }
      return undefined;
    });
  if (!point) throw new Error('no empty spot on the process canvas to click');
  // diagram-js swallows the first click after some drags end: click until the selection is gone
  for (let i = 0; i < 3 && (await selectedIds(page)).length > 0; i++) {
    await page.mouse.click(point.x, point.y);
    await page.waitForTimeout(100);
  }
}

/** Clicks a shape at a point (fractions of its box) and waits until it is the selection. */
export async function selectShape(page: Page, id: string, at = { x: 0.5, y: 0.5 }) {
  // first empty canvas: the last selection's context pad may cover the shape
  await clickEmptyCanvas(page);
  expect(await selectedIds(page)).toEqual([]);
  const r = await rectOf(page, id);
  await page.mouse.move(r.x + r.width * at.x, r.y + r.height * at.y, { steps: 5 });
  await page.mouse.click(r.x + r.width * at.x, r.y + r.height * at.y);
  await expect.poll(() => selectedIds(page)).toEqual([id]);
}

/** Clicks a point on a flow's line that reaches the flow (not its label or a neighbour). */
export async function selectFlow(page: Page, id: string) {
  await clickEmptyCanvas(page);
  const point = await shape(page, id).evaluate((g, id) => {
    const line = g.querySelector<SVGGeometryElement>(':scope > .djs-hit')!;
    const length = line.getTotalLength();
    for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      const p = line.getPointAtLength(length * f).matrixTransform(line.getScreenCTM()!);
      if (document.elementFromPoint(p.x, p.y)?.closest('.djs-element')?.getAttribute('data-element-id') === id) return { x: p.x, y: p.y };
    }
    return undefined;
  }, id);
  if (!point) throw new Error(`${id}: no point of the flow can be clicked`);
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => selectedIds(page)).toEqual([id]);
}

/** Connects two shapes with the context pad's connect tool; returns the new flow's id (selected). */
export async function connectShapes(page: Page, from: string, to: string): Promise<string> {
  const before = new Set(await idsOf(page, 'Flow_'));
  await selectShape(page, from);
  const tool = (await page.locator(`.djs-context-pad [data-action="connect"]`).boundingBox())!;
  const target = await rectOf(page, to);
  // click the tool, the flow follows the pointer, click the target (a drag would leave diagram-js
  // waiting to swallow the next click)
  await page.mouse.click(tool.x + tool.width / 2, tool.y + tool.height / 2);
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 15 });
  await page.mouse.click(target.x + target.width / 2, target.y + target.height / 2);
  let made: string[] = [];
  await expect.poll(async () => (made = (await idsOf(page, 'Flow_')).filter((id) => !before.has(id))).length).toBe(1);
  return made[0];
}

/** Types into the properties panel's Name of the selected element. */
export async function nameSelected(page: Page, name: string) {
  const field = entry(page, 'name').locator('textarea, input').first();
  await field.fill(name);
  await expect(field).toHaveValue(name);
}

/** Appends a shape to the selected one with the context pad; returns the new shape's id (selected). */
export async function append(page: Page, from: string, action: string): Promise<string> {
  await selectShape(page, from);
  await page.locator(`.djs-context-pad [data-action="${action}"]`).click();
  await expect.poll(async () => (await selectedIds(page)).filter((id) => id !== from)).toHaveLength(1);
  return (await selectedIds(page))[0];
}

/** Opens the replace menu of a shape and clicks an entry (a type, or a header toggle such as multi-instance). */
export async function replaceMenu(page: Page, id: string, entryId: string): Promise<string> {
  await selectShape(page, id);
  await page.locator('.djs-context-pad [data-action="replace"]').click();
  await page.locator(`.djs-popup [data-id="${entryId}"]`).click();
  await expect.poll(() => selectedIds(page)).toHaveLength(1);
  return (await selectedIds(page))[0];
}

/** Adds a process from the Process panel's tabs; resolves once it is shown with its one start event. */
export async function addProcess(page: Page, name: string, tabId: string) {
  await page.getByTestId('process-add').click();
  await page.getByTestId('process-name-input').fill(name);
  await page.getByTestId('process-name-submit').click();
  await expect(page.getByTestId(`process-tab-${tabId}`)).toHaveAttribute('aria-selected', 'true');
  await expect(modeler(page).locator('g.djs-element[data-element-id="StartEvent_1"]')).toBeVisible();
}
