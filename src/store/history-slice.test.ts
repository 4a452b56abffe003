import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../../generators/index.js';
import { createStudioStore } from './create-studio-store.js';
import { createTestServices } from './test-services.js';
import { addParticipant, removeRole } from './workspace-edits.js';

async function openedStudio(coalesceMs = 0) {
  const t = await createTestServices();
  const studio = createStudioStore(t.services, { autosaveMs: 5, buildDebounceMs: 5, history: { coalesceMs } });
  await studio.actions.workspace.open();
  await vi.waitFor(() => expect(studio.store.getState().saveState).toBe('saved'));
  return { ...t, studio, state: () => studio.store.getState() };
}

const renameParticipant = (id: string, name: string) => (ws: Workspace): Workspace => ({
  ...ws,
  participants: ws.participants.map((p) => (p.id === id ? { ...p, name } : p)),
});

describe('history slice', () => {
  it('opens with nothing to undo, though the keys wrote addresses', async () => {
    const { state } = await openedStudio();
    expect(state().workspace!.participants.every((p) => p.address)).toBe(true);
    expect(state().workspaceHistory.past).toEqual([]);
  });

  it('undoes and redoes a participant edit and saves each state', async () => {
    // given a renamed participant, saved
    const { studio, state, repo } = await openedStudio();
    studio.actions.workspace.edit(renameParticipant('wang-fang', '王芳芳'));
    await vi.waitFor(() => expect(state().saveState).toBe('saved'));
    // when undone
    expect(studio.actions.history.undo()).toBe(true);
    // then the old name is back, in the store and in IndexedDB
    expect(state().workspace!.participants[0].name).toBe('王芳');
    await vi.waitFor(async () => expect(JSON.parse((await repo.get(state().workspaceId!))!.json).participants[0].name).toBe('王芳'));
    // and redo brings the edit back
    expect(studio.actions.history.redo()).toBe(true);
    expect(state().workspace!.participants[0].name).toBe('王芳芳');
    expect(studio.actions.history.redo()).toBe(false);
  });

  it('records edits made by any slice: a process XML change and a network added on the deploy page', async () => {
    const { studio, state } = await openedStudio();
    const xml = state().workspace!.processes[0].bpmn;
    studio.actions.workspace.setProcessXml('order', '<bpmn:definitions id="changed"/>');
    await studio.actions.deploy.addNetwork({ name: '联盟链', rpcUrl: 'http://127.0.0.1:8545', chainId: '1337', gas: 'free' } as never);
    expect(state().workspace!.networks).toHaveLength(1);
    expect(state().networkId).not.toBe('bundled');
    // undoing the network takes the IDE back to the bundled ledger
    studio.actions.history.undo();
    expect(state().workspace!.networks ?? []).toHaveLength(0);
    await vi.waitFor(() => expect(state().networkId).toBe('bundled'));
    studio.actions.history.undo();
    expect(state().workspace!.processes[0].bpmn).toBe(xml);
  });

  it('coalesces typing into one step', async () => {
    const { studio, state } = await openedStudio(10_000);
    for (const name of ['A', 'AB', 'ABC']) studio.actions.workspace.edit((ws) => ({ ...ws, name }));
    studio.actions.workspace.edit((ws) => removeRole(ws, 'Sales'));
    studio.actions.history.undo();
    expect(state().workspace!.name).toBe('ABC');
    studio.actions.history.undo();
    expect(state().workspace!.name).toBe('订单履行');
  });

  it('gives a participant brought back by redo its key address again', async () => {
    // given a participant added (and given a key), then undone
    const { studio, state } = await openedStudio();
    studio.actions.workspace.edit((ws) => addParticipant(ws, { name: 'Scanner', kind: 'device', organization: 'supplier', roles: [] }));
    await vi.waitFor(() => expect(state().workspace!.participants.find((p) => p.id === 'scanner')?.address).toMatch(/^0x/));
    const address = state().workspace!.participants.find((p) => p.id === 'scanner')!.address;
    studio.actions.history.undo();
    expect(state().workspace!.participants.some((p) => p.id === 'scanner')).toBe(false);
    // when redone, then it is back with the same key's address, and the address was not a step
    studio.actions.history.redo();
    expect(state().workspace!.participants.find((p) => p.id === 'scanner')?.address).toBe(address);
    studio.actions.history.undo();
    expect(state().workspace!.participants.some((p) => p.id === 'scanner')).toBe(false);
  });
});
