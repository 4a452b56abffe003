/**
 * JSON-RPC / EIP-1193 errors as data. Imports nothing, so the page-side client can use it
 * without pulling the EVM into the main bundle.
 */

/** The plain, structured-clone-safe shape that crosses worker boundaries. */
export interface RpcErrorData {
  code: number;
  message: string;
  data?: unknown;
}

export const RPC_ERROR = {
  /** Execution reverted; `data` holds the revert bytes so ethers can decode custom errors. */
  executionReverted: 3,
  /** Geth's generic "server error": invalid transaction, missing block, out of gas. */
  serverError: -32000,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  /** EIP-1193: the account is not one the ledger may sign for (eth_sendTransaction before ledger_unlockAccount). */
  unauthorized: 4100,
  /** EIP-1193: the provider is not connected (worker not started or crashed). */
  disconnected: 4900,
} as const;

/** An Error (so stacks survive in-process) that carries EIP-1193 `code` and `data`. */
export class LedgerRpcError extends Error implements RpcErrorData {
  readonly code: number;
  readonly data?: unknown;

  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.name = 'LedgerRpcError';
    this.code = code;
    if (data !== undefined) this.data = data;
  }

  toData(): RpcErrorData {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }
}

export const invalidParams = (message: string): LedgerRpcError => new LedgerRpcError(RPC_ERROR.invalidParams, message);

export const serverError = (message: string): LedgerRpcError => new LedgerRpcError(RPC_ERROR.serverError, message);

/**
 * Normalises anything thrown into RpcErrorData. Unknown throwables become -32603 with their
 * message, so a bug in the ledger reaches the caller as an error, never as a hang.
 */
export function toRpcErrorData(error: unknown): RpcErrorData {
  if (error instanceof LedgerRpcError) return error.toData();
  if (isRpcErrorData(error)) {
    return error.data === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, data: error.data };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: RPC_ERROR.internal, message: `ledger internal error: ${message}` };
}

export function isRpcErrorData(value: unknown): value is RpcErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; message?: unknown };
  return typeof candidate.code === 'number' && typeof candidate.message === 'string';
}

/** Turns wire data back into a throwable Error with code and data (client side). */
export function fromRpcErrorData(data: RpcErrorData): LedgerRpcError {
  return new LedgerRpcError(data.code, data.message, data.data);
}
