/**
 * Selecting a BPMN element in the modeler as a user does (click it, zooming in until it can be
 * clicked) and reaching properties-panel entries. Shared by the designer specs.
 */
import { expect, type Page } from '@playwright/test';

export const element = (page: Page, id: string) => page.locator(`[data-testid="bpmn-modeler"] g.djs-element[data-element-id="${id}"]`);
export const entry = (page: Page, id: string) => page.locator(`[data-testid="properties-panel"] [data-entry-id="${id}"]`);

export const canvas = (page: Page) => page.locator('[data-testid="bpmn-modeler"] .djs-container');
const scaleOf = (page: Page) =>
  canvas(page).locator('svg > .viewport').evaluate((v: SVGGElement) => v.transform.baseVal.consolidate()?.matrix.a ?? 1);

/**
 * Points of the element in screen pixels, best first: the centre of a shape; points along a flow's
 * line from its middle out (a flow's box centre may be off the line, and its box may be empty).
 * With `clickable`, only points where a click reaches the element (or its label) and nothing else:
 * on the fitted diagram a flow's label lies over its line and the context pad of the last
 * selection covers its neighbours.
 */
function pointsOf(page: Page, id: string, clickable: boolean) {
  return element(page, id).evaluate(
    (g, { id, clickable }) => {
      const reaches = (x: number, y: number) => {
        const owner = document.elementFromPoint(x, y)?.closest('.djs-element')?.getAttribute('data-element-id');
        return owner === id || owner === `${id}_label`;
      };
      const candidates: { x: number; y: number }[] = [];
      const line = g.querySelector<SVGGeometryElement>(':scope > .djs-hit');
      if (g.classList.contains('djs-connection') && line) {
        const length = line.getTotalLength();
        for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
          const p = line.getPointAtLength(length * f).matrixTransform(line.getScreenCTM()!);
          candidates.push({ x: p.x, y: p.y });
        }
      } else {
        const r = g.getBoundingClientRect();
        candidates.push({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
      }
      return clickable ? candidates.filter((p) => reaches(p.x, p.y)) : candidates;
    },
    { id, clickable },
  );
}

/** Clicks empty canvas (no element under the pointer), which clears the selection and its context pad. */
export async function clickEmptyCanvas(page: Page) {
  const point = await canvas(page).evaluate((container) => {
    const r = container.getBoundingClientRect();
    for (const [fx, fy] of [[0.97, 0.04], [0.97, 0.96], [0.5, 0.04], [0.5, 0.96], [0.97, 0.5]]) {
      const x = r.x + r.width * fx;
      const y = r.y + r.height * fy;
      const hit = document.elementFromPoint(x, y);
      if (hit && hit.matches('.djs-container > svg')) return { x, y };
    }
    return undefined;
  });
  if (!point) throw new Error('no empty spot on the canvas to click');
  await page.mouse.click(point.x, point.y);
}

/** Ctrl+wheel at the pointer, as a user zooms: positive steps zoom in. */
async function wheelZoom(page: Page, steps: number) {
  await page.keyboard.down('Control');
  for (let i = 0; i < Math.abs(steps); i++) await page.mouse.wheel(0, steps > 0 ? -100 : 100);
  await page.keyboard.up('Control');
}

/**
 * Selects an element the way a user does on a small fitted diagram: clear the selection, zoom in
 * on the element with Ctrl+wheel, click a visible part of it, then zoom back out. The properties
 * panel must then show it (a flow's label selects its flow there).
 */
export async function select(page: Page, id: string) {
  await expect(element(page, id)).toHaveCount(1);
  await clickEmptyCanvas(page);
  const [centre] = await pointsOf(page, id, false);
  await page.mouse.move(centre.x, centre.y);
  let steps = 0;
  while ((await scaleOf(page)) < 0.95 && steps < 30) {
    await wheelZoom(page, 1);
    steps++;
  }
  const [point] = await pointsOf(page, id, true);
  if (!point) throw new Error(`${id}: no point of it can be clicked (covered or outside the canvas)`);
  await page.mouse.click(point.x, point.y);
  await expect(canvas(page).locator(`.djs-element.selected`)).toHaveAttribute('data-element-id', new RegExp(`^${id}(_label)?$`));
  await wheelZoom(page, -steps);
  await expect(page.locator('[data-testid="properties-panel"] .bio-properties-panel-header-label')).toBeVisible();
}
