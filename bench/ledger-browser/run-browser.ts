/**
 * The Chromium half of `npm run bench:ledger`: builds the bench page with vite (the same worker
 * bundling as the IDE), serves it on 127.0.0.1, and runs it in headless Debian Chromium.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { findChromium } from '../../e2e/support/chromium-path.js';
import { tinySecp256k1Plugin } from '../../src/ledger/vite-plugin-tiny-secp256k1.js';
import { buildSample, mgas, rate, type ChainFigures, type RunFigures } from '../ledger-node.js';
import type { BrowserBenchInput, BrowserBenchOutput } from './bench-protocol.js';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const requested = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const path = requested.endsWith('/') ? `${requested}index.html` : requested;
    try {
      const body = readFileSync(join(dir, path));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    resolve({ server, url: `http://127.0.0.1:${address.port}/` });
  }));
}

/** The bench page, built with vite and open in headless Chromium (status "ready"); `close` removes everything. */
export async function openBenchPage(log: (line: string) => void): Promise<{ page: Page; close(): Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const profile = mkdtempSync(join(tmpdir(), 'ledger-bench-profile-'));
  log('chromium: building the bench page with vite...');
  await build({
    configFile: false,
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: './',
    logLevel: 'warn',
    // the IDE's plugin that lets tiny-secp256k1's WASM load in the bundle (sender recovery)
    plugins: [tinySecp256k1Plugin()],
    worker: { format: 'es', plugins: () => [tinySecp256k1Plugin()] },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8192 },
  });
  const { server, url } = await serve(outDir);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium() ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await context.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && log(`chromium console: ${message.text()}`));
    await page.goto(url);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function runBrowser(
  count: number,
  blocks: number,
  log: (line: string) => void,
  memoryStore = false,
): Promise<{ run: RunFigures; chain: ChainFigures; chromium: string; breakdown: BrowserBenchOutput['breakdown'] }> {
  const { manifest, alloc, wallets } = await buildSample();
  const { page, close } = await openBenchPage(log);
  try {
    log(`chromium: ${count} task transactions, then a chain of ${blocks} blocks...`);
    const input: BrowserBenchInput = {
      manifest,
      alloc: Object.fromEntries(Object.entries(alloc).map(([a, wei]) => [a, wei.toString()])),
      keys: { deployer: wallets.deployer.privateKey, buyer: wallets.buyer.privateKey, sales: wallets.sales.privateKey },
      count,
      blocks,
      memoryStore,
    };
    const out = (await page.evaluate(
      (arg) => (window as unknown as { runLedgerBench(i: BrowserBenchInput): Promise<BrowserBenchOutput> }).runLedgerBench(arg),
      input,
    )) as BrowserBenchOutput;
    const { keccak } = out.storage as { keccak: { implementation: string; reason?: string } };
    const run: RunFigures = {
      count,
      taskTxPerSec: rate(count, out.fullMs),
      mgasPerSec: mgas(BigInt(out.fullGas), out.fullMs),
      bareTxPerSec: rate(count, out.bareMs),
      bareMgasPerSec: mgas(BigInt(out.bareGas), out.bareMs),
      ratioToBare: Math.round((out.bareMs / out.fullMs) * 100) / 100,
      ledgerSignedTxPerSec: rate(count, out.ledgerSignedMs),
      ledgerSignedRatioToBare: Math.round((out.bareOfLedgerSignedMs / out.ledgerSignedMs) * 100) / 100,
      bareRecoverShare: Math.round((out.bareRecoverMs / out.bareMs) * 100) / 100,
      bareJsRecoveryTxPerSec: rate(count, out.bareJsRecoveryMs),
      senderRecovery: out.senderRecovery.implementation,
      keccak: keccak.implementation,
      gasPerTask: Number(BigInt(out.fullGas) / BigInt(count)),
    };
    if (out.senderRecovery.reason !== undefined) log(`chromium: the ledger worker recovers senders in JS: ${out.senderRecovery.reason}`);
    if (keccak.reason !== undefined) log(`chromium: the ledger worker hashes keccak in JS: ${keccak.reason}`);
    if (out.bareRecovery !== out.senderRecovery.implementation) {
      throw new Error(`the ledger worker recovers with ${out.senderRecovery.implementation}, the bare worker with ${out.bareRecovery}`);
    }
    const chain: ChainFigures = { blocks: out.blocks, reloadMs: Math.round(out.reloadMs), verifyMs: out.verifyMs, verifyOk: out.verifyOk };
    const round = (ms: number) => Math.round(ms * 1000) / 1000;
    const breakdown = Object.fromEntries(Object.entries(out.breakdown).map(([k, v]) => [k, round(v)])) as BrowserBenchOutput['breakdown'];
    log(`chromium: per tx: sign ${breakdown.signMs} ms, no-op round trip ${breakdown.roundTripMs} ms, send+receipt (pre-signed) ${breakdown.sendAndReceiptPresignedMs} ms, bare EVM ${round(out.bareMs / count)} ms`);
    log(`chromium: alternating chunks, median ms per tx: page signs ${breakdown.alternatingPageSignsMs}, ledger signs ${breakdown.alternatingLedgerSignsMs}, bare EVM ${breakdown.alternatingBareMs}`);
    log(`chromium: alternating chunks, median full / bare in the same window: page signs ${breakdown.alternatingRatioPageSigns}, ledger signs ${breakdown.alternatingRatioLedgerSigns}`);
    return { run, chain, chromium: out.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? out.userAgent, breakdown };
  } finally {
    await close();
  }
}
