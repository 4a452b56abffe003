/**
 * Keys encrypted at rest: the passphrase is set on first start, a reload locks the keys, a wrong
 * passphrase is refused with its reason and the right one unlocks. After deploying, a rotated
 * key acts in the process (the registry moved the roles), and an exported key file imports back.
 */
import { expect, test } from '@playwright/test';
import { PASSPHRASE, StudioPage } from './pages/studio-page.js';

const PROCESS = 'order-fulfilment';

test('a reload locks the keys; a wrong passphrase is refused and the right one unlocks', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const lock = page.getByTestId('keys-lock');
  // the keys were created with it
  await page.getByTestId('nav-participants').click();
  await expect(page.getByTestId('participant-address-li-wei')).toHaveAttribute('title', /^0x[0-9a-fA-F]{40}$/, { timeout: 30_000 });
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });

  // when the page reloads, the keys are locked and nothing asks for them yet
  await page.reload();
  await expect(lock).toHaveAttribute('data-state', 'locked', { timeout: 30_000 });
  await expect(studio.unlockDialog).toHaveCount(0);

  // a wrong passphrase is refused with the reason, and the dialog stays
  await studio.typePassphrase('not the passphrase');
  await expect(studio.unlockDialog.getByTestId('unlock-error')).toHaveAttribute('data-error', 'wrong-passphrase', { timeout: 30_000 });
  await expect(studio.unlockDialog.getByTestId('unlock-error')).toContainText('Wrong passphrase');
  await expect(lock).toHaveAttribute('data-state', 'locked');

  // the right one unlocks
  await studio.unlock(PASSPHRASE);
  // and locking by hand locks again
  await lock.click();
  await expect(lock).toHaveAttribute('data-state', 'locked');
});

test('a key rotated after deploying acts in the process; an exported key file imports back', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await studio.deploy();

  // given li-wei's key exported to a file
  await page.getByTestId('nav-participants').click();
  const address = page.getByTestId('participant-address-li-wei');
  const original = await address.getAttribute('title');
  expect(original).toMatch(/^0x[0-9a-fA-F]{40}$/);
  await page.getByTestId('key-export-li-wei').click();
  await page.getByTestId('key-export-dialog').getByTestId('key-file-passphrase').fill('file 口令 passphrase');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('key-export-submit').click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^UTC--.+--${original!.slice(2).toLowerCase()}\\.json$`));
  const keyFile = await download.path();

  // when li-wei's key is rotated
  await page.getByTestId('key-rotate-li-wei').click();
  await page.getByTestId('key-rotate-confirm').click();
  const change = page.getByTestId('key-change-li-wei');
  await expect(change).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(change).toContainText('the registry moved the roles');
  const rotated = await address.getAttribute('title');
  expect(rotated).not.toBe(original);

  // then li-wei acts with the new key
  await studio.actAs('wang-fang');
  await studio.submit(`start-form-${PROCESS}`, { item: 'gearbox 齿轮箱', quantity: '5' });
  await studio.actAs('zhang-wei');
  await studio.completeTask('Task_ConfirmOrder', { unitPrice: '100' }, 'Accept');
  await studio.actAs('li-wei');
  await studio.completeTask('Task_BookTransport', { pickupDate: '2026-12-01T09:30' });

  // when the exported file is imported back for li-wei, the old address returns and acts
  await page.getByTestId('nav-participants').click();
  await page.getByTestId('key-import-li-wei').click();
  const dialog = page.getByTestId('key-import-dialog');
  await dialog.getByTestId('key-import-file').setInputFiles(keyFile);
  await dialog.getByTestId('key-file-passphrase').fill('file 口令 passphrase');
  await dialog.getByTestId('key-import-submit').click();
  await expect(change).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(address).toHaveAttribute('title', original!);
  await studio.actAs('line-3');
  await studio.completeTask('Task_Produce', { batchNo: 'B-1' });
  await studio.actAs('li-wei');
  await studio.completeTask('Task_Ship', { trackingNo: 'SF1' });
});
