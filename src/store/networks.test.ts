import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../../generators/index.js';
import { createStudioStore } from './create-studio-store.js';
import { BUNDLED } from './network-edits.js';
import { createTestServices } from './test-services.js';

const fast = { autosaveMs: 5, buildDebounceMs: 5 };
const BESU = { name: '联盟链 Besu', rpcUrl: 'http://10.0.0.5:8545', chainId: '1337', gas: 'free' as const };

async function openedStudio() {
  const t = await createTestServices();
  const studio = createStudioStore(t.services, fast);
  await studio.actions.workspace.open();
  await vi.waitFor(() => expect(studio.store.getState().buildStatus).toBe('ok'));
  return { ...t, studio, state: () => studio.store.getState() };
}

describe('networks', () => {
  it('adds a network, switches to it, remembers its genesis and keeps deployments per network', async () => {
    const { studio, state, chain, repo, services } = await openedStudio();
    await studio.actions.deploy.deploy();
    const bundled = state().deployment;
    expect(bundled?.record.network).toBe(BUNDLED);

    // when a network is added through the form
    expect(await studio.actions.deploy.addNetwork(BESU)).toEqual({});
    // then it is the chain in use, connected and checked, with no deployment yet
    expect(state().networkId).toBe('besu');
    expect(chain.network?.rpcUrl).toBe(BESU.rpcUrl);
    expect(state().ledgerStatus).toBe('ready');
    expect(state().networkCheck).toMatchObject({ chainId: 1337, warnings: [] });
    expect(state().deployment).toBeUndefined();
    // and the genesis seen is saved with the network in the workspace
    await vi.waitFor(async () => {
      const saved = JSON.parse((await repo.get(state().workspaceId!))!.json) as Workspace;
      expect(saved.networks).toEqual([{ id: 'besu', name: '联盟链 Besu', rpcUrl: BESU.rpcUrl, chainId: 1337, gas: 'free', genesisHash: `0x${'11'.repeat(32)}` }]);
    });

    // when deployed there, the record is the network's
    await studio.actions.deploy.deploy();
    expect(state().deployment?.record.network).toBe('联盟链 Besu');
    // and switching back to the bundled ledger brings its own deployment back
    await studio.actions.deploy.selectNetwork(BUNDLED);
    expect(chain.network).toBeUndefined();
    expect(state().deployment?.record).toEqual(bundled!.record);

    // and a reload opens the network used last, with its deployment
    await studio.actions.deploy.selectNetwork('besu');
    const reloaded = createStudioStore(services, fast);
    await reloaded.actions.workspace.open();
    expect(reloaded.store.getState().networkId).toBe('besu');
    expect(reloaded.store.getState().deployment?.record.network).toBe('联盟链 Besu');
    expect(chain.network?.id).toBe('besu');
  });

  it('refuses a bad form field by field and adds nothing', async () => {
    const { studio, state } = await openedStudio();
    const problems = await studio.actions.deploy.addNetwork({ ...BESU, rpcUrl: 'localhost:8545', chainId: '0' });
    expect(Object.keys(problems).sort()).toEqual(['chainId', 'rpcUrl']);
    expect(state().workspace?.networks).toBeUndefined();
    expect(state().networkId).toBe(BUNDLED);
  });

  it("does not deploy to a node whose chain id is not the network's", async () => {
    const { studio, state, chain } = await openedStudio();
    chain.nodeChainId = { besu: 31337 };
    await studio.actions.deploy.addNetwork(BESU);
    await studio.actions.deploy.deploy();
    expect(state().deployStatus).toBe('failed');
    expect(state().deployError).toContain("the node's chain id is 31337, the network is set to 1337");
    expect(chain.deploys).toEqual([]);
  });

  it('resumes a deployment that stopped half-way, from the record saved after its last step', async () => {
    const { studio, state, chain, repo } = await openedStudio();
    await studio.actions.deploy.addNetwork(BESU);
    // given a deployment that stops after its registry
    chain.stopNextDeploy = new Error('the node went away');
    await studio.actions.deploy.deploy();
    expect(state().deployError).toBe('the node went away');
    expect(state().partialDeployment?.record.status).toBe('partial');
    expect((await repo.get(state().workspaceId!))?.partialDeployments?.besu?.record.registry.address).toBe('0x00000000000000000000000000000000000000aa');
    // when deployed again, the saved record is resumed; once complete the partial one is gone
    await studio.actions.deploy.deploy();
    expect(chain.deploys[1].resumed?.registry.address).toBe('0x00000000000000000000000000000000000000aa');
    expect(state().partialDeployment).toBeUndefined();
    expect((await repo.get(state().workspaceId!))?.partialDeployments?.besu).toBeUndefined();
  });

  it("deploys with a participant's own key when chosen, on a JSON-RPC network only", async () => {
    const { studio, state } = await openedStudio();
    const wangFang = state().workspace!.participants.find((p) => p.id === 'wang-fang')!.address;
    studio.actions.deploy.setDeploySigner({ kind: 'participant', participantId: 'wang-fang' });
    // on the bundled ledger the operator deploys whatever was chosen
    await studio.actions.deploy.deploy();
    expect(state().deployment?.record.deployer).not.toBe(wangFang);
    // on a network the chosen participant signs
    await studio.actions.deploy.addNetwork(BESU);
    await studio.actions.deploy.deploy();
    expect(state().deployment?.record.deployer).toBe(wangFang);
  });

  it('waits for the build of an edit made just before Deploy, and deploys that design', async () => {
    const { studio, state } = await openedStudio();
    // given an edit whose rebuild has not run yet
    studio.actions.workspace.edit((ws) => ({ ...ws, participants: ws.participants.slice(0, 1) }));
    expect(state().builtFrom).not.toBe(state().workspace);
    // when Deploy is pressed at once, then the deployed design is the edited one
    await studio.actions.deploy.deploy();
    expect(state().deployment?.record.sourceHash).toBe('hash:1');
    expect(state().deployment?.manifest.participants).toHaveLength(1);
  });
});
