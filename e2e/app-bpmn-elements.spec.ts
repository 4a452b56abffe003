/**
 * The collaboration app for the newer BPMN elements, in the IDE on the bundled ledger: the
 * credit-check sample (an embedded subprocess, an error boundary on it, a message boundary the supplier
 * withdraws by, a 2-of-3 multi-instance approval) and the maintenance-order sample (a service task asking a device, a receive task, sent
 * messages) are imported, deployed and used as their participants. Work items say k of n and who
 * did their part (an officer who approved no longer sees the task), what a device was asked and
 * whose message a receive task is; the instance view tells the subprocess, the caught error, the
 * request and the sent messages.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

async function importSample(page: Page, studio: StudioPage, sample: string, firstParticipant: string) {
  await studio.open();
  const dialog = page.getByTestId('workspaces-dialog');
  await page.getByTestId('workspaces-open').click();
  await expect(dialog).toBeVisible();
  const json = readFileSync(new URL(`../generators/samples/${sample}/workspace.json`, import.meta.url));
  await dialog.getByTestId('workspace-import-file').setInputFiles({ name: `${sample}.json`, mimeType: 'application/json', buffer: json });
  await studio.setPassphrase();
  await expect(dialog.getByTestId('import-report')).toHaveAttribute('data-ok', 'true');
  await dialog.getByTestId('workspaces-close').click();
  await expect(dialog).toHaveCount(0);
  // the imported participants get their keys after the passphrase: the design that is deployed must have their addresses
  await page.getByTestId('nav-participants').click();
  await expect(page.getByTestId(`participant-address-${firstParticipant}`)).toContainText('0x', { timeout: 30_000 });
  await page.waitForTimeout(1_000); // the build starts 400 ms after the last change of the design
  await studio.waitForBuild();
  await studio.deploy();
}

test('multi-instance approval counts k of n and leaves those who did their part; the subprocess and the caught error are told', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const studio = new StudioPage(page);
  const P = 'invoice-financing';
  await importSample(page, studio, 'credit-check', 'zhou-min');

  // given an invoice whose credit check Olga passes
  await studio.actAs('zhou-min');
  await studio.submit(`start-form-${P}`, { invoiceNo: 'INV-2026 发票', amount: '250000' });
  await studio.actAs('olga-berg');
  await studio.completeTask('Task_Review', { score: '720' });
  await studio.completeTask('Task_ConfirmLimit');

  // then the approval is a work item of each officer, 0 of 3 done, two are enough
  const approve = studio.workItem('Task_Approve');
  await expect(approve.getByTestId('multi-progress')).toHaveText('0 of 3 done · 2 are enough', { timeout: 30_000 });

  // when Olga approves, then she no longer sees the task (the contract would refuse her a second time)
  await studio.completeTask('Task_Approve', { comment: '同意 approved' });
  // and Chen Gang sees 1 of 3, done by Olga
  await studio.actAs('chen-gang');
  await expect(approve.getByTestId('multi-progress')).toHaveText('1 of 3 done · 2 are enough · done by Olga Berg', { timeout: 30_000 });
  await studio.actAs('olga-berg');
  await expect(page.getByTestId('work-list')).toBeVisible();
  await expect(approve).toHaveCount(0);

  // and the instance view tells the approvals so far and that the credit check was left
  await page.getByTestId(`instance-${P}-1`).getByRole('button').click();
  const view = page.getByTestId(`instance-view-${P}-1`);
  await expect(view.getByTestId('instance-multi-Task_Approve')).toHaveText('Approve financing: 1 of 3 done · 2 are enough · done by Olga Berg', { timeout: 30_000 });
  await expect(view.getByTestId('subprocess-states').locator('[data-element="Sub_CreditCheck"]')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('instance-diagram')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.locator('[data-testid="instance-diagram"] g.djs-element[data-element-id="Task_Approve"]')).toHaveClass(/\bcf-active\b/);
  await view.getByTestId('instance-view-close').click();

  // when Chen Gang approves too, then two are enough: the funds are to be disbursed
  await studio.actAs('chen-gang');
  await studio.completeTask('Task_Approve', { comment: 'ok' });
  await expect(studio.workItem('Task_Disburse')).toBeVisible({ timeout: 30_000 });
  await studio.actAs('maria-rossi');
  await expect(page.getByTestId('work-list')).toBeVisible();
  await expect(approve).toHaveCount(0);

  // given a second invoice whose score is too low: the error end inside the check is caught by its boundary
  await studio.actAs('zhou-min');
  await studio.submit(`start-form-${P}`, { invoiceNo: 'INV-2', amount: '90000' });
  await studio.actAs('olga-berg');
  await expect(page.getByTestId('work-list').locator('[data-testid="work-item-Task_Review"][data-instance="2"]')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('work-list').locator('[data-testid="work-item-Task_Review"][data-instance="2"]').getByTestId('field-score').fill('410');
  await page.getByTestId('work-list').locator('[data-testid="work-item-Task_Review"][data-instance="2"]').getByTestId('task-form-Task_Review-submit').click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
  await page.getByTestId(`instance-${P}-2`).getByRole('button').click();
  const second = page.getByTestId(`instance-view-${P}-2`);
  const caught = second.locator('[data-testid="history-entry"][data-kind="errorCaught"]');
  await expect(caught).toContainText('Error caught by “Credit rejected”: CREDIT_REJECTED · “信用审查 Credit check” was left', { timeout: 30_000 });
  // right after the review whose transaction threw it
  const kinds = await second.getByTestId('history-entry').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-element')}`));
  expect(kinds).toEqual(['started:Start_Invoice', 'completed:Task_Review', 'errorCaught:Error_CreditRejected']);
  await expect(second.getByTestId('subprocess-states').locator('[data-element="Sub_CreditCheck"]')).toHaveAttribute('data-state', 'done');
  await second.getByTestId('instance-view-close').click();

  // given a third invoice: while the check runs, the supplier may withdraw it (a message boundary on the subprocess)
  await studio.actAs('zhou-min');
  await studio.submit(`start-form-${P}`, { invoiceNo: 'INV-3', amount: '1000' });
  const withdraw = page.getByTestId('work-list').locator('[data-testid="work-item-Message_Withdraw"][data-instance="3"]');
  await expect(withdraw.getByTestId('message-expected')).toHaveText('Message from Supplier: you deliver it to the process with the form below. Delivering it stops “信用审查 Credit check”.', { timeout: 30_000 });
  // when the supplier withdraws it, then the check is left and nothing of it is a work item any more
  await withdraw.getByTestId('field-withdrawReason').fill('客户已付款 paid');
  await withdraw.getByTestId('task-form-Message_Withdraw-submit').click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
  await expect(withdraw).toHaveCount(0, { timeout: 30_000 });
  await page.getByTestId(`instance-${P}-3`).getByRole('button').click();
  const third = page.getByTestId(`instance-view-${P}-3`);
  await expect(third.getByTestId('subprocess-states').locator('[data-element="Sub_CreditCheck"]')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const thirdKinds = await third.getByTestId('history-entry').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-element')}`));
  // and the instance ended with the withdrawal
  expect(thirdKinds).toEqual(['started:Start_Invoice', 'completed:Message_Withdraw', 'ended:']);
  await studio.actAs('olga-berg');
  await expect(page.getByTestId('work-list')).toBeVisible();
  await expect(page.getByTestId('work-list').locator('[data-testid="work-item-Task_Review"][data-instance="3"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a device sees what it was asked, the supplier whose message it delivers, and the timeline tells the request and the sent messages', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const studio = new StudioPage(page);
  const P = 'maintenance-order';
  await importSample(page, studio, 'maintenance-order', 'chen-jing');

  // given the press's gateway reports a vibration: its diagnosis is requested from it with the reading
  await studio.actAs('press-7-gateway');
  await studio.submit(`start-form-${P}`, { machineId: 'PRESS-7 压机', vibration: '42' });
  const diagnose = studio.workItem('Service_Diagnose');
  await expect(diagnose.getByTestId('service-request')).toContainText('PRESS-7 压机', { timeout: 30_000 });
  await expect(diagnose.getByTestId('service-request')).toContainText('42');
  await diagnose.getByTestId('field-faultCode').fill('BRG-3');
  await diagnose.getByTestId('field-partNeeded').check();
  await diagnose.getByTestId('task-form-Service_Diagnose-submit').click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });

  // then the parts desk delivers the supplier's message with its payload fields
  await studio.actAs('parts-desk');
  const receive = studio.workItem('Receive_Part');
  await expect(receive.getByTestId('message-expected')).toContainText('Message from Supplier', { timeout: 30_000 });
  await expect(receive.getByTestId('field-deliveryNote')).toBeVisible();

  // and the timeline tells the request to the device and the part order sent, with their values
  await page.getByTestId(`instance-${P}-1`).getByRole('button').click();
  const view = page.getByTestId(`instance-view-${P}-1`);
  const requested = view.locator('[data-testid="history-entry"][data-kind="requested"]');
  await expect(requested).toContainText('Requested from 压力机7号 传感器网关: Run diagnostics', { timeout: 30_000 });
  await expect(requested).toContainText('PRESS-7 压机');
  const sent = view.locator('[data-testid="history-entry"][data-kind="sent"]');
  await expect(sent.first()).toContainText('Order spare part sent with:');
  await expect(sent.first()).toContainText('BRG-3');
  expect(errors).toEqual([]);
});

test('a timer-started process says which round is due, starts once in the round and refuses a second start in words', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const studio = new StudioPage(page);
  const P = 'inspection-round';
  // given the daily inspection round (R/2026-01-01T08:00+08:00/P1D), deployed on the bundled ledger
  await importSample(page, studio, 'inspection-round', 'zhao-lei');
  await studio.actAs('zhao-lei');

  // then the start form tells the schedule and that the current round is due
  const note = page.getByTestId(`start-timer-${P}`);
  await expect(note).toHaveAttribute('data-due', 'yes');
  await expect(note).toContainText('one instance per round, every 1d');
  await expect(note).toContainText('The current round is due since');

  // when the inspector starts today's round, then it runs
  await studio.submit(`start-form-${P}`, { 班次: '早班 morning' });
  await expect(page.getByTestId(`instance-${P}-1`)).toBeVisible();
  await expect(studio.workItem('Task_Inspect')).toHaveAttribute('data-instance', '1', { timeout: 30_000 });

  // when someone starts again in the same round, then the contract refuses it, in words, and no instance is added
  await studio.actAs('sun-li');
  const form = page.getByTestId(`start-form-${P}`);
  await form.getByTestId('field-班次').fill('晚班 evening');
  await form.getByTestId(`start-form-${P}-submit`).click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(page.getByTestId('last-act')).toContainText('"每日巡检" is not due yet: the next instance can be started from');
  await expect(page.getByTestId(`instance-${P}-2`)).toHaveCount(0);
  expect(errors).toEqual([]);
});
