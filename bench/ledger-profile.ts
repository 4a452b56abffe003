/**
 * npx tsx bench/ledger-profile.ts [--count 1000] [--js-recovery] [--ledger-signs] [--profile FILE] [--profile-verify FILE]
 * Where the ledger's time goes, in Node, without signing or RPC round trips: the same task
 * transactions as `npm run bench:ledger`, signed beforehand, then sent through the engine
 * (eth_sendRawTransaction + eth_getTransactionReceipt, memory store) beside the bare EVM.
 * --ledger-signs: sent as eth_sendTransaction instead, the keys unlocked in the ledger (the
 * engine's time then includes signing and no sender recovery).
 * Run with `node --cpu-prof --import tsx bench/ledger-profile.ts` for a profile. Not a test.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { deployWorkspace } from '../src/chain/deploy-workspace.js';
import { createEthersProvider } from '../src/ledger/client/ethers-provider.js';
import { createInProcessProvider } from '../src/ledger/client/in-process-provider.js';
import { createLedgerEngine } from '../src/ledger/engine/create-ledger-engine.js';
import { runBareEvm } from './bare-evm.js';
import { buildSample, chainRaws } from './ledger-node.js';
import { BENCH_CHAIN_ID, signCalls, TASK_GAS_LIMIT, taskCalls } from './ledger-workload.js';

const args = process.argv.slice(2);
const at = args.indexOf('--count');
const count = at >= 0 ? Number(args[at + 1]) : 1000;

const { manifest, alloc, wallets } = await buildSample();
const engine = await createLedgerEngine({ chainId: BENCH_CHAIN_ID, alloc });
const provider = createInProcessProvider(engine);
const deployment = await deployWorkspace(manifest, wallets.deployer.connect(createEthersProvider(provider, BENCH_CHAIN_ID)), { network: 'bench' });
const setup = await chainRaws(engine);
const raws = await signCalls(wallets, taskCalls(manifest, deployment, count));
/** Wall and CPU milliseconds of `run` (CPU time is steadier on a shared machine). */
async function measure<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}
const per = (ms: number, n: number) => (ms / n).toFixed(3);
const ledgerSigns = args.includes('--ledger-signs');
if (ledgerSigns) for (const wallet of [wallets.buyer, wallets.sales]) await provider.request({ method: 'ledger_unlockAccount', params: [wallet.privateKey] });
const calls = taskCalls(manifest, deployment, count);
/**
 * A V8 CPU profile of `run` written to the file after `flag` (open it in Chrome DevTools), or
 * just `run` without the flag.
 */
async function profiled<T>(flag: string, run: () => Promise<T>): Promise<T> {
  const at = args.indexOf(flag);
  if (at < 0) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const value = await run();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(args[at + 1], JSON.stringify(profile));
  session.disconnect();
  return value;
}
const engineRun = await profiled('--profile', () => measure(async () => {
  for (const [i, raw] of raws.entries()) {
    const { from, to, data } = calls[i];
    const hash = ledgerSigns
      ? await provider.request({ method: 'eth_sendTransaction', params: [{ from: wallets[from].address, to, data, gas: `0x${TASK_GAS_LIMIT.toString(16)}`, gasPrice: '0x0' }] })
      : await provider.request({ method: 'eth_sendRawTransaction', params: [raw] });
    await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] });
  }
}));
const bareRun = await measure(() => runBareEvm(BENCH_CHAIN_ID, alloc, setup, raws, { jsRecovery: args.includes('--js-recovery') }));
const verifyRun = await profiled('--profile-verify', () => measure(() => engine.request({ method: 'ledger_verify' }) as Promise<{ ok: boolean; blocks: number }>));
const blocks = verifyRun.value.blocks;
console.log(`ms per tx (wall / cpu): engine send+receipt${ledgerSigns ? ' (ledger signs)' : ''} ${per(engineRun.ms, count)} / ${per(engineRun.cpuMs, count)}; bare EVM (${bareRun.value.recovery}) ${per(bareRun.ms, count)} / ${per(bareRun.cpuMs, count)}, recovery ${per(bareRun.value.recoverMs, count)}`);
console.log(`bare / engine: ${(bareRun.ms / engineRun.ms).toFixed(2)} wall, ${(bareRun.cpuMs / engineRun.cpuMs).toFixed(2)} cpu`);
console.log(`verify of ${blocks} blocks (ok: ${verifyRun.value.ok}): ms per block ${per(verifyRun.ms, blocks)} / ${per(verifyRun.cpuMs, blocks)}`);
