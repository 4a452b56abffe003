/**
 * What the designer benchmark does in the page: wait until the IDE is interactive, record frame
 * times (requestAnimationFrame deltas) and long tasks around a user action, and summarize them.
 */
import type { Page } from '@playwright/test';

/** Milliseconds since navigation start when the workspace name shows and the modeler drew the diagram. */
export async function waitInteractive(page: Page, minElements = 1, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    (min) => {
      const name = document.querySelector<HTMLInputElement>('[data-testid="workspace-name"]');
      const shapes = document.querySelectorAll('[data-testid="bpmn-modeler"] g.djs-element.djs-shape').length;
      return name?.value && shapes >= min ? performance.now() : false;
    },
    minElements,
    { timeout, polling: 'raf' },
  );
  return Math.round((await handle.jsonValue()) as number);
}

export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Frames over 50 ms: what users see as a hitch. */
  over50: number;
  longTasks: number;
  longestTaskMs: number;
}

// A string, not a function: tsx compiles named functions with a helper the page does not have.
const RECORDER = `(() => {
  const bench = { frames: [], long: [] };
  window.__bench = bench;
  let last = performance.now();
  const tick = (t) => { bench.frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => list.getEntries().forEach((e) => bench.long.push(e.duration))).observe({ type: 'longtask' });
})()`;

export async function installRecorder(page: Page): Promise<void> {
  await page.evaluate(RECORDER);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

/** Runs `action` and returns the frames and long tasks seen while it ran. */
export async function measureFrames(page: Page, action: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate('window.__bench.frames.length = 0; window.__bench.long.length = 0');
  await action();
  const { frames, long } = (await page.evaluate('window.__bench')) as { frames: number[]; long: number[] };
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    medianMs: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    over50: frames.filter((f) => f > 50).length,
    longTasks: long.length,
    longestTaskMs: round(Math.max(0, ...long)),
  };
}
