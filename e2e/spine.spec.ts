/**
 * The spine, as a user lives it: open the IDE with the sample, see the generated Solidity,
 * deploy to the bundled ledger, then act as each participant in turn until the order ends.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

const PROCESS = 'order-fulfilment';

test('Order fulfilment is designed, deployed and completed by its participants', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const studio = new StudioPage(page);

  // given the IDE opened on the sample workspace
  await studio.open();
  await expect(page.getByTestId('workspace-name')).toHaveValue('Order fulfilment');
  await studio.waitForBuild();

  // then the generated contract is shown in the code panel
  await page.getByTestId('code-tab-OrderFulfilment.sol').click();
  await expect(page.getByTestId('code-editor')).toContainText('contract OrderFulfilment', { timeout: 30_000 });

  // when the design is deployed to the bundled ledger
  await studio.deploy();
  await expect(page.getByTestId('deploy-step').first()).toHaveAttribute('data-status', 'confirmed');

  // and the buyer (王芳) starts an order
  await studio.actAs('wang-fang');
  await studio.submit(`start-form-${PROCESS}`, { item: '齿轮箱壳体 gearbox housing', quantity: '120' });
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'running');
  // the buyer has nothing to do until the supplier confirms
  await expect(studio.workItem('Task_ConfirmOrder')).toHaveCount(0);

  // then sales (张伟) sees only the confirmation, and accepts the order
  await studio.actAs('zhang-wei');
  await expect(studio.workItem('Task_ConfirmOrder')).toBeVisible();
  await expect(studio.workItem('Task_Produce')).toHaveCount(0);
  await studio.completeTask('Task_ConfirmOrder', { unitPrice: '45000' }, 'Accept');

  // production and transport run in parallel; shipping waits for both
  await studio.actAs('li-wei');
  await expect(studio.workItem('Task_BookTransport')).toBeVisible();
  await expect(studio.workItem('Task_Produce')).toHaveCount(0); // not the carrier's task
  await studio.completeTask('Task_BookTransport', { pickupDate: '2026-12-01T09:30' });
  await expect(studio.workItem('Task_Ship')).toHaveCount(0);

  await studio.actAs('line-3');
  await studio.completeTask('Task_Produce', { batchNo: 'B-2026-117' });

  await studio.actAs('li-wei');
  await studio.completeTask('Task_Ship', { trackingNo: 'SF1234567' });

  // the buyer finds 5 defects: the goods go back for rework, then ship again
  await studio.actAs('wang-fang');
  await studio.completeTask('Task_Inspect', { defects: '5' });
  await studio.actAs('line-3');
  await studio.completeTask('Task_Rework');
  await studio.actAs('li-wei');
  await studio.completeTask('Task_Ship', { trackingNo: 'SF1234568' });
  await studio.actAs('wang-fang');
  await studio.completeTask('Task_Inspect', { defects: '0' });

  // then the instance has ended and its history tells every step
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'ended', { timeout: 30_000 });
  await page.getByTestId(`instance-${PROCESS}-1`).click();
  await expect(page.getByTestId('history-entry').filter({ hasText: 'Rework goods' })).toHaveCount(1, { timeout: 30_000 });
  expect(await page.getByTestId('history-entry').count()).toBeGreaterThanOrEqual(9);

  // and a reload keeps the workspace, the chain and the instance
  await page.reload();
  await expect(page.getByTestId('workspace-name')).toHaveValue('Order fulfilment', { timeout: 30_000 });
  await page.getByTestId('nav-app').click();
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'ended', { timeout: 60_000 });
  expect(errors).toEqual([]);
});
