/**
 * The enum, decimal and participant field types in the collaboration app, against a real JSON-RPC
 * node: the quality-inspection sample is deployed from Node and the exported app is used in
 * Chromium. A decimal with more decimals than its scale is refused in words before anything is
 * sent; the inspector picker offers only participants of the Inspector role; a decimal, a
 * participant and an enum with Chinese values are submitted and shown back exactly, with units.
 */
import type { Server } from 'node:http';
import { JsonRpcProvider, Network } from 'ethers';
import { expect, test, type Page } from '@playwright/test';
import type { AppManifest, DeploymentRecord } from '../generators/index.js';
import { startLocalNode, type LocalNode } from './support/local-node.js';
import { deploySample, serveExportedApp, signInWithKeyFile } from './support/exported-app.js';

const PROCESS = 'quality-inspection';
const PASSPHRASE: Record<string, string> = { 'zhang-wei': '张伟的口令 types', 'li-na': '李娜的口令 types' };
const APP_PATH = '/apps/quality-inspection/';

let node: LocalNode;
let provider: JsonRpcProvider;
let manifest: AppManifest;
let deployment: DeploymentRecord;
let server: Server | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  node = await startLocalNode();
  provider = new JsonRpcProvider(node.url, Network.from(node.chainId), { staticNetwork: true, cacheTimeout: -1 });
  ({ manifest, deployment } = await deploySample(new URL('../generators/samples/quality-inspection/workspace.json', import.meta.url), provider, node.url));
});

test.afterAll(async () => {
  server?.close();
  provider?.destroy();
  await node?.stop();
});

async function signIn(page: Page, participantId: string) {
  await signInWithKeyFile(page, participantId, PASSPHRASE[participantId]);
  await expect(page.getByTestId('app-identity')).toHaveAttribute('data-participant', participantId, { timeout: 30_000 });
}

test('a decimal, an enum and a participant are filled in, refused when too precise, submitted and shown back', async ({ page, request }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const site = await serveExportedApp(request, { manifest, deployment, rpcUrl: node.url }, APP_PATH);
  server = site.server;
  await page.goto(site.url);
  await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 30_000 });

  // given 张伟 (Manufacturer) declares a batch: the weight's unit stands beside its input
  await signIn(page, 'zhang-wei');
  const start = page.getByTestId(`start-form-${PROCESS}`);
  await expect(start.getByTestId('field-unit-weight')).toHaveText('kg');
  // and the inspector picker offers only the participants holding the Inspector role
  const inspector = start.getByTestId('field-inspector');
  await expect(inspector.locator('option')).toHaveText(['Choose a participant (Inspector)…', '李娜 Li Na · 质检中心 QC Lab', '陈静 Chen Jing · 质检中心 QC Lab']);
  await inspector.selectOption({ label: '李娜 Li Na · 质检中心 QC Lab' });
  await start.getByTestId('field-unitPrice').fill('3.20');

  // when the weight has more decimals than its scale (3), then the form refuses it in words, sending nothing
  await start.getByTestId('field-weight').fill('12.3456');
  await start.getByTestId(`start-form-${PROCESS}-submit`).click();
  await expect(start.getByTestId('field-error-weight')).toHaveText('At most 3 decimals: “12.3456” has more');
  await expect(start.getByTestId(`start-form-${PROCESS}-errors`)).toContainText('Declared weight');
  await expect(start.getByTestId('field-weight')).toBeFocused();
  await expect(page.getByTestId('last-act')).toHaveCount(0);

  // when it is corrected to 12.5 kg, then the batch is started
  await start.getByTestId('field-weight').fill('12.5');
  await start.getByTestId(`start-form-${PROCESS}-submit`).click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });

  // given 李娜, the named inspector, grades it 合格 with a measured weight of 12.9 kg
  await page.getByTestId('app-sign-out').click();
  await signIn(page, 'li-na');
  const item = page.locator('[data-testid="work-item-Task_Inspect"][data-instance="1"]');
  await expect(item).toBeVisible({ timeout: 30_000 });
  const grade = item.getByTestId('field-质量等级');
  await expect(grade.locator('option')).toHaveText(['Choose…', '合格', '返工', '报废']);
  await grade.selectOption({ label: '合格' });
  await item.getByTestId('field-measured').fill('12.9');
  await item.getByTestId('task-form-Task_Inspect-submit').click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });

  // then the instance shows the values back as entered: exact decimals with units, the grade's text, the inspector by name
  await page.getByTestId(`instance-${PROCESS}-1`).getByRole('button').click();
  const data = page.getByTestId(`instance-view-${PROCESS}-1`).getByTestId('current-data');
  await expect(data).toContainText('Declared weight12.5 kg', { timeout: 30_000 });
  await expect(data).toContainText('Price per kg3.2 CNY');
  await expect(data).toContainText('Inspector李娜 Li Na');
  await expect(data).toContainText('Quality grade合格');
  await expect(data).toContainText('Measured weight12.9 kg');
  await expect(data).toContainText('Batch value41.28 CNY');
  // and the passed batch (within 0.5 kg) waits to be shipped
  await page.getByTestId('app-sign-out').click();
  await signIn(page, 'zhang-wei');
  await expect(page.locator('[data-testid="work-item-Task_Ship"][data-instance="1"]')).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});
