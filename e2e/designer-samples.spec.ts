/**
 * A new workspace from another sample than the first start's: the maintenance work order, a
 * collaboration of three pools whose file has no diagram. The modeler lays it out with its pools,
 * lanes and message flows (the lanes are where its tasks get their roles), the workspace builds,
 * and after a reload the same layout is shown (it was written back), not laid out again.
 */
import { expect, test, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';
import { modeler, rectOf } from './pages/process-modeler.js';

const shape = (page: Page, id: string) => modeler(page).locator(`g.djs-element.djs-shape[data-element-id="${id}"]`);

test('a workspace made from the maintenance sample shows its pools, lanes and message flows, builds, and keeps its layout', async ({ page }) => {
  test.setTimeout(300_000);
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();

  // when a workspace is made from the maintenance work order sample, its own name kept
  await page.getByTestId('workspaces-open').click();
  const dialog = page.getByTestId('workspaces-dialog');
  await expect(dialog.getByTestId('workspace-sample').locator('option')).toHaveCount(11);
  await dialog.getByTestId('workspace-sample').selectOption('maintenance-order');
  await dialog.getByTestId('workspace-create-sample').click();
  await studio.setPassphrase();
  await expect(page.getByTestId('workspace-name')).toHaveValue('Maintenance work order');
  if (await dialog.isVisible()) await dialog.getByTestId('workspaces-close').click();

  // then the diagram has its three pools and the plant's three lanes, each task inside its lane
  await page.getByTestId('nav-process').click();
  for (const id of ['Pool_Plant', 'Pool_Sensors', 'Pool_Supplier', 'Lane_Planner', 'Lane_Device', 'Lane_Technician']) await expect(shape(page, id)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Laid out automatically')).toBeVisible();
  const lane = await rectOf(page, 'Lane_Technician');
  const task = await rectOf(page, 'Task_Repair');
  expect(task.y).toBeGreaterThanOrEqual(lane.y);
  expect(task.y + task.height).toBeLessThanOrEqual(lane.y + lane.height);
  for (const id of ['Message_Alarm', 'Message_PartOrder', 'Message_PartDelivered', 'Message_Cancel']) await expect(modeler(page).locator(`g.djs-connection[data-element-id="${id}"]`)).toHaveCount(1);
  await studio.waitForBuild();
  await expect(page.getByTestId('build-status')).toHaveAttribute('data-status', 'ok');

  // and after a reload the layout that was written back is shown as it was
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await page.reload();
  await page.getByTestId('nav-process').click().catch(() => undefined);
  await expect(shape(page, 'Lane_Technician')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Laid out automatically')).toHaveCount(0);
  // the same place in its lane (the view may be zoomed differently)
  const where = (t: typeof task, l: typeof lane) => [(t.x - l.x) / l.width, (t.y - l.y) / l.height, t.width / l.width].map((v) => v.toFixed(3));
  expect(where(await rectOf(page, 'Task_Repair'), await rectOf(page, 'Lane_Technician'))).toEqual(where(task, lane));
});
