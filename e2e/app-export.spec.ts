/**
 * The exported collaboration app against a real JSON-RPC node: the sample is deployed from Node
 * to a local Hardhat node (zero base fee, like a free-gas consortium chain), the app is built from
 * the production build's runtime files with the same function "Export app" uses, served by a tiny
 * static server under a sub-path, and used in Chromium: participants sign in with their keystore
 * files (a wrong passphrase is refused and keeps everything), start an instance and complete a
 * task with no ether, and see both confirmed and in the timeline. A second test checks the IDE's
 * Export app download itself.
 */
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { JsonRpcProvider, Network } from 'ethers';
import { expect, test, type Page } from '@playwright/test';
import type { AppManifest, DeploymentRecord } from '../generators/index.js';
import { createProcessClient } from '../src/chain/process-client.js';
import { devWallet } from '../src/cli/dev-keys.js';
import { parseAppConfig } from '../src/standalone/app-config.js';
import { startLocalNode, type LocalNode } from './support/local-node.js';
import { deploySample, runtimeFiles, serveExportedApp, signInWithKeyFile } from './support/exported-app.js';
import { StudioPage } from './pages/studio-page.js';

const PROCESS = 'order-fulfilment';
const PASSPHRASE: Record<string, string> = { 'wang-fang': '王芳的密钥口令 2026', 'zhang-wei': '张伟的口令 sales' };
const APP_PATH = '/apps/order-fulfilment/';

let node: LocalNode;
let provider: JsonRpcProvider;
let manifest: AppManifest;
let deployment: DeploymentRecord;
let site: { server: Server; url: string } | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  node = await startLocalNode();
  provider = new JsonRpcProvider(node.url, Network.from(node.chainId), { staticNetwork: true, cacheTimeout: -1 });
  ({ manifest, deployment } = await deploySample(new URL('../generators/samples/order-fulfilment/workspace.json', import.meta.url), provider, node.url));
});

test.afterAll(async () => {
  site?.server.close();
  provider?.destroy();
  await node?.stop();
});

const signIn = (page: Page, participantId: string, typed = PASSPHRASE[participantId]) => signInWithKeyFile(page, participantId, PASSPHRASE[participantId], typed);

async function submit(page: Page, formTestId: string, values: Record<string, string>, choice?: string) {
  const form = page.getByTestId(formTestId);
  for (const [field, value] of Object.entries(values)) await form.getByTestId(`field-${field}`).fill(value);
  if (choice) await form.getByTestId('field-choice').selectOption({ label: choice });
  await form.getByTestId(`${formTestId}-submit`).click();
  await expect(page.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
}

test('the exported app signs in with a key file and runs a process on a real node, paying no gas', async ({ page, request }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // given the app exported from the build with the node's deployment, served under a sub-path
  site = await serveExportedApp(request, { manifest, deployment, rpcUrl: node.url }, APP_PATH);

  // when it is opened, it connects to the node and says the chain and that gas is free
  await page.goto(site.url);
  await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('app-network')).toContainText('chain 31337');
  await expect(page.getByTestId('app-network')).toContainText('free gas');
  await expect(page.getByTestId('app-workspace-name')).toHaveText(manifest.workspaceName);

  // a node that does not answer is said so, and Settings brings back the config's node
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-rpc-url').fill('http://127.0.0.1:9');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('connection-problem')).toHaveAttribute('data-kind', 'unreachable', { timeout: 30_000 });
  await page.getByTestId('open-settings-problem').click();
  await page.getByTestId('settings-reset').click();
  await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 30_000 });

  // when 王芳 types a wrong passphrase, then it is refused in words and her choice and file stay
  await signIn(page, 'wang-fang', 'not my passphrase');
  await expect(page.getByTestId('sign-in-problem')).toHaveAttribute('data-kind', 'wrong-passphrase', { timeout: 30_000 });
  await expect(page.getByTestId('sign-in-problem')).toContainText('Wrong passphrase');
  await expect(page.getByTestId('sign-in-as-wang-fang')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('sign-in')).toContainText('UTC--wang-fang.json');
  // with the right one she is signed in, with her organization and role shown
  await page.getByTestId('sign-in-passphrase').fill(PASSPHRASE['wang-fang']);
  await page.getByTestId('sign-in-unlock').click();
  const identity = page.getByTestId('app-identity');
  await expect(identity).toHaveAttribute('data-participant', 'wang-fang', { timeout: 30_000 });
  await expect(identity).toContainText('王芳 Wang Fang');
  await expect(identity).toContainText('Buyer');

  // when she starts an order, then it is confirmed and is in the instance list and its timeline
  await submit(page, `start-form-${PROCESS}`, { item: '齿轮箱壳体 gearbox housing', quantity: '120' });
  const row = page.getByTestId(`instance-${PROCESS}-1`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.getByRole('button').click();
  const view = page.getByTestId(`instance-view-${PROCESS}-1`);
  await expect(view.getByTestId('history-entry')).toHaveCount(1, { timeout: 30_000 });
  await expect(view.getByTestId('history-entry').first()).toContainText('王芳 Wang Fang');

  // when 张伟 (Sales) signs in instead and accepts the order
  await page.getByTestId('app-sign-out').click();
  await signIn(page, 'zhang-wei');
  await expect(page.getByTestId('app-identity')).toHaveAttribute('data-participant', 'zhang-wei', { timeout: 30_000 });
  await expect(page.getByTestId('work-item-Task_ConfirmOrder')).toBeVisible({ timeout: 30_000 });
  await submit(page, 'task-form-Task_ConfirmOrder', { unitPrice: '45000' }, 'Accept');

  // then the timeline shows both steps with their transactions, and the chain agrees
  await page.getByTestId(`instance-${PROCESS}-1`).getByRole('button').click();
  const entries = page.getByTestId(`instance-view-${PROCESS}-1`).getByTestId('history-entry');
  await expect(entries).toHaveCount(2, { timeout: 30_000 });
  await expect(entries.nth(1)).toContainText('张伟 Zhang Wei');
  await expect(entries.nth(1)).toContainText('Accept');
  const txs = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-tx')));
  const chain = createProcessClient(manifest, deployment, provider);
  expect((await chain.history(PROCESS, 1n)).map((e) => e.txHash)).toEqual(txs);
  expect((await chain.getInstance(PROCESS, 1n)).enabledTasks.map((t) => t.name)).toEqual(['Produce goods', 'Book transport']);
  // and the participants acted without holding any ether: the transactions paid a zero gas price
  for (const id of ['wang-fang', 'zhang-wei']) expect(await provider.getBalance(devWallet(id).address)).toBe(0n);
  for (const tx of txs) expect((await provider.getTransaction(tx!))!.gasPrice).toBe(0n);
  expect(errors).toEqual([]);
});

test('the IDE exports the deployed app as a zip of the built runtime with the deployment', async ({ page, request }) => {
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await studio.deploy();
  await page.getByTestId('nav-app').click();

  // when the designer exports the app
  const download = page.waitForEvent('download');
  await page.getByTestId('export-app').click();
  const file = await download;
  await expect(page.getByTestId('export-app-status')).toHaveAttribute('data-status', 'done');
  // the bundled ledger is not reachable from outside the IDE: the designer is told
  await expect(page.getByTestId('export-app-no-rpc')).toBeVisible();

  // then the zip holds the build's runtime files, the page as index.html, config.json and README.txt
  const { list } = await runtimeFiles(request);
  const unzipped = unzipSync(await readFile((await file.path())!));
  const folder = file.suggestedFilename().replace(/\.zip$/, '');
  expect(folder).toBe('order-fulfilment-app');
  const expected = [...list.files.map((f) => (f.path === 'app.html' ? 'index.html' : f.path)), 'config.json', 'README.txt'].map((p) => `${folder}/${p}`);
  expect(Object.keys(unzipped).sort()).toEqual(expected.sort());
  const index = strFromU8(unzipped[`${folder}/index.html`]);
  expect(index).toMatch(/src="\.\/assets\/app-[^"]+\.js"/);
  expect(index).not.toContain('"/assets/');
  const config = parseAppConfig(strFromU8(unzipped[`${folder}/config.json`]));
  expect(config.ok).toBe(true);
  if (!config.ok) return;
  expect(config.config.chainId).toBe(1337);
  expect(config.config.rpcUrl).toBe('');
  expect(config.config.manifest.workspaceName).toBe('Order fulfilment');
  expect(config.config.deployment.registry.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
  expect(strFromU8(unzipped[`${folder}/README.txt`])).toContain('python3 -m http.server');
});
