/**
 * Several processes per workspace: add one, rename it in Chinese, see the problems of the blank
 * process, undo and redo the add, reload, and delete it after the confirmation.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

test('add, rename, undo, redo, reload and delete a process', async ({ page }) => {
  test.setTimeout(150_000);
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await page.getByTestId('nav-process').click();
  const undo = page.getByTestId('undo');
  const tabs = page.locator('[data-testid^="process-tab-"]');
  await expect(tabs).toHaveCount(1);
  const steps = Number((await undo.getAttribute('data-steps')) ?? '0');

  // a new process, named in the dialog
  await page.getByTestId('process-add').click();
  await page.getByTestId('process-name-input').fill('Returns');
  await page.getByTestId('process-name-submit').click();
  const tab = page.getByTestId('process-tab-returns');
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  // the modeler shows the blank process: one start event
  await expect(page.locator('[data-testid="bpmn-modeler"] g.djs-element[data-element-id="StartEvent_1"]')).toBeVisible();

  // renamed in Chinese: the id stays, the name changes
  await page.getByTestId('process-rename').click();
  await page.getByTestId('process-name-input').fill('退货处理');
  await page.getByTestId('process-name-submit').click();
  await expect(tab).toHaveText('退货处理');

  // the generator reads it: its problems are listed under its own file
  const group = page.locator('[data-testid="problem-group"][data-file="processes[1] 退货处理.bpmn"]');
  await expect(group).toBeVisible({ timeout: 30_000 });
  await expect(group.getByTestId('problem-row').first()).toBeVisible();

  // undo the rename and the add; redo both
  await expect(undo).toHaveAttribute('data-steps', String(steps + 2));
  await undo.click();
  await expect(tab).toHaveText('Returns');
  await undo.click();
  await expect(tab).toHaveCount(0);
  await expect(tabs).toHaveCount(1);
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('redo').click();
  await page.getByTestId('redo').click();
  await expect(tab).toHaveText('退货处理');

  // a reload keeps it
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await page.reload();
  await studio.unlock();
  await page.getByTestId('nav-process').click();
  await expect(tab).toHaveText('退货处理');

  // delete asks first and says what is lost; cancel keeps it
  await tab.click();
  await page.getByTestId('process-delete').click();
  const confirm = page.getByTestId('process-delete-confirm');
  await expect(confirm).toContainText('退货处理');
  await page.getByTestId('process-delete-cancel').click();
  await expect(tab).toBeVisible();
  await page.getByTestId('process-delete').click();
  await page.getByTestId('process-delete-confirm-button').click();
  await expect(tab).toHaveCount(0);
  await expect(tabs).toHaveCount(1);
  await expect(page.locator('[data-testid="problem-group"][data-file="processes[1] 退货处理.bpmn"]')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await page.reload();
  await studio.unlock();
  await page.getByTestId('nav-process').click();
  await expect(tabs).toHaveCount(1);
});

test('a regulator linked to processes in the inspector sees only those in the app', async ({ page }) => {
  test.setTimeout(150_000);
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await studio.deploy();
  await studio.actAs('wang-fang');
  await studio.submit('start-form-order-fulfilment', { item: '齿轮箱', quantity: '2' });
  const instance = page.locator('[data-testid^="instance-order-fulfilment-"]');

  // without links the regulator regulates every process and sees the instance
  await studio.actAs('regulator');
  await expect(page.getByTestId('regulator-scope')).toHaveAttribute('data-count', '1');
  await expect(instance).toHaveCount(1);

  // linked to no process in the inspector (check, then uncheck the only process)
  await page.getByTestId('nav-participants').click();
  await page.getByTestId('participants-tab-canvas').click();
  await page.getByTestId('consortium-canvas').getByTestId('cn-node-participant:regulator').click();
  const note = page.getByTestId('cn-regulates-note');
  await expect(note).toContainText('every process');
  await page.getByTestId('cn-regulates-order-fulfilment').check();
  await expect(note).toContainText('only the 1');
  await page.getByTestId('cn-regulates-order-fulfilment').uncheck();
  await expect(note).toContainText('no process');

  // then its app view shows no process and no instance
  await page.getByTestId('nav-app').click();
  await expect(page.getByTestId('regulator-scope')).toHaveAttribute('data-count', '0');
  await expect(instance).toHaveCount(0);

  // and "Regulate every process" brings them back
  await page.getByTestId('nav-participants').click();
  await page.getByTestId('consortium-canvas').getByTestId('cn-node-participant:regulator').click();
  await page.getByTestId('cn-regulates-every').click();
  await expect(note).toContainText('every process');
  await page.getByTestId('nav-app').click();
  await expect(instance).toHaveCount(1);
});
