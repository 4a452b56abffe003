/**
 * Main-thread facade of the compiler worker. The worker starts on first use (the IDE opens
 * without waiting for solc); a request that fails, times out or hits a dead worker resolves to
 * a CompileResult with `ok: false` and says why, and the next request gets a fresh worker.
 */
import {
  DEFAULT_COMPILER_SETTINGS,
  SOLC_VERSION,
  type CompileResult,
  type CompilerSettings,
  type SourceFile,
} from '../../generators/compile/compile-types.js';
import { compilerFailureResult } from '../../generators/compile/standard-json.js';
import type { CompilerRequest, CompilerResponse } from './compiler-protocol.js';

export const COMPILER_STATUSES = ['idle', 'loading', 'ready'] as const;
export type CompilerStatus = (typeof COMPILER_STATUSES)[number];

export type WarmUpResult = { ok: true; compilerVersion: string; loadMs: number } | { ok: false; error: string };

export interface CompilerClient {
  compile(sources: readonly SourceFile[], settings?: CompilerSettings): Promise<CompileResult>;
  /** Starts the worker and loads solc without compiling anything. */
  warmUp(): Promise<WarmUpResult>;
  readonly status: CompilerStatus;
  /** Calls `listener` on every status change; returns the unsubscribe function. */
  onStatusChange(listener: (status: CompilerStatus) => void): () => void;
  /** Stops the worker; pending requests resolve as failed. A later request starts a new one. */
  dispose(): void;
}

/** The part of `Worker` the client uses, so tests can hand in a fake. */
export interface CompilerWorker {
  postMessage(message: CompilerRequest): void;
  terminate(): void;
  onmessage: ((event: { data: CompilerResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export interface CompilerClientOptions {
  createWorker?: () => CompilerWorker;
  /** Per request, from posting to the reply; the first one includes loading solc. */
  timeoutMs?: number;
}

/** Loading solc takes ~1.5 s and a large compile a few seconds on a slow machine: generous. */
export const DEFAULT_COMPILER_TIMEOUT_MS = 60_000;

function createBrowserWorker(): CompilerWorker {
  return new Worker(new URL('./compiler.worker.ts', import.meta.url), { type: 'module', name: 'solc' }) as CompilerWorker;
}

type Failure = { type: 'failed'; error: string };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Reply = CompilerResponse | Failure;

export function createCompilerClient(options: CompilerClientOptions = {}): CompilerClient {
  const createWorker = options.createWorker ?? createBrowserWorker;
  const timeoutMs = options.timeoutMs ?? DEFAULT_COMPILER_TIMEOUT_MS;
  const pending = new Map<number, { settle: (reply: Reply) => void; timer: ReturnType<typeof setTimeout> }>();
  const listeners = new Set<(status: CompilerStatus) => void>();
  let worker: CompilerWorker | undefined;
  let warming: Promise<WarmUpResult> | undefined;
  let status: CompilerStatus = 'idle';
  let nextId = 1;

  function setStatus(next: CompilerStatus) {
    if (next === status) return;
    status = next;
    for (const listener of listeners) listener(next);
  }

  /** Drops the current worker and settles everything it owed with `error`. */
  function retire(error: string) {
    worker?.terminate();
    worker = undefined;
    warming = undefined;
    const owed = [...pending.values()];
    pending.clear();
    for (const job of owed) {
      clearTimeout(job.timer);
      job.settle({ type: 'failed', error });
    }
    setStatus('idle');
  }

  function onReply(reply: CompilerResponse) {
    const job = pending.get(reply.id);
    if (!job) return; // answer to a request that already timed out
    pending.delete(reply.id);
    clearTimeout(job.timer);
    if (reply.type === 'loaded' || reply.type === 'compiled') setStatus('ready');
    job.settle(reply);
    if (reply.type === 'failed' && reply.fatal) retire(reply.error);
  }

  function start(): CompilerWorker {
    if (worker) return worker;
    const started = createWorker();
    started.onmessage = (event) => {
      if (started === worker) onReply(event.data);
    };
    started.onerror = (event) => {
      if (started === worker) retire(`The compiler worker stopped: ${event.message ?? 'unknown error'}`);
    };
    worker = started;
    setStatus('loading');
    return started;
  }

  function send(request: WithoutId<CompilerRequest>): Promise<Reply> {
    const target = start();
    const id = nextId++;
    return new Promise<Reply>((settle) => {
      const timer = setTimeout(() => {
        // solc is stuck (or the worker never started): only a new worker helps.
        retire(`The Solidity compiler did not answer within ${Math.round(timeoutMs / 1000)} s`);
      }, timeoutMs);
      pending.set(id, { settle, timer });
      target.postMessage({ ...request, id } as CompilerRequest);
    });
  }

  function warmUp(): Promise<WarmUpResult> {
    if (warming) return warming;
    const attempt = send({ type: 'load' }).then((reply): WarmUpResult => {
      if (reply.type === 'loaded') return { ok: true, compilerVersion: reply.compilerVersion, loadMs: reply.loadMs };
      if (warming === attempt) warming = undefined; // let a later warm-up try again
      return { ok: false, error: reply.type === 'failed' ? reply.error : `Unexpected reply ${reply.type}` };
    });
    warming = attempt;
    return attempt;
  }

  async function compile(sources: readonly SourceFile[], settings = DEFAULT_COMPILER_SETTINGS): Promise<CompileResult> {
    const reply = await send({ type: 'compile', sources: [...sources], settings });
    if (reply.type === 'compiled') return reply.result;
    const error = reply.type === 'failed' ? reply.error : `Unexpected reply ${reply.type}`;
    return compilerFailureResult(error, { compilerVersion: SOLC_VERSION, settings, elapsedMs: 0 });
  }

  return {
    compile,
    warmUp,
    get status() {
      return status;
    },
    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      retire('The compiler was shut down');
    },
  };
}
