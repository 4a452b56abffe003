import { describe, expect, it } from 'vitest';
import { formatWork, mainThreadWork, type TraceEvent } from './designer-trace.js';

const thread = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, args: { name } });
const work = (name: string, ms: number, tid = 1, args?: TraceEvent['args']): TraceEvent => ({ name, ph: 'X', pid: 7, tid, dur: ms * 1000, args });

describe('mainThreadWork', () => {
  it('sums the renderer main thread only, and tells forced layouts and their size', () => {
    // given a trace with the page's main thread (tid 1) and a worker thread (tid 2)
    const events = [
      thread(7, 1, 'CrRendererMain'),
      thread(7, 2, 'DedicatedWorker thread'),
      work('Layout', 30, 1, { beginData: { dirtyObjects: 16, stackTrace: [{}] } }),
      work('Layout', 10, 1, { beginData: { dirtyObjects: 4 } }),
      work('Paint', 2, 1),
      work('FunctionCall', 500, 2),
      work('SomethingUnnamed', 100, 1),
      { ...work('Paint', 1, 1), ph: 'B' },
    ];
    // when summarized
    const kinds = mainThreadWork(events);
    // then the worker's script, unnamed kinds and non-complete events are left out
    expect(kinds.map((k) => k.name)).toEqual(['Layout', 'Paint']);
    // and the layouts are summed, one of them forced by a script, 10 dirty objects on average
    expect(kinds[0]).toEqual({ name: 'Layout', count: 2, totalMs: 40, medianMs: 10, maxMs: 30, forced: 1, avgObjects: 10 });
    expect(formatWork(kinds).split('\n')[0]).toContain('Layout ×2, median 10 ms, max 30 ms  (1 forced by scripts; 10 dirty objects per pass)');
  });

  it('is empty for a trace without a renderer main thread', () => {
    expect(mainThreadWork([work('Layout', 5)])).toEqual([]);
  });
});
