/**
 * The Chromium half of bench/evm-alternatives.ts: the two browser-usable paths (@ethereumjs/vm's
 * runTx and @ethereumjs/evm driven directly) alternated in the bench page's bare module worker
 * (bench/ledger-browser), each run on a fresh worker, checked against the Node reference.
 */
import type { EvmAlternativesInput, EvmAlternativesRun } from './ledger-browser/bench-protocol.js';
import { openBenchPage } from './ledger-browser/run-browser.js';
import { referenceRun, type Workload } from './evm-candidates.js';

export async function runInChromium(workload: Workload, rounds: number, log: (line: string) => void) {
  const reference = await referenceRun(workload);
  const { page, close } = await openBenchPage(log);
  try {
    log(`chromium: runTx and evm-direct, ${rounds} alternating runs each after a warm-up...`);
    const input: EvmAlternativesInput = {
      alloc: Object.fromEntries(Object.entries(workload.alloc).map(([a, wei]) => [a, wei.toString()])),
      setup: workload.setup,
      timed: workload.timed,
      rounds,
    };
    const runs = (await page.evaluate(
      (arg) => (window as unknown as { runEvmAlternatives(i: EvmAlternativesInput): Promise<EvmAlternativesRun[]> }).runEvmAlternatives(arg),
      input,
    )) as EvmAlternativesRun[];
    const chromium = (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium';
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const count = workload.timed.length;
    const msOf = (direct: boolean) => runs.filter((r) => r.direct === direct).map((r) => r.ms);
    const runTxMs = median(msOf(false));
    const results = [false, true].map((direct) => {
      const mine = runs.filter((r) => r.direct === direct);
      const ms = median(mine.map((r) => r.ms));
      return {
        id: direct ? 'ethereumjs-evm-direct' : 'ethereumjs-vm-runTx',
        txPerSec: Math.round((count * 1000) / ms),
        msPerTx: Math.round((ms / count) * 1000) / 1000,
        speedupVsRunTx: Math.round((runTxMs / ms) * 100) / 100,
        runsTxPerSec: mine.map((r) => Math.round((count * 1000) / r.ms)),
        sameGas: mine.every((r) => r.gasPerTx.length === count && r.gasPerTx.every((gas, i) => BigInt(gas) === reference.gasPerTx[i])),
        sameState: mine.every((r) => r.stateRoot === reference.stateRoot),
      };
    });
    return { chromium, results };
  } finally {
    await close();
  }
}
