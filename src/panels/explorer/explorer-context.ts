/**
 * What the explorer knows about addresses: the deployed contracts with their ABIs (from the
 * deployment's manifest) and the accounts with the participants' names. Pure; built once per
 * deployment and workspace and handed to the describe functions.
 */
import { Interface } from 'ethers';
import type { AppManifest, DeploymentRecord, ProcessManifest, Workspace } from '../../../generators/index.js';

export interface KnownContract {
  address: string;
  kind: 'registry' | 'process';
  /** The process's name, or the registry's contract name. */
  name: string;
  contractName: string;
  iface: Interface;
  process?: ProcessManifest;
}

export interface KnownAccount {
  address: string;
  name: string;
  participantId?: string;
  operator?: boolean;
  /** Role ids. */
  roles: string[];
}

export interface ExplorerContext {
  manifest?: AppManifest;
  record?: DeploymentRecord;
  /** Lower-case address -> contract. */
  contracts: Map<string, KnownContract>;
  /** Lower-case address -> account. */
  accounts: Map<string, KnownAccount>;
  /** Name of the operator's account in the UI's language ("consortium operator"). */
  operatorName: string;
}

export interface ContextInput {
  manifest?: AppManifest;
  record?: DeploymentRecord;
  workspace?: Workspace;
  operatorAddress?: string;
  operatorName: string;
}

export function buildExplorerContext(input: ContextInput): ExplorerContext {
  const { manifest, record, workspace } = input;
  const contracts = new Map<string, KnownContract>();
  const accounts = new Map<string, KnownAccount>();
  if (manifest && record) {
    contracts.set(record.registry.address.toLowerCase(), {
      address: record.registry.address,
      kind: 'registry',
      name: manifest.registry.contractName,
      contractName: manifest.registry.contractName,
      iface: new Interface(manifest.registry.abi as never),
    });
    for (const p of manifest.processes) {
      const d = record.processes[p.id];
      if (!d) continue;
      contracts.set(d.address.toLowerCase(), { address: d.address, kind: 'process', name: p.name, contractName: p.contractName, iface: new Interface(p.abi as never), process: p });
    }
  }
  // deployed members first, then the workspace: a participant whose key changed keeps both names
  for (const p of [...(manifest?.participants ?? []), ...(workspace?.participants ?? [])]) {
    if (!p.address) continue;
    accounts.set(p.address.toLowerCase(), { address: p.address, name: p.name, participantId: p.id, roles: p.roles });
  }
  const operator = input.operatorAddress ?? record?.deployer;
  if (operator) accounts.set(operator.toLowerCase(), { address: operator, name: input.operatorName, operator: true, roles: [] });
  return { manifest, record, contracts, accounts, operatorName: input.operatorName };
}

export const shortHex = (hex: string) => (hex.length > 14 ? `${hex.slice(0, 6)}…${hex.slice(-4)}` : hex);

/** A participant's name, a contract's name, or the short address. */
export function nameOf(address: string | null | undefined, ctx: ExplorerContext): string {
  if (!address) return '—';
  const key = address.toLowerCase();
  return ctx.accounts.get(key)?.name ?? ctx.contracts.get(key)?.name ?? shortHex(address);
}

export function roleName(roleId: string, ctx: ExplorerContext): string {
  return ctx.manifest?.roles.find((r) => r.id === roleId)?.name ?? roleId;
}

/** The process of an id, a name or a contract name, case-insensitive. */
export function findProcess(ref: string, ctx: ExplorerContext): ProcessManifest | undefined {
  const r = ref.trim().toLowerCase();
  return ctx.manifest?.processes.find((p) => [p.id, p.name, p.contractName, p.processId].some((x) => x.toLowerCase() === r));
}
