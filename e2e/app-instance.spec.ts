/**
 * The instance view and the regulator's audit: three participants of the sample start an order
 * and do two tasks; the opened instance shows the diagram's done / active elements and a
 * timeline naming who did what; the regulator exports the audit package and its rows match the
 * timeline (transaction hashes, block numbers).
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

const PROCESS = 'order-fulfilment';
const element = (page: Page, id: string) => page.locator(`[data-testid="instance-diagram"] g.djs-element[data-element-id="${id}"]`);

test('an instance is followed on its diagram and timeline, and the regulator exports its audit', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1024, height: 900 });
  const studio = new StudioPage(page);

  // given the sample deployed
  await studio.open();
  await studio.waitForBuild();
  await studio.deploy();

  // when 王芳 starts an order, 张伟 accepts it and 李伟 books transport
  await studio.actAs('wang-fang');
  await studio.submit(`start-form-${PROCESS}`, { item: '齿轮箱, "gearbox"', quantity: '12' });
  await studio.actAs('zhang-wei');
  // the buyer's "confirmed" status line is not shown to the next participant
  await expect(page.getByTestId('last-act')).toHaveCount(0);
  await studio.completeTask('Task_ConfirmOrder', { unitPrice: '45000' }, 'Accept');
  await studio.actAs('li-wei');
  await studio.completeTask('Task_BookTransport', { pickupDate: '2026-12-01T09:30' });

  // then opening the instance from the keyboard shows its diagram with done and active elements
  await page.getByTestId(`instance-${PROCESS}-1`).getByRole('button').focus();
  await page.keyboard.press('Enter');
  const view = page.getByTestId(`instance-view-${PROCESS}-1`);
  await expect(view).toBeVisible();
  await expect(page.getByTestId('instance-diagram')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  for (const id of ['Start_OrderPlaced', 'Flow_1', 'Task_ConfirmOrder', 'Gateway_Accept', 'Flow_Accept', 'Gateway_Split', 'Task_BookTransport'])
    await expect(element(page, id), id).toHaveClass(/\bcf-done\b/);
  await expect(element(page, 'Task_Produce')).toHaveClass(/\bcf-active\b/);
  for (const id of ['Task_Ship', 'Flow_Reject', 'End_Rejected', 'End_Fulfilled']) await expect(element(page, id), id).toHaveClass(/\bcf-pending\b/);

  // and its timeline names each step's participant, block and transaction, with field labels and the chosen flow
  const entries = view.getByTestId('history-entry');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText('王芳 Wang Fang');
  await expect(entries.nth(0)).toContainText('Item');
  await expect(entries.nth(1)).toContainText('张伟 Zhang Wei');
  await expect(entries.nth(1)).toContainText('Accept');
  await expect(entries.nth(2)).toContainText('李伟 Li Wei');
  await expect(view.getByTestId('current-data')).toContainText('45000');
  const timeline = await entries.evaluateAll((els) => els.map((e) => ({ tx: e.getAttribute('data-tx'), block: Number(e.getAttribute('data-block')) })));

  // when the regulator exports the audit package
  await studio.actAs('regulator');
  await expect(page.getByTestId('regulator-section')).toBeVisible();
  await expect(page.getByTestId('work-list')).toHaveCount(0);
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('export-audit').click();
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect.poll(() => downloads.length).toBe(2);
  const byExt = async (ext: string) => readFile((await downloads.find((d) => d.suggestedFilename().endsWith(ext))!.path())!, 'utf8');

  // then the JSON has every step with the timeline's transactions and blocks, the chain and the integrity check
  const doc = JSON.parse(await byExt('.json'));
  expect(doc.chainId).toBe(1337);
  expect(doc.registry).toMatch(/^0x[0-9a-fA-F]{40}$/);
  expect(doc.processes[0].address).toMatch(/^0x[0-9a-fA-F]{40}$/);
  expect(['checked', 'not available']).toContain(doc.integrity.integrity);
  const rows = doc.steps.filter((r: { instanceId: string }) => r.instanceId === '1');
  expect(rows.map((r: { txHash: string; blockNumber: number }) => ({ tx: r.txHash, block: r.blockNumber }))).toEqual(timeline);
  expect(rows.map((r: { participant: string }) => r.participant)).toEqual(['王芳 Wang Fang', '张伟 Zhang Wei', '李伟 Li Wei']);
  expect(rows[0].data.Item).toBe('齿轮箱, "gearbox"');

  // and the CSV has the same transactions, with the Chinese text and the quoted comma intact
  const csv = await byExt('.csv');
  for (const { tx } of timeline) expect(csv).toContain(tx!);
  expect(csv).toContain('王芳 Wang Fang');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + doc.steps.length);
  expect(errors).toEqual([]);
});
