/**
 * The exported app's connection to the consortium node: a JSON-RPC provider with the chain id
 * fixed (ethers does not poll to discover it), checked against the deployment before anything is
 * read: the node must run the deployment's chain (chain id, and genesis block when recorded) and
 * hold its registry. Problems come back as data the UI words in the user's language.
 */
import { JsonRpcProvider, Network, type JsonRpcApiProvider } from 'ethers';
import type { AppConfig } from './app-config.js';
import { detectGasMode, type GasMode } from './free-gas.js';
import { rpcUrlProblem } from './settings.js';

/** How often the app asks the node for a new block (the work list and timelines follow). */
export const BLOCK_POLL_MS = 2000;

export type ConnectionProblem =
  | { kind: 'no-url' }
  | { kind: 'bad-url'; url: string; detail: string }
  | { kind: 'unreachable'; url: string; detail: string }
  | { kind: 'wrong-chain'; url: string; actual: number; expected: number; networkName: string }
  | { kind: 'wrong-genesis'; url: string; actual: string; expected: string; networkName: string }
  | { kind: 'no-contracts'; url: string; address: string; networkName: string }
  | { kind: 'ledger-copy'; detail: string };

/** A checked chain: a node over JSON-RPC, or the ledger copy in this browser (ledger-copy.ts). */
export type Connection =
  | { ok: true; provider: JsonRpcApiProvider; gasMode: GasMode; url: string; close(): void }
  | { ok: false; problem: ConnectionProblem };

/** What a node said about itself, compared with what the app was deployed to. Pure. */
export function compareChain(
  config: Pick<AppConfig, 'chainId' | 'networkName'> & { deployment: { genesisHash?: string } },
  url: string,
  node: { chainId: number; genesisHash?: string | null },
): ConnectionProblem | undefined {
  if (node.chainId !== config.chainId) return { kind: 'wrong-chain', url, actual: node.chainId, expected: config.chainId, networkName: config.networkName };
  const expected = config.deployment.genesisHash;
  if (expected && node.genesisHash && node.genesisHash.toLowerCase() !== expected.toLowerCase())
    return { kind: 'wrong-genesis', url, actual: node.genesisHash, expected, networkName: config.networkName };
  return undefined;
}

const message = (e: unknown) => (e as { shortMessage?: string })?.shortMessage ?? (e instanceof Error ? e.message : String(e));

/** Connects to `url` and checks it is the deployment's chain with its contracts on it. */
export async function connectToChain(config: AppConfig, url: string): Promise<Connection> {
  if (!url) return { ok: false, problem: { kind: 'no-url' } };
  const bad = rpcUrlProblem(url);
  if (bad) return { ok: false, problem: { kind: 'bad-url', url, detail: bad } };
  const network = Network.from(config.chainId);
  // no request cache: ethers' default (250 ms) would hand a second transaction the nonce of the first
  const provider = new JsonRpcProvider(url, network, { staticNetwork: network, batchMaxCount: 1, pollingInterval: BLOCK_POLL_MS, cacheTimeout: -1 });
  const fail = (problem: ConnectionProblem): Connection => {
    provider.destroy();
    return { ok: false, problem };
  };
  let chainId: number;
  let genesisHash: string | null | undefined;
  try {
    chainId = Number(BigInt((await provider.send('eth_chainId', [])) as string));
    genesisHash = (await provider.getBlock(0))?.hash;
  } catch (e) {
    return fail({ kind: 'unreachable', url, detail: message(e) });
  }
  const mismatch = compareChain(config, url, { chainId, genesisHash });
  if (mismatch) return fail(mismatch);
  try {
    const address = config.deployment.registry.address;
    if ((await provider.getCode(address)) === '0x') return fail({ kind: 'no-contracts', url, address, networkName: config.networkName });
    return { ok: true, provider, gasMode: await detectGasMode(provider), url, close: () => provider.destroy() };
  } catch (e) {
    return fail({ kind: 'unreachable', url, detail: message(e) });
  }
}
