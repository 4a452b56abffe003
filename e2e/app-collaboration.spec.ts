/**
 * Three participants of the sample work one order together in the IDE's app: a started instance
 * appears live in the right participant's work list (no refresh: switch participant and it is
 * there), a form refused before sending names the field in error, tasks land with the roles that
 * hold them, and the process dashboard's numbers follow every step (instances by state,
 * throughput, step durations, who is holding work).
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

const PROCESS = 'order-fulfilment';

test('participants see work appear live and the dashboard follows each step', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1024, height: 900 });
  const studio = new StudioPage(page);
  const dashboard = page.getByTestId('dashboard');

  // given the sample deployed, with no instance yet
  await studio.open();
  await studio.waitForBuild();
  await studio.deploy();
  await studio.actAs('wang-fang');
  await studio.appTab('dashboard');
  await expect(dashboard).toContainText('No instances of this process yet');
  await studio.appTab('work');

  // when 王芳 (Buyer) starts an order, then it is not her work: Sales confirms orders
  await studio.submit(`start-form-${PROCESS}`, { item: '齿轮箱 gearbox', quantity: '12' });
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toBeVisible();
  await expect(studio.workItem('Task_ConfirmOrder')).toHaveCount(0);

  // when 张伟 (Sales) takes over, then the order is in his work list at once, and her status line is gone
  await studio.actAs('zhang-wei');
  await expect(page.getByTestId('last-act')).toHaveCount(0);
  await expect(studio.workItem('Task_ConfirmOrder')).toHaveAttribute('data-instance', '1');
  await expect(page.getByTestId('work-list').locator('.count-pill')).toHaveText('1');

  // a form submitted without its required price is refused before sending, naming the field, which gets the focus
  const form = page.getByTestId('task-form-Task_ConfirmOrder');
  await form.getByTestId('field-choice').selectOption({ label: 'Accept' });
  await form.getByTestId('task-form-Task_ConfirmOrder-submit').click();
  await expect(form.getByTestId('task-form-Task_ConfirmOrder-errors')).toContainText('Unit price (CNY cents): Required');
  await expect(form.getByTestId('field-unitPrice')).toBeFocused();
  await expect(form.getByTestId('field-unitPrice')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('last-act')).toHaveCount(0); // nothing was sent
  await studio.completeTask('Task_ConfirmOrder', { unitPrice: '45000' }, 'Accept');

  // then production and transport are waiting, each in its own holder's list only
  await studio.actAs('line-3');
  await expect(studio.workItem('Task_Produce')).toBeVisible();
  await expect(studio.workItem('Task_BookTransport')).toHaveCount(0);
  await studio.actAs('li-wei');
  await expect(studio.workItem('Task_BookTransport')).toBeVisible();
  await expect(studio.workItem('Task_Produce')).toHaveCount(0);

  // and the dashboard shows one running instance waiting at both tasks, held by Production and Carrier
  await studio.appTab('dashboard');
  await expect(page.getByTestId('dash-running')).toHaveText('1');
  await expect(page.getByTestId('dash-ended')).toHaveText('0');
  await expect(page.getByTestId('dash-waiting-Task_Produce')).toContainText('1');
  await expect(page.getByTestId('dash-waiting-Task_BookTransport')).toContainText('1');
  await expect(page.getByTestId('dash-holder-Production')).toHaveAttribute('data-waiting', '1');
  await expect(page.getByTestId('dash-holder-Production')).toContainText('Assembly line 3');
  await expect(page.getByTestId('dash-holder-Carrier')).toContainText('李伟 Li Wei');
  await expect(page.getByTestId('dash-duration-Task_ConfirmOrder')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('dash-throughput-row')).toHaveCount(1);
  await expect(page.getByTestId('dash-throughput-row').first()).toHaveAttribute('data-started', '1');
  await expect(dashboard.locator('svg[role="img"]').first()).toBeVisible();

  // when the order is worked to its end by the three of them
  await studio.appTab('work');
  await studio.completeTask('Task_BookTransport', { pickupDate: '2026-12-01T09:30' });
  await studio.actAs('line-3');
  await studio.completeTask('Task_Produce', { batchNo: 'B-2026-07' });
  await studio.actAs('li-wei');
  await studio.completeTask('Task_Ship', { trackingNo: 'SF1234567' });
  await studio.actAs('wang-fang');
  await studio.completeTask('Task_Inspect', { defects: '0' });
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'ended');

  // then the dashboard counts it ended, nobody holds work, and every step has a duration
  await studio.appTab('dashboard');
  await expect(page.getByTestId('dash-running')).toHaveText('0');
  await expect(page.getByTestId('dash-ended')).toHaveText('1');
  await expect(page.getByTestId('dash-holders')).toContainText('Nobody is holding work');
  // (blocks of one day: counted per block range; the start and the end fall in different ranges)
  await expect(page.getByTestId('dash-throughput')).toHaveAttribute('data-mode', 'blocks');
  const totals = await page
    .getByTestId('dash-throughput-row')
    .evaluateAll((rows) => rows.reduce((t, r) => [t[0] + Number(r.getAttribute('data-started')), t[1] + Number(r.getAttribute('data-ended'))], [0, 0]));
  expect(totals).toEqual([1, 1]);
  for (const task of ['Task_ConfirmOrder', 'Task_Produce', 'Task_BookTransport', 'Task_Ship', 'Task_Inspect'])
    await expect(page.getByTestId(`dash-duration-${task}`), task).toHaveAttribute('data-count', '1');

  // and in Chinese the dashboard speaks Chinese
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByTestId('dash-state')).toContainText('按状态统计实例');
  expect(errors).toEqual([]);
});
