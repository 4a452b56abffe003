/**
 * Moving the modeler's view as a user does: the wheel pans, Ctrl + wheel zooms at the pointer.
 * bpmn-js listens to the wheel only while the pointer is over its canvas. Ctrl + wheel goes
 * through the DevTools protocol: Playwright's wheel does not carry the Ctrl modifier.
 */
import type { Page } from '@playwright/test';
import { canvas } from './modeler-select.js';

/** The view's transform (scale and translation) as the canvas's viewport carries it. */
export const viewOf = (page: Page) =>
  canvas(page)
    .locator('svg > .viewport')
    .evaluate((v: SVGGElement) => {
      const m = v.transform.baseVal.consolidate()?.matrix;
      return { scale: m?.a ?? 1, x: m?.e ?? 0, y: m?.f ?? 0 };
    });

/**
 * A point of the canvas where the pointer is over the diagram's <svg> itself, nearest the middle:
 * bpmn-js turns the wheel on when the svg hears a mouseover, which a badge, the palette or a
 * button over the canvas would take instead.
 */
function pointOverDiagram(page: Page) {
  return canvas(page).evaluate((container) => {
    const svg = container.querySelector(':scope > svg')!;
    const box = container.getBoundingClientRect();
    const points: { x: number; y: number }[] = [];
    for (let fy = 0.5; fy > 0.05; fy -= 0.1) for (const fx of [0.5, 0.6, 0.4, 0.7, 0.3, 0.8]) points.push({ x: box.x + box.width * fx, y: box.y + box.height * fy });
    const over = points.find((p) => {
      const hit = document.elementFromPoint(p.x, p.y);
      return hit !== null && svg.contains(hit);
    });
    if (!over) throw new Error('no point of the canvas shows the diagram (all covered)');
    return { x: Math.round(over.x), y: Math.round(over.y) };
  });
}

const transformOf = (page: Page) => canvas(page).locator('svg > .viewport').getAttribute('transform');

/**
 * Waits until the view's transform changed from `before` and then stays put for a few frames: the
 * wheel reaches the page after Playwright's call returned, and the last step may still be coming.
 */
async function viewSettled(page: Page, before: string | null): Promise<void> {
  let last = before;
  let still = 0;
  for (let i = 0; i < 100 && (last === before || still < 3); i++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20))));
    const now = await transformOf(page);
    still = now === last ? still + 1 : 0;
    last = now;
  }
  if (last === before) throw new Error('the canvas view did not change after the wheel (was the pointer over the diagram?)');
}

/** Pans by wheel steps with the pointer over the diagram; resolves once the view moved and settled. */
export async function panCanvas(page: Page, steps: { dx: number; dy: number }[]): Promise<void> {
  const at = await pointOverDiagram(page);
  await page.mouse.move(at.x - 10, at.y);
  await page.mouse.move(at.x, at.y);
  const before = await transformOf(page);
  for (const { dx, dy } of steps) await page.mouse.wheel(dx, dy);
  await viewSettled(page, before);
}

/** Zooms in (negative `notches`: out) with Ctrl + wheel at a point of the page. */
export async function zoomCanvasAt(page: Page, at: { x: number; y: number }, notches: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await page.mouse.move(at.x - 10, at.y);
  await page.mouse.move(at.x, at.y);
  const before = await transformOf(page);
  for (let i = 0; i < Math.abs(notches); i++) {
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: at.x, y: at.y, deltaX: 0, deltaY: notches > 0 ? -120 : 120, modifiers: 2 });
  }
  await cdp.detach();
  await viewSettled(page, before);
}
