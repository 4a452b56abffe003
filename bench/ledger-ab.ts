/**
 * npx tsx bench/ledger-ab.ts --other DIR [--count 1500] [--chunk 100] [--verify-rounds 3]
 * This checkout's ledger engine against another checkout's (DIR: a copy of the repo, e.g. HEAD
 * before a change, with node_modules linked), in ONE process and the same time window: both
 * engines get the same signed task transactions in alternating chunks (A, B, B, A, ...), then
 * verify their chains in alternating rounds. CPU time per chunk is the figure to read on a
 * shared machine (wall time moves with the load; chunks of both land in the same windows).
 * Both module graphs share node_modules (ethereumjs, the jump-analysis patch). The side a
 * checkout runs on is not neutral: verification CPU differed by up to ~10% between the two
 * sides for the same pair of checkouts, so run it both ways (from each checkout, --other the
 * other) and read the two ratios together. Not a test.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deployWorkspace } from '../src/chain/deploy-workspace.js';
import { createEthersProvider } from '../src/ledger/client/ethers-provider.js';
import { createInProcessProvider } from '../src/ledger/client/in-process-provider.js';
import type { LedgerEngine, LedgerEngineOptions } from '../src/ledger/engine/ledger-types.js';
import { buildSample, chainRaws } from './ledger-node.js';
import { BENCH_CHAIN_ID, signCalls, taskCalls } from './ledger-workload.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const otherAt = args.indexOf('--other');
if (otherAt < 0) throw new Error('usage: npx tsx bench/ledger-ab.ts --other DIR [--count 1500] [--chunk 100] [--verify-rounds 3]');
const count = option('--count', 1500);
const chunk = option('--chunk', 100);
const verifyRounds = option('--verify-rounds', 3);

type Create = (options: LedgerEngineOptions) => Promise<LedgerEngine>;
/** The checkout's engine factory, with its WASM keccak and sender recovery loaded (each checkout has its own). */
async function load(root: string): Promise<Create> {
  const module = async <T>(file: string) => (await import(pathToFileURL(join(root, 'src/ledger/engine', file)).href)) as T;
  const [{ loadKeccak }, { loadSenderRecovery }] = await Promise.all([
    module<{ loadKeccak(): Promise<{ implementation: string; reason?: string }> }>('keccak.ts'),
    module<{ loadSenderRecovery(): Promise<{ implementation: string; reason?: string }> }>('sender-recovery.ts'),
  ]);
  for (const info of await Promise.all([loadKeccak(), loadSenderRecovery()])) {
    if (info.implementation.startsWith('js')) throw new Error(`${root}: ${info.implementation}: ${info.reason}`);
  }
  return (await module<{ createLedgerEngine: Create }>('create-ledger-engine.ts')).createLedgerEngine;
}
const engines = { A: await load(resolve('.')), B: await load(resolve(args[otherAt + 1])) };

const { manifest, alloc, wallets } = await buildSample();
const first = await engines.A({ chainId: BENCH_CHAIN_ID, alloc });
const deployment = await deployWorkspace(manifest, wallets.deployer.connect(createEthersProvider(createInProcessProvider(first), BENCH_CHAIN_ID)), { network: 'bench' });
const setup = await chainRaws(first);
const raws = await signCalls(wallets, taskCalls(manifest, deployment, count));

async function send(engine: LedgerEngine, list: string[]): Promise<void> {
  for (const raw of list) {
    const hash = await engine.request({ method: 'eth_sendRawTransaction', params: [raw] });
    await engine.request({ method: 'eth_getTransactionReceipt', params: [hash] });
  }
}
async function cpu<T>(run: () => Promise<T>): Promise<{ value: T; cpuMs: number; ms: number }> {
  const before = process.cpuUsage();
  const started = performance.now();
  const value = await run();
  const used = process.cpuUsage(before);
  return { value, cpuMs: (used.user + used.system) / 1000, ms: performance.now() - started };
}

const chains = { A: await engines.A({ chainId: BENCH_CHAIN_ID, alloc }), B: await engines.B({ chainId: BENCH_CHAIN_ID, alloc }) };
for (const engine of Object.values(chains)) await send(engine, setup);
for (const [side, engine] of Object.entries(chains)) {
  const info = (await engine.request({ method: 'ledger_storageInfo' })) as Record<'senderRecovery' | 'keccak', { implementation: string }>;
  if (info.senderRecovery.implementation.startsWith('js') || info.keccak.implementation.startsWith('js')) throw new Error(`${side}: crypto in JS: ${JSON.stringify(info)}`);
}
const mining = { A: [] as number[], B: [] as number[] };
for (let at = 0, i = 0; at < count; at += chunk, i++) {
  for (const side of i % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
    mining[side].push((await cpu(() => send(chains[side], raws.slice(at, at + chunk)))).cpuMs / Math.min(chunk, count - at));
  }
}
const verify = { A: [] as number[], B: [] as number[] };
for (let round = 0; round < verifyRounds; round++) {
  for (const side of round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
    const run = await cpu(() => chains[side].request({ method: 'ledger_verify' }) as Promise<{ ok: boolean; blocks: number }>);
    if (!run.value.ok) throw new Error(`${side}: the chain does not verify`);
    verify[side].push(run.cpuMs / run.value.blocks);
  }
}
const heads = await Promise.all(Object.values(chains).map((e) => e.request({ method: 'eth_getBlockByNumber', params: ['latest', false] }) as Promise<{ number: string }>));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (values: number[]) => `${median(values).toFixed(3)} (${Math.min(...values).toFixed(3)}-${Math.max(...values).toFixed(3)})`;
console.log(`A = this checkout, B = ${args[otherAt + 1]}; ${count} task tx in chunks of ${chunk}, heads ${heads.map((h) => Number(h.number)).join(' / ')}`);
console.log(`CPU ms per task tx, engine send + receipt, median of chunks: A ${fmt(mining.A)}, B ${fmt(mining.B)}; A/B ${(median(mining.A) / median(mining.B)).toFixed(3)}`);
console.log(`CPU ms per block, ledger_verify, median of ${verifyRounds}: A ${fmt(verify.A)}, B ${fmt(verify.B)}; A/B ${(median(verify.A) / median(verify.B)).toFixed(3)}`);
process.exit(0);
