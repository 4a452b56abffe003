/**
 * What the page's main thread did during a benchmarked action, from a Chromium trace
 * (devtools.timeline): time per kind of work (scripts, style, layout, paint…) and how big the
 * style and layout passes were. A JavaScript profile shows a forced layout only as the time of the
 * DOM getter that forced it (`clientHeight`); the trace says what was laid out and why.
 */

/** One event of a Chromium trace (the subset this summary reads). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string; beginData?: { dirtyObjects?: number; totalObjects?: number; stackTrace?: unknown[] }; elementCount?: number; data?: { stackTrace?: unknown[] } };
}

export interface WorkKind {
  name: string;
  count: number;
  totalMs: number;
  medianMs: number;
  maxMs: number;
  /** Layout: passes forced by a script reading geometry (they carry the script's stack). */
  forced?: number;
  /** Layout: objects laid out per pass on average; UpdateLayoutTree: elements restyled per pass. */
  avgObjects?: number;
}

/** Kinds of main-thread work worth naming; nested kinds (a forced Layout inside a FunctionCall) are counted in both. */
const KINDS = ['RunTask', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'MajorGC', 'MinorGC'];

/** The renderer main threads ('CrRendererMain') and, per kind of work, how much of it ran there. */
export function mainThreadWork(events: TraceEvent[]): WorkKind[] {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byKind = new Map<string, WorkKind & { objects: number; each: number[] }>();
  for (const e of events) {
    if (e.ph !== 'X' || !KINDS.includes(e.name) || !main.has(`${e.pid}:${e.tid}`)) continue;
    const kind = byKind.get(e.name) ?? { name: e.name, count: 0, totalMs: 0, medianMs: 0, maxMs: 0, forced: 0, objects: 0, each: [] };
    kind.count++;
    kind.totalMs += (e.dur ?? 0) / 1000;
    kind.each.push((e.dur ?? 0) / 1000);
    if (e.name === 'Layout') {
      kind.objects += e.args?.beginData?.dirtyObjects ?? 0;
      if (e.args?.beginData?.stackTrace?.length) kind.forced!++;
    }
    if (e.name === 'UpdateLayoutTree') {
      kind.objects += e.args?.elementCount ?? 0;
      if (e.args?.beginData?.stackTrace?.length) kind.forced!++;
    }
    byKind.set(e.name, kind);
  }
  return [...byKind.values()]
    .map(({ objects, forced, each, ...k }) => ({
      ...k,
      totalMs: Math.round(k.totalMs),
      medianMs: round1([...each].sort((a, b) => a - b)[Math.floor((each.length - 1) / 2)] ?? 0),
      maxMs: round1(Math.max(0, ...each)),
      ...(k.name === 'Layout' || k.name === 'UpdateLayoutTree' ? { forced, avgObjects: Math.round(objects / Math.max(1, k.count)) } : {}),
    }))
    .sort((a, b) => b.totalMs - a.totalMs);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The summary as lines for the console. */
export function formatWork(kinds: WorkKind[]): string {
  return kinds
    .map((k) => {
      const extra = k.avgObjects === undefined ? '' : `  (${k.forced} forced by scripts; ${k.avgObjects} ${k.name === 'Layout' ? 'dirty objects' : 'elements'} per pass)`;
      return `${String(k.totalMs).padStart(6)} ms  ${k.name} ×${k.count}, median ${k.medianMs} ms, max ${k.maxMs} ms${extra}`;
    })
    .join('\n');
}
