/**
 * The worker's logic without worker globals, so Node tests drive it directly: it owns one
 * engine, answers each request by id and forwards mined-block notifications.
 */
import { createLedgerEngine } from '../engine/create-ledger-engine.js';
import type { LedgerEngine } from '../engine/ledger-types.js';
import { LedgerRpcError, RPC_ERROR, toRpcErrorData } from '../engine/rpc-error.js';
import type { LedgerStore } from '../store/ledger-store.js';
import type { LedgerWorkerReply, LedgerWorkerRequest } from './ledger-messages.js';

export interface LedgerHandlerDeps {
  /** Opens the named persistent store (IndexedDB in the worker). */
  openStore(name: string): Promise<LedgerStore>;
}

export function createLedgerMessageHandler(
  post: (reply: LedgerWorkerReply) => void,
  deps: LedgerHandlerDeps,
): (request: LedgerWorkerRequest) => Promise<void> {
  let engine: Promise<LedgerEngine> | undefined;

  const run = async (request: LedgerWorkerRequest): Promise<unknown> => {
    if (request.kind === 'init') {
      if (engine !== undefined)
        throw new LedgerRpcError(RPC_ERROR.invalidRequest, 'the ledger worker is already initialised');
      const { chainId, blockGasLimit, alloc, storeName, durability } = request;
      engine = (async () => {
        const store = storeName === undefined ? undefined : await deps.openStore(storeName);
        const created = await createLedgerEngine({ chainId, blockGasLimit, alloc, store, durability }).catch((error: unknown) => {
          store?.close?.();
          const reason = error instanceof Error ? error.message : String(error);
          throw new LedgerRpcError(RPC_ERROR.internal, `cannot open the ledger: ${reason}`);
        });
        created.onNewBlock((block) => post({ kind: 'newBlock', block }));
        return created;
      })();
      // A failed init may be retried with other settings.
      engine.catch(() => (engine = undefined));
      await engine;
      return null;
    }
    if (engine === undefined) {
      throw new LedgerRpcError(RPC_ERROR.disconnected, `ledger worker got "${request.kind}" before "init"`);
    }
    const ready = await engine;
    if (request.kind === 'reset') return ready.reset().then(() => null);
    return ready.request({ method: request.method, params: request.params });
  };

  return async (request) => {
    if (typeof request !== 'object' || request === null || typeof request.id !== 'number') return;
    try {
      post({ kind: 'result', id: request.id, result: await run(request) });
    } catch (error) {
      post({ kind: 'error', id: request.id, error: toRpcErrorData(error) });
    }
  };
}
