/**
 * Several workspaces: create, rename, duplicate, switch, delete; export a .zip and import it back
 * as a new workspace with everything in it; an invalid import is refused with where it is wrong
 * and changes nothing; a reload reopens the workspace that was open.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

const SAMPLE = 'Order fulfilment';

class WorkspacesDialog {
  constructor(readonly page: Page) {}
  get dialog() {
    return this.page.getByTestId('workspaces-dialog');
  }
  row(name: string) {
    return this.dialog.getByTestId(`workspace-row-${name}`);
  }
  async open() {
    if (!(await this.dialog.isVisible())) await this.page.getByTestId('workspaces-open').click();
    await expect(this.dialog).toBeVisible();
  }
  async close() {
    await this.dialog.getByTestId('workspaces-close').click();
    await expect(this.dialog).toHaveCount(0);
  }
  async names() {
    return (await this.dialog.locator('.ws-name').allTextContents()).sort();
  }
}

const workspaceName = (page: Page) => page.getByTestId('workspace-name');

test('workspaces: create, rename, duplicate, switch, delete, export and import, reload', async ({ page }) => {
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  const ws = new WorkspacesDialog(page);
  await studio.open();
  await expect(workspaceName(page)).toHaveValue(SAMPLE);

  // a new empty workspace opens at once; its keys are its own, so it asks for its own passphrase
  await ws.open();
  await ws.dialog.getByTestId('workspace-new-name').fill('空白 Blank');
  await ws.dialog.getByTestId('workspace-create-empty').click();
  await studio.setPassphrase();
  await expect(workspaceName(page)).toHaveValue('空白 Blank');
  await expect(ws.row('空白 Blank')).toHaveAttribute('data-current', 'true');

  // rename it
  await ws.row('空白 Blank').getByTestId('workspace-rename').click();
  await ws.dialog.getByTestId('workspace-rename-input').fill('甲方工作区');
  await ws.dialog.getByTestId('workspace-rename-save').click();
  await expect(workspaceName(page)).toHaveValue('甲方工作区');
  await expect(ws.row('甲方工作区')).toBeVisible();

  // duplicate it: the copy is listed, the original stays open
  await ws.row('甲方工作区').getByTestId('workspace-duplicate').click();
  await expect(ws.row('甲方工作区 copy')).toBeVisible();
  expect(await ws.names()).toEqual([SAMPLE, '甲方工作区', '甲方工作区 copy'].sort());

  // switch back to the sample: its keys were unlocked in this page, nothing asks again
  await ws.row(SAMPLE).getByTestId('workspace-open').click();
  await expect(workspaceName(page)).toHaveValue(SAMPLE);
  await expect(ws.row(SAMPLE)).toHaveAttribute('data-current', 'true');

  // delete the copy, after confirming
  await ws.row('甲方工作区 copy').getByTestId('workspace-delete').click();
  await expect(ws.row('甲方工作区 copy').getByTestId('workspace-delete-confirm')).toBeVisible();
  await ws.row('甲方工作区 copy').getByTestId('workspace-delete-yes').click();
  await expect(ws.row('甲方工作区 copy')).toHaveCount(0);
  expect(await ws.names()).toEqual([SAMPLE, '甲方工作区'].sort());
  await ws.close();

  // give the sample something to find again: a deployment and a Chinese name
  await workspaceName(page).fill('订单履行 Order');
  await studio.waitForBuild();
  await studio.deploy();

  // export it as a .zip
  await ws.open();
  const [download] = await Promise.all([page.waitForEvent('download'), ws.row('订单履行 Order').getByTestId('workspace-export-zip').click()]);
  expect(download.suggestedFilename()).toBe('订单履行 Order.zip');
  const zip = readFileSync(await download.path());

  // an invalid import is refused with where it is wrong; nothing changes
  const invalid = JSON.stringify({ schemaVersion: 1, name: 'x', organizations: [], roles: [], participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'none', roles: [] }], processes: [] });
  await ws.dialog.getByTestId('workspace-import-file').setInputFiles({ name: '坏的.json', mimeType: 'application/json', buffer: Buffer.from(invalid) });
  await expect(ws.dialog.getByTestId('import-report')).toHaveAttribute('data-ok', 'false');
  await expect(ws.dialog.getByTestId('import-problem').first()).toHaveText('坏的.json: participants[0].organization: organization "none" is not defined');
  expect(await ws.names()).toEqual(['订单履行 Order', '甲方工作区'].sort());
  await expect(workspaceName(page)).toHaveValue('订单履行 Order');

  // import the .zip back: a new workspace (never over the existing one), opened, with new keys
  await ws.dialog.getByTestId('workspace-import-file').setInputFiles({ name: '订单履行 Order.zip', mimeType: 'application/zip', buffer: zip });
  await studio.setPassphrase();
  await expect(ws.dialog.getByTestId('import-report')).toHaveAttribute('data-ok', 'true');
  await expect(ws.dialog.locator('.ws-name', { hasText: '订单履行 Order' })).toHaveCount(2);
  const imported = await ws.dialog.locator('[data-current="true"]').getAttribute('data-id');
  await ws.close();

  // everything is there: participants, the process, the deployment record
  await page.getByTestId('nav-participants').click();
  await expect(page.getByTestId('participant-name-wang-fang')).toHaveValue('王芳 Wang Fang');
  await expect(page.getByTestId('participant-address-wang-fang')).toContainText('0x');
  await page.getByTestId('nav-process').click();
  await expect(page.locator('[data-testid="bpmn-modeler"] g.djs-element[data-element-id="Task_Ship"]')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-deploy').click();
  await expect(page.getByTestId('deployment-summary')).toBeVisible({ timeout: 30_000 });

  // a reload reopens the imported workspace, and the list is the same
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await page.reload();
  await expect(workspaceName(page)).toHaveValue('订单履行 Order', { timeout: 30_000 });
  await ws.open();
  await expect(ws.dialog.locator(`[data-id="${imported}"]`)).toHaveAttribute('data-current', 'true');
  expect(await ws.names()).toEqual(['订单履行 Order', '订单履行 Order', '甲方工作区'].sort());
});
