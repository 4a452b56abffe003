/**
 * Main-thread facade of the gas worker. The worker starts on the first estimate. A new estimate
 * supersedes the pending one (which resolves `cancelled`); a timeout or a dead worker resolves
 * `failed` with the reason, and the next estimate gets a fresh worker.
 */
import type { AppManifest, Workspace } from '../../generators/index.js';
import type { GasRequest, GasResponse } from './gas-protocol.js';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type GasReply = WithoutId<GasResponse>;

export interface GasClient {
  estimate(workspace: Workspace, manifest: AppManifest): Promise<GasReply>;
  /** Stops the pending estimate (it resolves `cancelled`). */
  cancel(): void;
  dispose(): void;
}

/** The part of `Worker` the client uses, so tests can hand in a fake. */
export interface GasWorker {
  postMessage(message: GasRequest): void;
  terminate(): void;
  onmessage: ((event: { data: GasResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export interface GasClientOptions {
  createWorker?: () => GasWorker;
  timeoutMs?: number;
}

/** A large design on a slow machine: many paths, each a few transactions. */
export const DEFAULT_GAS_TIMEOUT_MS = 120_000;

function createBrowserWorker(): GasWorker {
  return new Worker(new URL('./gas.worker.ts', import.meta.url), { type: 'module', name: 'gas-estimate' }) as GasWorker;
}

export function createGasClient(options: GasClientOptions = {}): GasClient {
  const createWorker = options.createWorker ?? createBrowserWorker;
  const timeoutMs = options.timeoutMs ?? DEFAULT_GAS_TIMEOUT_MS;
  let worker: GasWorker | undefined;
  let pending: { id: number; settle: (reply: GasReply) => void; timer: ReturnType<typeof setTimeout> } | undefined;
  let nextId = 1;

  function settle(id: number, reply: GasReply) {
    if (pending?.id !== id) return; // a reply to a superseded or timed-out request
    clearTimeout(pending.timer);
    const { settle: done } = pending;
    pending = undefined;
    done(reply);
  }

  function retire(error: string) {
    worker?.terminate();
    worker = undefined;
    if (pending) settle(pending.id, { type: 'failed', error });
  }

  function start(): GasWorker {
    if (worker) return worker;
    const started = createWorker();
    started.onmessage = (event) => {
      if (started !== worker) return;
      const { id, ...reply } = event.data;
      settle(id, reply as GasReply);
    };
    started.onerror = (event) => {
      if (started === worker) retire(`the gas estimate worker stopped: ${event.message ?? 'unknown error'}`);
    };
    worker = started;
    return started;
  }

  function cancel() {
    if (!pending) return;
    worker?.postMessage({ type: 'cancel', id: pending.id });
    settle(pending.id, { type: 'cancelled' });
  }

  return {
    estimate(workspace, manifest) {
      cancel();
      const target = start();
      const id = nextId++;
      return new Promise<GasReply>((resolve) => {
        const timer = setTimeout(() => retire(`the gas estimate took longer than ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
        pending = { id, settle: resolve, timer };
        target.postMessage({ type: 'estimate', id, workspace, manifest });
      });
    },
    cancel,
    dispose() {
      cancel();
      worker?.terminate();
      worker = undefined;
    },
  };
}
