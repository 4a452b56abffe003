/**
 * Rough throughput of the bundled ledger in Node (not an assertion; numbers vary by machine).
 *   npx tsx bench/ledger-smoke.ts [count]
 * Measures: engine start, deploy, N sequential state-changing calls through ethers with receipt
 * waits, N through the engine directly (pre-signed raw transactions, receipt read back), the same
 * with an IndexedDB store (fake-indexeddb in Node), and a reload (restore) of that store.
 * The full benchmark of the ledger is bench/ledger.ts (npm run bench:ledger).
 */
import 'fake-indexeddb/auto';
import { ContractFactory, Interface, Wallet, ethers, type Contract } from 'ethers';
import { createEthersProvider } from '../src/ledger/client/ethers-provider.js';
import { createInProcessProvider } from '../src/ledger/client/in-process-provider.js';
import { createLedgerEngine } from '../src/ledger/engine/create-ledger-engine.js';
import type { LedgerEngine } from '../src/ledger/engine/ledger-types.js';
import type { LedgerStore } from '../src/ledger/store/ledger-store.js';
import { openIndexedDbLedgerStore } from '../src/ledger/store/indexeddb-store.js';
import { compileContract } from '../src/ledger/test-support/compile-solidity.js';
import { COUNTER_SOURCE } from '../src/ledger/test-support/counter-fixture.js';

const COUNT = Number(process.argv[2] ?? 200);
const CHAIN_ID = 1337;
const wallet = new Wallet('0x' + '99'.repeat(32));
const compiled = compileContract(COUNTER_SOURCE, 'Counter');
const counterAbi = new Interface(compiled.abi as ethers.InterfaceAbi);

const rate = (n: number, ms: number) => `${((n * 1000) / ms).toFixed(0)} tx/s (${(ms / n).toFixed(2)} ms/tx)`;

async function timed<T>(label: string, run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms`);
  return { value, ms };
}

async function deployDirect(engine: LedgerEngine): Promise<string> {
  const raw = await wallet.signTransaction({
    data: compiled.bytecode,
    nonce: 0,
    gasLimit: 1_000_000,
    gasPrice: 0,
    chainId: CHAIN_ID,
  });
  const hash = await engine.request({ method: 'eth_sendRawTransaction', params: [raw] });
  const receipt = (await engine.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as {
    contractAddress: string;
  };
  return receipt.contractAddress;
}

async function directRun(label: string, store?: LedgerStore): Promise<void> {
  const engine = await createLedgerEngine({ chainId: CHAIN_ID, store });
  const to = await deployDirect(engine);
  const data = counterAbi.encodeFunctionData('increment', ['bench']);
  const raws = await Promise.all(
    Array.from({ length: COUNT }, (_, i) =>
      wallet.signTransaction({ to, data, nonce: i + 1, gasLimit: 100_000, gasPrice: 0, chainId: CHAIN_ID }),
    ),
  );
  const { ms } = await timed(`${label}: ${COUNT} raw txs + receipts`, async () => {
    for (const raw of raws) {
      const hash = await engine.request({ method: 'eth_sendRawTransaction', params: [raw] });
      await engine.request({ method: 'eth_getTransactionReceipt', params: [hash] });
    }
  });
  console.log(`  -> ${rate(COUNT, ms)}`);
  await engine.request({ method: 'ledger_flush' });
}

async function main(): Promise<void> {
  console.log(`ledger smoke bench, ${COUNT} sequential increment(string) calls, Node ${process.version}\n`);
  const { value: engine } = await timed('engine start (genesis)', () => createLedgerEngine({ chainId: CHAIN_ID }));
  const provider = createEthersProvider(createInProcessProvider(engine), CHAIN_ID);
  const signer = wallet.connect(provider);
  const { value: counter } = await timed('deploy through ethers (send + wait)', async () => {
    const deployed = await new ContractFactory(compiled.abi as ethers.InterfaceAbi, compiled.bytecode, signer).deploy();
    await deployed.waitForDeployment();
    return deployed as unknown as Contract;
  });
  const viaEthers = await timed(`ethers: ${COUNT} × (send + wait receipt)`, async () => {
    for (let i = 0; i < COUNT; i++) await (await counter.increment('bench')).wait();
  });
  console.log(`  -> ${rate(COUNT, viaEthers.ms)}   (count = ${await counter.count()})`);

  await directRun('engine, memory store');
  await directRun('engine, IndexedDB store (fake-indexeddb)', await openIndexedDbLedgerStore('bench'));
  const replay = await timed(`reload of ${COUNT + 2} stored blocks (IndexedDB)`, async () =>
    createLedgerEngine({ chainId: CHAIN_ID, store: await openIndexedDbLedgerStore('bench') }),
  );
  console.log(`  -> ${(((COUNT + 1) * 1000) / replay.ms).toFixed(0)} blocks/s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
