/**
 * The exported app's settings kept in the browser: the JSON-RPC URL chosen in Settings overrides
 * the one in config.json, and which chain the app runs on (that node, or the copy of the bundled
 * ledger kept in this browser). Stored per deployment (by registry address and chain), so two apps
 * served from one origin do not share them. Storage is injectable for tests.
 */
import { rpcUrlProblem as endpointProblem } from '../chain/network.js';
import type { AppConfig } from './app-config.js';

export type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The key prefix of everything this deployment's app keeps in the browser. */
export const deploymentKey = (config: AppConfig) => `${config.chainId}:${config.deployment.registry.address.toLowerCase()}`;
const rpcKey = (config: AppConfig) => `chainflow.app.rpcUrl:${deploymentKey(config)}`;
const sourceKey = (config: AppConfig) => `chainflow.app.source:${deploymentKey(config)}`;

/** Where the app's chain is: a JSON-RPC node, or the copy of the bundled ledger in this browser. */
export type ChainSource = 'rpc' | 'ledger-copy';

export function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked storage: the choice then lasts for this page only
  }
}

/** The RPC URL to use: the saved one, else the config's. */
export function effectiveRpcUrl(config: AppConfig, store: Storage | undefined = storage()): string {
  return store?.getItem(rpcKey(config)) || config.rpcUrl;
}

/** Whether the URL in use was set in Settings (not the config's). */
export function hasSavedRpcUrl(config: AppConfig, store: Storage | undefined = storage()): boolean {
  return Boolean(store?.getItem(rpcKey(config)));
}

/** Saves the URL; the config's own URL (or an empty one) clears the override instead. */
export function saveRpcUrl(config: AppConfig, url: string, store: Storage | undefined = storage()): void {
  const trimmed = url.trim();
  if (!trimmed || trimmed === config.rpcUrl) store?.removeItem(rpcKey(config));
  else store?.setItem(rpcKey(config), trimmed);
}

/** Whether a URL can be a JSON-RPC endpoint of this app, with the reason if not (the IDE's rule). */
export function rpcUrlProblem(url: string): string | undefined {
  return endpointProblem(url) ?? undefined;
}

/** The chosen source; without a choice, the node of config.json, else the shipped ledger copy. */
export function effectiveSource(config: AppConfig, store: Storage | undefined = storage()): ChainSource {
  const saved = store?.getItem(sourceKey(config));
  if (saved === 'rpc') return 'rpc';
  if (saved === 'ledger-copy') return 'ledger-copy';
  return !config.rpcUrl && config.ledgerCopy ? 'ledger-copy' : 'rpc';
}

export function saveSource(config: AppConfig, source: ChainSource, store: Storage | undefined = storage()): void {
  store?.setItem(sourceKey(config), source);
}
