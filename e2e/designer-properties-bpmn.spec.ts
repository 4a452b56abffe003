/**
 * The properties panel's editors for the newly executable BPMN, used as a user does in a new
 * process: a user task made multi-instance from the replace menu (a count and a completion
 * condition, each wrong first and the panel saying so), a send task whose payload is picked from
 * the process's fields, a message catch event whose sender role is picked (one undo takes the pick
 * back, redo brings it); the process then builds with no problems, and a reload finds every setting.
 */
import { expect, test, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';
import { addProcess, append, clickEmptyCanvas, entry, modeler, nameSelected, replaceMenu, selectShape } from './pages/process-modeler.js';

test.use({ viewport: { width: 2400, height: 1300 } });

const panel = (page: Page) => page.getByTestId('properties-panel');
const errorOf = (page: Page, id: string) => entry(page, id).locator('.bio-properties-panel-error');

/** Names the selected shape and waits until the (debounced) name is on the canvas, so later edits do not race it. */
async function name(page: Page, id: string, text: string) {
  await nameSelected(page, text);
  await expect(modeler(page).locator(`g.djs-element[data-element-id^="${id}"]`).filter({ hasText: text }).first()).toBeVisible();
}

/** Undo/redo are the modeler's shortcuts: the canvas must have the focus (a click on it), not an input. */
async function canvasKey(page: Page, key: string) {
  await clickEmptyCanvas(page);
  await expect(modeler(page).locator('.djs-container > svg')).toBeFocused();
  await page.keyboard.press(key);
}

test('multi-instance, payload and sender role are edited in the panel, build, undo and survive a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await page.getByTestId('nav-process').click();

  // given a new process: only a start event
  await addProcess(page, 'Approvals', 'approvals');

  await selectShape(page, 'StartEvent_1');
  await name(page, 'StartEvent_1', 'Request');

  // when a task is appended, made a user task of the Buyer role with a field, then parallel multi-instance
  let approve = await append(page, 'StartEvent_1', 'append.append-task');
  approve = await replaceMenu(page, approve, 'replace-with-user-task');
  await name(page, approve, 'Approve');
  await entry(page, 'cf-role').locator('select').selectOption('Buyer');
  await panel(page).locator('[data-group-id="group-cf-fields"] .bio-properties-panel-add-entry').click();
  await entry(page, `${approve}-cf-field-0-name`).locator('input').fill('score');
  await entry(page, `${approve}-cf-field-0-type`).locator('select').selectOption('uint');
  approve = await replaceMenu(page, approve, 'toggle-parallel-mi');
  // then the panel shows our multi-instance group (not bpmn-js's generic one), asking for a count
  await expect(panel(page).locator('[data-group-id="group-multiInstance"]')).toHaveCount(0);
  const count = entry(page, 'cf-mi-count').locator('input');
  await expect(count).toBeVisible();
  await expect(entry(page, 'cf-mi-mode').locator('select')).toHaveValue('count');
  // a count out of range is said under the field, a valid one clears it
  await count.fill('300');
  await expect(errorOf(page, 'cf-mi-count')).toContainText('1 to 255');
  await count.fill('3');
  await expect(errorOf(page, 'cf-mi-count')).toHaveCount(0);
  // a completion condition over a process field is refused as the generator refuses it
  const completion = entry(page, 'cf-mi-completion').locator('input');
  await completion.fill('score >= 2');
  await expect(errorOf(page, 'cf-mi-completion')).toContainText('nrOfCompletedInstances');
  await completion.fill('nrOfCompletedInstances >= 2');
  await expect(errorOf(page, 'cf-mi-completion')).toHaveCount(0);
  // switching to "one per participant of a role" swaps the count for a role picker (exactly one of both)
  await entry(page, 'cf-mi-mode').locator('select').selectOption('role');
  await expect(entry(page, 'cf-mi-count')).toHaveCount(0);
  await expect(entry(page, 'cf-mi-role').locator('select')).toHaveValue('Buyer');
  await entry(page, 'cf-mi-role').locator('select').selectOption('Sales');
  // and back: a fresh count of 2, the role gone
  await entry(page, 'cf-mi-mode').locator('select').selectOption('count');
  await expect(count).toHaveValue('2');
  await expect(entry(page, 'cf-mi-role')).toHaveCount(0);
  await count.fill('3');

  // when a send task is appended and the field is picked as its payload
  let notify = await append(page, approve, 'append.append-task');
  notify = await replaceMenu(page, notify, 'replace-with-send-task');
  await name(page, notify, 'Notify buyer');
  const payload = entry(page, 'cf-payload').locator('input');
  await expect(payload).toHaveValue('');
  await entry(page, 'cf-payload-field-0').locator('input').check();
  await expect(payload).toHaveValue('score');
  // a name no element declares is shown as a problem (and kept as typed)
  await payload.fill('score, nope');
  await expect(errorOf(page, 'cf-payload')).toContainText('"nope"');
  await payload.fill('score');
  await expect(errorOf(page, 'cf-payload')).toHaveCount(0);

  // when a message catch event is appended, it has no sender until one is picked
  let receipt = await append(page, notify, 'append.intermediate-event');
  receipt = await replaceMenu(page, receipt, 'replace-with-message-intermediate-catch');
  await name(page, receipt, '收到回执');
  await expect(errorOf(page, 'cf-sender-role')).toContainText('No sender');
  await entry(page, 'cf-sender-role').locator('select').selectOption('Sales');
  await expect(errorOf(page, 'cf-sender-role')).toHaveCount(0);
  // one undo takes the pick back (no sender again), redo brings it
  await canvasKey(page, 'ControlOrMeta+z');
  await selectShape(page, receipt);
  await expect(entry(page, 'cf-sender-role').locator('select')).toHaveValue('');
  await expect(errorOf(page, 'cf-sender-role')).toContainText('No sender');
  await canvasKey(page, 'ControlOrMeta+y');
  await selectShape(page, receipt);
  await expect(entry(page, 'cf-sender-role').locator('select')).toHaveValue('Sales');
  const done = await append(page, receipt, 'append.end-event');
  await name(page, done, 'Done');

  // then the whole workspace builds: a contract for the new process and no problem at all
  await studio.waitForBuild();
  await expect(page.locator('[data-testid="problem-row"][data-severity="error"]')).toHaveCount(0);
  for (const id of [approve, notify, receipt]) await expect(page.locator(`[data-testid="problem-row"][data-element-id="${id}"]`)).toHaveCount(0);
  await expect(page.locator('[data-testid^="code-tab-"]', { hasText: 'Approvals' })).toHaveCount(1);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });

  // after a reload every setting is still there
  await page.reload();
  await expect(page.getByTestId('studio')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-process').click().catch(() => undefined);
  await page.getByTestId('process-tab-approvals').click();
  await expect(modeler(page).locator(`g.djs-element[data-element-id="${approve}"]`)).toBeVisible({ timeout: 30_000 });
  await selectShape(page, approve);
  await expect(entry(page, 'cf-mi-count').locator('input')).toHaveValue('3');
  await expect(entry(page, 'cf-mi-completion').locator('input')).toHaveValue('nrOfCompletedInstances >= 2');
  await expect(entry(page, 'cf-mi-sequential').locator('select')).toHaveValue('parallel');
  await selectShape(page, notify);
  await expect(entry(page, 'cf-payload').locator('input')).toHaveValue('score');
  await expect(entry(page, 'cf-payload-field-0').locator('input')).toBeChecked();
  await selectShape(page, receipt);
  await expect(entry(page, 'cf-sender-role').locator('select')).toHaveValue('Sales');

  // a template fills the task in one command: "Approve (2 of 3)" adds its field, keeps the task's name; one undo takes it back
  await selectShape(page, approve);
  await entry(page, 'cf-template').locator('select').selectOption('approve-2-of-3');
  await expect(entry(page, `${approve}-cf-field-1-name`).locator('input')).toHaveValue('approved');
  await expect(entry(page, 'name').locator('textarea, input').first()).toHaveValue('Approve');
  await canvasKey(page, 'ControlOrMeta+z');
  await selectShape(page, approve);
  await expect(entry(page, `${approve}-cf-field-1-name`)).toHaveCount(0);
  await expect(entry(page, `${approve}-cf-field-0-name`).locator('input')).toHaveValue('score');

  // a call activity picks another process of the workspace, never its own
  const call = await replaceMenu(page, notify, 'replace-with-call-activity');
  const called = entry(page, 'cf-called-element').locator('select');
  await expect(called.locator('option')).toHaveText(['(choose a process)', 'Order fulfilment']);
  await called.selectOption('order-fulfilment');
  await selectShape(page, call);
  await expect(called).toHaveValue('order-fulfilment');
});
