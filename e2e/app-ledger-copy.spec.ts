/**
 * The exported app on a copy of the bundled ledger: the IDE deploys the sample to its bundled
 * ledger and exports the app with the ledger copy and the participants' keys (encrypted with a
 * passphrase chosen at export); the unzipped folder is served by a tiny static server; in Chromium
 * 王芳 signs in with her shipped key file, starts an order on the copy running in the page's own
 * ledger worker, reloads, and finds the order still there, her key file remembered (only the
 * passphrase asked), until she forgets it.
 */
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { parseAppConfig } from '../src/standalone/app-config.js';
import { serveFiles } from './support/exported-app.js';
import { StudioPage } from './pages/studio-page.js';

const PROCESS = 'order-fulfilment';
const KEYS_PASSPHRASE = '应用密钥 app keys 2026';
let site: { server: Server; url: string } | undefined;

test.afterAll(() => {
  site?.server.close();
});

test('an app exported with a ledger copy runs a task on it in the browser and keeps it across a reload', async ({ page, browser }) => {
  test.setTimeout(240_000);
  // given the sample deployed on the IDE's bundled ledger
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await studio.deploy();
  await page.getByTestId('nav-app').click();

  // when the designer exports the app with the ledger copy (a short passphrase is refused first)
  await page.getByTestId('export-app-with-ledger').check();
  await page.getByTestId('export-app-keys-passphrase').fill('short');
  await page.getByTestId('export-app').click();
  await expect(page.getByRole('alert').filter({ hasText: 'at least 8 characters' })).toBeVisible();
  await page.getByTestId('export-app-keys-passphrase').fill(KEYS_PASSPHRASE);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-app').click();
  const file = await download;
  await expect(page.getByTestId('export-app-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('export-app-copy')).toBeVisible();
  await expect(page.getByTestId('export-app-no-rpc')).toHaveCount(0);

  // then the zip holds the chain file and encrypted key files, never a plaintext key
  const unzipped = unzipSync(await readFile((await file.path())!));
  const folder = file.suggestedFilename().replace(/\.zip$/, '');
  const config = parseAppConfig(strFromU8(unzipped[`${folder}/config.json`]));
  if (!config.ok) throw new Error(JSON.stringify(config.problems));
  expect(config.config.ledgerCopy?.file).toBe('ledger/chain.ndjson');
  expect(strFromU8(unzipped[`${folder}/ledger/chain.ndjson`])).toContain('chainflow-ledger-export');
  expect(config.config.keyFiles).toMatchObject({ 'wang-fang': 'keys/wang-fang.json', 'zhang-wei': 'keys/zhang-wei.json' });
  expect(Object.keys(unzipped).filter((p) => p.includes('/keys/'))).toContain(`${folder}/keys/wang-fang.json`);
  const wangKey = JSON.parse(strFromU8(unzipped[`${folder}/keys/wang-fang.json`])) as Record<string, unknown>;
  expect(wangKey.version).toBe(3);
  expect(wangKey.Crypto ?? wangKey.crypto).toMatchObject({ ciphertext: expect.any(String), kdf: 'scrypt' });
  expect(JSON.stringify(wangKey)).not.toMatch(/privateKey/i);
  expect(Object.keys(unzipped).some((p) => p.endsWith('.wasm'))).toBe(true); // the ledger worker's sender recovery
  expect(strFromU8(unzipped[`${folder}/README.txt`])).toContain('Ledger copy: this app ships a copy of the bundled ledger');

  // when the folder is served and opened in a fresh browser context (its own IndexedDB)
  site = await serveFiles(unzipped, folder, '/apps/copy/');
  const context = await browser.newContext();
  const app = await context.newPage();
  const errors: string[] = [];
  app.on('pageerror', (e) => errors.push(e.message));
  await app.goto(site.url);
  // then it runs on the ledger copy by default and asks who signs in
  await expect(app.getByTestId('sign-in')).toBeVisible({ timeout: 60_000 });
  await expect(app.getByTestId('app-network')).toContainText('free gas');

  // when 王芳 picks herself, her shipped key file is offered; she types the export passphrase
  await app.getByTestId('sign-in-as-wang-fang').click();
  await expect(app.getByTestId('sign-in-file-note')).toHaveAttribute('data-origin', 'shipped');
  await expect(app.getByTestId('sign-in-remember')).toBeChecked();
  await app.getByTestId('sign-in-passphrase').fill(KEYS_PASSPHRASE);
  await app.getByTestId('sign-in-unlock').click();
  await expect(app.getByTestId('app-identity')).toHaveAttribute('data-participant', 'wang-fang', { timeout: 30_000 });

  // and starts an order: it is confirmed on the copy
  const form = app.getByTestId(`start-form-${PROCESS}`);
  await form.getByTestId('field-item').fill('齿轮箱壳体 on the copy');
  await form.getByTestId('field-quantity').fill('7');
  await form.getByTestId(`start-form-${PROCESS}-submit`).click();
  await expect(app.getByTestId('last-act')).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
  await expect(app.getByTestId(`instance-${PROCESS}-1`)).toBeVisible({ timeout: 30_000 });

  // when the page reloads: she is preselected with her remembered key, only the passphrase is asked
  await app.reload();
  await expect(app.getByTestId('sign-in')).toBeVisible({ timeout: 60_000 });
  await expect(app.getByTestId('sign-in-as-wang-fang')).toHaveAttribute('aria-checked', 'true');
  await expect(app.getByTestId('sign-in-file-note')).toHaveAttribute('data-origin', 'remembered');
  await app.getByTestId('sign-in-passphrase').fill(KEYS_PASSPHRASE);
  await app.getByTestId('sign-in-unlock').click();
  await expect(app.getByTestId('app-identity')).toHaveAttribute('data-participant', 'wang-fang', { timeout: 30_000 });
  // then the order she started is still on the chain, with its step in the timeline
  const row = app.getByTestId(`instance-${PROCESS}-1`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.getByRole('button').click();
  const entries = app.getByTestId(`instance-view-${PROCESS}-1`).getByTestId('history-entry');
  await expect(entries).toHaveCount(1, { timeout: 30_000 });
  await expect(entries.first()).toContainText('王芳');

  // a second tab of the same app does not run a second ledger on the same store: it says why
  const second = await context.newPage();
  await second.goto(site.url);
  await expect(second.getByTestId('connection-problem')).toHaveAttribute('data-kind', 'ledger-copy', { timeout: 30_000 });
  await expect(second.getByTestId('connection-problem')).toContainText('open in another tab');
  await second.close();

  // when she signs out and forgets the key, the shipped file is offered again and nothing is remembered
  await app.getByTestId('app-sign-out').click();
  await app.getByTestId('sign-in-as-wang-fang').click();
  await app.getByTestId('sign-in-forget-key').click();
  await expect(app.getByTestId('sign-in-file-note')).toHaveAttribute('data-origin', 'shipped');
  const stored = await app.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('chainflow.app.keyFile')));
  expect(stored).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
