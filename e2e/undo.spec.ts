/**
 * Undo/redo across the workspace: a participant edit and a process edit, with the top bar's
 * buttons and with the keys (outside text fields and the canvas); the modeler shows the process
 * as undone; a reload finds what was redone.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

test('undo and redo a participant edit and a process edit, then reload', async ({ page }) => {
  test.setTimeout(120_000);
  const studio = new StudioPage(page);
  await studio.open();
  const undo = page.getByTestId('undo');
  const redo = page.getByTestId('redo');
  // opening (and writing the participants' key addresses) is nothing to undo
  await studio.waitForBuild();
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();

  // a participant renamed on the Participants page
  await page.getByTestId('nav-participants').click();
  const name = page.getByTestId('participant-name-wang-fang');
  await name.fill('王芳 改名');
  await expect(undo).toBeEnabled();
  // Ctrl+Z inside the text field is the field's own; outside it, it undoes the workspace
  await page.getByTestId('participants-section').locator('h2, h3').first().click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(name).toHaveValue('王芳 Wang Fang');
  await expect(redo).toBeEnabled();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(name).toHaveValue('王芳 改名');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(name).toHaveValue('王芳 Wang Fang');
  await page.keyboard.press('Control+y');
  await expect(name).toHaveValue('王芳 改名');

  // a task renamed in the modeler
  const stepsBefore = Number(await undo.getAttribute('data-steps'));
  await page.getByTestId('nav-process').click();
  const task = page.locator('[data-testid="bpmn-modeler"] g.djs-element[data-element-id="Task_Rework"]');
  await task.dblclick();
  await expect(page.locator('.djs-direct-editing-parent')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('返工 Rework');
  await page.locator('[data-testid="bpmn-modeler"] .djs-container').click({ position: { x: 20, y: 20 } });
  await expect(task).toContainText('返工');
  // the modeler hands its XML to the workspace debounced: wait until that edit is an undo step
  await expect(undo).toHaveAttribute('data-steps', String(stepsBefore + 1), { timeout: 10_000 });
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });

  // the top bar's Undo takes the process back: the modeler shows the old name again
  await undo.click();
  await expect(task).toContainText('Rework goods');
  await expect(task).not.toContainText('返工');
  // one more undo reaches the participant edit
  await undo.click();
  await page.getByTestId('nav-participants').click();
  await expect(name).toHaveValue('王芳 Wang Fang');
  // redo both, the second with the keys while the focus is on a button
  await redo.click();
  await expect(name).toHaveValue('王芳 改名');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(redo).toBeDisabled();
  await page.getByTestId('nav-process').click();
  await expect(task).toContainText('返工');

  // and a reload finds the redone state
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  await page.reload();
  await expect(page.locator('[data-testid="bpmn-modeler"] g.djs-element[data-element-id="Task_Rework"]')).toContainText('返工', { timeout: 30_000 });
  await page.getByTestId('nav-participants').click();
  await expect(page.getByTestId('participant-name-wang-fang')).toHaveValue('王芳 改名');
  await expect(undo).toBeDisabled();
});
