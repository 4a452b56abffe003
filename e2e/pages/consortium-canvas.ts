/**
 * Page helpers for the consortium canvas (React Flow): what a user does there with the mouse,
 * dragging from the palette and drawing links between handles.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const consortium = (page: Page) => page.getByTestId('consortium-canvas');
export const cnNode = (page: Page, key: string) => consortium(page).getByTestId(`cn-node-${key}`);
export const cnEdge = (page: Page, id: string) => consortium(page).getByTestId(`rf__edge-${id}`);
/** "participant:person-1" -> "person-1": the model id inside a canvas key. */
export const idOf = (key: string) => key.slice(key.indexOf(':') + 1);

/** Drags a palette item to a point of `target` (fractions of its box); returns the new node's key. */
export async function dropFromPalette(page: Page, kind: string, target: Locator, at: { x: number; y: number }): Promise<string> {
  const before = await consortium(page).locator('.react-flow__node').count();
  const box = (await target.boundingBox())!;
  const pane = (await consortium(page).locator('.react-flow__pane').boundingBox())!;
  const targetPosition = { x: box.x + box.width * at.x - pane.x, y: box.y + box.height * at.y - pane.y };
  await page.getByTestId(`cn-palette-${kind}`).dragTo(consortium(page).locator('.react-flow__pane'), { targetPosition, force: true });
  await expect(consortium(page).locator('.react-flow__node')).toHaveCount(before + 1);
  const inspected = page.getByTestId('cn-inspect-node');
  await expect(inspected).toBeVisible();
  return (await inspected.getAttribute('data-key'))!;
}

/** Draws a link from a participant's out-handle to another node's in-handle with the mouse. */
export async function drawLink(page: Page, from: string, to: string) {
  const start = (await consortium(page).getByTestId(`cn-out-${from}`).boundingBox())!;
  const end = (await consortium(page).getByTestId(`cn-in-${to}`).boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await page.mouse.up();
}
