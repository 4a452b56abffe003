import 'fake-indexeddb/auto';
import { strToU8 } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../../generators/index.js';
import { createStudioStore } from './create-studio-store.js';
import { createTestServices } from './test-services.js';

async function openedStudio() {
  const t = await createTestServices();
  const studio = createStudioStore(t.services, { autosaveMs: 5, buildDebounceMs: 5 });
  await studio.actions.workspace.open();
  await vi.waitFor(() => expect(studio.store.getState().saveState).toBe('saved'));
  await vi.waitFor(() => expect(studio.store.getState().buildStatus).toBe('ok'));
  return { ...t, studio, state: () => studio.store.getState(), actions: studio.actions.workspaces };
}

const stored = async (repo: Awaited<ReturnType<typeof createTestServices>>['repo'], id: string) =>
  JSON.parse((await repo.get(id))!.json) as Workspace;

describe('workspaces slice', () => {
  it('creates an empty workspace, opens it and remembers it as the current one', async () => {
    const { state, actions, repo } = await openedStudio();
    const first = state().workspaceId!;
    await actions.create('empty', '新工作区', '流程');
    expect(state().workspaceId).not.toBe(first);
    expect(state().workspace!.name).toBe('新工作区');
    expect(state().workspace!.processes.map((p) => p.name)).toEqual(['流程']);
    expect(await repo.currentId()).toBe(state().workspaceId);
    expect(state().workspaceList.map((w) => w.name).sort()).toEqual(['新工作区', '订单履行']);
  });

  it('saves the open workspace before switching, and forgets what belonged to it', async () => {
    // given an edit not saved yet and a deploy state of the first workspace
    const { studio, state, actions, repo } = await openedStudio();
    const first = state().workspaceId!;
    await actions.create('sample', 'Second', 'P');
    const second = state().workspaceId!;
    await actions.switchTo(first);
    studio.actions.workspace.edit((ws) => ({ ...ws, name: 'Edited 已改' }));
    studio.store.setState({ deploySteps: [{ step: 'registry', contractName: 'R', status: 'sent' }] as never, activeProcessId: 'gone' });
    // when switching
    await actions.switchTo(second);
    // then the edit was saved and nothing of the first workspace shows
    expect((await stored(repo, first)).name).toBe('Edited 已改');
    expect(state().workspace!.name).toBe('Second');
    expect(state().deploySteps).toEqual([]);
    expect(state().activeProcessId).toBeUndefined();
    expect(state().workspaceHistory.past).toEqual([]);
    await vi.waitFor(() => expect(state().buildStatus).toBe('ok'));
  });

  it('renames the open workspace as an undoable edit and another one in storage', async () => {
    const { state, actions, repo, studio } = await openedStudio();
    const first = state().workspaceId!;
    await actions.create('sample', 'B', 'P');
    await actions.rename(first, '甲');
    expect((await stored(repo, first)).name).toBe('甲');
    await actions.rename(state().workspaceId!, '乙');
    expect(state().workspace!.name).toBe('乙');
    studio.actions.history.undo();
    expect(state().workspace!.name).toBe('B');
  });

  it('duplicates a workspace: the copy gets its own keys when opened', async () => {
    const { state, actions } = await openedStudio();
    const original = state().workspace!;
    await actions.duplicate(state().workspaceId!, '订单履行 副本');
    const copy = state().workspaceList.find((w) => w.name === '订单履行 副本')!;
    await actions.switchTo(copy.id);
    await vi.waitFor(() => expect(state().workspace!.participants.every((p) => p.address)).toBe(true));
    const addresses = (ws: Workspace) => ws.participants.map((p) => p.address);
    expect(addresses(state().workspace!)).not.toEqual(addresses(original));
    expect(state().workspace!.participants.map((p) => p.name)).toEqual(original.participants.map((p) => p.name));
  });

  it('deletes the open workspace with its keys and opens the most recent other', async () => {
    const { state, actions, db } = await openedStudio();
    const first = state().workspaceId!;
    await actions.create('sample', 'Other', 'P');
    const other = state().workspaceId!;
    await actions.switchTo(first);
    await actions.remove(first);
    expect(state().workspaceId).toBe(other);
    expect(state().workspaceList.map((w) => w.id)).toEqual([other]);
    expect(await db.getAllFromIndex('keys', 'byWorkspace', first)).toEqual([]);
  });

  it('exports a zip and imports it back as a new workspace', async () => {
    const { state, actions, studio } = await openedStudio();
    studio.actions.workspace.edit((ws) => ({ ...ws, name: '导出 Export' }));
    const exported = state().workspace!;
    const zip = (await actions.exportFile(state().workspaceId!, 'zip'))!;
    expect(zip.name).toBe('导出 Export.zip');
    const before = state().workspaceId;
    await actions.importFile(zip.name, zip.bytes);
    expect(state().importReport).toMatchObject({ ok: true, name: '导出 Export' });
    expect(state().workspaceId).not.toBe(before);
    expect(state().workspace!.name).toBe('导出 Export');
    expect(state().workspace!.processes).toEqual(exported.processes);
    expect(state().workspace!.participants.map((p) => p.name)).toEqual(exported.participants.map((p) => p.name));
    expect(state().workspaceList).toHaveLength(2);
  });

  it('refuses an invalid import with where it is, and changes nothing', async () => {
    const { state, actions } = await openedStudio();
    const open = state().workspace;
    await actions.importFile('坏.json', strToU8('{"schemaVersion": 1, "name": "x", "organizations": [], "roles": [], "participants": [{}], "processes": []}'));
    expect(state().importReport?.ok).toBe(false);
    expect(state().importReport?.problems[0]).toMatchObject({ file: '坏.json', path: 'participants[0].id' });
    expect(state().workspace).toBe(open);
    expect(state().workspaceList).toHaveLength(1);
  });
});
