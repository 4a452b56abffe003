/**
 * A throwaway copy of a compiled design on a fresh in-memory ledger (never the user's): every
 * participant gets its deterministic development key (src/cli/dev-keys.ts), a role nobody holds
 * gets a stand-in member so its tasks can run, and the deployment's gas is kept per contract.
 * Steps run through the CLI's trace runner (src/cli/run-trace.ts), so the figures are those of
 * `npm run cli -- run` and `npm run bench:gas`. Runs in a worker or in Node; imports nothing from the UI.
 */
import type { AppManifest, Workspace } from '../../generators/index.js';
import { deployWorkspace } from '../chain/deploy-workspace.js';
import { DEPLOYER_ID, devWallet } from '../cli/dev-keys.js';
import { runTrace, type StepResult, type TraceStep } from '../cli/run-trace.js';
import { createEthersProvider } from '../ledger/client/ethers-provider.js';
import { createInProcessProvider } from '../ledger/client/in-process-provider.js';
import { createLedgerEngine } from '../ledger/engine/index.js';

export interface DryRun {
  /** The design as deployed here: development addresses, stand-ins for roles nobody holds. */
  manifest: AppManifest;
  registryDeployGas: number;
  /** Per process id: creating its contract, and attaching it to the registry. */
  processGas: Record<string, { deployGas: number; attachGas: number }>;
  /** Runs trace steps in `processId` (each "start" begins a new instance); never throws for a reverted step. */
  run(processId: string, steps: TraceStep[]): Promise<StepResult[]>;
}

/** Prefix of the stand-in members' ids: a role nobody holds is played by `estimate:<role id>`. */
export const STAND_IN_PREFIX = 'estimate:';

export function dryRunManifest(manifest: AppManifest): AppManifest {
  const used = new Set(
    manifest.processes.flatMap((p) => [...p.start.roles, ...p.tasks.map((t) => t.role), ...(p.roleBindings ?? []).map((b) => b.role)]),
  );
  const held = new Set(manifest.participants.flatMap((p) => p.roles));
  const standIns = [...used]
    .filter((r) => !held.has(r))
    .map((role) => ({ id: `${STAND_IN_PREFIX}${role}`, name: `(${manifest.roles.find((r) => r.id === role)?.name ?? role})`, kind: 'organization' as const, organization: '', roles: [role] }));
  const participants = [...manifest.participants, ...standIns].map((p) => ({ ...p, address: devWallet(p.id).address }));
  return { ...manifest, participants };
}

export async function startDryRun(workspace: Workspace, compiled: AppManifest): Promise<DryRun> {
  const manifest = dryRunManifest(compiled);
  const chainId = workspace.chain?.chainId ?? 1337;
  const deployer = devWallet(DEPLOYER_ID);
  const alloc: Record<string, bigint> = { [deployer.address]: 10n ** 24n };
  for (const p of manifest.participants) alloc[p.address!] = 10n ** 24n;
  const engine = await createLedgerEngine({ chainId, alloc });
  const provider = createEthersProvider(createInProcessProvider(engine), chainId);
  let registryDeployGas = 0;
  const processGas: DryRun['processGas'] = Object.fromEntries(manifest.processes.map((p) => [p.id, { deployGas: 0, attachGas: 0 }]));
  const byContract = new Map(manifest.processes.map((p) => [p.contractName, p.id]));
  const deployment = await deployWorkspace(manifest, deployer.connect(provider), {
    network: 'gas-estimate',
    onStep: (s) => {
      if (s.status !== 'confirmed' || !s.gasUsed) return;
      const gas = Number(s.gasUsed);
      const processId = byContract.get(s.contractName ?? '');
      if (s.step === 'registry' || s.step === 'members') registryDeployGas += gas;
      else if (processId && s.step === 'process') processGas[processId].deployGas += gas;
      else if (processId && s.step === 'attach') processGas[processId].attachGas += gas;
    },
  });
  return {
    manifest,
    registryDeployGas,
    processGas,
    async run(processId, steps) {
      const process = manifest.processes.find((p) => p.id === processId);
      if (!process) throw new Error(`gas estimate: no process "${processId}" in the compiled design`);
      // the trace runner acts in the manifest's first process
      const inFront = { ...manifest, processes: [process, ...manifest.processes.filter((p) => p !== process)] };
      const result = await runTrace(workspace, inFront, steps, { provider, deployment });
      await engine.idle();
      return result.steps;
    },
  };
}
