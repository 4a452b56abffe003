/**
 * The enum, decimal and participant field types in the collaboration app, against a real JSON-RPC
 * node: the quality-inspection sample is deployed from Node and the exported app is used in
 * Chromium. A decimal with more decimals than its scale is refused in words before anything is
 * sent; the inspector picker offers only participants of the Inspector role; a decimal, a
 * participant and an enum with Chinese values are submitted and shown back exactly, with units.
 * In the designer, a field's type offers its settings (enum values, decimal scale, unit, role filter)
 * and a condition naming a value outside the enum is refused where it is written.
 */
import type { Server } from 'node:http';
import { JsonRpcProvider, Network } from 'ethers';
import { expect, test, type Page } from '@playwright/test';
import type { AppManifest, DeploymentRecord } from '../generators/index.js';
import { startLocalNode, type LocalNode } from './support/local-node.js';
import { deploySample, serveExportedApp, signInWithKeyFile } from './support/exported-app.js';
import { entry, select } from './support/modeler-select.js';
import { StudioPage } from './pages/studio-page.js';

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

test('the designer offers each type\'s settings and checks enum conditions against the values', async ({ page }) => {
  test.setTimeout(120_000);
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  // given "Inspect delivery" gets a new field of type enum with Chinese values, one per line
  await select(page, 'Task_Inspect');
  await page.locator('[data-testid="properties-panel"] [data-group-id="group-cf-fields"] .bio-properties-panel-add-entry').click();
  const id = (suffix: string) => entry(page, `Task_Inspect-cf-field-1-${suffix}`);
  await id('name').locator('input').fill('grade');
  await id('type').locator('select').selectOption('enum');
  await id('values').locator('textarea').fill('合格\n返工\n报废');
  await expect(id('scale')).toHaveCount(0);
  await expect(id('unit')).toBeVisible();

  // when a condition compares it with a value it does not have, then the error names the values
  await select(page, 'Flow_Ok');
  const condition = entry(page, 'cf-condition');
  await condition.locator('input').fill('defects <= 2 and grade = "优秀"');
  await expect(condition.locator('.bio-properties-panel-error')).toContainText('"优秀" is not a value of grade (合格, 返工, 报废)');
  // and with one of its values the condition is accepted and the design builds without errors
  await condition.locator('input').fill('defects <= 2 and grade = "合格"');
  await expect(condition.locator('.bio-properties-panel-error')).toHaveCount(0);
  await studio.waitForBuild();
  await expect(page.locator('[data-testid="problem-row"][data-severity="error"]')).toHaveCount(0);

  // when the field becomes a decimal, then it gets a scale (2) instead of values, and a unit
  await select(page, 'Task_Inspect');
  // the panel shows the field's entry collapsed after a reselect: open it
  const item = entry(page, 'Task_Inspect-cf-field-1');
  if (!(await id('type').locator('select').isVisible())) await item.locator('.bio-properties-panel-collapsible-entry-header').first().click();
  await id('type').locator('select').selectOption('decimal');
  await expect(id('values')).toHaveCount(0);
  await expect(id('scale').locator('input')).toHaveValue('2');
  await id('unit').locator('input').fill('kg');
  // and as a participant it offers a role filter over the consortium's roles
  await id('type').locator('select').selectOption('participant');
  await expect(id('scale')).toHaveCount(0);
  const roles = id('role').locator('select option');
  await expect(roles.first()).toHaveText('Any participant');
  await expect(roles).toContainText(['Buyer']);
});
