import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createStudioStore } from './create-studio-store.js';
import { createTestServices } from './test-services.js';
import type { Workspace } from '../../generators/index.js';
import { loadWorkspace } from '../../generators/model/load-workspace.js';
import { addDataAsset, addMayBind, addReader, clearReaders, prunePermissions, updateDataAsset } from './permission-edits.js';
import { removeProcess } from './process-edits.js';
import { removeParticipant, removeRole, updateParticipant } from './workspace-edits.js';

const sample = JSON.parse(readFileSync(new URL('../../generators/samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')) as Workspace;
const valid = (w: Workspace) => loadWorkspace(JSON.parse(JSON.stringify(w))).problems;

/** The sample with two assets: the order's unit price (readable by Sales and 李伟) and the assembly line's data. */
function given(): Workspace {
  let ws = addDataAsset(sample, '价格').workspace;
  ws = addDataAsset(ws, '产线数据').workspace;
  const [price, line] = ws.dataAssets!.map((a) => a.id);
  ws = updateDataAsset(ws, price, { kind: 'process-fields', process: 'order-fulfilment', fields: ['unitPrice'] });
  ws = updateDataAsset(ws, line, { kind: 'device-data', device: 'line-3' });
  ws = addReader(addReader(ws, price, { list: 'roles', id: 'Sales' }), price, { list: 'participants', id: 'li-wei' });
  return addMayBind(ws, 'Sales', 'Carrier');
}

describe('permission edits', () => {
  it('keeps an asset saying one thing: what belongs to another kind goes', () => {
    const ws = given();
    expect(valid(ws)).toEqual([]);
    const price = ws.dataAssets![0];
    const document = updateDataAsset(ws, price.id, { kind: 'document', description: '' }).dataAssets![0];
    expect(document).toEqual({ id: price.id, name: '价格', kind: 'document', readers: price.readers });
    expect(clearReaders(ws, price.id).dataAssets![0]).not.toHaveProperty('readers');
  });

  it('prunes what an edit elsewhere removed, so the workspace still loads', () => {
    // when a role, a participant and the process are removed, and the device stops being one
    let ws = given();
    ws = prunePermissions(removeRole(ws, 'Carrier'));
    expect(ws.roles.find((r) => r.id === 'Sales')).not.toHaveProperty('mayBind');
    ws = prunePermissions(removeParticipant(ws, 'li-wei'));
    expect(ws.dataAssets![0].readers).toEqual({ roles: ['Sales'], participants: [] });
    ws = prunePermissions(updateParticipant(ws, 'line-3', { kind: 'person' }));
    expect(ws.dataAssets![1]).not.toHaveProperty('device');
    ws = prunePermissions(removeProcess(ws, 'order-fulfilment'));
    expect(ws.dataAssets![0]).toEqual({ id: ws.dataAssets![0].id, name: '价格', kind: 'process-fields', readers: { roles: ['Sales'], participants: [] } });
    // then every reference is valid
    expect(valid(ws).map((p) => p.path)).toEqual([]);
    // and pruning a clean workspace changes nothing, not even its identity
    expect(prunePermissions(ws)).toBe(ws);
  });
});

describe('workspace.edit', () => {
  it('saves no dangling permission: a role removed in the lists leaves the readers and may-bind lists', async () => {
    // given the opened sample where Sales may read an asset and bind the carrier
    const t = await createTestServices({});
    const studio = createStudioStore(t.services, { autosaveMs: 5, buildDebounceMs: 5 });
    await studio.actions.workspace.open();
    studio.actions.workspace.edit((ws) => {
      const made = addDataAsset(ws, '价格');
      return addMayBind(addReader(made.workspace, made.id, { list: 'roles', id: 'Sales' }), 'Sales', 'Carrier');
    });
    // when the lists remove the Carrier role, then the Sales role, in two edits
    studio.actions.workspace.edit((ws) => removeRole(ws, 'Carrier'));
    studio.actions.workspace.edit((ws) => removeRole(ws, 'Sales'));
    // then what is saved loads again, with no reader and no may-bind list left
    await vi.waitFor(async () => {
      const saved = JSON.parse((await t.repo.get(studio.store.getState().workspaceId!))!.json) as Workspace;
      expect(saved.dataAssets![0].readers).toEqual({ roles: [] });
      expect(saved.roles.some((r) => r.mayBind)).toBe(false);
      expect(valid(saved)).toEqual([]);
    });
  });
});
