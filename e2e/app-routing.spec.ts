/**
 * What a task's values will decide, shown live beside the inputs of the exported app (on a ledger
 * copy of the export-shipment sample): registering an export order, the declared value says whether
 * the order goes to the insurer (`value >= 10000 -> Insure`) as it is typed, and in Chinese too; the
 * step sent with it takes that path on chain.
 */
import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { serveLedgerCopyApp } from './support/ledger-copy-app.js';

const PASSPHRASE = 'routing 路由 preview';
let site: { server: Server; url: string } | undefined;

test.afterAll(() => {
  site?.server.close();
});

test('a task form says, as the user types, where the values send the instance', async ({ page, request }) => {
  test.setTimeout(180_000);
  site = await serveLedgerCopyApp(request, PASSPHRASE, '/apps/routing/', 'export-shipment');
  await page.goto(site.url);
  await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('sign-in-as-zhang-wei').click();
  await expect(page.getByTestId('sign-in-file-note')).toHaveAttribute('data-origin', 'shipped', { timeout: 30_000 });
  await page.getByTestId('sign-in-passphrase').fill(PASSPHRASE);
  await page.getByTestId('sign-in-unlock').click();
  await expect(page.getByTestId('app-identity')).toHaveAttribute('data-participant', 'zhang-wei', { timeout: 30_000 });

  // given an export order started, its registration is in 张伟's work list
  await page.getByTestId('start-form-export-shipment-submit').click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
  const task = page.getByTestId('work-item-Task_Register');
  await expect(task).toBeVisible({ timeout: 30_000 });

  // when a value is typed, the insurance branch says whether it holds, live
  const value = task.getByTestId('field-value');
  const insure = task.getByTestId('routing-value').locator('[data-flow="Flow_Insure"]');
  await expect(insure).toHaveAttribute('data-state', 'unknown');
  await value.fill('25000');
  await expect(insure).toHaveAttribute('data-state', 'taken');
  await expect(insure).toContainText('value >= 10000');
  await expect(insure).toContainText('goes to “Insure”');
  await expect(insure).toContainText('holds now');
  await value.fill('9999');
  await expect(insure).toHaveAttribute('data-state', 'not-taken');
  await expect(insure).toContainText('not now');
  // the hint is part of the input's description, for screen readers
  await expect(value).toHaveAccessibleDescription(/value >= 10000/);
  // the customs branch follows the checkbox
  const customs = task.getByTestId('routing-outsideUnion').locator('[data-flow="Flow_Customs"]');
  await expect(customs).toHaveAttribute('data-state', 'not-taken');
  await task.getByTestId('field-outsideUnion').check();
  await expect(customs).toHaveAttribute('data-state', 'taken');
  // and in Chinese
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(insure).toContainText('当前不成立');
  await page.getByTestId('language-switch').selectOption('en');

  // when the step is sent with 25000, the chain takes the path the form announced
  await value.fill('25000');
  await task.getByTestId('task-form-Task_Register-submit').click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
  const row = page.getByTestId('instance-export-shipment-1');
  await expect(row).toContainText('Insure cargo', { timeout: 30_000 });
  await expect(row).toContainText('Clear customs');
});
