/**
 * Permissions on the consortium canvas (docs/consortium-permissions.md), on the carrier-binding
 * sample imported as a workspace: a data asset dragged from the palette and given a process's
 * fields, a role linked to it (may read), a regulator linked to a process node (the inspector's
 * checklist follows), a may-bind link that makes the process's nominations problems in the
 * Problems panel, undone; everything else still there after a reload, and the read permission in the
 * permission matrix.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

test.use({ viewport: { width: 1600, height: 1000 } });

const canvas = (page: Page) => page.getByTestId('consortium-canvas');
const node = (page: Page, key: string) => canvas(page).getByTestId(`cn-node-${key}`);
const edge = (page: Page, id: string) => canvas(page).getByTestId(`rf__edge-${id}`);
const idOf = (key: string) => key.slice(key.indexOf(':') + 1);

/** Drags a palette item onto a point of `target` (fractions of its box); returns the new node's key. `added`: nodes it adds. */
async function dropFromPalette(page: Page, kind: string, target: Locator, at: { x: number; y: number }, added = 1): Promise<string> {
  const before = await canvas(page).locator('.react-flow__node').count();
  const box = (await target.boundingBox())!;
  const pane = (await canvas(page).locator('.react-flow__pane').boundingBox())!;
  const targetPosition = { x: box.x + box.width * at.x - pane.x, y: box.y + box.height * at.y - pane.y };
  await page.getByTestId(`cn-palette-${kind}`).dragTo(canvas(page).locator('.react-flow__pane'), { targetPosition, force: true });
  await expect(canvas(page).locator('.react-flow__node')).toHaveCount(before + added);
  const inspected = page.locator('[data-testid="cn-inspect-node"], [data-testid="cn-inspect-asset"]');
  await expect(inspected).toBeVisible();
  return (await inspected.getAttribute('data-key'))!;
}

/** Draws a link from a node's out handle to another node's in handle; returns the mouse release. */
async function drawLink(page: Page, from: string, to: string) {
  const start = (await canvas(page).getByTestId(`cn-out-${from}`).boundingBox())!;
  const end = (await canvas(page).getByTestId(`cn-in-${to}`).boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  return async () => page.mouse.up();
}

async function link(page: Page, from: string, to: string) {
  const release = await drawLink(page, from, to);
  await release();
}

async function openCanvas(page: Page) {
  await page.getByTestId('nav-participants').click();
  await page.getByTestId('participants-tab-canvas').click();
  await expect(node(page, 'process:chosen-carrier')).toBeVisible({ timeout: 15_000 });
}

test('data assets, may read, regulates and may bind drawn on the canvas; a may-bind problem undone; reload', async ({ page }) => {
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  await studio.open();

  // given the carrier-binding sample as a workspace: the buyer's start event nominates the
  // manufacturer, the manufacturer's "Plan shipment" nominates the carrier
  const sample = JSON.parse(readFileSync(new URL('../generators/samples/carrier-binding/workspace.json', import.meta.url), 'utf8'));
  sample.name = '指定承运商 Permissions';
  await page.getByTestId('workspaces-open').click();
  const dialog = page.getByTestId('workspaces-dialog');
  await dialog.getByTestId('workspace-import-file').setInputFiles({ name: 'permissions.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
  await studio.setPassphrase();
  await expect(dialog.getByTestId('import-report')).toHaveAttribute('data-ok', 'true');
  await dialog.getByTestId('workspaces-close').click();
  await studio.waitForBuild();
  await openCanvas(page);
  const pane = canvas(page).locator('.react-flow__pane');

  // when a data asset is dragged onto the canvas, named in Chinese and made of the process's fields
  const asset = await dropFromPalette(page, 'data-asset', pane, { x: 0.45, y: 0.93 });
  expect(asset).toMatch(/^asset:/);
  await page.getByTestId('cn-inspect-name').fill('运输数据');
  await page.getByTestId('cn-inspect-asset-kind').selectOption('process-fields');
  await page.getByTestId('cn-inspect-asset-process').selectOption('chosen-carrier');
  const fields = page.getByTestId('cn-inspect-asset-fields').locator('input[type="checkbox"]');
  await expect(fields.first()).toBeVisible();
  await fields.first().check();
  await expect(node(page, asset)).toContainText('运输数据');
  await expect(node(page, asset)).toHaveAttribute('data-restricted', 'false');

  // and the Buyer role is linked to it: then only its readers may read it
  await link(page, 'role:Buyer', asset);
  await expect(edge(page, `role-reads|Buyer|${idOf(asset)}`)).toBeVisible();
  await expect(node(page, asset)).toHaveAttribute('data-restricted', 'true');

  // a role cannot be linked to a process: refused while drawn, with the reason
  const refused = await drawLink(page, 'role:Buyer', 'process:chosen-carrier');
  await expect(canvas(page).getByTestId('connection-hint')).toContainText('takes part in “Shipment by a chosen carrier” through its tasks');
  await refused();

  // when a regulator dropped into an organization is linked to the process node
  // (the workspace has no regulator role yet: the first regulator brings one)
  const regulator = await dropFromPalette(page, 'regulator', node(page, 'org:buyer-co'), { x: 0.75, y: 0.8 }, 2);
  await page.getByTestId('cn-inspect-name').fill('市场监管 陈');
  await expect(page.getByTestId('cn-regulates-chosen-carrier')).not.toBeChecked();
  await link(page, regulator, 'process:chosen-carrier');
  // then it is the same data as the inspector's checklist
  await expect(edge(page, `regulates|${idOf(regulator)}|chosen-carrier`)).toBeVisible();
  await node(page, regulator).click();
  await expect(page.getByTestId('cn-regulates-chosen-carrier')).toBeChecked();
  await studio.waitForBuild();

  // when the Buyer role may bind the carrier (and no other may-bind link exists)
  await link(page, 'role:Buyer', 'role:Carrier');
  await expect(edge(page, `may-bind|Buyer|Carrier`)).toBeVisible();
  // (the role's inspector lists the same link)
  await node(page, 'role:Buyer').click();
  await expect(page.getByTestId('cn-may-bind-Carrier')).toBeChecked();
  // then the manufacturer's nomination of the carrier is a problem on its task, and the build fails
  await page.getByTestId('nav-problems').click();
  const problem = page.locator('[data-testid="problem-row"][data-source="generator"][data-element-id="Task_Plan"]');
  await expect(problem).toContainText('"Manufacturer" may not bind "Carrier"', { timeout: 30_000 });
  await expect(page.locator('[data-testid="problem-row"][data-source="generator"][data-element-id="Start_OrderPlaced"]')).toContainText('may not bind');
  await expect(page.getByTestId('build-status')).toHaveAttribute('data-status', 'failed');

  // when undone, the link and the problems are gone
  await page.getByTestId('undo').click();
  await expect(problem).toHaveCount(0, { timeout: 30_000 });
  await studio.waitForBuild();
  await openCanvas(page);
  await expect(edge(page, `may-bind|Buyer|Carrier`)).toHaveCount(0);

  // after a reload, the asset, its reader and the regulator's link are there
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await page.reload();
  await studio.unlock();
  await openCanvas(page);
  await expect(node(page, asset)).toContainText('运输数据');
  await expect(edge(page, `role-reads|Buyer|${idOf(asset)}`)).toBeVisible();
  await expect(edge(page, `regulates|${idOf(regulator)}|chosen-carrier`)).toBeVisible();
  await expect(edge(page, `may-bind|Buyer|Carrier`)).toHaveCount(0);
  await node(page, asset).click();
  await expect(page.getByTestId('cn-inspect-readers-note')).toHaveText('Buyer');
  await expect(page.getByTestId('cn-inspect-asset-process')).toHaveValue('chosen-carrier');

  // the permission matrix shows the same read permission, and a click there draws a link here
  await page.getByTestId('participants-tab-permissions').click();
  await expect(page.getByTestId(`pm-asset-${idOf(asset)}-Buyer`)).toHaveAttribute('data-state', 'reader');
  await expect(page.getByTestId(`pm-asset-${idOf(asset)}-Carrier`)).toHaveAttribute('data-state', 'off');
  await page.getByTestId(`pm-asset-${idOf(asset)}-Carrier`).click();
  await expect(page.getByTestId(`pm-asset-${idOf(asset)}-Carrier`)).toHaveAttribute('data-state', 'reader');
  await page.getByTestId('participants-tab-canvas').click();
  await expect(edge(page, `role-reads|Carrier|${idOf(asset)}`)).toBeVisible();
});

test('the app shows the fields of a data asset only to its readers, writers and regulators', async ({ page }) => {
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();

  // given the sample's unit price is a data asset only the Sales role may read (Sales writes it too)
  await page.getByTestId('nav-participants').click();
  await page.getByTestId('participants-tab-canvas').click();
  await expect(node(page, 'process:order-fulfilment')).toBeVisible({ timeout: 15_000 });
  const asset = await dropFromPalette(page, 'data-asset', canvas(page).locator('.react-flow__pane'), { x: 0.45, y: 0.93 });
  await page.getByTestId('cn-inspect-name').fill('价格 Price');
  await page.getByTestId('cn-inspect-asset-kind').selectOption('process-fields');
  await page.getByTestId('cn-inspect-asset-process').selectOption('order-fulfilment');
  await page.getByTestId('cn-asset-field-unitPrice').check();
  await link(page, 'role:Sales', asset);
  await expect(edge(page, `role-reads|Sales|${idOf(asset)}`)).toBeVisible();

  // when an order is started, accepted at a unit price by Sales and booked by the carrier
  await studio.waitForBuild();
  await studio.deploy();
  await studio.actAs('wang-fang');
  await studio.submit('start-form-order-fulfilment', { item: '齿轮箱', quantity: '12' });
  await studio.actAs('zhang-wei');
  await studio.completeTask('Task_ConfirmOrder', { unitPrice: '45000' }, 'Accept');
  await studio.actAs('li-wei');
  await studio.completeTask('Task_BookTransport', { pickupDate: '2026-12-01T09:30' });

  // then the carrier sees the order but not its price, and is told a field is hidden
  const openInstance = async () => {
    await page.getByTestId('instance-order-fulfilment-1').getByRole('button').click();
    const view = page.getByTestId('instance-view-order-fulfilment-1');
    await expect(view.getByTestId('history-entry')).toHaveCount(3);
    return view;
  };
  let view = await openInstance();
  await expect(view.getByTestId('current-data')).toContainText('齿轮箱');
  await expect(view.getByTestId('current-data').locator('[data-field="unitPrice"]')).toHaveCount(0);
  await expect(view.getByTestId('history-entry').nth(1)).not.toContainText('45000');
  await expect(view.getByTestId('hidden-fields-note')).toHaveAttribute('data-count', '1');
  // the buyer, neither reader nor writer of the price, does not see it either
  await studio.actAs('wang-fang');
  view = await openInstance();
  await expect(view.getByTestId('current-data').locator('[data-field="unitPrice"]')).toHaveCount(0);
  // the Sales clerk (its reader and writer) and the regulator do
  for (const who of ['zhang-wei', 'regulator']) {
    await studio.actAs(who);
    view = await openInstance();
    await expect(view.getByTestId('current-data').locator('[data-field="unitPrice"]')).toContainText('45000');
    await expect(view.getByTestId('hidden-fields-note')).toHaveCount(0);
  }
});
