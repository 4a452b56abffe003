/**
 * Edits of the workspace's network list: pure functions like workspace-edits.ts. Input from the
 * Add network form is validated here, each problem named by its field, so the form can show it
 * beside the input and nothing is saved half-right.
 */
import type { NetworkConfig, Workspace } from '../../generators/index.js';
import { rpcUrlProblem } from '../chain/network.js';
import { uniqueId } from './workspace-edits.js';

/** Network id reserved for the bundled ledger. */
export const BUNDLED = 'bundled';

export interface NetworkInput {
  name: string;
  rpcUrl: string;
  chainId: string | number;
  gas: 'free' | 'market';
  registryAddress?: string;
}

export type NetworkProblems = Partial<Record<'name' | 'rpcUrl' | 'chainId' | 'registryAddress', string>>;

/** The network the input describes, or the problems of each field. */
export function parseNetworkInput(input: NetworkInput, ws: Workspace): { network?: Omit<NetworkConfig, 'id'>; problems: NetworkProblems } {
  const problems: NetworkProblems = {};
  const name = input.name.trim();
  if (!name) problems.name = 'a network needs a name';
  else if (ws.networks?.some((n) => n.name === name)) problems.name = `a network named "${name}" exists already`;
  const rpcUrl = input.rpcUrl.trim();
  const urlProblem = rpcUrlProblem(rpcUrl);
  if (urlProblem) problems.rpcUrl = urlProblem;
  const chainId = Number(String(input.chainId).trim());
  if (!Number.isSafeInteger(chainId) || chainId <= 0) problems.chainId = 'the chain id is a positive whole number (the node\'s eth_chainId)';
  const registryAddress = input.registryAddress?.trim() || undefined;
  if (registryAddress && !/^0x[0-9a-fA-F]{40}$/.test(registryAddress)) problems.registryAddress = 'an address is 0x and 40 hex digits';
  if (Object.keys(problems).length) return { problems };
  return { network: { name, rpcUrl, chainId, gas: input.gas, ...(registryAddress ? { registryAddress } : {}) }, problems };
}

export function addNetwork(ws: Workspace, network: Omit<NetworkConfig, 'id'>): { workspace: Workspace; id: string } {
  const id = uniqueId(network.name, [BUNDLED, ...(ws.networks ?? []).map((n) => n.id)], 'network');
  return { workspace: { ...ws, networks: [...(ws.networks ?? []), { id, ...network }] }, id };
}

export function updateNetwork(ws: Workspace, id: string, patch: Partial<Omit<NetworkConfig, 'id'>>): Workspace {
  if (!ws.networks?.some((n) => n.id === id)) return ws;
  return { ...ws, networks: ws.networks.map((n) => (n.id === id ? { ...n, ...patch } : n)) };
}

export function removeNetwork(ws: Workspace, id: string): Workspace {
  if (!ws.networks?.some((n) => n.id === id)) return ws;
  return { ...ws, networks: ws.networks.filter((n) => n.id !== id) };
}
