export { createLedgerEngine } from './create-ledger-engine.js';
export type { LedgerEngine, LedgerEngineOptions, NewBlockEvent, NewBlockListener, RpcRequest } from './ledger-types.js';
export { CLIENT_VERSION, DEFAULT_BLOCK_GAS_LIMIT } from './chain-config.js';
export {
  LedgerRpcError,
  RPC_ERROR,
  fromRpcErrorData,
  isRpcErrorData,
  toRpcErrorData,
  type RpcErrorData,
} from './rpc-error.js';
