/**
 * Measures one benchmark on a fresh in-process ledger: the deployment, split into the registry,
 * the process contract and attaching it, then the conforming trace run twice in a row. The
 * figures per instance are those of the SECOND instance: the first one also pays the one-time
 * cost of the process's first storage writes (e.g. the instance counter going from 0 to 1), which
 * no later instance pays.
 */
import { readFileSync } from 'node:fs';
import { withDevAddresses, DEPLOYER_ID, devWallet } from '../src/cli/dev-keys.js';
import { buildWorkspace } from '../src/cli/node-toolchain.js';
import { readInput } from '../src/cli/read-input.js';
import { parseTrace, runTrace, type StepResult } from '../src/cli/run-trace.js';
import { createLedgerEngine } from '../src/ledger/engine/index.js';
import { createInProcessProvider } from '../src/ledger/client/in-process-provider.js';
import { createEthersProvider } from '../src/ledger/client/ethers-provider.js';
import { deployWorkspace } from '../src/chain/deploy-workspace.js';
import type { AppManifest, Workspace } from '../generators/index.js';
import type { GasBenchmark } from './gas-benchmarks.js';

export interface GasRow {
  benchmark: string;
  registryDeployGas: number;
  processDeployGas: number;
  attachGas: number;
  /** The other processes of the workspace (e.g. those the traced one calls), each deployed and attached as its own contract; 0 when there are none. */
  otherProcessesDeployGas: number;
  /** Tasks in the trace (the start excluded). */
  tasks: number;
  instanceGas: number;
  creationGas: number;
  firstInstanceGas: number;
  firstCreationGas: number;
  medianTaskGas: number;
  medianTaskOverhead: number;
  maxTaskOverhead: number;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};

export async function measureBenchmark(b: GasBenchmark): Promise<GasRow> {
  const read = await readInput(b.workspace);
  if (!read.workspace) throw new Error(`${b.workspace}: ${read.problems.map((p) => p.message).join('; ')}`);
  const workspace = withDevAddresses(read.workspace);
  const built = await buildWorkspace(workspace);
  if (!built.manifest) throw new Error(`${b.name}: ${built.problems.map((p) => p.message).join('; ')}`);
  const steps = parseTrace(JSON.parse(readFileSync(b.trace, 'utf8'))).filter((s) => s.expect !== 'revert');

  const result = await runTrace(workspace, built.manifest, [...steps, ...steps]);
  const failed = result.steps.find((s) => s.status !== 'ok');
  if (failed) throw new Error(`${b.name}: step ${failed.index} "${failed.task}" failed: ${failed.reason}`);
  if (!result.ended) throw new Error(`${b.name}: the trace did not complete the instance`);
  const first = result.steps.slice(0, steps.length);
  const [start, ...tasks] = result.steps.slice(steps.length);
  const overheads = tasks.map((s) => s.gasUsed! - s.intrinsicGas!);
  const deployment = await measureDeployment(workspace, built.manifest);
  return {
    benchmark: b.name,
    ...deployment,
    tasks: tasks.length,
    instanceGas: sumGas([start, ...tasks]),
    creationGas: start.gasUsed!,
    firstInstanceGas: sumGas(first),
    firstCreationGas: first[0].gasUsed!,
    medianTaskGas: median(tasks.map((s) => s.gasUsed!)),
    medianTaskOverhead: median(overheads),
    maxTaskOverhead: Math.max(...overheads),
  };
}

const sumGas = (steps: StepResult[]) => steps.reduce((sum, s) => sum + (s.gasUsed ?? 0), 0);

/** Deploys once more on its own ledger, only to split the deployment gas by step. */
async function measureDeployment(workspace: Workspace, manifest: AppManifest) {
  const deployer = devWallet(DEPLOYER_ID);
  const chainId = workspace.chain?.chainId ?? 1337;
  const engine = await createLedgerEngine({ chainId, alloc: { [deployer.address]: 10n ** 24n } });
  const provider = createEthersProvider(createInProcessProvider(engine), chainId);
  const gas: Record<string, number> = { registry: 0, members: 0, process: 0, attach: 0, other: 0 };
  // the traced process is the first; the others (called processes) are counted apart
  const traced = manifest.processes[0]?.contractName;
  await deployWorkspace(manifest, deployer.connect(provider), {
    network: 'in-process',
    onStep: (s) => {
      if (s.status !== 'confirmed' || !s.gasUsed) return;
      gas[(s.step === 'process' || s.step === 'attach') && s.contractName !== traced ? 'other' : s.step] += Number(s.gasUsed);
    },
  });
  await engine.idle();
  return { registryDeployGas: gas.registry + gas.members, processDeployGas: gas.process, attachGas: gas.attach, otherProcessesDeployGas: gas.other };
}
