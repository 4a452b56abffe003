import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createStudioStore } from './create-studio-store.js';
import { selectDeploymentOutdated } from './selectors.js';
import { startActKey } from './session-slice.js';
import { createTestServices, TEST_PASSPHRASE } from './test-services.js';

const fast = { autosaveMs: 5, buildDebounceMs: 5 };

/** A studio whose user answers the passphrase dialog by hand (no auto-unlock). */
async function manualStudio() {
  const t = await createTestServices({}, { autoUnlock: false });
  const studio = createStudioStore(t.services, fast);
  const opened = studio.actions.workspace.open();
  const state = () => studio.store.getState();
  return { ...t, studio, state, opened };
}

describe('keys slice', () => {
  it('asks for a passphrase on first use, refuses a weak one, then creates the keys', async () => {
    const { studio, state, opened } = await manualStudio();
    await vi.waitFor(() => expect(state()).toMatchObject({ keysLock: 'unset', unlockPrompt: true }));
    await studio.actions.keys.setPassphrase('short');
    expect(state()).toMatchObject({ unlockError: 'weak-passphrase', unlockPrompt: true, keysLock: 'unset' });
    await studio.actions.keys.setPassphrase(TEST_PASSPHRASE);
    await opened;
    expect(state()).toMatchObject({ keysLock: 'unlocked', unlockPrompt: false, unlockError: undefined });
    state().workspace!.participants.forEach((p) => expect(p.address).toMatch(/^0x[0-9a-fA-F]{40}$/));
  });

  it('after a reload, deploy waits for the unlock; a wrong passphrase is refused and the right one goes on', async () => {
    const first = await manualStudio();
    await vi.waitFor(() => expect(first.state().unlockPrompt).toBe(true));
    await first.studio.actions.keys.setPassphrase(TEST_PASSPHRASE);
    await first.opened;
    await vi.waitFor(() => expect(first.state()).toMatchObject({ saveState: 'saved', buildStatus: 'ok' }));
    // when the page reloads (a new studio, new key stores, same database)
    const { createKeyring } = await import('../keys/key-store.js');
    const services = { ...first.services, keys: createKeyring(first.db, { scrypt: { N: 2 ** 10, r: 8, p: 1 } }) };
    const studio = createStudioStore(services, fast);
    await studio.actions.workspace.open();
    const state = () => studio.store.getState();
    await vi.waitFor(() => expect(state()).toMatchObject({ keysLock: 'locked', buildStatus: 'ok' }));
    expect(state().unlockPrompt).toBe(false); // reading needs no keys
    // then deploying asks for the passphrase
    const deploying = studio.actions.deploy.deploy();
    await vi.waitFor(() => expect(state().unlockPrompt).toBe(true));
    await studio.actions.keys.unlock('wrong passphrase');
    expect(state()).toMatchObject({ unlockError: 'wrong-passphrase', keysLock: 'locked', deployStatus: 'deploying' });
    await studio.actions.keys.unlock(TEST_PASSPHRASE);
    await deploying;
    expect(state()).toMatchObject({ keysLock: 'unlocked', deployStatus: 'idle', unlockPrompt: false });
    expect(state().deployment).toBeDefined();
    // and locking by hand shows it, and the bundled ledger forgets the keys it was given to sign with
    const forgotten = first.chain.ledgerKeysForgotten ?? 0;
    studio.actions.keys.lock();
    expect(state().keysLock).toBe('locked');
    await vi.waitFor(() => expect(first.chain.ledgerKeysForgotten).toBe(forgotten + 1));
  });

  it('fails what waited with "keys are locked" when the dialog is cancelled', async () => {
    const { studio, state, opened } = await manualStudio();
    await vi.waitFor(() => expect(state().unlockPrompt).toBe(true));
    studio.actions.keys.cancelUnlock();
    await opened;
    expect(state().keysError).toMatch(/keys are locked/);
    expect(state().unlockPrompt).toBe(false);
  });

  it('rotating a deployed participant tells the registry and then acts with the new key', async () => {
    const t = await createTestServices();
    const studio = createStudioStore(t.services, fast);
    await studio.actions.workspace.open();
    const state = () => studio.store.getState();
    await vi.waitFor(() => expect(state()).toMatchObject({ saveState: 'saved', buildStatus: 'ok' }));
    await studio.actions.deploy.deploy();
    const old = state().workspace!.participants.find((p) => p.id === 'zhang-wei')!.address!;
    // when zhang-wei's key is rotated
    await studio.actions.keys.rotateKey('zhang-wei');
    const change = state().keyChanges['zhang-wei'];
    expect(change).toMatchObject({ status: 'done', kind: 'rotate', previousAddress: old, registryTxHash: '0xmembers1' });
    const address = change.status === 'done' ? change.address : '';
    expect(address).not.toBe(old);
    // then the operator gave the new address the supplier (index 1 in the fake manifest) and the Sales role (bit 1), and took both from the old one
    expect(t.chain.memberCalls).toEqual([{ operator: state().deployment!.record.deployer, members: [[address, old], [1, 0], [2n, 0n]] }]);
    expect(t.chain.funded).toContain(address);
    // the workspace, the stored deployment and the design agree on the new address
    expect(state().workspace!.participants.find((p) => p.id === 'zhang-wei')!.address).toBe(address);
    expect(state().deployment!.manifest.participants.find((p) => p.id === 'zhang-wei')!.address).toBe(address);
    expect((await t.repo.get(state().workspaceId!))!.deployment!.manifest.participants.find((p) => p.id === 'zhang-wei')!.address).toBe(address);
    await vi.waitFor(() => expect(state().saveState).toBe('saved'));
    await vi.waitFor(() => expect(selectDeploymentOutdated(state())).toBe(false));
    // and acting as zhang-wei signs with the new key
    studio.actions.session.selectParticipant('zhang-wei');
    await studio.actions.session.startInstance('order', {});
    const act = state().acts[startActKey('order', 'zhang-wei')];
    expect(act.status === 'confirmed' && act.txHash).toContain(address);
  });

  it('reports an import with a wrong file passphrase and changes nothing', async () => {
    const t = await createTestServices();
    const studio = createStudioStore(t.services, fast);
    await studio.actions.workspace.open();
    const state = () => studio.store.getState();
    const exported = await studio.actions.keys.exportKey('wang-fang', 'file passphrase');
    if (!exported.ok) throw new Error(exported.detail);
    const before = state().workspace;
    await studio.actions.keys.importKey('zhang-wei', exported.json, 'not the file passphrase');
    expect(state().keyChanges['zhang-wei']).toMatchObject({ status: 'failed', error: 'wrong-passphrase' });
    await studio.actions.keys.importKey('zhang-wei', exported.json, 'file passphrase');
    expect(state().keyChanges['zhang-wei']).toMatchObject({ status: 'failed', error: 'address-in-use' });
    expect(state().workspace).toBe(before);
    expect(t.chain.memberCalls).toEqual([]);
  });
});
