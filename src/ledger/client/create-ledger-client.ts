/**
 * Page-side facade of the ledger worker. The worker starts on the first request (or ready()),
 * receives `init` first, and every request is matched to its reply by id with a timeout.
 * If the worker crashes, pending requests fail with 4900 and the next request starts a fresh
 * worker, which restores the chain from its IndexedDB store. On its first start the client asks
 * the browser once for persistent storage (navigator.storage.persist(), a page-only API), so the
 * chain is not evicted under storage pressure; ledger_storageInfo reports whether it was granted.
 */
import { fromRpcErrorData, LedgerRpcError, RPC_ERROR } from '../engine/rpc-error.js';
import type { LedgerInitSettings, LedgerWorkerReply, LedgerWorkerRequest } from '../worker/ledger-messages.js';
import { BlockListeners, type LedgerProvider } from './ledger-provider.js';

/** What the client needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: LedgerWorkerRequest): void;
  addEventListener(type: 'message', listener: (event: { data: LedgerWorkerReply }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface LedgerClientOptions extends LedgerInitSettings {
  /** Per-request timeout in ms; default 30,000. */
  timeoutMs?: number;
  /** Timeout for init, reset, verify, export and import, which may take seconds; default 300,000. */
  initTimeoutMs?: number;
  /** Default: the bundled module worker. */
  createWorker?: () => WorkerLike;
}

export interface LedgerClient {
  readonly provider: LedgerProvider;
  /** Starts the worker now and resolves once the chain is loaded; rejects if init fails. */
  ready(): Promise<void>;
  /** Wipes the chain and its store, starting again from genesis. */
  reset(): Promise<void>;
  /** Stops the worker; pending requests fail with 4900. A later request starts a new one. */
  terminate(): void;
}

/** Methods that re-execute or copy the whole chain: they get the long timeout. */
const SLOW_METHODS = new Set(['ledger_verify', 'ledger_exportChain', 'ledger_importChain', 'evm_revert', 'ledger_flush']);

let persistenceRequested = false;

/** Asks once per page; a refusal is fine (the chain still works, it may just be evicted). */
function requestPersistentStorage(): void {
  if (persistenceRequested) return;
  persistenceRequested = true;
  const storage = (globalThis as { navigator?: { storage?: { persist?: () => Promise<boolean> } } }).navigator?.storage;
  void storage?.persist?.().catch(() => false);
}

type Body = LedgerWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Session {
  worker: WorkerLike;
  pending: Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }
  >;
  ready: Promise<void>;
  /** Set once the worker is gone; later sends fail at once instead of waiting for a timeout. */
  endedBecause?: string;
}

export function createLedgerClient(options: LedgerClientOptions): LedgerClient {
  const { timeoutMs = 30_000, initTimeoutMs = 300_000, createWorker = createBundledWorker } = options;
  const settings: LedgerInitSettings = {
    chainId: options.chainId,
    blockGasLimit: options.blockGasLimit,
    alloc: options.alloc,
    storeName: options.storeName,
    durability: options.durability,
  };
  const listeners = new BlockListeners();
  let nextId = 1;
  let session: Session | undefined;

  const end = (ending: Session, message: string) => {
    if (session === ending) session = undefined;
    if (ending.endedBecause !== undefined) return;
    ending.endedBecause = message;
    ending.worker.terminate();
    for (const { reject, timer } of ending.pending.values()) {
      clearTimeout(timer);
      reject(new LedgerRpcError(RPC_ERROR.disconnected, message));
    }
    ending.pending.clear();
  };

  const send = (target: Session, body: Body, timeout: number): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const label = body.kind === 'rpc' ? body.method : body.kind;
      if (target.endedBecause !== undefined) {
        reject(new LedgerRpcError(RPC_ERROR.disconnected, target.endedBecause));
        return;
      }
      const timer = setTimeout(() => {
        target.pending.delete(id);
        reject(new LedgerRpcError(RPC_ERROR.internal, `ledger request ${label} timed out after ${timeout} ms`));
      }, timeout);
      target.pending.set(id, { resolve, reject, timer });
      try {
        target.worker.postMessage({ ...body, id } as LedgerWorkerRequest);
      } catch (error) {
        clearTimeout(timer);
        target.pending.delete(id);
        const reason = error instanceof Error ? error.message : String(error);
        reject(new LedgerRpcError(RPC_ERROR.invalidParams, `cannot send ${label} to the ledger worker: ${reason}`));
      }
    });

  const start = (): Session => {
    if (settings.storeName !== undefined) requestPersistentStorage();
    const worker = createWorker();
    const started: Session = { worker, pending: new Map(), ready: Promise.resolve() };
    worker.addEventListener('message', ({ data }) => {
      if (data.kind === 'newBlock') return listeners.emit(data.block);
      const waiting = started.pending.get(data.id);
      if (waiting === undefined) return; // timed out earlier
      started.pending.delete(data.id);
      clearTimeout(waiting.timer);
      if (data.kind === 'result') waiting.resolve(data.result);
      else waiting.reject(fromRpcErrorData(data.error));
    });
    worker.addEventListener('error', (event) =>
      end(started, `ledger worker crashed: ${event.message ?? 'unknown error'}`),
    );
    worker.addEventListener('messageerror', () => end(started, 'ledger worker sent a message that could not be read'));
    started.ready = send(started, { kind: 'init', ...settings }, initTimeoutMs).then(
      () => undefined,
      (error: unknown) => {
        end(started, 'ledger worker stopped after a failed init');
        throw error;
      },
    );
    return started;
  };

  const call = async (body: Body, timeout: number): Promise<unknown> => {
    const current = (session ??= start());
    await current.ready;
    return send(current, body, timeout);
  };

  const provider: LedgerProvider = {
    request(args) {
      if (typeof args !== 'object' || args === null || typeof args.method !== 'string') {
        return Promise.reject(
          new LedgerRpcError(RPC_ERROR.invalidRequest, 'a request must be an object with a string "method"'),
        );
      }
      const timeout = SLOW_METHODS.has(args.method) ? initTimeoutMs : timeoutMs;
      return call({ kind: 'rpc', method: args.method, params: args.params }, timeout);
    },
    on(event, listener) {
      listeners.add(event, listener);
      return provider;
    },
    removeListener(_event, listener) {
      listeners.remove(listener);
      return provider;
    },
  };

  return {
    provider,
    ready: () => (session ??= start()).ready,
    reset: async () => {
      await call({ kind: 'reset' }, initTimeoutMs);
    },
    terminate: () => {
      if (session !== undefined) end(session, 'ledger worker terminated');
    },
  };
}

function createBundledWorker(): WorkerLike {
  return new Worker(new URL('../worker/ledger.worker.ts', import.meta.url), {
    type: 'module',
    name: 'chainflow-ledger',
  }) as WorkerLike;
}
