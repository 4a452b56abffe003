import type { LedgerEngine } from '../engine/ledger-types.js';
import { fromRpcErrorData, toRpcErrorData } from '../engine/rpc-error.js';
import { BlockListeners, type LedgerProvider } from './ledger-provider.js';

/**
 * The EIP-1193 provider over an engine in the same thread (CLI, Node tests). Same shape and
 * error behaviour as the worker client's provider.
 */
export function createInProcessProvider(engine: LedgerEngine): LedgerProvider {
  const listeners = new BlockListeners();
  engine.onNewBlock((block) => listeners.emit(block));
  const provider: LedgerProvider = {
    async request(args) {
      try {
        return await engine.request(args);
      } catch (error) {
        throw fromRpcErrorData(toRpcErrorData(error));
      }
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
  return provider;
}
