/**
 * Deterministic development keys for in-process runs (CLI `run`, tests, benchmarks): every
 * participant id maps to the same key on every machine, so traces and gas figures repeat.
 * Never use these on a real chain: anyone can derive them from the participant id.
 */
import { keccak256, toUtf8Bytes, Wallet } from 'ethers';
import type { Workspace } from '../../generators/index.js';

export const DEPLOYER_ID = '__consortium-operator__';

export function devWallet(participantId: string): Wallet {
  return new Wallet(keccak256(toUtf8Bytes(`chainflow-dev-key:${participantId}`)));
}

/** A copy of the workspace where every participant's address is its dev key's address. */
export function withDevAddresses(workspace: Workspace): Workspace {
  return { ...workspace, participants: workspace.participants.map((p) => ({ ...p, address: devWallet(p.id).address })) };
}
