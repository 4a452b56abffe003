/**
 * A collaboration of three executable pools in the IDE's app (the supply-chain-finance sample): one
 * contract runs the manufacturer's, the carrier's and the bank's processes; the carrier's and the
 * bank's work appears once the messages that start their pools are sent; the receivers of messages
 * between pools are nobody's work (they fire by themselves); the instance ends when every pool has.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

const PROCESS = 'supply-chain-finance';

test('three pools work one financed delivery together in the app', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();

  // given a workspace made from the sample, built and deployed
  await page.getByTestId('workspaces-open').click();
  const dialog = page.getByTestId('workspaces-dialog');
  await dialog.getByTestId('workspace-sample').selectOption(PROCESS);
  await dialog.getByTestId('workspace-create-sample').click();
  await studio.setPassphrase();
  await expect(page.getByTestId('workspace-name')).toHaveValue('Supply chain finance');
  if (await dialog.isVisible()) await dialog.getByTestId('workspaces-close').click();
  await studio.waitForBuild();
  await studio.deploy();

  // when 王芳 (manufacturer) starts an order and arranges its shipment
  await studio.actAs('wang-fang');
  await studio.submit(`start-form-${PROCESS}`, { orderNo: 'PO-2026-118', amount: '880000' });
  await studio.completeTask('Task_ArrangeShipment', { goods: '齿轮箱壳体 Gearbox housings' });
  // then her pool waits for the bill of lading: a receiver, nobody's work item
  await expect(studio.workItem('Receive_BillOfLading')).toHaveCount(0);

  // and the consignment started the carrier's pool: 李伟 loads (his bill of lading starts the bank's pool) and delivers
  await studio.actAs('li-wei');
  await studio.completeTask('Task_Load', { trackingNo: 'SF1234' });
  await studio.completeTask('Task_Deliver', { receivedBy: '赵强 Zhao Qiang' });

  // when 陈静 (bank) approves: the delivery confirmation, buffered meanwhile, is received at once
  await studio.actAs('chen-jing');
  await expect(studio.workItem('Task_Assess')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('task-form-Task_Assess').getByTestId('field-approved').check();
  await studio.completeTask('Task_Assess');
  await studio.completeTask('Task_Disburse', { loanAmount: '700000' });

  // then the decision reached the manufacturer and every pool has ended: the instance has ended
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'ended', { timeout: 30_000 });
  expect(errors).toEqual([]);
});
