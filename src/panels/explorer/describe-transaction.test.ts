/**
 * The explorer's words for real transactions: the sample is built, deployed on the in-process
 * ledger and driven by its participants; the chain is then read back the way the explorer does
 * and told in English (and Chinese) with the deployment's ABIs and the participants' names.
 */
import { readFileSync } from 'node:fs';
import type { BrowserProvider } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type AppManifest, type DeploymentRecord, type Workspace } from '../../../generators/index.js';
import { buildWorkspace } from '../../cli/node-toolchain.js';
import { DEPLOYER_ID, devWallet, withDevAddresses } from '../../cli/dev-keys.js';
import { deployWorkspace } from '../../chain/deploy-workspace.js';
import { createProcessClient } from '../../chain/process-client.js';
import { createI18n } from '../../i18n/i18n.js';
import { createEthersProvider } from '../../ledger/client/ethers-provider.js';
import { createInProcessProvider } from '../../ledger/client/in-process-provider.js';
import { createLedgerEngine, type LedgerEngine } from '../../ledger/engine/index.js';
import { replacementMembers } from '../../keys/member-replacement.js';
import { buildExplorerContext, type ExplorerContext } from './explorer-context.js';
import { describeTransaction, formatEther, parseSearch, type ChainTx, type TxDescription } from './describe-transaction.js';
import { readAccounts, readBlocks, readInstanceTxHashes, readTransaction } from './read-chain.js';

const PROCESS = 'order-fulfilment';
let workspace: Workspace;
let manifest: AppManifest;
let engine: LedgerEngine;
let provider: BrowserProvider;
let deployment: DeploymentRecord;
let ctx: ExplorerContext;
const hashes: Record<string, string> = {};

const en = createI18n('en');
const zh = createI18n('zh-CN');
const words = (d: TxDescription, i18n = en) => i18n.t(`explorer.story.${d.story.key}`, d.story.values);
const signer = (id: string) => devWallet(id).connect(provider);

beforeAll(async () => {
  const sample = loadWorkspace(JSON.parse(readFileSync(new URL('../../../generators/samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')));
  workspace = withDevAddresses(sample.workspace!);
  const built = await buildWorkspace(workspace);
  manifest = built.manifest!;
  const alloc: Record<string, bigint> = {};
  for (const id of [DEPLOYER_ID, 'wang-fang', 'zhang-wei', 'line-3', 'li-wei']) alloc[devWallet(id).address] = 10n ** 24n;
  engine = await createLedgerEngine({ chainId: 1337, alloc });
  provider = createEthersProvider(createInProcessProvider(engine), 1337);
  deployment = await deployWorkspace(manifest, signer(DEPLOYER_ID), { network: 'test' });
  const client = createProcessClient(manifest, deployment, provider);
  // two instances, so instance search has something to tell apart
  const one = await client.startInstance(PROCESS, signer('wang-fang'), { item: '齿轮箱壳体', quantity: 120 });
  hashes.start = one.txHash;
  await client.startInstance(PROCESS, signer('wang-fang'), { item: 'Other', quantity: 1 });
  hashes.confirm = (await client.completeTask(PROCESS, 'Task_ConfirmOrder', 1n, signer('zhang-wei'), { unitPrice: 45000 }, 1)).txHash;
  hashes.book = (await client.completeTask(PROCESS, 'Task_BookTransport', 1n, signer('li-wei'), { pickupDate: '2026-12-01' })).txHash;
  hashes.produce = (await client.completeTask(PROCESS, 'Task_Produce', 1n, signer('line-3'), { batchNo: 'B-7' })).txHash;
  hashes.ship = (await client.completeTask(PROCESS, 'Task_Ship', 1n, signer('li-wei'), { trackingNo: 'SF1234' })).txHash;
  hashes.transfer = (await signer('wang-fang').sendTransaction({ to: devWallet('li-wei').address, value: 15n * 10n ** 17n })).hash;
  ctx = buildExplorerContext({ manifest, record: deployment, workspace, operatorName: 'Consortium operator' });
}, 90_000);

afterAll(async () => {
  await engine?.idle();
});

async function described(name: string): Promise<TxDescription> {
  const tx = await readTransaction(provider, hashes[name]);
  if (!tx) throw new Error(`transaction ${name} not found`);
  return describeTransaction(tx, ctx);
}

describe('describeTransaction', () => {
  it('tells a task in words: role, participant, task, process, instance and gas', async () => {
    const d = await described('ship');
    const tx = (await readTransaction(provider, hashes.ship))!;
    expect(words(d)).toBe(`Carrier 李伟 Li Wei completed 'Ship goods' on Order fulfilment #1, gas ${tx.gasUsed.toLocaleString('en-US')}`);
    expect(words(d, zh)).toBe(`Carrier 李伟 Li Wei 在 Order fulfilment #1 上完成了“Ship goods”，gas ${tx.gasUsed.toLocaleString('en-US')}`);
    expect(d).toMatchObject({ failed: false, instance: { processId: PROCESS, instanceId: 1n } });
    // and its event, decoded with the participant's name
    expect(d.events).toEqual([
      expect.objectContaining({
        contract: 'Order fulfilment',
        args: expect.arrayContaining([{ name: 'by', value: '李伟 Li Wei' }, { name: 'trackingNo', value: 'SF1234' }]),
      }),
    ]);
  });

  it('tells a start with the id the contract assigned, and a choice by its name', async () => {
    expect(words(await described('start'))).toMatch(/^Buyer 王芳 Wang Fang started Order fulfilment #1, gas [\d,]+$/);
    expect(words(await described('confirm'))).toMatch(/^Sales 张伟 Zhang Wei completed 'Confirm order' \(Accept\) on Order fulfilment #1, gas [\d,]+$/);
  });

  it('tells the deployment: registry, process contract, attachment, and later member changes', async () => {
    const { txs } = await readBlocks(provider, 0, deployment.processes[PROCESS].blockNumber + 1);
    const told = txs.map((t) => words(describeTransaction(t, ctx)));
    expect(told).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Consortium operator deployed the consortium registry, gas [\d,]+$/),
        expect.stringMatching(/^Consortium operator deployed the contract of Order fulfilment, gas [\d,]+$/),
        expect.stringMatching(/^Consortium operator attached Order fulfilment to the registry, gas [\d,]+$/),
      ]),
    );
    // a setMembers call (as a key rotation makes) names the members and their roles
    const registry = ctx.contracts.get(deployment.registry.address.toLowerCase())!;
    const data = registry.iface.encodeFunctionData('setMembers', replacementMembers(manifest, 'li-wei', devWallet('new-li').address, devWallet('li-wei').address));
    const call: ChainTx = { ...txs[0], to: deployment.registry.address, data, contractAddress: null, logs: [] };
    expect(words(describeTransaction(call, ctx))).toMatch(/set members 0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4} \(Carrier\); 李伟 Li Wei \(–\)/);
  });

  it('tells a plain transfer, and marks a reverted transaction', async () => {
    expect(words(await described('transfer'))).toBe('王芳 Wang Fang sent 1.5 ETH to 李伟 Li Wei');
    const tx = (await readTransaction(provider, hashes.ship))!;
    expect(describeTransaction({ ...tx, status: 0, logs: [] }, ctx).failed).toBe(true);
  });

  it('names unknown addresses by their short form', async () => {
    const tx = (await readTransaction(provider, hashes.transfer))!;
    const stranger = '0x1234567890abcdef1234567890abcdef12345678';
    expect(words(describeTransaction({ ...tx, to: stranger, data: '0x12345678' }, ctx))).toBe('王芳 Wang Fang sent a transaction to 0x1234…5678, gas 21,000');
  });
});

describe('search', () => {
  it('understands hashes, blocks, addresses, names and instances', () => {
    expect(parseSearch(hashes.ship, ctx)).toEqual({ kind: 'hash', hash: hashes.ship.toLowerCase() });
    expect(parseSearch(' 12 ', ctx)).toEqual({ kind: 'block', number: 12 });
    expect(parseSearch(devWallet('li-wei').address, ctx)).toEqual({ kind: 'address', address: devWallet('li-wei').address });
    expect(parseSearch('李伟', ctx)).toEqual({ kind: 'address', address: devWallet('li-wei').address });
    expect(parseSearch('#3', ctx)).toEqual({ kind: 'instance', processIds: [PROCESS], instanceId: 3n });
    expect(parseSearch('order-fulfilment #1', ctx)).toEqual({ kind: 'instance', processIds: [PROCESS], instanceId: 1n });
    expect(parseSearch('Order Fulfilment#2', ctx)).toEqual({ kind: 'instance', processIds: [PROCESS], instanceId: 2n });
    expect(parseSearch('invoicing #2', ctx)).toMatchObject({ kind: 'invalid', reason: 'unknown-process' });
    expect(parseSearch('hello', ctx)).toMatchObject({ kind: 'invalid', reason: 'not-understood' });
    expect(parseSearch('  ', ctx)).toMatchObject({ kind: 'invalid', reason: 'empty' });
  });

  it("finds an instance's transactions, in chain order, and no other instance's", async () => {
    const address = deployment.processes[PROCESS].address;
    const found = await readInstanceTxHashes(provider, [address], 1n, deployment.processes[PROCESS].blockNumber);
    expect(found).toEqual([hashes.start, hashes.confirm, hashes.book, hashes.produce, hashes.ship]);
    expect(await readInstanceTxHashes(provider, [address], 2n, 0)).toHaveLength(1);
  });

  it('reads accounts with balances and nonces', async () => {
    const [wang, registry] = await readAccounts(provider, [devWallet('wang-fang').address, deployment.registry.address]);
    expect(wang).toMatchObject({ nonce: 3, isContract: false });
    expect(formatEther(wang.balance)).toMatch(/^999,998\.\d+$/);
    expect(registry.isContract).toBe(true);
  });
});
