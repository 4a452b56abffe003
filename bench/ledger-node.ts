/**
 * The Node half of `npm run bench:ledger`: the full path and the bare EVM in-process, and reload
 * and verification of a long chain. IndexedDB is fake-indexeddb here (an in-memory JS model of
 * IndexedDB), so the persistence figures of the browser run are the ones that count.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { loadWorkspace, type AppManifest } from '../generators/index.js';
import { deployWorkspace } from '../src/chain/deploy-workspace.js';
import { DEPLOYER_ID, devWallet, withDevAddresses } from '../src/cli/dev-keys.js';
import { buildWorkspace } from '../src/cli/node-toolchain.js';
import { createEthersProvider } from '../src/ledger/client/ethers-provider.js';
import { createInProcessProvider } from '../src/ledger/client/in-process-provider.js';
import { createLedgerEngine } from '../src/ledger/engine/create-ledger-engine.js';
import type { LedgerEngine } from '../src/ledger/engine/ledger-types.js';
import { deleteIndexedDbLedgerStore, openIndexedDbLedgerStore } from '../src/ledger/store/indexeddb-store.js';
import { runBareEvm } from './bare-evm.js';
import { BENCH_CHAIN_ID, benchParticipants, nextInstance, runFullPath, runFullPathLedgerSigned, taskCalls, type BenchWallets } from './ledger-workload.js';

export interface RunFigures {
  taskTxPerSec: number;
  mgasPerSec: number;
  bareTxPerSec: number;
  bareMgasPerSec: number;
  ratioToBare: number;
  /** The full path with the ledger signing (eth_sendTransaction, keys unlocked in the ledger). */
  ledgerSignedTxPerSec: number;
  /** Its rate against the bare EVM rate of those same transactions. */
  ledgerSignedRatioToBare: number;
  /** Share of the bare EVM time spent recovering transaction senders. */
  bareRecoverShare: number;
  /** The bare EVM rate of the same transactions with @ethereumjs's plain-JS sender recovery. */
  bareJsRecoveryTxPerSec: number;
  /** How the ledger (and the bare run beside it) recovered senders: ledger_storageInfo.senderRecovery. */
  senderRecovery: string;
  /** How the ledger (and the bare run) hashed keccak-256: ledger_storageInfo.keccak. */
  keccak: string;
  count: number;
  gasPerTask: number;
}

export interface ChainFigures {
  blocks: number;
  reloadMs: number;
  verifyMs: number;
  verifyOk: boolean;
}

export const rate = (count: number, ms: number) => Math.round((count * 1000) / ms);
export const mgas = (gas: bigint, ms: number) => Math.round((Number(gas) / 1e6 / (ms / 1000)) * 100) / 100;

export async function buildSample(): Promise<{ manifest: AppManifest; alloc: Record<string, bigint>; wallets: BenchWallets }> {
  const sample = loadWorkspace(JSON.parse(readFileSync(new URL('../generators/samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')));
  const built = await buildWorkspace(withDevAddresses(sample.workspace!));
  if (!built.manifest) throw new Error(`the sample does not build: ${JSON.stringify(built.problems)}`);
  const [buyer, sales] = benchParticipants().map(devWallet);
  const deployer = devWallet(DEPLOYER_ID);
  const alloc = Object.fromEntries([buyer, sales, deployer].map((w) => [w.address, 10n ** 24n]));
  return { manifest: built.manifest, alloc, wallets: { buyer, sales, deployer } };
}

/** The raw transactions of blocks 1..head, read back through the ledger's own export. */
export async function chainRaws(engine: LedgerEngine): Promise<string[]> {
  const text = (await engine.request({ method: 'ledger_exportChain' })) as string;
  return text
    .trimEnd()
    .split('\n')
    .slice(1, -2)
    .flatMap((line) => (JSON.parse(line) as { transactions: string[] }).transactions);
}

export async function runNode(count: number, chainBlocks: number, log: (line: string) => void): Promise<{ run: RunFigures; chain: ChainFigures }> {
  const { manifest, alloc, wallets } = await buildSample();
  await deleteIndexedDbLedgerStore('bench-node');
  const engine = await createLedgerEngine({ chainId: BENCH_CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('bench-node') });
  const provider = createInProcessProvider(engine);
  const deployment = await deployWorkspace(manifest, wallets.deployer.connect(createEthersProvider(provider, BENCH_CHAIN_ID)), { network: 'bench' });
  const setup = await chainRaws(engine);
  log(`node: deployed in ${setup.length} blocks; ${count} task transactions...`);
  const full = await runFullPath(provider, wallets, taskCalls(manifest, deployment, count));
  const signed = await runFullPathLedgerSigned(provider, wallets, taskCalls(manifest, deployment, count, await nextInstance(provider, manifest, deployment)));
  const bare = await runBareEvm(BENCH_CHAIN_ID, alloc, setup, full.raws);
  const bareOfSigned = await runBareEvm(BENCH_CHAIN_ID, alloc, [...setup, ...full.raws], signed.raws);
  const bareJs = await runBareEvm(BENCH_CHAIN_ID, alloc, setup, full.raws, { jsRecovery: true });
  const { senderRecovery, keccak } = (await engine.request({ method: 'ledger_storageInfo' })) as Record<'senderRecovery' | 'keccak', { implementation: string }>;
  if (senderRecovery.implementation !== bare.recovery) throw new Error(`the ledger recovers with ${senderRecovery.implementation}, the bare run with ${bare.recovery}`);
  const run: RunFigures = {
    count,
    taskTxPerSec: rate(count, full.ms),
    mgasPerSec: mgas(full.gas, full.ms),
    bareTxPerSec: rate(count, bare.ms),
    bareMgasPerSec: mgas(bare.gas, bare.ms),
    ratioToBare: Math.round((bare.ms / full.ms) * 100) / 100,
    ledgerSignedTxPerSec: rate(count, signed.ms),
    ledgerSignedRatioToBare: Math.round((bareOfSigned.ms / signed.ms) * 100) / 100,
    bareRecoverShare: Math.round((bare.recoverMs / bare.ms) * 100) / 100,
    bareJsRecoveryTxPerSec: rate(count, bareJs.ms),
    senderRecovery: senderRecovery.implementation,
    keccak: keccak.implementation,
    gasPerTask: Number(full.gas / BigInt(count)),
  };
  log(`node: ${run.taskTxPerSec} task tx/s full path, ${run.bareTxPerSec} bare; growing the chain to ${chainBlocks} blocks...`);
  const head = Number(await engine.request({ method: 'eth_blockNumber' }));
  const more = chainBlocks - 1 - head;
  if (more > 0) {
    const first = await nextInstance(provider, manifest, deployment);
    await runFullPath(provider, wallets, taskCalls(manifest, deployment, more + (more % 2), first));
  }
  await engine.request({ method: 'ledger_flush' });
  const reloadStart = performance.now();
  const reloaded = await createLedgerEngine({
    chainId: BENCH_CHAIN_ID,
    alloc,
    store: await openIndexedDbLedgerStore('bench-node'),
    autoVerifyMaxBlocks: 0,
  });
  const reloadMs = performance.now() - reloadStart;
  const blocks = Number(await reloaded.request({ method: 'eth_blockNumber' })) + 1;
  const verify = (await reloaded.request({ method: 'ledger_verify' })) as { ok: boolean; ms: number };
  return { run, chain: { blocks, reloadMs: Math.round(reloadMs), verifyMs: verify.ms, verifyOk: verify.ok } };
}
