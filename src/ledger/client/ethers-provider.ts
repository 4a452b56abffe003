/**
 * ethers v6 over a ledger provider, tuned for a chain that mines at once:
 * - `cacheTimeout: -1`: ethers otherwise shares identical requests for 250 ms, so two
 *   transactions sent within 250 ms by one wallet get the same nonce ("nonce too low");
 * - `staticNetwork`: the chain id is known, so ethers does not ask eth_chainId before each call;
 * - a short polling interval for `provider.on('block' | filter)` subscriptions (ethers polls).
 * Kept apart from the client so importing the client does not pull in ethers.
 */
import { BrowserProvider, Network } from 'ethers';
import type { LedgerProvider } from './ledger-provider.js';

export function createEthersProvider(
  provider: LedgerProvider,
  chainId: number,
  options: { pollingInterval?: number } = {},
): BrowserProvider {
  const network = Network.from(chainId);
  return new BrowserProvider(provider, network, {
    staticNetwork: network,
    cacheTimeout: -1,
    pollingInterval: options.pollingInterval ?? 250,
  });
}
