/**
 * npm run bench:load [-- --json] [--skip-build] [--runs 3]
 * The IDE's first load only (the quick part of bench:designer): time to interactive from a cold
 * load in a fresh browser (the workspace name shows and the modeler drew the diagram), JavaScript
 * fetched before that moment, and when the Monaco editor's chunk and worker were first requested,
 * against interactive. Median over --runs fresh browser contexts. A table, never a timed test.
 */
import { freePort } from './free-port.js';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { findChromium } from '../e2e/support/chromium-path.js';
import { waitInteractive } from './designer-page.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const OUT_DIR = '.e2e-dist/bench-designer-load';
const log = (line: string) => void (json || console.error(line));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

if (!args.includes('--skip-build')) {
  log(`building the IDE into ${OUT_DIR}…`);
  await build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
}
const port = await freePort();
const server = await preview({ logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { port, strictPort: true, host: '127.0.0.1' } });
const browser = await chromium.launch({
  executablePath: findChromium() ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

interface Run {
  ttiMs: number;
  jsBeforeInteractiveKb: number;
  /** First request of the Code panel's chunk or Monaco's editor worker, ms after navigation (null: never). */
  monacoMs: number | null;
}

try {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    log(`cold load ${i + 1}/${runs}…`);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const ttiMs = await waitInteractive(page, 5);
    // let anything deferred to "idle after interactive" come in
    await page.waitForTimeout(4000);
    const timings = await page.evaluate((tti) => {
      const scripts = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const js = scripts.filter((e) => e.initiatorType === 'script' && e.startTime < tti).reduce((sum, e) => sum + e.encodedBodySize, 0);
      const monaco = scripts.filter((e) => /CodePanel|editor\.worker|monaco/i.test(new URL(e.name).pathname)).map((e) => e.startTime);
      return { js, monaco: monaco.length ? Math.min(...monaco) : null };
    }, ttiMs);
    results.push({ ttiMs, jsBeforeInteractiveKb: Math.round(timings.js / 1024), monacoMs: timings.monaco === null ? null : Math.round(timings.monaco) });
    await context.close();
  }
  const summary = {
    benchmark: 'designer-load',
    runs: results,
    medianTtiMs: median(results.map((r) => r.ttiMs)),
    medianJsBeforeInteractiveKb: median(results.map((r) => r.jsBeforeInteractiveKb)),
    monacoBeforeInteractive: results.filter((r) => r.monacoMs !== null && r.monacoMs < r.ttiMs).length,
  };
  if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    console.log('| run | time to interactive | JS before interactive | Monaco first requested |');
    console.log('|---:|---:|---:|---|');
    results.forEach((r, i) =>
      console.log(`| ${i + 1} | ${r.ttiMs} ms | ${r.jsBeforeInteractiveKb} kB | ${r.monacoMs === null ? 'not requested' : `${r.monacoMs} ms (${r.monacoMs < r.ttiMs ? 'BEFORE' : 'after'} interactive)`} |`),
    );
    console.log(`\nmedian time to interactive ${summary.medianTtiMs} ms; JS before interactive ${summary.medianJsBeforeInteractiveKb} kB; Monaco before interactive in ${summary.monacoBeforeInteractive} of ${runs} runs`);
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
process.exit(0);
