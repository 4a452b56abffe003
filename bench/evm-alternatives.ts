/**
 * npm run bench:evm -- [--count 600] [--rounds 5] [--warmup 1] [--browser] [--json]
 * Is the EVM library the bottleneck? The same signed task transactions of the generated Order
 * fulfilment contract (bench/ledger-workload.ts) run on each EVM candidate that runs here, in
 * interleaved rounds (each round runs every candidate once, in a rotated order, so all see the
 * same load), each on a fresh chain with the deployment run untimed first. Every candidate's gas
 * per transaction and resulting state are checked against the ledger's before its rate counts.
 * Installs nothing: a candidate whose package is absent is skipped with what it needs.
 * --browser: also the two browser-usable paths, alternated in headless Chromium's bare-EVM worker
 * (bench/evm-alternatives-browser.ts). Results: src/ledger/README.md, "Is the EVM library the
 * bottleneck?". Not a test.
 */
import { loadavg } from 'node:os';
import { deployWorkspace } from '../src/chain/deploy-workspace.js';
import { createEthersProvider } from '../src/ledger/client/ethers-provider.js';
import { createInProcessProvider } from '../src/ledger/client/in-process-provider.js';
import { createLedgerEngine } from '../src/ledger/engine/create-ledger-engine.js';
import { runInChromium } from './evm-alternatives-browser.js';
import { availableCandidates, CANDIDATES_NOT_RUNNABLE, measureCandidate, type Candidate, type Workload } from './evm-candidates.js';
import { buildSample, chainRaws } from './ledger-node.js';
import { BENCH_CHAIN_ID, signCalls, taskCalls } from './ledger-workload.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const count = option('--count', 600);
const rounds = option('--rounds', 5);
/** Untimed first rounds: each candidate's first run carries its JIT warm-up (~30-40% slower here). */
const warmup = option('--warmup', 1);
const json = args.includes('--json');
const log = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

const { manifest, alloc, wallets } = await buildSample();
const engine = await createLedgerEngine({ chainId: BENCH_CHAIN_ID, alloc });
const provider = createInProcessProvider(engine);
const deployment = await deployWorkspace(manifest, wallets.deployer.connect(createEthersProvider(provider, BENCH_CHAIN_ID)), { network: 'bench' });
const workload: Workload = {
  alloc,
  wallets,
  setup: await chainRaws(engine),
  timed: await signCalls(wallets, taskCalls(manifest, deployment, count)),
  accounts: [wallets.buyer.address, wallets.sales.address, wallets.deployer.address, deployment.registry.address, deployment.processes['order-fulfilment'].address],
};
log(`${count} task transactions (after ${workload.setup.length} deployment transactions), ${warmup} + ${rounds} interleaved rounds; load ${loadAverage()}`);

const { candidates, skipped } = await availableCandidates();
const samples = new Map<string, Awaited<ReturnType<typeof measureCandidate>>[]>();
for (let round = 0; round < warmup + rounds; round++) {
  const order = candidates.map((_, i) => candidates[(i + round) % candidates.length]);
  for (const candidate of order) {
    const sample = await measureCandidate(candidate, workload);
    const name = round < warmup ? `warm-up ${round + 1}` : `round ${round + 1 - warmup}`;
    log(`${name}: ${candidate.id} ${sample.ms.toFixed(0)} ms (cpu ${sample.cpuMs.toFixed(0)}), ${sample.check}`);
    if (round >= warmup) samples.set(candidate.id, [...(samples.get(candidate.id) ?? []), sample]);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const reference = median(samples.get('ethereumjs-vm-runTx')!.map((s) => s.ms));
const results = candidates.map((candidate: Candidate) => {
  const runs = samples.get(candidate.id)!;
  const ms = median(runs.map((s) => s.ms));
  return {
    id: candidate.id,
    what: candidate.what,
    browser: candidate.browser,
    blocks: candidate.blocks,
    txPerSec: Math.round((count * 1000) / ms),
    msPerTx: Math.round((ms / count) * 1000) / 1000,
    cpuMsPerTx: Math.round((median(runs.map((s) => s.cpuMs)) / count) * 1000) / 1000,
    speedupVsRunTx: Math.round((reference / ms) * 100) / 100,
    runsTxPerSec: runs.map((s) => Math.round((count * 1000) / s.ms)),
    sameGas: runs.every((s) => s.sameGas),
    sameState: runs.every((s) => s.sameState),
    check: runs[0].check,
    ...candidate.facts,
  };
});

const browser = args.includes('--browser') ? await runInChromium(workload, rounds, log) : undefined;

if (json) {
  process.stdout.write(`${JSON.stringify({ count, rounds, load: loadAverage(), node: process.version, results, browser, notRunnable: [...skipped, ...CANDIDATES_NOT_RUNNABLE] }, null, 2)}\n`);
} else {
  log('');
  log('| candidate | browser | blocks + roots | tx/s (median) | ms/tx | cpu ms/tx | vs runTx | same gas | same state |');
  log('|---|---|---|---:|---:|---:|---:|---|---|');
  for (const r of results) {
    log(`| ${r.id} | ${r.browser ? 'yes' : 'no'} | ${r.blocks ? 'yes' : 'no'} | ${r.txPerSec} (${r.runsTxPerSec.join(', ')}) | ${r.msPerTx} | ${r.cpuMsPerTx} | ${r.speedupVsRunTx}x | ${r.sameGas} | ${r.sameState} |`);
  }
  log('');
  for (const r of results) log(`${r.id}: ${r.what}; ${r.license}; ${r.size}; ${r.maintenance}`);
  if (browser !== undefined) {
    log('');
    log(`Chromium (${browser.chromium}), bare worker, ${rounds} alternating runs of each after a warm-up:`);
    for (const r of browser.results) {
      log(`- ${r.id}: ${r.txPerSec} tx/s median (${r.runsTxPerSec.join(', ')}), ${r.msPerTx} ms/tx, vs runTx ${r.speedupVsRunTx}x, same gas ${r.sameGas}, same state root ${r.sameState}`);
    }
  }
  log('');
  log('not runnable here:');
  for (const s of [...skipped, ...CANDIDATES_NOT_RUNNABLE]) log(`- ${s.id}: ${s.reason}`);
}
process.exit(0);

function loadAverage(): string {
  return loadavg().map((n) => n.toFixed(1)).join(' ');
}
