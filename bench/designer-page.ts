/**
 * What the designer benchmark does in the page: wait until the IDE is interactive, record frame
 * times (requestAnimationFrame deltas) and long tasks around a user action, and summarize them.
 */
import type { CDPSession, Page } from '@playwright/test';

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
  /**
   * Long animation frames (over 50 ms from the first task to the frame's paint on the main thread,
   * the Long Animation Frames API): a long task counts scripts only, these count rendering too.
   */
  longFrames: number;
  /** Summed over the long frames: time in scripts (event handlers, timers, rAF callbacks). */
  longFramesScriptMs: number;
  /** Summed over the long frames: style, layout and paint of the frame (the end of the frame). */
  longFramesRenderMs: number;
}

// A string, not a function: tsx compiles named functions with a helper the page does not have.
const RECORDER = `(() => {
  const bench = { frames: [], long: [], loaf: [] };
  window.__bench = bench;
  let last = performance.now();
  const tick = (t) => { bench.frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => list.getEntries().forEach((e) => bench.long.push(e.duration))).observe({ type: 'longtask' });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'))
    new PerformanceObserver((list) => list.getEntries().forEach((e) => bench.loaf.push({
      duration: e.duration,
      script: e.scripts.reduce((sum, s) => sum + s.duration, 0),
      render: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
    }))).observe({ type: 'long-animation-frame' });
})()`;

export async function installRecorder(page: Page): Promise<void> {
  await page.evaluate(RECORDER);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

/** Runs `action` and returns the frames and long tasks seen while it ran. */
export async function measureFrames(page: Page, action: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate('window.__bench.frames.length = 0; window.__bench.long.length = 0; window.__bench.loaf.length = 0');
  await action();
  // entries of the last frames are delivered after them
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))');
  const { frames, long, loaf } = (await page.evaluate('window.__bench')) as {
    frames: number[];
    long: number[];
    loaf: { duration: number; script: number; render: number }[];
  };
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    medianMs: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    over50: frames.filter((f) => f > 50).length,
    longTasks: long.length,
    longestTaskMs: round(Math.max(0, ...long)),
    longFrames: loaf.length,
    longFramesScriptMs: Math.round(loaf.reduce((sum, f) => sum + f.script, 0)),
    longFramesRenderMs: Math.round(loaf.reduce((sum, f) => sum + f.render, 0)),
  };
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const TASKS = '[data-testid="bpmn-modeler"] g.djs-shape[data-element-id^="Task_"]';

/**
 * Zooms the canvas in, as a user does to work on a part of a large diagram, until a task is at
 * least 80 px wide: Ctrl + wheel at the task nearest the canvas's middle (the fitted diagram is a
 * thin strip whose place depends on the panel's size when it was fitted). Real input events
 * through the DevTools protocol: Playwright's wheel does not carry the Ctrl modifier.
 */
export async function zoomInAtTask(page: Page, cdp: CDPSession, area: Area): Promise<void> {
  const taskWidth = () => page.evaluate((sel) => Math.max(0, ...[...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect().width)), TASKS);
  const focus = await page.evaluate(
    ({ sel, bounds }) => {
      const mid = bounds.x + bounds.width / 2;
      const tasks = [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect());
      const r = tasks.sort((a, b) => Math.abs(a.x + a.width / 2 - mid) - Math.abs(b.x + b.width / 2 - mid))[0];
      return r && { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
    },
    { sel: TASKS, bounds: area },
  );
  if (!focus) throw new Error('no task of the model is drawn on the canvas to zoom in on');
  // bpmn-js listens to the wheel only while the pointer is over the canvas
  await page.mouse.move(focus.x - 10, focus.y);
  await page.mouse.move(focus.x, focus.y);
  for (let i = 0; i < 80 && (await taskWidth()) < 80; i++) {
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: focus.x, y: focus.y, deltaX: 0, deltaY: -120, modifiers: 2 });
  }
  await page.waitForTimeout(300);
}

const viewX = (page: Page) =>
  page.evaluate(() => (document.querySelector('[data-testid="bpmn-modeler"] svg > .viewport') as SVGGElement | null)?.transform.baseVal.consolidate()?.matrix.e ?? 0);

/**
 * Pans the canvas sideways with the wheel: 15 steps of 200 px to the right and back, 30 ms apart.
 * Throws when the view did not travel most of the way: a bench that measured a pan that did not
 * happen (the wheel switched off, the pointer off the diagram) would report smooth frames.
 */
export async function panCanvas(page: Page, area: Area): Promise<void> {
  await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
  const start = await viewX(page);
  let farthest = 0;
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(i < 15 ? 200 : -200, 0);
    await page.waitForTimeout(30);
    if (i === 14) farthest = Math.abs((await viewX(page)) - start);
  }
  // bpmn-js scrolls 0.75 px per wheel pixel: 15 x 200 x 0.75 = 2,250 px each way
  if (farthest < 2250 * 0.75) throw new Error(`the pan moved the view ${Math.round(farthest)} px instead of 2250 px: the wheel did not reach the diagram`);
}
