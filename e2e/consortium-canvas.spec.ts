/**
 * The consortium canvas: a consortium built only by dragging from the palette and connecting
 * (two organizations, two people, a device, two roles), named in Chinese in the inspector; an
 * invalid link refused with its reason; everything still there after a reload; labels in Chinese
 * after switching the language.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

test.use({ viewport: { width: 1600, height: 1000 } });

const canvas = (page: Page) => page.getByTestId('consortium-canvas');
const node = (page: Page, key: string) => canvas(page).getByTestId(`cn-node-${key}`);
const edge = (page: Page, id: string) => canvas(page).getByTestId(`rf__edge-${id}`);

/**
 * Drags a palette item onto the canvas at a point of `target`'s box, given as fractions of its
 * width and height (the canvas is zoomed to fit, so sizes vary); returns the new node's key.
 */
async function dropFromPalette(page: Page, kind: string, target: Locator, at: { x: number; y: number }): Promise<string> {
  const before = await canvas(page).locator('.react-flow__node').count();
  const box = (await target.boundingBox())!;
  const pane = (await canvas(page).locator('.react-flow__pane').boundingBox())!;
  const targetPosition = { x: box.x + box.width * at.x - pane.x, y: box.y + box.height * at.y - pane.y };
  // dropped on the pane's coordinates: whatever lies there (an organization) receives it
  await page.getByTestId(`cn-palette-${kind}`).dragTo(canvas(page).locator('.react-flow__pane'), { targetPosition, force: true });
  await expect(canvas(page).locator('.react-flow__node')).toHaveCount(before + 1);
  // the new node is selected: the inspector names it
  const inspected = page.getByTestId('cn-inspect-node');
  await expect(inspected).toBeVisible();
  return (await inspected.getAttribute('data-key'))!;
}

async function rename(page: Page, name: string) {
  await page.getByTestId('cn-inspect-name').fill(name);
}

/** Draws a link from a participant's handle to another node's handle, as a user drags it. */
async function drawLink(page: Page, from: string, to: string) {
  const start = (await canvas(page).getByTestId(`cn-out-${from}`).boundingBox())!;
  const end = (await canvas(page).getByTestId(`cn-in-${to}`).boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  return async () => page.mouse.up();
}

test('a consortium built by dragging and connecting survives a reload and speaks Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  const studio = new StudioPage(page);
  await studio.open();
  await page.getByTestId('nav-participants').click();
  await page.getByTestId('participants-tab-canvas').click();
  const pane = canvas(page).locator('.react-flow__pane');
  await expect(node(page, 'org:supplier')).toBeVisible();

  // two organizations on empty canvas above the sample
  const east = await dropFromPalette(page, 'organization', pane, { x: 0.2, y: 0.1 });
  await rename(page, '华东制造 East Works');
  const logistics = await dropFromPalette(page, 'organization', pane, { x: 0.65, y: 0.1 });
  await rename(page, '顺达物流');

  // two people and a device dropped into the first organization
  const chen = await dropFromPalette(page, 'person', node(page, east), { x: 0.25, y: 0.4 });
  await rename(page, '陈静');
  const liu = await dropFromPalette(page, 'person', node(page, east), { x: 0.75, y: 0.4 });
  await rename(page, '刘洋');
  const cutter = await dropFromPalette(page, 'device', node(page, east), { x: 0.25, y: 0.8 });
  await rename(page, '激光切割机 7号');
  await page.getByTestId('cn-inspect-make').fill('大族激光');
  await page.getByTestId('cn-inspect-serial').fill('HL-2026-007');
  for (const member of [chen, liu, cutter]) await expect(node(page, member)).toBeVisible();
  await expect(page.getByTestId('cn-inspect-organization')).toHaveValue(east.slice('org:'.length));

  // two roles on empty canvas below
  const inspector = await dropFromPalette(page, 'role', pane, { x: 0.3, y: 0.85 });
  await rename(page, '质检员');
  const dispatcher = await dropFromPalette(page, 'role', pane, { x: 0.5, y: 0.85 });
  await rename(page, '调度员');

  // when the people are connected to the roles and 陈静 to the device
  const id = (key: string) => key.slice(key.indexOf(':') + 1);
  for (const [from, to] of [
    [chen, inspector],
    [liu, dispatcher],
    [chen, cutter],
  ]) {
    const release = await drawLink(page, from, to);
    await release();
  }
  // then the links are typed edges of the model
  await expect(edge(page, `plays-role|${id(chen)}|${id(inspector)}`)).toBeVisible();
  await expect(edge(page, `plays-role|${id(liu)}|${id(dispatcher)}`)).toBeVisible();
  await expect(edge(page, `owns-device|${id(chen)}|${id(cutter)}`)).toBeVisible();

  // when the device is dragged to the other organization as a member
  const release = await drawLink(page, cutter, logistics);
  // then the link is refused while drawn, and when dropped the reason stays beside the target
  await expect(canvas(page).getByTestId('connection-hint')).toContainText('A device cannot be a member of two organizations');
  await release();
  await expect(canvas(page).getByTestId('connection-refused')).toContainText('“激光切割机 7号” belongs to “华东制造 East Works”');
  // no edge was added: the sample's five plays-role links and the three new ones
  await expect(canvas(page).locator('.react-flow__edge')).toHaveCount(8);

  // after a reload everything is where it was
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await page.reload();
  await page.getByTestId('nav-participants').click();
  await page.getByTestId('participants-tab-canvas').click();
  await expect(node(page, east)).toContainText('华东制造 East Works');
  await expect(node(page, logistics)).toContainText('顺达物流');
  await expect(node(page, chen)).toContainText('陈静');
  await expect(node(page, cutter)).toContainText('大族激光');
  await expect(node(page, inspector)).toContainText('质检员');
  await expect(edge(page, `owns-device|${id(chen)}|${id(cutter)}`)).toBeVisible();
  await expect(edge(page, `plays-role|${id(liu)}|${id(dispatcher)}`)).toBeVisible();
  // the people are members of the consortium (the lists show them with their roles)
  await page.getByTestId('participants-tab-lists').click();
  await expect(page.getByTestId(`participant-role-${id(chen)}-${id(inspector)}`)).toBeChecked();

  // when the language is switched, the canvas speaks Chinese
  await page.getByTestId('participants-tab-canvas').click();
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByTestId('cn-palette-organization')).toHaveText('组织');
  await expect(node(page, chen)).toContainText('人员');
  await expect(node(page, cutter)).toContainText('设备');
  await expect(edge(page, `plays-role|${id(chen)}|${id(inspector)}`)).toContainText('担任角色');
});
