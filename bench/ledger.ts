/**
 * npm run bench:ledger [-- --json] [--count 1000] [--blocks 10000] [--node-only | --browser-only]
 * Throughput of the bundled ledger on a generated process contract (the Order fulfilment
 * sample), in Node and in headless Chromium (the real module worker with IndexedDB): task
 * transactions per second and Mgas/s through the full path (sign, send, mine, receipt) beside
 * the bare EVM rate of the same transactions (runTx only), and the time to reload and to verify
 * a chain of --blocks blocks. A table, or one JSON object with --json; never a timed test.
 */
import { runBrowser } from './ledger-browser/run-browser.js';
import { runNode, type ChainFigures, type RunFigures } from './ledger-node.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const count = option('--count', 1000);
const blocks = option('--blocks', 10_000);
const json = args.includes('--json');
const log = (line: string) => {
  if (!json) console.error(line);
};

const TARGETS = { workerTaskTxPerSec: 400, ratioToBare: 0.7, reload10kMs: 5_000, verify10kMs: 30_000 };
const results: Record<string, { run: RunFigures; chain: ChainFigures; chromium?: string; breakdown?: unknown }> = {};
if (!args.includes('--browser-only')) results.node = await runNode(count, blocks, log);
if (!args.includes('--node-only')) results.chromium = await runBrowser(count, blocks, log);
// Diagnostic: the same in Chromium without IndexedDB (reload then measures nothing useful).
if (args.includes('--memory-store')) results['chromium, in-memory chain'] = await runBrowser(count, blocks, log, true);

if (json) {
  process.stdout.write(`${JSON.stringify({ benchmark: 'ledger', node: process.version, count, blocks, targets: TARGETS, results })}\n`);
} else {
  console.log(`\nledger bench: ${count} sequential task transactions of the generated Order fulfilment contract; chain of ${blocks} blocks\n`);
  console.log('| where | task tx/s (full path) | Mgas/s | bare EVM tx/s | bare Mgas/s | full / bare | ledger signs: tx/s | full / bare | sender recovery | its share of bare | bare tx/s, JS recovery | gas per task | reload | verify |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const [where, { run, chain }] of Object.entries(results)) {
    console.log(
      `| ${where} | ${run.taskTxPerSec} | ${run.mgasPerSec} | ${run.bareTxPerSec} | ${run.bareMgasPerSec} | ${run.ratioToBare} | ${run.ledgerSignedTxPerSec} | ${run.ledgerSignedRatioToBare} | ${run.senderRecovery} | ${Math.round(run.bareRecoverShare * 100)}% | ${run.bareJsRecoveryTxPerSec} | ${run.gasPerTask.toLocaleString('en-US')} | ${(chain.reloadMs / 1000).toFixed(2)} s (${chain.blocks} blocks) | ${(chain.verifyMs / 1000).toFixed(1)} s${chain.verifyOk ? '' : ' FAILED'} |`,
    );
  }
  console.log('full path: the page signs with ethers (eth_sendRawTransaction); "ledger signs": eth_sendTransaction with the participants\' keys unlocked in the ledger (ledger_unlockAccount)');
  console.log(`\ntargets: worker >= ${TARGETS.workerTaskTxPerSec} task tx/s and >= ${TARGETS.ratioToBare}x bare; reload of 10,000 blocks < 5 s; verify < 30 s`);
}
process.exit(0);
