/**
 * Free gas on consortium chains: a permissioned network (Besu QBFT with a zero base fee, GoQuorum,
 * a Hardhat node with initialBaseFeePerGas 0) charges nothing for gas, and its participants hold
 * no ether. A wallet that asks the node for fee data would still offer a tip (ethers defaults to
 * 1 gwei, MetaMask to its own estimate) that an empty account cannot pay. So when the chain's base
 * fee (or, before London, its eth_gasPrice) is 0, every transaction is sent with a zero gas price.
 */
import { AbstractSigner, type Provider, type Signer, type TransactionRequest, type TypedDataDomain, type TypedDataField } from 'ethers';

export type GasMode = 'free' | 'market';

/** Free when the latest block's base fee is 0, or the chain has none (pre-London) and its gas price is 0. */
export function gasModeOf(baseFeePerGas: bigint | null | undefined, gasPrice: bigint | null | undefined): GasMode {
  if (baseFeePerGas !== null && baseFeePerGas !== undefined) return baseFeePerGas === 0n ? 'free' : 'market';
  return gasPrice === 0n ? 'free' : 'market';
}

/** Asks the chain whether gas is free (latest block's base fee, and eth_gasPrice only when needed). */
export async function detectGasMode(provider: Provider): Promise<GasMode> {
  const block = await provider.getBlock('latest');
  if (block?.baseFeePerGas !== null && block?.baseFeePerGas !== undefined) return gasModeOf(block.baseFeePerGas, undefined);
  const { gasPrice } = await provider.getFeeData();
  return gasModeOf(null, gasPrice);
}

/**
 * A signer that sends every transaction of `inner` with a zero (legacy) gas price, unless the
 * transaction states its own fees. Works for a local key (ethers Wallet) and an injected wallet
 * (its JsonRpcSigner passes the gas price on to the wallet with eth_sendTransaction).
 */
export class FreeGasSigner extends AbstractSigner {
  constructor(readonly inner: Signer) {
    super(inner.provider);
  }

  getAddress(): Promise<string> {
    return this.inner.getAddress();
  }

  connect(provider: Provider | null): Signer {
    return new FreeGasSigner(this.inner.connect(provider));
  }

  signTransaction(tx: TransactionRequest): Promise<string> {
    return this.inner.signTransaction(withZeroGasPrice(tx));
  }

  override sendTransaction(tx: TransactionRequest) {
    return this.inner.sendTransaction(withZeroGasPrice(tx));
  }

  signMessage(message: string | Uint8Array): Promise<string> {
    return this.inner.signMessage(message);
  }

  signTypedData(domain: TypedDataDomain, types: Record<string, TypedDataField[]>, value: Record<string, unknown>): Promise<string> {
    return this.inner.signTypedData(domain, types, value);
  }
}

/** The transaction with gasPrice 0 (type 0), unless it carries fees of its own. */
export function withZeroGasPrice(tx: TransactionRequest): TransactionRequest {
  if (tx.gasPrice != null || tx.maxFeePerGas != null || tx.maxPriorityFeePerGas != null) return tx;
  return { ...tx, type: 0, gasPrice: 0n };
}

/** `signer` as it should send on a chain with this gas mode. */
export function forGasMode(signer: Signer, mode: GasMode): Signer {
  return mode === 'free' ? new FreeGasSigner(signer) : signer;
}
