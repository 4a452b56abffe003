/**
 * eth_call and eth_estimateGas. A call runs as a real transaction (runTx: intrinsic gas, warm
 * addresses, refunds, the EOA and balance checks) whose sender is simply asserted instead of
 * recovered from a signature, inside a state checkpoint that is always reverted.
 */
import type { Block } from '@ethereumjs/block';
import { createFeeMarket1559Tx, type AccessList } from '@ethereumjs/tx';
import { Address, bytesToHex } from '@ethereumjs/util';
import { runTx, type VM } from '@ethereumjs/vm';
import { parseAddress, parseData, parseQuantity } from './hex-codec.js';
import { errorMessage } from './mine-transaction.js';
import { invalidParams, LedgerRpcError, RPC_ERROR, serverError } from './rpc-error.js';

export interface CallRequest {
  from: Address;
  /** Absent for contract creation. */
  to?: Address;
  gas?: bigint;
  gasPrice: bigint;
  value: bigint;
  data: Uint8Array;
  accessList: AccessList;
}

export type CallOutcome =
  | { kind: 'success'; returnValue: Uint8Array; gasUsedBeforeRefund: bigint }
  | { kind: 'revert'; returnValue: Uint8Array }
  | { kind: 'halt'; error: string };

export function parseCallRequest(value: unknown, what: string): CallRequest {
  if (typeof value !== 'object' || value === null) throw invalidParams(`${what} must be a transaction object`);
  const call = value as Record<string, unknown>;
  const present = (key: string) => call[key] !== undefined && call[key] !== null;
  const gasPrice = present('gasPrice')
    ? parseQuantity(call.gasPrice, `${what}.gasPrice`)
    : present('maxFeePerGas')
      ? parseQuantity(call.maxFeePerGas, `${what}.maxFeePerGas`)
      : 0n;
  const input = present('input') ? call.input : call.data;
  return {
    from: present('from') ? parseAddress(call.from, `${what}.from`) : new Address(new Uint8Array(20)),
    to: present('to') ? parseAddress(call.to, `${what}.to`) : undefined,
    gas: present('gas') ? parseQuantity(call.gas, `${what}.gas`) : undefined,
    gasPrice,
    value: present('value') ? parseQuantity(call.value, `${what}.value`) : 0n,
    data: input === undefined || input === null ? new Uint8Array() : parseData(input, `${what}.input`),
    accessList: Array.isArray(call.accessList) ? (call.accessList as AccessList) : [],
  };
}

/** Runs `call` with `gasLimit` on top of `vm`'s state in the context of `block`; changes nothing. */
export async function executeCall(vm: VM, block: Block, call: CallRequest, gasLimit: bigint): Promise<CallOutcome> {
  const stateManager = vm.stateManager;
  const nonce = (await stateManager.getAccount(call.from))?.nonce ?? 0n;
  const tx = createFeeMarket1559Tx(
    {
      chainId: vm.common.chainId(),
      nonce,
      gasLimit,
      to: call.to,
      value: call.value,
      data: call.data,
      maxFeePerGas: call.gasPrice,
      maxPriorityFeePerGas: call.gasPrice,
      accessList: call.accessList,
    },
    { common: vm.common, freeze: false },
  );
  Object.defineProperty(tx, 'getSenderAddress', { value: () => call.from });
  await stateManager.checkpoint();
  try {
    const result = await runTx(vm, { tx, block, skipNonce: true, skipHardForkValidation: true });
    const failure = result.execResult.exceptionError;
    if (failure === undefined) {
      return {
        kind: 'success',
        returnValue: result.execResult.returnValue,
        gasUsedBeforeRefund: result.totalGasSpent + result.gasRefund,
      };
    }
    if (failure.error === 'revert') return { kind: 'revert', returnValue: result.execResult.returnValue };
    return { kind: 'halt', error: failure.error };
  } catch (error) {
    const message = errorMessage(error);
    throw serverError(
      message.startsWith("sender doesn't have enough funds")
        ? `insufficient funds for gas * price + value: ${message}`
        : message,
    );
  } finally {
    await stateManager.revert();
  }
}

/** eth_call: the return data, or the error an RPC node would give for the outcome. */
export async function ethCall(vm: VM, block: Block, call: CallRequest): Promise<string> {
  const outcome = await executeCall(vm, block, call, call.gas ?? block.header.gasLimit);
  if (outcome.kind === 'success') return bytesToHex(outcome.returnValue);
  throw outcomeError(outcome);
}

/**
 * eth_estimateGas, after geth: run with the cap; a plain transfer needs exactly what it used.
 * Otherwise try the optimistic limit (used + call stipend) · 64/63, which covers the gas a call
 * must keep back (EIP-150) and refunds, and return it when it succeeds: two runs in the common
 * case, at most ~1.6% + 2,300 above the minimum (unused gas costs nothing here). When it fails,
 * binary-search between it and the cap down to 1.5%.
 */
export async function estimateGas(vm: VM, block: Block, call: CallRequest): Promise<bigint> {
  const cap = call.gas ?? block.header.gasLimit;
  const first = await executeCall(vm, block, call, cap);
  if (first.kind !== 'success') {
    if (first.kind === 'halt' && first.error === 'out of gas')
      throw serverError(`gas required exceeds allowance (${cap})`);
    throw outcomeError(first);
  }
  if (call.to !== undefined && (await vm.stateManager.getCode(call.to)).length === 0) return first.gasUsedBeforeRefund;
  const succeeds = async (gas: bigint) => (await executeCall(vm, block, call, gas)).kind === 'success';
  const optimistic = ((first.gasUsedBeforeRefund + 2300n) * 64n) / 63n;
  if (optimistic >= cap) return cap;
  if (await succeeds(optimistic)) return optimistic;
  let lo = optimistic;
  let hi = cap;
  while (lo + 1n < hi && ((hi - lo) * 1000n) / hi >= 15n) {
    let mid = (lo + hi) / 2n;
    if (mid > lo * 2n) mid = lo * 2n;
    if (await succeeds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function outcomeError(outcome: Exclude<CallOutcome, { kind: 'success' }>): LedgerRpcError {
  if (outcome.kind === 'halt') return serverError(outcome.error);
  const data = bytesToHex(outcome.returnValue);
  const reason = decodeErrorString(outcome.returnValue);
  return new LedgerRpcError(
    RPC_ERROR.executionReverted,
    reason === undefined ? 'execution reverted' : `execution reverted: ${reason}`,
    data,
  );
}

/** The reason of a `revert("...")` / `require(..., "...")`, i.e. ABI-encoded Error(string). */
function decodeErrorString(data: Uint8Array): string | undefined {
  if (data.length < 68 || bytesToHex(data.subarray(0, 4)) !== '0x08c379a0') return undefined;
  const length = Number(BigInt(bytesToHex(data.subarray(36, 68))));
  if (68 + length > data.length) return undefined;
  return new TextDecoder().decode(data.subarray(68, 68 + length));
}
