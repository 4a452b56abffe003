/**
 * What the IDE and the CLI call to put a workspace on a chain and to act in its processes.
 * Runs wherever ethers runs (browser page, Node CLI); no DOM. Every transaction is signed by the
 * participant who acts, so the contracts' caller checks are real.
 */
import type { ContractRunner, Signer } from 'ethers';
import type { AppManifest, DeploymentRecord, TaskManifest } from '../../generators/index.js';

export interface DeployStep {
  step: 'registry' | 'members' | 'process' | 'attach';
  contractName?: string;
  txHash?: string;
  gasUsed?: bigint;
  status: 'sent' | 'confirmed';
}

export interface DeployOptions {
  network: string;
  /** The JSON-RPC endpoint, recorded for the app (absent for the bundled ledger). */
  rpcUrl?: string;
  onStep?: (step: DeployStep) => void;
  /** Called with the record after every change; save it to resume a stopped deployment. */
  onRecord?: (record: DeploymentRecord) => void | Promise<void>;
  /** A saved partial record of the same design on the same chain: finished steps are skipped. */
  resume?: DeploymentRecord;
  /** The consortium's existing registry to attach to instead of deploying a new one. */
  registryAddress?: string;
  /** How long to wait for each transaction to be mined (ms; default 60 s) and how often to resend a dropped one. */
  waitMs?: number;
  retries?: number;
}

/** One step of a process instance as the contract's events tell it. */
export interface HistoryEntry {
  /** `timer`: a timer fired (by whoever triggered it); `script`: a script task ran inside a step. */
  kind: 'started' | 'completed' | 'timer' | 'script' | 'ended';
  /** Task element id (or the start event's id for 'started'). */
  elementId: string;
  name: string;
  by?: string;
  blockNumber: number;
  txHash: string;
  data: Record<string, unknown>;
}

export interface InstanceState {
  processId: string;
  instanceId: bigint;
  marking: bigint;
  ended: boolean;
  enabledTasks: TaskManifest[];
  /** Who is bound to each per-instance role binding (index into roleBindings -> address), where someone is. */
  bound?: Record<number, string>;
}

export interface ActResult {
  txHash: string;
  gasUsed: bigint;
  blockNumber: number;
}

export type { ContractRunner, Signer };
