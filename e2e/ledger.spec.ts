/**
 * The bundled ledger as a user relies on it: a deployed design and a started instance survive a
 * reload (restored from IndexedDB, not replayed), "Verify ledger" re-executes the stored chain
 * and passes, and after one stored record is changed behind the ledger's back it names the block.
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio-page.js';

const PROCESS = 'order-fulfilment';

test('the ledger keeps instances across a reload and names a damaged block', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const studio = new StudioPage(page);

  // given the sample deployed and one order started by the buyer
  await studio.open();
  await studio.waitForBuild();
  await studio.deploy();
  await studio.actAs('wang-fang');
  await studio.submit(`start-form-${PROCESS}`, { item: '齿轮箱壳体 gearbox housing', quantity: '120' });
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'running');

  // when the page is reloaded, then the same instance is there
  await page.reload();
  await expect(page.getByTestId('studio')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-app').click();
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'running', { timeout: 60_000 });

  // and "Verify ledger" re-executes the stored chain and finds it intact
  await page.getByTestId('nav-deploy').click();
  await page.getByTestId('ledger-verify').click();
  const result = page.getByTestId('ledger-verify-result');
  await expect(result).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
  await expect(result).toContainText('Ledger verified');
  await expect(result).not.toContainText('Checked when loaded'); // this click's result, not the check on load

  // when one byte of the newest block's stored receipt is changed in IndexedDB
  const damaged = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('chainflow-ledger:bundled');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const done = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const store = db.transaction('receipts', 'readwrite').objectStore('receipts');
    const keys = (await done(store.getAllKeys())) as number[];
    const newest = Math.max(...keys);
    const record = (await done(store.get(newest))) as { receipts: { logsBloom: Uint8Array }[] };
    record.receipts[0].logsBloom[3] ^= 1;
    await done(store.put(record, newest));
    db.close();
    return newest;
  });

  // then verification names that block
  await page.getByTestId('ledger-verify').click();
  await expect(result).toHaveAttribute('data-status', 'damaged', { timeout: 60_000 });
  await expect(result).toHaveAttribute('data-bad-block', String(damaged));
  await expect(result).toContainText(`damaged at block ${damaged}: stored receipts differ`);
  expect(errors).toEqual([]);
});
