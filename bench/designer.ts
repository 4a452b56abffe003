/**
 * npm run bench:designer [-- --json] [--skip-build] [--blocks 40] [--participants 100] [--profile typing|drag|pan]
 * The IDE's first load and editing smoothness, in headless Chromium against a production build
 * served locally (vite build + vite preview on a free port):
 * - time to interactive from a cold load (the workspace name shows and the modeler drew the
 *   diagram): the first visit in a fresh browser, and a reload with the workspace stored but the
 *   HTTP cache cleared;
 * - whether the compiler (worker + soljson) and the ledger worker load lazily: when each was first
 *   requested, against the moment the IDE was interactive;
 * - frame times (requestAnimationFrame deltas: median, p95, max), long tasks and long animation
 *   frames (script vs style + layout + paint) while editing a generated model of --blocks*5+2 BPMN
 *   flow nodes in four lanes and --participants participants: typing names, dragging an element
 *   on the canvas, panning the canvas, scrolling the participants list, and the autosave + rebuild
 *   after each edit;
 * - the baseline of the pan: the same diagram, zoom and pan on a bare bpmn-js Modeler page
 *   (bench/designer-bare: none of the IDE's modules, styles or panels).
 * --profile NAME prints where the main thread spent its time during that action: JavaScript by
 * self time (non-minified build) and, from a Chromium trace, time per kind of work (layout, paint…).
 * A table, or one JSON object with --json; never a timed test.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { findChromium } from '../e2e/support/chromium-path.js';
import { designerWorkspace } from './designer-model.js';
import { formatWork, mainThreadWork, type TraceEvent } from './designer-trace.js';
import { installRecorder, measureFrames, panCanvas, waitInteractive, zoomInAtTask, type FrameStats } from './designer-page.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const json = args.includes('--json');
const log = (line: string) => void (json || console.error(line));
// inside an ignored folder: the build is a by-product of the bench
const PROFILE = args.includes('--profile');
// a profile names functions only in a build that is not minified
const OUT_DIR = PROFILE ? '.e2e-dist/bench-designer-profile' : '.e2e-dist/bench-designer';
const BARE_PATH = 'bare-modeler';
const PASSPHRASE = 'bench 口令 passphrase';
const TARGET_TTI_MS = 3000;

async function setPassphrase(page: Page) {
  const dialog = page.getByTestId('unlock-dialog');
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.getByTestId('unlock-passphrase').fill(PASSPHRASE);
  await dialog.getByTestId('unlock-confirm').fill(PASSPHRASE);
  await dialog.getByTestId('unlock-submit').click();
  await dialog.waitFor({ state: 'detached', timeout: 180_000 });
}

/**
 * A stored workspace's keys are locked after a reload; the IDE asks for the passphrase as soon as
 * something must be signed (the gas estimate after a build), at a moment the bench cannot know:
 * answer that prompt whenever it blocks the next click.
 */
async function answerUnlockPrompts(page: Page) {
  await page.addLocatorHandler(page.locator('[data-testid="unlock-dialog"][data-mode="unlock"]'), async (dialog) => {
    await dialog.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await dialog.getByTestId('unlock-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
  });
}

async function buildSettled(page: Page, timeout = 180_000) {
  await page.waitForFunction(() => ['ok', 'failed'].includes(document.querySelector('[data-testid="build-status"]')?.getAttribute('data-status') ?? ''), null, { timeout });
}

const settle = (page: Page) => page.waitForTimeout(2500);

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

function hottest(profile: CpuProfile, top = 12): string {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byNode.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${k}`).join('\n');
}

if (!args.includes('--skip-build')) {
  log(`building the IDE into ${OUT_DIR}…`);
  await build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true, ...(PROFILE ? { minify: false } : {}) } });
  // the baseline: a bare bpmn-js Modeler page (bench/designer-bare), served beside the IDE
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./designer-bare/', import.meta.url)),
    base: './',
    logLevel: 'warn',
    build: { outDir: resolve(OUT_DIR, BARE_PATH), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096, ...(PROFILE ? { minify: false } : {}) },
  });
}
const port = await freePort();
const server = await preview({ logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { port, strictPort: true, host: '127.0.0.1' } });
const url = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({
  executablePath: findChromium() ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await answerUnlockPrompts(page);
  const requests: { url: string; at: number }[] = [];
  context.on('request', (r) => requests.push({ url: r.url(), at: Date.now() }));

  // 1. first visit in a fresh browser: nothing cached, nothing stored
  log('cold load (fresh browser)…');
  await page.goto(url);
  const ttiFirst = await waitInteractive(page, 5);
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  const jsBeforeInteractive = await page.evaluate(
    (tti) => performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' && e.startTime < tti)
      .reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0),
    ttiFirst,
  );
  await setPassphrase(page);
  await buildSettled(page);

  // 2. a returning user: workspace and keys stored, HTTP cache cleared
  log('cold reload (stored workspace, HTTP cache cleared)…');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await page.reload();
  const ttiReload = await waitInteractive(page, 5);
  await buildSettled(page);

  // 3. a large model, imported as a new workspace
  const { workspace, flowNodes } = designerWorkspace({ blocks: option('--blocks', 40), participants: option('--participants', 100) });
  log(`importing a model of ${flowNodes} flow nodes and ${workspace.participants.length} participants…`);
  await page.getByTestId('workspaces-open').click();
  const importStart = Date.now();
  await page.getByTestId('workspace-import-file').setInputFiles({ name: '大型模型 bench.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workspace)) });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="bpmn-modeler"] g.djs-element.djs-shape').length >= n, flowNodes, { timeout: 120_000 });
  const importToDiagramMs = Date.now() - importStart;
  await setPassphrase(page); // the new workspace's own keys: one per participant
  const keysStart = Date.now();
  await page.getByTestId('workspaces-close').click();
  // each participant's key is made (scrypt-encrypted) on the main thread: measure once it is done
  await page.getByTestId('nav-participants').click();
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-testid^="participant-address-"]')].filter((e) => e.textContent?.includes('0x')).length >= n,
    workspace.participants.length,
    { timeout: 600_000, polling: 500 },
  );
  const keysMs = Date.now() - keysStart;
  await page.getByTestId('nav-process').click();
  await buildSettled(page);
  const largeBuild = await page.getByTestId('build-status').getAttribute('data-status');
  await installRecorder(page);
  const frames: Record<string, FrameStats> = {};
  /** With --profile NAME: where the main thread spent its time during that action (top functions by self time). */
  const profiled = async (name: string, action: () => Promise<void>) => {
    if (!args.includes('--profile') || args[args.indexOf('--profile') + 1] !== name) return action();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack'] });
    await action();
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    console.error(`main thread during "${name}", by self time:\n${hottest(profile)}`);
    console.error(`main thread during "${name}", by kind of work (a forced layout runs inside a script, so both count it):\n${formatWork(mainThreadWork(trace.traceEvents))}`);
  };

  // typing a name: the top bar's workspace name, then a participant's in the list of 100
  log('typing…');
  await page.getByTestId('workspace-name').click();
  await page.keyboard.press('End');
  frames['type the workspace name'] = await measureFrames(page, () => profiled('typing', () => page.keyboard.type(' 输入 typing', { delay: 80 })));
  frames['… autosave + rebuild after typing'] = await measureFrames(page, () => settle(page));
  await buildSettled(page);
  await page.getByTestId('nav-participants').click();
  const participantName = page.getByTestId('participant-name-p-50');
  await participantName.click();
  await page.keyboard.press('End');
  frames['type a participant name (100 listed)'] = await measureFrames(page, () => page.keyboard.type(' 改名 edit', { delay: 80 }));
  frames['… autosave + rebuild after typing'.replace('typing', 'the participant edit')] = await measureFrames(page, () => settle(page));
  await buildSettled(page);

  log('scrolling the participants list…');
  const table = page.getByTestId('participants-section');
  const tableBox = (await table.boundingBox())!;
  await page.mouse.move(tableBox.x + tableBox.width / 2, Math.min(tableBox.y + 300, 850));
  frames['scroll the participants list'] = await measureFrames(page, async () => {
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, i < 15 ? 240 : -240);
      await page.waitForTimeout(30);
    }
  });

  // the consortium canvas (React Flow) of the same 100 participants: pan it, drag one participant
  log('the consortium canvas…');
  await page.getByTestId('participants-tab-canvas').click();
  const consortium = page.getByTestId('consortium-canvas');
  await consortium.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  const consortiumNodes = await consortium.locator('.react-flow__node').count();
  // an empty point of the pane: dragging there pans, dragging a node moves the node
  const paneBox = (await consortium.locator('.react-flow__pane').boundingBox())!;
  const empty = await page.evaluate((b) => {
    for (let fy = 0.95; fy > 0.05; fy -= 0.05)
      for (let fx = 0.05; fx < 0.95; fx += 0.05) {
        const x = b.x + b.width * fx;
        const y = b.y + b.height * fy;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    return undefined;
  }, paneBox);
  if (!empty) throw new Error('no empty point on the consortium canvas to pan from');
  frames[`pan the consortium canvas (${consortiumNodes} nodes)`] = await measureFrames(page, async () => {
    await page.mouse.move(empty.x, empty.y);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) {
      await page.mouse.move(empty.x + (i <= 20 ? i : 40 - i) * 6, empty.y - (i <= 20 ? i : 40 - i) * 3);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  });
  const member = consortium.locator('.react-flow__node').filter({ has: page.locator('[data-testid^="cn-node-participant:"]') }).nth(10);
  const memberBox = (await member.boundingBox())!;
  frames['drag a participant on the consortium canvas'] = await measureFrames(page, async () => {
    const at = { x: memberBox.x + memberBox.width / 2, y: memberBox.y + memberBox.height / 2 };
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) {
      await page.mouse.move(at.x + i * 2, at.y + i);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  });
  frames['… autosave after the participant drag'] = await measureFrames(page, () => settle(page));

  log('dragging on the canvas…');
  await page.getByTestId('nav-process').click();
  const canvas = page.locator('[data-testid="bpmn-modeler"] .djs-container');
  // the properties panel hidden, zoomed in as a user does to work on a part of a large diagram
  await page.getByTestId('properties-toggle').click();
  await page.waitForTimeout(300);
  const area = (await canvas.boundingBox())!;
  await zoomInAtTask(page, cdp, area);
  await page.waitForTimeout(300);
  const zoomed = (await canvas.boundingBox())!;
  const target = await page.evaluate((bounds) => {
    for (const el of document.querySelectorAll('[data-testid="bpmn-modeler"] g.djs-element.djs-shape[data-element-id^="Task_"]')) {
      const r = el.getBoundingClientRect();
      if (r.width > 40 && r.left > bounds.x + 150 && r.right < bounds.x + bounds.width - 200 && r.top > bounds.y + 20 && r.bottom < bounds.y + bounds.height - 120)
        return { id: el.getAttribute('data-element-id'), x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width };
    }
    return undefined;
  }, zoomed);
  if (!target) {
    await page.screenshot({ path: 'test-results/bench-designer-canvas.png' });
    throw new Error('no task is visible on the zoomed canvas to drag (see test-results/bench-designer-canvas.png)');
  }
  frames[`drag a task on the canvas (${Math.round(target.width)} px wide)`] = await measureFrames(page, () => profiled('drag', async () => {
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) {
      await page.mouse.move(target.x + i * 3, target.y + i * 1.5);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  }));
  frames['… autosave + rebuild after the drag'] = await measureFrames(page, () => settle(page));
  await buildSettled(page);
  // the rebuild's tail (the gas estimate, the Code panel taking the new contract) belongs to the
  // row above: let it end so the pan measures panning
  await page.waitForFunction(() => document.querySelector('[data-testid="gas-summary"]')?.getAttribute('data-status') !== 'estimating', null, { timeout: 180_000 });
  await page.waitForTimeout(1500);
  frames['pan the canvas'] = await measureFrames(page, () => profiled('pan', async () => {
    await panCanvas(page, zoomed);
  }));

  // 4. the ledger loads on first use: the Explorer reads the chain
  const explorerOpenedMs = Math.round(Date.now() - timeOrigin);
  await page.getByTestId('nav-explorer').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="ledger-status"], .explorer') !== null, null, { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(3000);
  const firstRequest = (pattern: RegExp) => {
    const hit = requests.find((r) => pattern.test(new URL(r.url).pathname));
    return hit ? Math.round(hit.at - timeOrigin) : null;
  };
  const lazy = {
    compilerWorkerMs: firstRequest(/compiler\.worker/),
    soljsonMs: firstRequest(/soljson/),
    ledgerWorkerMs: firstRequest(/ledger\.worker/),
    monacoMs: firstRequest(/editor\.worker|CodePanel/),
  };

  // the same diagram, zoom and pan on a bare bpmn-js Modeler (none of the IDE's modules, styles
  // or panels): what bpmn-js and software-rendered Chromium cost by themselves
  log('panning the same diagram on a bare bpmn-js Modeler (baseline)…');
  const bare = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await bare.goto(`${url}${BARE_PATH}/`);
  await bare.waitForFunction(() => (window as unknown as { __bare?: object }).__bare !== undefined);
  await bare.evaluate(({ xml, box }) => (window as unknown as { __bare: { show(xml: string, box: object): Promise<number> } }).__bare.show(xml, box), {
    xml: workspace.processes[0].bpmn,
    box: zoomed,
  });
  await zoomInAtTask(bare, await bare.context().newCDPSession(bare), zoomed);
  await installRecorder(bare);
  frames['pan the canvas: bare bpmn-js Modeler, same diagram (baseline)'] = await measureFrames(bare, () => panCanvas(bare, zoomed));
  await bare.context().close();

  const result = {
    benchmark: 'designer',
    chromium: browser.version(),
    node: process.version,
    model: { flowNodes, participants: workspace.participants.length, build: largeBuild },
    ttiMs: { firstVisit: ttiFirst, reloadColdCache: ttiReload, target: TARGET_TTI_MS },
    jsBeforeInteractiveKb: Math.round(jsBeforeInteractive / 1024),
    lazy: { ...lazy, interactiveAtMs: ttiFirst, explorerOpenedMs },
    importToDiagramMs,
    keysForParticipantsMs: keysMs,
    frames,
  };
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const at = (ms: number | null) => (ms === null ? 'not requested' : `${ms} ms after navigation${ms > ttiFirst ? ' (after interactive)' : ' (BEFORE interactive)'}`);
    console.log(`\ndesigner bench: production build, headless Chromium ${result.chromium}\n`);
    console.log('| load | value |');
    console.log('|---|---:|');
    console.log(`| time to interactive, first visit (fresh browser) | ${ttiFirst} ms |`);
    console.log(`| time to interactive, reload (workspace stored, HTTP cache cleared) | ${ttiReload} ms |`);
    console.log(`| JavaScript fetched before interactive (encoded) | ${result.jsBeforeInteractiveKb} kB |`);
    console.log(`| compiler worker first requested | ${at(lazy.compilerWorkerMs)} |`);
    console.log(`| soljson first requested | ${at(lazy.soljsonMs)} |`);
    const ledger = lazy.ledgerWorkerMs === null ? 'not requested' : `${lazy.ledgerWorkerMs} ms after navigation (${lazy.ledgerWorkerMs >= explorerOpenedMs ? 'after' : 'BEFORE'} the Explorer was opened at ${explorerOpenedMs} ms)`;
    console.log(`| ledger worker first requested | ${ledger} |`);
    console.log(`| Monaco first requested | ${at(lazy.monacoMs)} |`);
    console.log(`| import of the large model until its diagram is drawn | ${importToDiagramMs} ms |`);
    console.log(`| keys of its ${workspace.participants.length} participants created (scrypt, one by one) | ${keysMs} ms |`);
    console.log(`\nediting a model of ${flowNodes} BPMN flow nodes (4 lanes) and ${workspace.participants.length} participants (its build: ${largeBuild})\n`);
    console.log('| action | frames | median | p95 | max | frames > 50 ms | long tasks | longest task | long frames: n, script, style+layout+paint |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [name, f] of Object.entries(frames)) {
      const loaf = `${f.longFrames}, ${f.longFramesScriptMs} ms, ${f.longFramesRenderMs} ms`;
      console.log(`| ${name} | ${f.frames} | ${f.medianMs} ms | ${f.p95Ms} ms | ${f.maxMs} ms | ${f.over50} | ${f.longTasks} | ${f.longestTaskMs} ms | ${loaf} |`);
    }
    console.log(`\ntarget: interactive in under ${TARGET_TTI_MS} ms from a cold production build; compiler and ledger loaded lazily`);
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
process.exit(0);
