import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPILER_SETTINGS, type CompileResult } from '../../generators/compile/compile-types.js';
import { createCompilerClient, type CompilerStatus, type CompilerWorker } from './compiler-client.js';
import type { CompilerRequest, CompilerResponse } from './compiler-protocol.js';

/** A worker stand-in: `reply` decides the answer (undefined = never answers). */
class FakeWorker implements CompilerWorker {
  onmessage: ((event: { data: CompilerResponse }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  received: CompilerRequest[] = [];
  terminated = false;
  constructor(private readonly reply: (request: CompilerRequest) => CompilerResponse | undefined) {}
  postMessage(request: CompilerRequest) {
    this.received.push(request);
    const response = this.reply(request);
    if (response) setTimeout(() => this.onmessage?.({ data: response }), 1);
  }
  terminate() {
    this.terminated = true;
  }
}

function result(marker: string): CompileResult {
  return { ok: true, diagnostics: [], contracts: {}, compilerVersion: marker, settings: DEFAULT_COMPILER_SETTINGS, elapsedMs: 1 };
}

const healthy = (request: CompilerRequest): CompilerResponse =>
  request.type === 'load'
    ? { type: 'loaded', id: request.id, compilerVersion: 'v', loadMs: 5 }
    : { type: 'compiled', id: request.id, result: result(request.sources[0]?.file ?? '') };

describe('compiler client', () => {
  it('starts the worker only on first use and reports loading, then ready', async () => {
    const workers: FakeWorker[] = [];
    const client = createCompilerClient({ createWorker: () => (workers.push(new FakeWorker(healthy)), workers.at(-1)!) });
    const seen: CompilerStatus[] = [];
    client.onStatusChange((s) => seen.push(s));
    expect(workers).toHaveLength(0);
    expect(client.status).toBe('idle');

    expect(await client.warmUp()).toEqual({ ok: true, compilerVersion: 'v', loadMs: 5 });
    expect(await client.warmUp()).toEqual({ ok: true, compilerVersion: 'v', loadMs: 5 });
    expect(workers).toHaveLength(1);
    expect(workers[0].received).toHaveLength(1); // a second warm-up does not reload
    expect(seen).toEqual(['loading', 'ready']);
  });

  it('matches replies to requests by id, whatever order they come in', async () => {
    // given a worker that answers the second request before the first
    let held: CompilerRequest | undefined;
    let worker!: FakeWorker;
    worker = new FakeWorker((request) => {
      if (!held) {
        held = request;
        return undefined;
      }
      setTimeout(() => worker.onmessage?.({ data: healthy(held!) }), 5);
      return healthy(request);
    });
    const client = createCompilerClient({ createWorker: () => worker });
    // when two compiles are in flight
    const [a, b] = await Promise.all([
      client.compile([{ file: 'A.sol', content: '' }]),
      client.compile([{ file: 'B.sol', content: '' }]),
    ]);
    // then each gets its own result
    expect([a.compilerVersion, b.compilerVersion]).toEqual(['A.sol', 'B.sol']);
  });

  it('gives up on a silent worker after the timeout and uses a fresh one next time', async () => {
    const workers: FakeWorker[] = [];
    let answer = false;
    const client = createCompilerClient({
      timeoutMs: 30,
      createWorker: () => (workers.push(new FakeWorker((r) => (answer ? healthy(r) : undefined))), workers.at(-1)!),
    });
    const stuck = await client.compile([{ file: 'A.sol', content: '' }]);
    expect(stuck.ok).toBe(false);
    expect(stuck.diagnostics[0].message).toMatch(/did not answer within/);
    expect(workers[0].terminated).toBe(true);
    expect(client.status).toBe('idle');

    answer = true;
    expect((await client.compile([{ file: 'A.sol', content: '' }])).ok).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('replaces a worker that reports a fatal failure, and fails what it still owed', async () => {
    const workers: FakeWorker[] = [];
    const client = createCompilerClient({
      createWorker: () => {
        const first = workers.length === 0;
        workers.push(new FakeWorker((r) => (first ? { type: 'failed', id: r.id, error: 'solc crashed', fatal: true } : healthy(r))));
        return workers.at(-1)!;
      },
    });
    const crashed = await client.compile([{ file: 'A.sol', content: '' }]);
    expect(crashed).toMatchObject({ ok: false, diagnostics: [{ severity: 'error', message: 'solc crashed' }] });
    expect(workers[0].terminated).toBe(true);
    expect((await client.compile([{ file: 'A.sol', content: '' }])).ok).toBe(true);
  });

  it('fails pending requests when the worker script errors', async () => {
    const worker = new FakeWorker(() => undefined);
    const client = createCompilerClient({ createWorker: () => worker });
    const pending = client.warmUp();
    worker.onerror?.({ message: 'SyntaxError in worker' });
    expect(await pending).toEqual({ ok: false, error: 'The compiler worker stopped: SyntaxError in worker' });
    expect(client.status).toBe('idle');
  });

  it('resolves in-flight requests as failed on dispose', async () => {
    const worker = new FakeWorker(() => undefined);
    const client = createCompilerClient({ createWorker: () => worker });
    const pending = client.compile([]);
    client.dispose();
    expect((await pending).diagnostics[0].message).toBe('The compiler was shut down');
    expect(worker.terminated).toBe(true);
  });
});
