/**
 * The bench page: the real ledger client and module worker (IndexedDB store), driven from the
 * page the way the IDE drives it. window.runLedgerBench is called by run-browser.ts.
 */
import { Wallet } from 'ethers';
import { deployWorkspace } from '../../src/chain/deploy-workspace.js';
import { createLedgerClient, type LedgerClient } from '../../src/ledger/client/create-ledger-client.js';
import { createEthersProvider } from '../../src/ledger/client/ethers-provider.js';
import { BENCH_CHAIN_ID, exportedRaws, nextInstance, runFullPath, runFullPathLedgerSigned, taskCalls, type BenchWallets } from '../ledger-workload.js';
import type { BareChunkRequest, BareReply, BareRequest, BrowserBenchInput, BrowserBenchOutput, EvmAlternativesInput, EvmAlternativesRun } from './bench-protocol.js';

const STORE = 'bench';

function runBare(request: BareRequest): Promise<BareReply> {
  const worker = new Worker(new URL('./bare.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<BareReply>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => resolve({ ok: false, error: event.message });
    worker.postMessage(request);
  });
}

async function runLedgerBench(input: BrowserBenchInput): Promise<BrowserBenchOutput> {
  const status = (text: string) => void (document.getElementById('status')!.textContent = text);
  const alloc = Object.fromEntries(Object.entries(input.alloc).map(([a, wei]) => [a, BigInt(wei)]));
  const options = { chainId: BENCH_CHAIN_ID, alloc, storeName: input.memoryStore ? undefined : STORE, initTimeoutMs: 600_000, timeoutMs: 600_000 };
  const client = createLedgerClient(options);
  await client.ready();
  await client.reset();
  const wallets: BenchWallets = {
    deployer: new Wallet(input.keys.deployer),
    buyer: new Wallet(input.keys.buyer),
    sales: new Wallet(input.keys.sales),
  };
  status('deploying');
  const ethersProvider = createEthersProvider(client.provider, BENCH_CHAIN_ID);
  const deployment = await deployWorkspace(input.manifest, wallets.deployer.connect(ethersProvider), { network: 'bench' });
  const setup = await exportedRaws(client.provider);
  status('full path');
  const full = await runFullPath(client.provider, wallets, taskCalls(input.manifest, deployment, input.count));
  status('full path, signed by the ledger');
  const signedCalls = taskCalls(input.manifest, deployment, input.count, await nextInstance(client.provider, input.manifest, deployment));
  const ledgerSigned = await runFullPathLedgerSigned(client.provider, wallets, signedCalls);
  status('bare EVM');
  const bare = await runBare({ chainId: BENCH_CHAIN_ID, alloc: input.alloc, setup, timed: full.raws });
  if (!bare.ok) throw new Error(`bare EVM worker: ${bare.error}`);
  const bareOfSigned = await runBare({ chainId: BENCH_CHAIN_ID, alloc: input.alloc, setup: [...setup, ...full.raws], timed: ledgerSigned.raws });
  if (!bareOfSigned.ok) throw new Error(`bare EVM worker (ledger-signed transactions): ${bareOfSigned.error}`);
  const bareJs = await runBare({ chainId: BENCH_CHAIN_ID, alloc: input.alloc, setup, timed: full.raws, jsRecovery: true });
  if (!bareJs.ok) throw new Error(`bare EVM worker (JS recovery): ${bareJs.error}`);
  const { senderRecovery } = (await client.provider.request({ method: 'ledger_storageInfo' })) as Pick<BrowserBenchOutput, 'senderRecovery'>;
  status('breakdown');
  const breakdown = await measureBreakdown(client, wallets, input, deployment);
  status('growing the chain');
  const head = Number(await client.provider.request({ method: 'eth_blockNumber' }));
  const more = input.blocks - 1 - head;
  if (more > 0) {
    const first = await nextInstance(client.provider, input.manifest, deployment);
    await runFullPath(client.provider, wallets, taskCalls(input.manifest, deployment, more + (more % 2), first));
  }
  await client.provider.request({ method: 'ledger_flush' });
  client.terminate();
  status('reload');
  const reloadStart = performance.now();
  const reopened = createLedgerClient(options);
  await reopened.ready();
  const reloadMs = performance.now() - reloadStart;
  const blocks = Number(await reopened.provider.request({ method: 'eth_blockNumber' })) + 1;
  status('verify');
  const verify = (await reopened.provider.request({ method: 'ledger_verify' })) as { ok: boolean; ms: number };
  const storage = await reopened.provider.request({ method: 'ledger_storageInfo' });
  reopened.terminate();
  status('done');
  return {
    count: input.count,
    fullMs: full.ms,
    fullGas: full.gas.toString(),
    ledgerSignedMs: ledgerSigned.ms,
    ledgerSignedGas: ledgerSigned.gas.toString(),
    bareOfLedgerSignedMs: bareOfSigned.ms!,
    bareMs: bare.ms!,
    bareRecoverMs: bare.recoverMs!,
    bareGas: bare.gas!,
    bareRecovery: bare.recovery!,
    bareJsRecoveryMs: bareJs.ms!,
    senderRecovery,
    blocks,
    reloadMs,
    verifyMs: verify.ms,
    verifyOk: verify.ok,
    storage,
    userAgent: navigator.userAgent,
    breakdown,
  };
}

/**
 * Parts of the full path, per transaction: signing alone (on the page), a no-op request's round
 * trip to the worker, and send + receipt of transactions signed beforehand (the worker's share
 * plus two round trips).
 */
async function measureBreakdown(
  client: LedgerClient,
  wallets: BenchWallets,
  input: BrowserBenchInput,
  deployment: Awaited<ReturnType<typeof deployWorkspace>>,
): Promise<BrowserBenchOutput['breakdown']> {
  const n = Math.min(200, input.count);
  const calls = taskCalls(input.manifest, deployment, n, await nextInstance(client.provider, input.manifest, deployment));
  const nonces = new Map<string, number>();
  for (const wallet of [wallets.buyer, wallets.sales]) {
    nonces.set(wallet.address, Number(await client.provider.request({ method: 'eth_getTransactionCount', params: [wallet.address, 'latest'] })));
  }
  let started = performance.now();
  const raws: string[] = [];
  for (const call of calls) {
    const wallet = wallets[call.from];
    const nonce = nonces.get(wallet.address)!;
    nonces.set(wallet.address, nonce + 1);
    raws.push(await wallet.signTransaction({ to: call.to, data: call.data, nonce, gasLimit: 400_000, gasPrice: 0, chainId: BENCH_CHAIN_ID }));
  }
  const signMs = (performance.now() - started) / n;
  started = performance.now();
  for (let i = 0; i < n; i++) await client.provider.request({ method: 'eth_chainId' });
  const roundTripMs = (performance.now() - started) / n;
  started = performance.now();
  for (const raw of raws) {
    const hash = await client.provider.request({ method: 'eth_sendRawTransaction', params: [raw] });
    await client.provider.request({ method: 'eth_getTransactionReceipt', params: [hash] });
  }
  const sendAndReceiptPresignedMs = (performance.now() - started) / n;
  return { signMs, roundTripMs, sendAndReceiptPresignedMs, ...(await alternateSigning(client, wallets, input, deployment)) };
}

/**
 * The page signing and the ledger signing in alternating chunks of 40 transactions (10 of each),
 * so both meet the same load on a shared machine: the median ms per transaction of each. Right
 * after each chunk a kept bare-EVM worker (holding the same state) times the same transactions,
 * so full / bare compares like with like even when the load changes between chunks. Before the
 * bare run the ledger's store catches up (ledger_flush, untimed), so the chunk's last IndexedDB
 * commit (~20 ms of blocks) lands in neither timing.
 */
async function alternateSigning(
  client: LedgerClient,
  wallets: BenchWallets,
  input: BrowserBenchInput,
  deployment: Awaited<ReturnType<typeof deployWorkspace>>,
): Promise<Omit<BrowserBenchOutput['breakdown'], 'signMs' | 'roundTripMs' | 'sendAndReceiptPresignedMs'>> {
  const page: number[] = [];
  const ledger: number[] = [];
  const bare: number[] = [];
  const ratioPage: number[] = [];
  const ratioLedger: number[] = [];
  const session = await openBareSession({ chainId: BENCH_CHAIN_ID, alloc: input.alloc, setup: await exportedRaws(client.provider), timed: [], keep: true });
  const chunk = async () => taskCalls(input.manifest, deployment, 40, await nextInstance(client.provider, input.manifest, deployment));
  for (let round = 0; round < 10; round++) {
    const a = await runFullPath(client.provider, wallets, await chunk());
    // The chunk's last store writes must not land in the bare timing (untimed for both).
    await client.provider.request({ method: 'ledger_flush' });
    const bareA = await session.run(a.raws);
    page.push(a.ms / a.count);
    ratioPage.push(bareA / a.ms);
    const b = await runFullPathLedgerSigned(client.provider, wallets, await chunk());
    await client.provider.request({ method: 'ledger_flush' });
    const bareB = await session.run(b.raws);
    ledger.push(b.ms / b.count);
    bare.push(bareA / a.count, bareB / b.count);
    ratioLedger.push(bareB / b.ms);
  }
  session.close();
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)];
  return {
    alternatingPageSignsMs: median(page),
    alternatingLedgerSignsMs: median(ledger),
    alternatingBareMs: median(bare),
    alternatingRatioPageSigns: median(ratioPage),
    alternatingRatioLedgerSigns: median(ratioLedger),
  };
}

/** A bare-EVM worker kept open: `run` times a chunk on the state the previous chunks left, in ms. */
async function openBareSession(request: BareRequest): Promise<{ run(chunk: string[]): Promise<number>; close(): void }> {
  const worker = new Worker(new URL('./bare.worker.ts', import.meta.url), { type: 'module' });
  const ask = (message: BareRequest | BareChunkRequest) =>
    new Promise<number>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<BareReply>) =>
        event.data.ok ? resolve(event.data.ms!) : reject(new Error(`bare EVM worker: ${event.data.error}`));
      worker.onerror = (event) => reject(new Error(`bare EVM worker: ${event.message}`));
      worker.postMessage(message);
    });
  await ask(request);
  return { run: (chunk) => ask({ chunk }), close: () => worker.terminate() };
}

/**
 * bench/evm-alternatives.ts --browser: runTx and @ethereumjs/evm driven directly, alternated in
 * the bare worker (a fresh one per run), after one untimed warm-up run of each.
 */
async function runEvmAlternatives(input: EvmAlternativesInput): Promise<EvmAlternativesRun[]> {
  const runs: EvmAlternativesRun[] = [];
  for (let round = -1; round < input.rounds; round++) {
    for (const direct of round % 2 === 0 ? [true, false] : [false, true]) {
      const reply = await runBare({ chainId: BENCH_CHAIN_ID, alloc: input.alloc, setup: input.setup, timed: input.timed, direct, report: true });
      if (!reply.ok) throw new Error(`bare EVM worker (${direct ? 'direct' : 'runTx'}): ${reply.error}`);
      if (round >= 0) runs.push({ direct, ms: reply.ms!, gasPerTx: reply.gasPerTx!, stateRoot: reply.stateRoot! });
    }
  }
  return runs;
}

const page = window as unknown as { runLedgerBench: typeof runLedgerBench; runEvmAlternatives: typeof runEvmAlternatives };
page.runLedgerBench = runLedgerBench;
page.runEvmAlternatives = runEvmAlternatives;
document.getElementById('status')!.textContent = 'ready';
