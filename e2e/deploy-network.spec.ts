/**
 * Deploying to a real chain from the IDE: a Hardhat node on 127.0.0.1 stands in for the
 * consortium's Besu network. The user adds the network (a bad field is refused first), deploys
 * the sample there, sees the deployment record, and runs a task through the generated app, whose
 * transactions the node itself confirms. A reload comes back on that network with its record.
 */
import { expect, test } from '@playwright/test';
import { startLocalNode, type LocalNode } from './support/local-node.js';
import { StudioPage } from './pages/studio-page.js';

const PROCESS = 'order-fulfilment';
let node: LocalNode;

test.beforeAll(async () => {
  node = await startLocalNode();
});
test.afterAll(async () => {
  await node?.stop();
});

async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(node.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await res.json()) as { result: T }).result;
}

test('the sample is deployed to a JSON-RPC node and worked through the generated app', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await page.getByTestId('nav-deploy').click();

  // when a network is added with a chain id that is not a number, the field says why and nothing is added
  await page.getByTestId('network-add').click();
  await page.getByTestId('network-name').fill('本地 Hardhat 节点');
  await page.getByTestId('network-rpcUrl').fill(node.url);
  await page.getByTestId('network-chainId').fill('abc');
  await page.getByTestId('network-save').click();
  await expect(page.getByTestId('network-chainId-error')).toContainText('positive whole number');
  await expect(page.getByTestId('deploy-network').locator('option')).toHaveCount(1);

  // when it is corrected, the IDE connects and shows what the node said
  await page.getByTestId('network-chainId').fill(String(node.chainId));
  await page.getByTestId('network-save').click();
  await expect(page.getByTestId('network-form')).toHaveCount(0);
  await expect(page.getByTestId('deploy-network')).toHaveValue('hardhat');
  await expect(page.getByTestId('ledger-status')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await expect(page.getByTestId('network-check')).toContainText(`chain ${node.chainId}, HardhatNetwork`);
  await expect(page.getByTestId('network-warning')).toHaveCount(0);

  // when the design is deployed there
  await page.getByTestId('topbar-deploy').click();
  await expect(page.getByTestId('deployment-summary')).toBeVisible({ timeout: 90_000 });
  // then every step is confirmed and the record names the network, its endpoint and the gas used
  await expect(page.getByTestId('deploy-step')).toHaveCount(3);
  for (const step of await page.getByTestId('deploy-step').all()) await expect(step).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('record-network')).toContainText(`本地 Hardhat 节点 · ${node.url}`);
  await expect(page.getByTestId('record-gas')).toContainText('cost 0.0 ETH');
  // and the node itself has the registry's code
  const registry = (await page.getByTestId('registry-address').textContent())!;
  expect(await rpc<string>('eth_getCode', [registry, 'latest'])).not.toBe('0x');
  const deployer = (await page.getByTestId('record-deployer').textContent())!.toLowerCase();
  const processAddress = (await page.getByTestId('deployment-summary').locator('tbody tr').nth(1).locator('code').first().textContent())!;

  // when the buyer starts an order in the generated app
  await studio.actAs('wang-fang');
  await studio.submit(`start-form-${PROCESS}`, { item: '齿轮箱壳体 gearbox housing', quantity: '120' });
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  // and sales confirms it
  await studio.actAs('zhang-wei');
  await studio.completeTask('Task_ConfirmOrder', { unitPrice: '45000' }, 'Accept');
  // then the node holds both transactions, signed by the participants themselves, with zero gas price
  const events = await rpc<{ transactionHash: string }[]>('eth_getLogs', [{ address: processAddress, fromBlock: '0x0', toBlock: 'latest' }]);
  const senders = new Set<string>();
  for (const hash of new Set(events.map((e) => e.transactionHash))) {
    const tx = await rpc<{ from: string; gasPrice: string }>('eth_getTransactionByHash', [hash]);
    senders.add(tx.from.toLowerCase());
    expect(BigInt(tx.gasPrice)).toBe(0n);
  }
  // (the operator attached the process; the two steps were signed by two other accounts)
  senders.delete(deployer);
  expect(senders.size).toBe(2);

  // and after a reload the IDE is back on that network, with its record and the instance
  await page.reload();
  await studio.unlock();
  await page.getByTestId('nav-deploy').click();
  await expect(page.getByTestId('deploy-network')).toHaveValue('hardhat');
  await expect(page.getByTestId('record-network')).toContainText('本地 Hardhat 节点');
  await page.getByTestId('nav-app').click();
  await expect(page.getByTestId(`instance-${PROCESS}-1`)).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('a browser wallet found through EIP-6963 signs the deployment and becomes the operator', async ({ page }) => {
  test.setTimeout(180_000);
  // given a wallet that announces itself (EIP-6963) and signs with the node's first account
  await page.addInitScript((url: string) => {
    const provider = {
      async request({ method, params }: { method: string; params?: unknown[] }) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: method === 'eth_requestAccounts' ? 'eth_accounts' : method, params: params ?? [] }),
        });
        const body = await res.json();
        if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code, data: body.error.data });
        return method === 'eth_requestAccounts' || method === 'eth_accounts' ? body.result.slice(0, 1) : body.result;
      },
      on() {},
      removeListener() {},
    };
    const info = { uuid: '5a1e7e57-0000-4000-8000-000000000001', name: 'Test Wallet 测试钱包', icon: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E', rdns: 'org.example.wallet' };
    const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
    window.addEventListener('eip6963:requestProvider', announce);
    announce();
  }, node.url);
  const [walletAccount] = await rpc<string[]>('eth_accounts');
  const studio = new StudioPage(page);
  await studio.open();
  await studio.waitForBuild();
  await page.getByTestId('nav-deploy').click();
  await page.getByTestId('network-add').click();
  await page.getByTestId('network-name').fill('Hardhat');
  await page.getByTestId('network-rpcUrl').fill(node.url);
  await page.getByTestId('network-chainId').fill(String(node.chainId));
  await page.getByTestId('network-save').click();
  await expect(page.getByTestId('ledger-status')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });

  // when the wallet is chosen to sign and the design is deployed
  await page.getByTestId('deploy-signer').selectOption({ label: 'Browser wallet: Test Wallet 测试钱包' });
  await page.getByTestId('topbar-deploy').click();
  await expect(page.getByTestId('deployment-summary')).toBeVisible({ timeout: 90_000 });
  // then the wallet's account deployed it and is the registry's operator on the node
  await expect(page.getByTestId('record-deployer')).toHaveText(new RegExp(walletAccount, 'i'));
  const registry = (await page.getByTestId('registry-address').textContent())!;
  const admin = await rpc<string>('eth_call', [{ to: registry, data: '0xf851a440' /* admin() */ }, 'latest']);
  expect(`0x${admin.slice(-40)}`.toLowerCase()).toBe(walletAccount.toLowerCase());
});
