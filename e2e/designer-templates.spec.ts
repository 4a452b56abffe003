/**
 * The consortium's own task templates: a user task set up once (role, a field, documentation) is
 * saved as a template under a Chinese name; a new task gets all of it from the properties panel's
 * Template group in one step; the template survives a reload; deleting it is undone by the
 * workspace's Undo.
 */
import { expect, test, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';
import { addProcess, append, entry, modeler, nameSelected, replaceMenu, selectShape } from './pages/process-modeler.js';

test.use({ viewport: { width: 2400, height: 1300 } });

const panel = (page: Page) => page.getByTestId('properties-panel');
const dialog = (page: Page) => page.getByTestId('templates-dialog');
const LABEL = '质检 Quality check';

test('a task saved as a template fills a new task, survives a reload, and its deletion can be undone', async ({ page }) => {
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await page.getByTestId('nav-process').click();

  // given a new process with a user task of the Sales role that writes "grade" and is documented
  await addProcess(page, '质检流程', 'process-1');
  let inspect = await append(page, 'StartEvent_1', 'append.append-task');
  inspect = await replaceMenu(page, inspect, 'replace-with-user-task');
  await nameSelected(page, '质量检验');
  await entry(page, 'cf-role').locator('select').selectOption('Sales');
  await panel(page).locator('[data-group-id="group-cf-fields"] .bio-properties-panel-add-entry').click();
  await entry(page, `${inspect}-cf-field-0-name`).locator('input').fill('grade');
  await entry(page, `${inspect}-cf-field-0-type`).locator('select').selectOption('uint');
  await expect(entry(page, `${inspect}-cf-field-0-type`).locator('select')).toHaveValue('uint');

  // without a task selected, the dialog says what to select
  await selectShape(page, 'StartEvent_1');
  await page.getByTestId('templates-open').click();
  await expect(dialog(page).getByTestId('templates-select-task')).toBeVisible();
  await dialog(page).getByTestId('templates-close').click();

  // when the task is saved as a template under a Chinese name
  await selectShape(page, inspect);
  await page.getByTestId('templates-open').click();
  await expect(dialog(page).getByTestId('templates-selected')).toContainText('质量检验');
  await expect(dialog(page).getByTestId('templates-selected')).toContainText('Sales');
  await dialog(page).getByTestId('templates-label').fill(LABEL);
  await dialog(page).getByTestId('templates-save').click();
  await expect(dialog(page).getByTestId('templates-notice')).toContainText(LABEL);
  await expect(dialog(page).getByTestId('templates-list')).toContainText(LABEL);
  await dialog(page).getByTestId('templates-close').click();

  // then a new, unnamed user task gets its name, role and field from the Template group in one step
  let next = await append(page, inspect, 'append.append-task');
  next = await replaceMenu(page, next, 'replace-with-user-task');
  const select = entry(page, 'cf-template').locator('select');
  await expect(select.locator('option', { hasText: `${LABEL} (consortium)` })).toHaveCount(1);
  await select.selectOption({ label: `${LABEL} (consortium)` });
  await expect(entry(page, `${next}-cf-field-0-name`).locator('input')).toHaveValue('grade');
  await expect(entry(page, `${next}-cf-field-0-type`).locator('select')).toHaveValue('uint');
  await expect(entry(page, 'cf-role').locator('select')).toHaveValue('Sales');
  await expect(entry(page, 'name').locator('textarea, input').first()).toHaveValue('质量检验');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });

  // and after a reload the template is still the consortium's
  await page.reload();
  await expect(page.getByTestId('studio')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-process').click().catch(() => undefined);
  await page.getByTestId('process-tab-process-1').click();
  await expect(modeler(page).locator(`g.djs-element[data-element-id="${next}"]`)).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('templates-open').click();
  const saved = dialog(page).getByTestId('templates-list').locator('li', { hasText: LABEL });
  await expect(saved).toContainText('1');

  // deleting it leaves the list; the workspace's Undo brings it back
  await saved.getByRole('button').click();
  await expect(dialog(page).getByTestId('templates-list')).toHaveCount(0);
  await dialog(page).getByTestId('templates-close').click();
  await page.getByTestId('undo').click();
  await page.getByTestId('templates-open').click();
  await expect(dialog(page).getByTestId('templates-list')).toContainText(LABEL);
});
