/**
 * eth_sendTransaction for an unlocked account (unlocked-accounts.ts): the ledger builds and signs
 * the transaction itself, with libsecp256k1 in WASM once loaded (RFC 6979, the signature ethers
 * would make), ethereumjs's JS signing until then. The sender is known, so its public key is put
 * in the transaction's cache instead of being recovered from the signature it was just given
 * (the recovery is ~30% of a task transaction's bare EVM time). The chain stores the signed
 * transaction only: re-execution, verification and export recover the sender as for any other.
 */
import { createTx, TransactionType, type TypedTransaction } from '@ethereumjs/tx';
import type { ChainState } from './chain-state.js';
import { parseQuantity } from './hex-codec.js';
import { rememberDerived } from './mine-transaction.js';
import { invalidParams } from './rpc-error.js';
import { parseCallRequest, type CallRequest } from './run-call.js';
import { wasmSigner, type SignRecoverableFn } from './sender-recovery.js';
import type { UnlockedAccount } from './unlocked-accounts.js';

export type SendFee =
  | { type: typeof TransactionType.Legacy | typeof TransactionType.AccessListEIP2930; gasPrice: bigint }
  | { type: typeof TransactionType.FeeMarketEIP1559; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint };

export interface SendRequest extends CallRequest {
  nonce?: bigint;
  fee: SendFee;
}

/**
 * An eth_sendTransaction object: `from` is required; without `type`, fee-market fields make a
 * type-2 transaction, anything else a legacy one (gas price 0 by default: the base fee is 0).
 * @throws LedgerRpcError -32602 naming the field that is wrong.
 */
export function parseSendRequest(value: unknown, what: string, chainId: number): SendRequest {
  const call = parseCallRequest(value, what);
  const fields = value as Record<string, unknown>;
  const present = (key: string) => fields[key] !== undefined && fields[key] !== null;
  if (!present('from')) throw invalidParams(`${what}.from is required: the account to sign with`);
  if (present('chainId') && parseQuantity(fields.chainId, `${what}.chainId`) !== BigInt(chainId)) {
    throw invalidParams(`${what}.chainId is ${String(fields.chainId)}, this ledger's chain id is ${chainId}`);
  }
  const feeMarket = present('maxFeePerGas') || present('maxPriorityFeePerGas');
  const type = present('type') ? Number(parseQuantity(fields.type, `${what}.type`)) : feeMarket ? 2 : present('accessList') ? 1 : 0;
  let fee: SendFee;
  if (type === TransactionType.FeeMarketEIP1559) {
    if (present('gasPrice')) throw invalidParams(`${what}: gasPrice cannot be combined with a type-2 transaction's fee fields`);
    const maxFeePerGas = present('maxFeePerGas') ? parseQuantity(fields.maxFeePerGas, `${what}.maxFeePerGas`) : 0n;
    const maxPriorityFeePerGas = present('maxPriorityFeePerGas') ? parseQuantity(fields.maxPriorityFeePerGas, `${what}.maxPriorityFeePerGas`) : 0n;
    if (maxPriorityFeePerGas > maxFeePerGas) throw invalidParams(`${what}: maxPriorityFeePerGas is above maxFeePerGas`);
    fee = { type, maxFeePerGas, maxPriorityFeePerGas };
  } else if (type === TransactionType.Legacy || type === TransactionType.AccessListEIP2930) {
    if (feeMarket) throw invalidParams(`${what}: a type-${type} transaction has a gasPrice, not maxFeePerGas`);
    fee = { type, gasPrice: call.gasPrice };
  } else {
    throw invalidParams(`${what}.type ${type} is not supported by eth_sendTransaction (0, 1 or 2)`);
  }
  return { ...call, nonce: present('nonce') ? parseQuantity(fields.nonce, `${what}.nonce`) : undefined, fee };
}

/**
 * The transaction `request` describes, signed by `account`, with its sender cached, derived
 * values kept and frozen as decodeTransaction would leave it. `nonce` and `gasLimit` are decided
 * by the caller (state nonce, estimate). `sign`: the WASM signer once loaded; null signs in JS.
 */
export function signTransaction(
  chain: ChainState,
  request: SendRequest,
  account: UnlockedAccount,
  nonce: bigint,
  gasLimit: bigint,
  sign: SignRecoverableFn | null = wasmSigner() ?? null,
): TypedTransaction {
  const unsigned = createTx(
    {
      ...request.fee,
      chainId: BigInt(chain.settings.chainId),
      nonce,
      gasLimit,
      to: request.to,
      value: request.value,
      data: request.data,
      ...(request.fee.type === TransactionType.Legacy ? {} : { accessList: request.accessList }),
    },
    { common: chain.common, freeze: false },
  );
  let signed: TypedTransaction;
  if (sign === null) {
    signed = unsigned.sign(account.privateKey, false);
  } else {
    const { signature, recoveryId } = sign(unsigned.getHashedMessageToSign(), account.privateKey);
    signed = unsigned.addSignature(BigInt(recoveryId), signature.slice(0, 32), signature.slice(32, 64), true);
  }
  signed.cache.senderPubKey = account.publicKey;
  rememberDerived(signed);
  return signed;
}
