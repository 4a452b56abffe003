import { describe, expect, it } from 'vitest';
import { createWalletSigner, rpcUrlProblem } from './network.js';

/** An EIP-1193 wallet that answers from a table, recording what it was asked. */
function fakeWallet(answers: Record<string, unknown>) {
  const asked: string[] = [];
  return {
    asked,
    request: async ({ method }: { method: string }) => {
      asked.push(method);
      if (!(method in answers)) throw new Error(`unexpected ${method}`);
      return answers[method];
    },
  };
}

describe('createWalletSigner', () => {
  it('asks a wallet on another chain to switch; one that refuses is refused, naming both chains, before asking for accounts', async () => {
    const wallet = fakeWallet({ eth_chainId: '0x1' });
    await expect(createWalletSigner(wallet, { chainId: 1337, gas: 'free', name: '联盟链' }))
      .rejects.toThrow('the wallet is on chain 1; switch it to chain 1337 (联盟链) first');
    expect(wallet.asked).toEqual(['eth_chainId', 'wallet_switchEthereumChain']);
  });

  it('uses a wallet that switches to the network when asked (EIP-3326)', async () => {
    let chain = '0x1';
    const account = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
    const asked: unknown[] = [];
    const wallet = {
      request: async ({ method, params }: { method: string; params?: unknown[] }) => {
        asked.push(params ? [method, params] : method);
        if (method === 'eth_chainId') return chain;
        if (method === 'wallet_switchEthereumChain') return void (chain = (params![0] as { chainId: string }).chainId);
        if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [account];
        throw new Error(`unexpected ${method}`);
      },
    };
    const signer = await createWalletSigner(wallet, { chainId: 1337, gas: 'free' });
    expect(await signer.getAddress()).toBe(account);
    expect(asked.slice(0, 3)).toEqual(['eth_chainId', ['wallet_switchEthereumChain', [{ chainId: '0x539' }]], 'eth_chainId']);
  });

  it('signs for the wallet account and proposes a zero gas price on a free-gas network', async () => {
    const account = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
    const wallet = fakeWallet({ eth_chainId: '0x539', eth_requestAccounts: [account], eth_accounts: [account] });
    const signer = await createWalletSigner(wallet, { chainId: 1337, gas: 'free' });
    expect(await signer.getAddress()).toBe(account);
    expect(await signer.provider.getFeeData()).toMatchObject({ gasPrice: 0n, maxFeePerGas: null });
  });
});

describe('rpcUrlProblem', () => {
  it('accepts http(s) and names what is wrong with anything else', () => {
    expect(rpcUrlProblem('http://10.0.0.5:8545')).toBeNull();
    expect(rpcUrlProblem('https://rpc.example.org/v1')).toBeNull();
    expect(rpcUrlProblem('10.0.0.5:8545')).toBe('"10.0.0.5:8545" is not a URL');
    expect(rpcUrlProblem('ws://node:8546')).toBe('"ws://node:8546": only http:// and https:// JSON-RPC endpoints are supported');
    expect(rpcUrlProblem('节点')).toBe('"节点" is not a URL');
  });
});
