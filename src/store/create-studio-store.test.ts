import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../../generators/index.js';
import { createStudioStore } from './create-studio-store.js';
import { selectDeploymentOutdated, selectProblemRows, selectWorkList } from './selectors.js';
import { compileResult, createTestServices, okGenerate } from './test-services.js';
import { addParticipant, removeRole } from './workspace-edits.js';
import { startActKey } from './session-slice.js';

const fast = { autosaveMs: 5, buildDebounceMs: 5 };

async function openedStudio(build = {}) {
  const t = await createTestServices(build);
  const studio = createStudioStore(t.services, fast);
  await studio.actions.workspace.open();
  await vi.waitFor(() => expect(studio.store.getState().saveState).toBe('saved'));
  await vi.waitFor(() => expect(studio.store.getState().buildStatus).toBe('ok'));
  return { ...t, studio, state: () => studio.store.getState() };
}

describe('workspace slice', () => {
  it('opens the sample on first start, gives every participant a key address and saves it', async () => {
    // given an empty database, when the studio opens
    const { state, repo } = await openedStudio();
    // then the sample is open and every participant has an address, also in IndexedDB
    expect(state().workspaceStatus).toBe('ready');
    const addresses = state().workspace!.participants.map((p) => p.address);
    addresses.forEach((a) => expect(a).toMatch(/^0x[0-9a-fA-F]{40}$/));
    await vi.waitFor(async () => {
      const saved = JSON.parse((await repo.get(state().workspaceId!))!.json) as Workspace;
      expect(saved.participants.map((p) => p.address)).toEqual(addresses);
    });
  });

  it('autosaves an edit and shows pending until it is saved', async () => {
    const { studio, state, repo } = await openedStudio();
    // when a role is removed
    studio.actions.workspace.edit((ws) => removeRole(ws, 'Sales'));
    // then the save is pending, then done, and the participant lost the role too
    expect(state().saveState).toBe('pending');
    await vi.waitFor(() => expect(state().saveState).toBe('saved'));
    const saved = JSON.parse((await repo.get(state().workspaceId!))!.json) as Workspace;
    expect(saved.roles.map((r) => r.id)).toEqual(['Buyer']);
    expect(saved.participants.find((p) => p.id === 'zhang-wei')!.roles).toEqual([]);
  });

  it('creates a key for a participant added later', async () => {
    const { studio, state } = await openedStudio();
    studio.actions.workspace.edit((ws) =>
      addParticipant(ws, { name: 'Scanner 7', kind: 'device', organization: 'supplier', roles: ['Sales'] }),
    );
    await vi.waitFor(() => expect(state().workspace!.participants.find((p) => p.id === 'scanner-7')?.address).toMatch(/^0x/));
  });

  it('reopens what was saved after a reload', async () => {
    const { studio, services, state } = await openedStudio();
    studio.actions.workspace.edit((ws) => ({ ...ws, name: 'Renamed 改名' }));
    await vi.waitFor(() => expect(state().saveState).toBe('saved'));
    // when a new studio (a reloaded page) opens the same database
    const reloaded = createStudioStore(services, fast);
    await reloaded.actions.workspace.open();
    expect(reloaded.store.getState().workspace!.name).toBe('Renamed 改名');
  });

  it('keeps an invalid stored workspace untouched and can start over from the sample', async () => {
    const { services, repo, state } = await openedStudio();
    const id = state().workspaceId!;
    await repo.saveJson(id, '{"schemaVersion": 99}', 'broken');
    const reloaded = createStudioStore(services, fast);
    await reloaded.actions.workspace.open();
    expect(reloaded.store.getState().workspaceStatus).toBe('invalid');
    expect(reloaded.store.getState().invalidWorkspace!.json).toBe('{"schemaVersion": 99}');
    // when the user starts over
    await reloaded.actions.workspace.startFromSample();
    // then a new record is open and the broken one is still there as it was
    expect(reloaded.store.getState().workspaceStatus).toBe('ready');
    expect(reloaded.store.getState().workspaceId).not.toBe(id);
    expect((await repo.get(id))!.json).toBe('{"schemaVersion": 99}');
  });
});

describe('build slice', () => {
  it('keeps the last good sources on screen when generation fails', async () => {
    let fail = false;
    const { studio, state } = await openedStudio({
      generate: async (ws: Workspace) =>
        fail ? { problems: [{ severity: 'error', message: 'lane has no role', elementId: 'Lane_1' }], sources: [], processes: [] } : okGenerate(ws),
    });
    const good = state().sources;
    // when an edit makes the generator fail
    fail = true;
    studio.actions.workspace.edit((ws) => ({ ...ws, name: 'x' }));
    await vi.waitFor(() => expect(state().buildStatus).toBe('failed'));
    // then the sources and manifest stay, marked stale, and the problem is listed with its element
    expect(state().sources).toBe(good);
    expect(state().sourcesAreStale).toBe(true);
    expect(state().manifest).toBeDefined();
    expect(selectProblemRows(state())).toContainEqual(expect.objectContaining({ source: 'generator', elementId: 'Lane_1' }));
  });

  it('shows new sources with their compiler diagnostics when compiling fails', async () => {
    let ok = true;
    const { studio, state } = await openedStudio({ compile: async () => compileResult(ok) });
    const manifest = state().manifest;
    ok = false;
    studio.actions.workspace.edit((ws) => ({ ...ws, participants: ws.participants.slice(0, 1) }));
    await vi.waitFor(() => expect(state().buildStatus).toBe('failed'));
    expect(state().sources[0].content).toBe('// 1 participants');
    expect(state().compileDiagnostics).toHaveLength(1);
    expect(state().manifest).toBe(manifest);
  });

  it('drops a run whose workspace was edited meanwhile', async () => {
    let gate: Promise<void> | undefined;
    const { studio, state } = await openedStudio({
      generate: async (ws: Workspace) => {
        if (gate) await gate;
        return okGenerate(ws);
      },
    });
    // given a slow run over the current workspace
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    const slow = studio.actions.build.run();
    // when the workspace is edited before it ends
    studio.actions.workspace.edit((ws) => ({ ...ws, participants: [] }));
    const shown: string[] = [];
    studio.store.subscribe((s, prev) => s.sources !== prev.sources && shown.push(s.sources[0].content));
    gate = undefined;
    release();
    await slow;
    // then only the newer workspace's output is ever shown
    await vi.waitFor(() => expect(state().buildStatus).toBe('ok'));
    expect(shown).toEqual(['// 0 participants']);
  });

  it('reports an exception from a step as a build error', async () => {
    const { services } = await createTestServices();
    const failing = createStudioStore(
      { ...services, build: { ...services.build, generate: () => Promise.reject(new Error('not implemented')) } },
      fast,
    );
    await failing.actions.workspace.open();
    await vi.waitFor(() => expect(failing.store.getState().buildError).toBe('not implemented'));
    expect(selectProblemRows(failing.store.getState())[0]).toMatchObject({ source: 'build', message: 'not implemented' });
    failing.dispose();
  });
});

describe('deploy and session slices', () => {
  it('funds every account, deploys with the operator key, merges step reports and stores the deployment', async () => {
    const { studio, state, chain, repo } = await openedStudio();
    await studio.actions.deploy.deploy();
    expect(state().deployStatus).toBe('idle');
    expect(state().deploySteps).toEqual([expect.objectContaining({ status: 'confirmed', gasUsed: 100n })]);
    expect(chain.funded).toHaveLength(3);
    expect(chain.funded).toEqual(expect.arrayContaining(state().workspace!.participants.map((p) => p.address)));
    expect(state().deployment!.record.deployer).toBe(chain.funded[0]);
    expect((await repo.get(state().workspaceId!))!.deployment?.record.registry.address).toBe(state().deployment!.record.registry.address);
    expect(selectDeploymentOutdated(state())).toBe(false);
    // when the design changes, the deployment is outdated
    studio.actions.workspace.edit((ws) => ({ ...ws, participants: ws.participants.slice(1) }));
    await vi.waitFor(() => expect(selectDeploymentOutdated(state())).toBe(true));
  });

  it('registers every participant on the key it holds even when the last build predates the keys', async () => {
    // given a build made before the keys existed (its manifest has no participant accounts)
    const { studio, state } = await openedStudio();
    const built = state().manifest!;
    studio.store.setState({ manifest: { ...built, participants: built.participants.map(({ address: _, ...p }) => p) } });
    // when deploying
    await studio.actions.deploy.deploy();
    // then the deployment registered each participant on its key address, as the workspace has it
    expect(state().deployStatus).toBe('idle');
    expect(state().deployment!.manifest.participants.map((p) => p.address)).toEqual(state().workspace!.participants.map((p) => p.address));
    expect(state().deployment!.manifest.participants.every((p) => /^0x[0-9a-fA-F]{40}$/.test(p.address ?? ''))).toBe(true);
  });

  it('starts an instance signed by the acting participant and lists it', async () => {
    const { studio, state } = await openedStudio();
    await studio.actions.deploy.deploy();
    studio.actions.session.selectParticipant('wang-fang');
    await studio.actions.session.startInstance('order', { item: '螺丝' });
    const act = state().acts[startActKey('order', 'wang-fang')];
    expect(act).toMatchObject({ status: 'confirmed', instanceId: 1n });
    const wang = state().workspace!.participants.find((p) => p.id === 'wang-fang')!;
    expect(act.status === 'confirmed' && act.txHash).toContain(wang.address);
    expect(state().instances.order.map((i) => i.instanceId)).toEqual([1n]);
  });

  it('shows a revert in words', async () => {
    const { studio, state, chain } = await openedStudio();
    await studio.actions.deploy.deploy();
    chain.failNextAct = new Error('NotYourRole()');
    await studio.actions.session.startInstance('order', {});
    expect(state().acts[startActKey('order', 'wang-fang')]).toEqual({ status: 'failed', error: 'in words: NotYourRole()' });
  });

  it('lists only enabled tasks of running instances that the acting participant has a role for', async () => {
    const { studio, state } = await openedStudio();
    const task = (role: string, elementId: string) => ({ elementId, role }) as never;
    studio.store.setState({
      instances: {
        order: [
          { processId: 'order', instanceId: 2n, marking: 3n, ended: false, enabledTasks: [task('Buyer', 'Inspect'), task('Sales', 'Confirm')] },
          { processId: 'order', instanceId: 1n, marking: 0n, ended: true, enabledTasks: [task('Buyer', 'Old')] },
        ],
      },
    });
    studio.actions.session.selectParticipant('zhang-wei');
    expect(selectWorkList(state()).map((w) => w.task.elementId)).toEqual(['Confirm']);
  });
});

describe('ledger reset', () => {
  it('marks the deployment as missing, clears instances and reads from the new ledger afterwards', async () => {
    const { studio, state, chain } = await openedStudio();
    await studio.actions.deploy.deploy();
    await studio.actions.session.startInstance('order', {});
    expect(state().instances.order).toHaveLength(1);
    // when the ledger is reset
    await studio.actions.deploy.resetLedger();
    // then nothing of the old chain is shown and the user is told to deploy again
    expect(state()).toMatchObject({ ledgerEpoch: 1, deploymentOnLedger: 'missing', instances: {} });
    expect(chain.instances).toEqual([]);
    // and a new deployment is used on the new ledger
    chain.codePresent = true;
    await studio.actions.deploy.deploy();
    expect(state().deploymentOnLedger).toBe('present');
  });
});

describe('ui slice', () => {
  it('reveals a problem element in the process that declares it, in the design view', async () => {
    const { studio, state } = await openedStudio();
    studio.actions.ui.setView('app');
    studio.actions.ui.revealElement('Task_Ship');
    expect(state()).toMatchObject({ view: 'design', activeProcessId: 'order', reveal: { processId: 'order', elementId: 'Task_Ship' } });
    const first = state().reveal!.nonce;
    // revealing the same element again is a new request
    studio.actions.ui.revealElement('Task_Ship');
    expect(state().reveal!.nonce).not.toBe(first);
    // an element no process declares is ignored
    studio.actions.ui.revealElement('Nowhere');
    expect(state().reveal!.elementId).toBe('Task_Ship');
  });
});
