/**
 * Test-only: a sample workspace built (participants on their development keys), deployed to a
 * fresh in-process ledger and driven through the process client, the way the app and the CLI do.
 * Imported by the *.test.ts that execute the generated contracts.
 */
import { readFileSync } from 'node:fs';
import type { BrowserProvider, Signer } from 'ethers';
import { loadWorkspace, type AppManifest, type DeploymentRecord, type Problem, type Workspace } from '../../generators/index.js';
import { createLedgerEngine, type LedgerEngine } from '../ledger/engine/index.js';
import { createInProcessProvider } from '../ledger/client/in-process-provider.js';
import { createEthersProvider } from '../ledger/client/ethers-provider.js';
import { buildWorkspace } from '../cli/node-toolchain.js';
import { DEPLOYER_ID, devWallet, withDevAddresses } from '../cli/dev-keys.js';
import { deployWorkspace } from './deploy-workspace.js';
import { createProcessClient, type ProcessClient } from './process-client.js';

export interface SampleOnLedger {
  workspace: Workspace;
  /** What building the sample reported (the test decides what it accepts). */
  problems: Problem[];
  manifest: AppManifest;
  engine: LedgerEngine;
  provider: BrowserProvider;
  deployment: DeploymentRecord;
  client: ProcessClient;
  /** The participant's (or DEPLOYER_ID's) development key, connected to the ledger. */
  signer(id: string): Signer;
}

/**
 * Deploys generators/samples/<sample>/workspace.json. `funded` ids get ether besides the deployer;
 * `now` (ms) sets the ledger's block time, for timers.
 */
export async function sampleOnLedger(sample: string, opts: { funded?: string[]; now?: () => number } = {}): Promise<SampleOnLedger> {
  const loaded = loadWorkspace(JSON.parse(readFileSync(new URL(`../../generators/samples/${sample}/workspace.json`, import.meta.url), 'utf8')));
  const workspace = withDevAddresses(loaded.workspace!);
  const built = await buildWorkspace(workspace);
  const alloc = Object.fromEntries([DEPLOYER_ID, ...(opts.funded ?? [])].map((id) => [devWallet(id).address, 10n ** 24n]));
  const engine = await createLedgerEngine({ chainId: 1337, alloc, ...(opts.now ? { now: opts.now } : {}) });
  const provider = createEthersProvider(createInProcessProvider(engine), 1337);
  const signer = (id: string): Signer => devWallet(id).connect(provider);
  const manifest = built.manifest!;
  const deployment = await deployWorkspace(manifest, signer(DEPLOYER_ID), { network: 'test' });
  return { workspace, problems: built.problems, manifest, engine, provider, deployment, client: createProcessClient(manifest, deployment, provider), signer };
}
