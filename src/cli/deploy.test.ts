/**
 * Deploying to a real JSON-RPC node (Hardhat's node on 127.0.0.1, started per file): the CLI
 * as users meet it (exit codes, the record on stdout, the record file), replaying a trace
 * against the deployed contracts, and a deployment that stops half-way resuming without
 * deploying anything twice.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encryptKeystoreJson, Wallet, type JsonRpcProvider } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type AppManifest, type DeploymentRecord } from '../../generators/index.js';
import { startLocalNode, type LocalNode } from '../../e2e/support/local-node.js';
import { deployWorkspace } from '../chain/deploy-workspace.js';
import { createNetworkProvider } from '../chain/network.js';
import { TransactionPendingError } from '../chain/send-and-wait.js';
import { buildWorkspace } from './node-toolchain.js';
import { withDevAddresses } from './dev-keys.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = 'generators/samples/order-fulfilment/workspace.json';
const TRACE = 'generators/samples/order-fulfilment/happy-path.trace.json';
/** Hardhat's first and second well-known development accounts (funded on its node; public keys). */
const DEPLOYER_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const OTHER_KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';

const scratch = mkdtempSync(join(tmpdir(), 'chainflow-deploy-'));
let node: LocalNode;

beforeAll(async () => { node = await startLocalNode(); }, 60_000);
afterAll(async () => {
  await node?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, CHAINFLOW_DEBUG: '', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function rpc(method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(node.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await res.json()) as { result: unknown }).result;
}
const blockNumber = async () => Number(await rpc('eth_blockNumber'));

describe('npm run cli -- deploy --rpc', () => {
  it('deploys the sample, prints and saves the record, and a trace replays against it', async () => {
    // given the sample and a funded deployer key in the environment
    const recordFile = join(scratch, 'record.json');
    // when deployed with a record file
    const deployed = await cli(['deploy', SAMPLE, '--rpc', node.url, '--record', recordFile, '--dev-addresses', '--json'], { CHAINFLOW_DEPLOYER_KEY: DEPLOYER_KEY });
    // then stdout is the record, the same as the file, and every contract is on the chain
    expect(deployed.stderr).toMatch(/connected to http:\/\/127\.0\.0\.1:\d+: chain 31337/);
    expect(deployed.code).toBe(0);
    const record = JSON.parse(deployed.stdout) as DeploymentRecord;
    expect(JSON.parse(readFileSync(recordFile, 'utf8'))).toEqual(record);
    expect(record).toMatchObject({ chainId: 31337, status: 'complete', deployer: new Wallet(DEPLOYER_KEY).address, rpcUrl: node.url });
    expect(record.genesisHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(record.compiler?.version).toMatch(/^0\.8\.37/);
    expect(record.pending).toBeUndefined();
    expect(Number(record.gasUsed)).toBeGreaterThan(1_000_000);
    const process = record.processes['order-fulfilment'];
    expect(process.attachTxHash).toMatch(/^0x/);
    for (const address of [record.registry.address, process.address]) expect(await rpc('eth_getCode', [address, 'latest'])).not.toBe('0x');

    // when the happy path is replayed against that deployment
    const ran = await cli(['run', SAMPLE, '--trace', TRACE, '--rpc', node.url, '--deployment', recordFile, '--json']);
    // then every step behaves as the trace expects and the instance ends, on the real node
    expect(ran.code, ran.stderr).toBe(0);
    const result = JSON.parse(ran.stdout);
    expect(result.ended).toBe(true);
    expect(result.steps.filter((s: { status: string }) => s.status === 'ok').length).toBeGreaterThan(5);

    // when the same deploy command runs again
    const before = await blockNumber();
    const again = await cli(['deploy', SAMPLE, '--rpc', node.url, '--record', recordFile, '--dev-addresses'], { CHAINFLOW_DEPLOYER_KEY: DEPLOYER_KEY });
    // then nothing is sent: the complete record is printed as it is
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already deployed');
    expect(JSON.parse(again.stdout)).toEqual(record);
    expect(await blockNumber()).toBe(before);
  }, 120_000);

  it('replays a trace whose steps let time pass on the node (evm_setNextBlockTimestamp): a second start in a round is refused, a timer fires once due', async () => {
    // given the timer-started inspection round deployed on the node (its first round is long past, so a round is due)
    const sample = 'generators/samples/inspection-round/workspace.json';
    const recordFile = join(scratch, 'inspection-record.json');
    const deployed = await cli(['deploy', sample, '--rpc', node.url, '--record', recordFile, '--dev-addresses', '--json'], { CHAINFLOW_DEPLOYER_KEY: DEPLOYER_KEY });
    expect(deployed.code, deployed.stderr).toBe(0);
    // the first step at the next noon UTC (rounds begin at midnight UTC), so a minute later is surely the same round
    const before = Number(((await rpc('eth_getBlockByNumber', ['latest', false])) as { timestamp: string }).timestamp);
    const noon = Math.floor((before - 43_200) / 86_400) * 86_400 + 43_200 + 86_400;
    const trace = join(scratch, 'inspection.trace.json');
    writeFileSync(trace, JSON.stringify([
      { task: 'start', as: 'zhao-lei', at: noon, data: { 班次: '早班' } },
      { task: 'start', as: 'zhao-lei', after: 60, data: { 班次: '中班' }, expect: 'revert' },
      { task: '巡检设备', as: '巡检员', data: { 设备编号: 'PRESS-7', 温度: 92, 异常: false } },
      { task: '8小时未修复', as: '厂长', after: 'PT7H', expect: 'revert' },
      { task: '8小时未修复', as: '厂长', after: 'PT1H' },
      { task: '厂长处理', as: '厂长' },
    ]));
    // when it is replayed against that deployment
    const ran = await cli(['run', sample, '--trace', trace, '--rpc', node.url, '--deployment', recordFile, '--json']);
    // then every step behaves as the trace expects, at the times asked for, and the instance ends
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    const result = JSON.parse(ran.stdout);
    expect(result.steps.map((s: { status: string }) => s.status)).toEqual(['ok', 'reverted', 'ok', 'reverted', 'ok', 'ok']);
    expect(result.steps[1].reason).toContain('is not due yet');
    expect(result.steps[4].blockTime - result.steps[3].blockTime).toBe(3600);
    expect(result.steps.map((s: { blockTime?: number }) => s.blockTime)).toEqual([noon, noon + 60, undefined, expect.any(Number), expect.any(Number), undefined]);
    expect(result.steps[4].blockTime).toBeGreaterThanOrEqual(noon + 60 + 8 * 3600);
    expect(result.ended).toBe(true);
  }, 120_000);

  it('refuses with a clear reason: wrong chain id, wrong passphrase, participants without keys, no key', async () => {
    const keystore = join(scratch, 'deployer.json');
    const account = new Wallet(OTHER_KEY);
    writeFileSync(keystore, await encryptKeystoreJson({ address: account.address, privateKey: account.privateKey }, '正确的口令', { scrypt: { N: 1024 } }));
    const [wrongChain, wrongPassphrase, keyless, noKey] = await Promise.all([
      cli(['deploy', SAMPLE, '--rpc', node.url, '--chain-id', '1', '--dev-addresses'], { CHAINFLOW_DEPLOYER_KEY: DEPLOYER_KEY }),
      cli(['deploy', SAMPLE, '--rpc', node.url, '--keystore', keystore, '--dev-addresses'], { CHAINFLOW_KEYSTORE_PASSPHRASE: '错误的口令' }),
      cli(['deploy', SAMPLE, '--rpc', node.url], { CHAINFLOW_DEPLOYER_KEY: DEPLOYER_KEY }),
      cli(['deploy', SAMPLE, '--rpc', node.url, '--dev-addresses'], { CHAINFLOW_DEPLOYER_KEY: '' }),
    ]);
    expect(wrongChain.code).toBe(1);
    expect(wrongChain.stderr).toContain("the node's chain id is 31337, the network is set to 1");
    expect(wrongPassphrase.code).toBe(1);
    expect(wrongPassphrase.stderr).toContain(`${keystore}: wrong passphrase`);
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toMatch(/participant\(s\) have no address yet: .*王芳 Wang Fang/);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('no deployer key: set CHAINFLOW_DEPLOYER_KEY');
    for (const r of [wrongChain, wrongPassphrase, keyless, noKey]) expect(r.stdout).toBe('');
  }, 120_000);
});

describe('a deployment stopped half-way', () => {
  let manifest: AppManifest;
  let provider: JsonRpcProvider;

  beforeAll(async () => {
    const sample = loadWorkspace(JSON.parse(readFileSync(join(ROOT, SAMPLE), 'utf8')));
    manifest = (await buildWorkspace(withDevAddresses(sample.workspace!))).manifest!;
    provider = createNetworkProvider(node.url, { chainId: 31337, gas: 'free' });
  }, 60_000);
  afterAll(() => provider?.destroy());

  const deployer = () => new Wallet(OTHER_KEY, provider);

  it('resumes from its record: finished contracts are kept, only the rest is sent', async () => {
    // given a deployment that stops (the tab closed) right after the process contract was deployed
    let saved: DeploymentRecord | undefined;
    const stop = new Error('the tab was closed');
    await expect(deployWorkspace(manifest, deployer(), {
      network: 'local',
      onRecord: (r) => {
        saved = r;
        if (r.processes['order-fulfilment'] && !r.processes['order-fulfilment'].attachTxHash) throw stop;
      },
    })).rejects.toBe(stop);
    expect(saved?.status).toBe('partial');
    const nonceBefore = await provider.getTransactionCount(deployer().address);
    // when it is deployed again from the saved record
    const sent: string[] = [];
    const record = await deployWorkspace(manifest, deployer(), { network: 'local', resume: saved, onStep: (s) => { if (s.status === 'sent') sent.push(s.step); } });
    // then only the attachment is sent, to the contracts deployed before
    expect(sent).toEqual(['attach']);
    expect(await provider.getTransactionCount(deployer().address)).toBe(nonceBefore + 1);
    expect(record.registry).toEqual(saved!.registry);
    expect(record.processes['order-fulfilment'].address).toBe(saved!.processes['order-fulfilment'].address);
    expect(record.status).toBe('complete');
  }, 60_000);

  it('finds a transaction left pending instead of sending it twice, and resends one the node dropped', async () => {
    await rpc('evm_setAutomine', [false]);
    try {
      // given a chain that mines nothing, a deployment gives up waiting with its transaction saved as pending
      let saved: DeploymentRecord | undefined;
      await expect(deployWorkspace(manifest, deployer(), { network: 'local', waitMs: 1_000, onRecord: (r) => { saved = r; } }))
        .rejects.toBeInstanceOf(TransactionPendingError);
      expect(saved?.pending).toMatchObject({ step: 'registry' });
      const nonceBefore = await provider.getTransactionCount(deployer().address, 'latest');
      // when that transaction is mined later and the deployment resumes
      await rpc('evm_mine');
      await rpc('evm_setAutomine', [true]);
      const sent: string[] = [];
      const record = await deployWorkspace(manifest, deployer(), { network: 'local', resume: saved, onStep: (s) => { if (s.status === 'sent') sent.push(s.step); } });
      // then the registry is the pending one, not a second copy
      expect(record.registry.txHash).toBe(saved!.pending!.txHash);
      expect(sent).toEqual(['process', 'attach']);
      expect(await provider.getTransactionCount(deployer().address, 'latest')).toBe(nonceBefore + 3);

      // given a node that drops the registry's transaction from its pool once
      await rpc('evm_setAutomine', [false]);
      let dropped = false;
      const deployment = deployWorkspace(manifest, deployer(), {
        network: 'local',
        waitMs: 1_500,
        onStep: (s) => {
          if (s.status !== 'sent' || dropped) return;
          dropped = true;
          void rpc('hardhat_dropTransaction', [s.txHash]).then(() => rpc('evm_setAutomine', [true]));
        },
      });
      // then it is sent again and the deployment completes
      const done = await deployment;
      expect(dropped).toBe(true);
      expect(done.status).toBe('complete');
      expect(await rpc('eth_getCode', [done.registry.address, 'latest'])).not.toBe('0x');
    } finally {
      await rpc('evm_setAutomine', [true]);
    }
  }, 90_000);
});
