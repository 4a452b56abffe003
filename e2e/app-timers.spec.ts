/**
 * Timers and stale forms in the collaboration app, against a real JSON-RPC node whose clock the
 * test moves (Hardhat's evm_increaseTime): the timer-escalation sample is deployed from Node, the
 * exported app is served and used in Chromium. A waiting deadline shows its due time; triggering
 * it early is refused in words; once the chain's clock passes it the timer shows overdue and a
 * Trigger fires it. A task form left open while someone else completes the task is refused in
 * words, and the task leaves the work list live. The dashboard counts the result.
 */
import type { Server } from 'node:http';
import { Contract, JsonRpcProvider, Network } from 'ethers';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { AppManifest, DeploymentRecord } from '../generators/index.js';
import { devWallet } from '../src/cli/dev-keys.js';
import { startLocalNode, type LocalNode } from './support/local-node.js';
import { deploySample, serveExportedApp, signInWithKeyFile } from './support/exported-app.js';

const PROCESS = 'order-escalation';
const PASSPHRASE: Record<string, string> = { 'wang-fang': '王芳的口令 timers', 'zhang-wei': '张伟的口令 timers' };
const APP_PATH = '/apps/order-escalation/';

let node: LocalNode;
let provider: JsonRpcProvider;
let manifest: AppManifest;
let deployment: DeploymentRecord;
let server: Server | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  node = await startLocalNode();
  provider = new JsonRpcProvider(node.url, Network.from(node.chainId), { staticNetwork: true, cacheTimeout: -1 });
  ({ manifest, deployment } = await deploySample(new URL('../generators/samples/timer-escalation/workspace.json', import.meta.url), provider, node.url));
});

test.afterAll(async () => {
  server?.close();
  provider?.destroy();
  await node?.stop();
});

/** The exported app (the production build's runtime files with this deployment), served under APP_PATH. */
async function serveApp(request: APIRequestContext): Promise<string> {
  const site = await serveExportedApp(request, { manifest, deployment, rpcUrl: node.url }, APP_PATH);
  server = site.server;
  return site.url;
}

async function signIn(page: Page, participantId: string) {
  await signInWithKeyFile(page, participantId, PASSPHRASE[participantId]);
  await expect(page.getByTestId('app-identity')).toHaveAttribute('data-participant', participantId, { timeout: 30_000 });
}

const rpc = (method: string, params: unknown[] = []) => provider.send(method, params);

test('timers show their due time, refuse an early trigger, fire when overdue; a stale task form is refused in words', async ({ page, request }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(await serveApp(request));
  await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 30_000 });

  // given 王芳 (Buyer) starts an order: its 48-hour confirmation deadline starts
  await signIn(page, 'wang-fang');
  const start = page.getByTestId(`start-form-${PROCESS}`);
  await start.getByTestId('field-item').fill('齿轮箱壳体 gearbox housing');
  await start.getByTestId(`start-form-${PROCESS}-submit`).click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
  const deadline = page.getByTestId('work-timers').getByTestId('timer-Timer_ConfirmDeadline');
  await expect(deadline).toHaveAttribute('data-state', 'waiting', { timeout: 30_000 });
  await expect(deadline).toContainText('Deadline of “Confirm order”');
  await expect(deadline.getByTestId('timer-state')).toContainText(/in (1d 23h|2d)/);

  // when she triggers it now, then the contract refuses and the reason says from when it can fire
  await deadline.getByTestId('timer-trigger').click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(page.getByTestId('last-act')).toContainText('"48 hours passed" is not due yet in instance #1: it can fire from 20');

  // when the chain's clock moves past the deadline, then the timer shows overdue without a reload
  await rpc('evm_increaseTime', [48 * 3600 + 60]);
  await rpc('evm_mine');
  await expect(deadline).toHaveAttribute('data-state', 'overdue', { timeout: 30_000 });
  await expect(deadline.getByTestId('timer-state')).toContainText('overdue by');

  // and a trigger fires it: the order escalates to the buyer, and the instance shows who fired it
  await deadline.getByTestId('timer-trigger').click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
  await expect(page.getByTestId('work-item-Task_Escalate')).toHaveAttribute('data-instance', '1', { timeout: 30_000 });
  await expect(deadline).toHaveCount(0);
  await page.getByTestId(`instance-${PROCESS}-1`).getByRole('button').click();
  await expect(page.getByTestId('fired-timers')).toContainText('Timer “48 hours passed” fired, triggered by 王芳 Wang Fang', { timeout: 30_000 });
  // and the timeline tells it between the start and what follows, with who fired it
  const timerEntry = page.getByTestId(`instance-view-${PROCESS}-1`).getByTestId('history-entry').nth(1);
  await expect(timerEntry).toContainText('Timer fired: 48 hours passed', { timeout: 30_000 });
  await expect(timerEntry).toContainText('王芳 Wang Fang');

  // given a second order, which 张伟 (Sales) has open in his work list, with its deadline on the task
  await start.getByTestId('field-item').fill('轴承 bearings');
  await start.getByTestId(`start-form-${PROCESS}-submit`).click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
  await page.getByTestId('app-sign-out').click();
  await signIn(page, 'zhang-wei');
  const item = page.locator('[data-testid="work-item-Task_ConfirmOrder"][data-instance="2"]');
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(item.getByTestId('task-deadline')).toHaveAttribute('data-state', 'waiting');

  // when the same task is completed elsewhere first (his other device; the block is not mined yet)
  await rpc('evm_setAutomine', [false]);
  try {
    const sales = devWallet('zhang-wei').connect(provider);
    const contract = new Contract(deployment.processes[PROCESS].address, manifest.processes[0].abi as never, sales);
    const confirm = manifest.processes[0].tasks.find((t) => t.elementId === 'Task_ConfirmOrder')!.functionName;
    await contract.getFunction(confirm)(2n, { type: 0, gasPrice: 0n });
    // then his open form is refused with the reason in words
    await item.getByTestId('task-form-Task_ConfirmOrder-submit').click();
    await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
    await expect(page.getByTestId('last-act')).toContainText('"Confirm order" cannot be done in instance #2 now: it is not (or no longer) waiting for it.');
  } finally {
    await rpc('evm_setAutomine', [true]);
    await rpc('evm_mine');
  }
  // and once the other completion is mined, the task leaves his work list by itself
  await expect(item).toHaveCount(0, { timeout: 30_000 });

  // and the dashboard counts two running orders: one escalated to the Buyer, one waiting for the Carrier
  await page.getByTestId('app-tab-dashboard').click();
  await expect(page.getByTestId('dash-running')).toHaveText('2', { timeout: 30_000 });
  await expect(page.getByTestId('dash-holder-Buyer')).toHaveAttribute('data-waiting', '1');
  await expect(page.getByTestId('dash-holder-Carrier')).toHaveAttribute('data-waiting', '1');
  await expect(page.getByTestId('dash-duration-Task_ConfirmOrder')).toHaveAttribute('data-count', '1');
  expect(errors).toEqual([]);
});
