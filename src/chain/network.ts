/**
 * Real chains over JSON-RPC (Hyperledger Besu, GoQuorum, any EVM chain): a provider that pays
 * no gas on a free-gas consortium network, and the connection check the IDE and the CLI run
 * before deploying (chain id and genesis block hash against what the workspace expects).
 */
import { BrowserProvider, FeeData, JsonRpcProvider, Network, type Eip1193Provider, type JsonRpcSigner, type Provider } from 'ethers';

import { ensureWalletChain } from './injected-wallets.js';

export type { NetworkConfig } from '../../generators/index.js';

export interface NetworkCheck {
  chainId: number;
  genesisHash: string;
  blockNumber: number;
  clientVersion?: string;
  /** Each a sentence for the user; a mismatch is a warning, the user decides. */
  warnings: string[];
}

/** A provider for `url` that fixes the chain id (no polling to discover it) and applies the gas mode. */
export function createNetworkProvider(url: string, opts: { chainId: number; gas: 'free' | 'market' }): JsonRpcProvider {
  const network = Network.from(opts.chainId);
  // no response cache: a process step reads state its previous step has just changed
  const provider = new JsonRpcProvider(url, network, { staticNetwork: network, batchMaxCount: 1, pollingInterval: 500, cacheTimeout: -1 });
  if (opts.gas === 'free') chargeNoGas(provider);
  return provider;
}

/** Fee data of a free-gas network for everything sent through `provider`. */
function chargeNoGas(provider: Pick<Provider, 'getFeeData'>): void {
  // a legacy zero gas price is what Besu, GoQuorum and FISCO BCOS's EVM all accept on a free-gas network
  provider.getFeeData = async () => new FeeData(0n, null, null);
}

/** Asks the node who it is and compares it with what the workspace expects. */
export async function checkNetwork(provider: Provider, expected: { chainId: number; genesisHash?: string }): Promise<NetworkCheck> {
  const rpc = provider as Provider & { send?: (method: string, params: unknown[]) => Promise<unknown> };
  const chainIdHex = rpc.send ? ((await rpc.send('eth_chainId', [])) as string) : undefined;
  const chainId = chainIdHex !== undefined ? Number(BigInt(chainIdHex)) : Number((await provider.getNetwork()).chainId);
  const [genesis, blockNumber, clientVersion] = await Promise.all([
    provider.getBlock(0),
    provider.getBlockNumber(),
    rpc.send ? (rpc.send('web3_clientVersion', []) as Promise<string>).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  if (!genesis?.hash) throw new Error('the node did not return its genesis block (block 0)');
  const warnings: string[] = [];
  if (chainId !== expected.chainId) warnings.push(`the node's chain id is ${chainId}, the network is set to ${expected.chainId}`);
  if (expected.genesisHash && expected.genesisHash !== genesis.hash) {
    warnings.push(`the node's genesis block is ${genesis.hash}, not ${expected.genesisHash} seen before: this is another chain (or it was reset)`);
  }
  return { chainId, genesisHash: genesis.hash, blockNumber, ...(clientVersion ? { clientVersion } : {}), warnings };
}

/** Whether a URL may be used as a JSON-RPC endpoint (http/https/ws/wss), with the reason if not. */
export function rpcUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL`;
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) return `"${url}": only http:// and https:// JSON-RPC endpoints are supported`;
  return null;
}

/**
 * A signer of an injected wallet (EIP-1193) for a network: refuses when the wallet is on another
 * chain, and on a free-gas network sends with a zero gas price (the wallet's own fee suggestion
 * would need ether the account does not have).
 */
export async function createWalletSigner(wallet: Eip1193Provider, network: { chainId: number; gas: 'free' | 'market'; name?: string }): Promise<JsonRpcSigner> {
  const walletChain = await ensureWalletChain(wallet, network.chainId);
  if (walletChain !== network.chainId) {
    throw new Error(`the wallet is on chain ${walletChain}; switch it to chain ${network.chainId}${network.name ? ` (${network.name})` : ''} first`);
  }
  const provider = new BrowserProvider(wallet, network.chainId, { cacheTimeout: -1, pollingInterval: 500 });
  if (network.gas === 'free') chargeNoGas(provider);
  return provider.getSigner();
}
