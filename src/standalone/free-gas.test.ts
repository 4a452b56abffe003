import { Wallet, type Provider, type TransactionRequest } from 'ethers';
import { describe, expect, it } from 'vitest';
import { detectGasMode, FreeGasSigner, forGasMode, gasModeOf, withZeroGasPrice } from './free-gas.js';

describe('free gas', () => {
  it('is free when the base fee is 0, or without a base fee when the gas price is 0', () => {
    expect(gasModeOf(0n, 1_000_000_000n)).toBe('free'); // Hardhat/Besu with a zero base fee still quote a tip
    expect(gasModeOf(7n, 0n)).toBe('market');
    expect(gasModeOf(null, 0n)).toBe('free'); // pre-London chain with min gas price 0
    expect(gasModeOf(undefined, 1n)).toBe('market');
  });

  it('asks the chain: the latest block first, the gas price only without a base fee', async () => {
    const asked: string[] = [];
    const provider = (baseFeePerGas: bigint | null, gasPrice: bigint) =>
      ({
        getBlock: async () => (asked.push('block'), { baseFeePerGas }),
        getFeeData: async () => (asked.push('fees'), { gasPrice }),
      }) as unknown as Provider;
    expect(await detectGasMode(provider(0n, 5n))).toBe('free');
    expect(asked).toEqual(['block']);
    expect(await detectGasMode(provider(null, 0n))).toBe('free');
    expect(await detectGasMode(provider(null, 3n))).toBe('market');
  });

  it('sends every transaction with a zero legacy gas price unless it states its own fees', async () => {
    // given a signer whose sends are recorded
    const sent: TransactionRequest[] = [];
    const inner = new Wallet('0x' + '11'.repeat(32));
    inner.sendTransaction = async (tx: TransactionRequest) => {
      sent.push(tx);
      return {} as never;
    };
    const free = new FreeGasSigner(inner);
    // when it sends a contract call and a transaction with its own fees
    await free.sendTransaction({ to: inner.address, data: '0x01' });
    await free.sendTransaction({ to: inner.address, maxFeePerGas: 9n, maxPriorityFeePerGas: 1n });
    // then the first pays nothing and the second is left alone
    expect(sent[0]).toEqual({ to: inner.address, data: '0x01', type: 0, gasPrice: 0n });
    expect(sent[1]).toEqual({ to: inner.address, maxFeePerGas: 9n, maxPriorityFeePerGas: 1n });
    expect(await free.getAddress()).toBe(inner.address);
  });

  it('signs a zero-gas-price transaction with the inner key', async () => {
    const wallet = new Wallet('0x' + '22'.repeat(32));
    const raw = await new FreeGasSigner(wallet).signTransaction({ to: wallet.address, nonce: 0, gasLimit: 21000n, chainId: 31337n });
    const { Transaction } = await import('ethers');
    const tx = Transaction.from(raw);
    expect(tx.gasPrice).toBe(0n);
    expect(tx.type).toBe(0);
    expect(tx.from).toBe(wallet.address);
  });

  it('wraps only on a free chain', () => {
    const wallet = new Wallet('0x' + '33'.repeat(32));
    expect(forGasMode(wallet, 'market')).toBe(wallet);
    expect(forGasMode(wallet, 'free')).toBeInstanceOf(FreeGasSigner);
    expect(withZeroGasPrice({ gasPrice: 5n })).toEqual({ gasPrice: 5n });
  });
});
