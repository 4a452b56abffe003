import 'fake-indexeddb/auto';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../generators/model/load-workspace.js';
import { exportWorkspaceZip } from './export-workspace.js';
import { openStudioDb, type SavedDeployment } from './studio-db.js';
import { createWorkspaceRepository } from './workspace-repository.js';
import { duplicateWorkspace, emptyWorkspace, importWorkspace, listWorkspaces, renameWorkspace } from './workspace-library.js';

const workspace = {
  schemaVersion: 1,
  name: '联盟 A',
  organizations: [{ id: 'm', name: 'M' }],
  roles: [{ id: 'Buyer', name: 'Buyer' }],
  participants: [{ id: 'wang', name: '王芳', kind: 'person', organization: 'm', roles: ['Buyer'], address: '0x00000000000000000000000000000000000000a1' }],
  processes: [{ id: 'p', name: 'P', bpmn: '<definitions/>' }],
};
const deployment = { record: { network: 'bundled', registry: { address: '0xaa' } }, manifest: { processes: [] } } as unknown as SavedDeployment;

let n = 0;
async function setup() {
  const db = await openStudioDb(`test-library-${++n}`);
  let t = 1000;
  const repo = createWorkspaceRepository(db, () => (t += 10));
  return { db, repo };
}

describe('workspace library', () => {
  it('lists workspaces with the most recently changed first', async () => {
    const { repo } = await setup();
    const a = await repo.create('{}', 'A');
    await repo.create('{}', 'B');
    await repo.saveJson(a.id, '{}', 'A');
    expect((await listWorkspaces(repo)).map((w) => w.name)).toEqual(['A', 'B']);
  });

  it('makes an empty workspace that validates', () => {
    const ws = emptyWorkspace('新工作区', '流程');
    expect(loadWorkspace(ws).problems).toEqual([]);
  });

  it('renames in the JSON and in the record', async () => {
    const { repo } = await setup();
    const rec = await repo.create(JSON.stringify(workspace), workspace.name);
    await renameWorkspace(repo, rec.id, '联盟 B');
    const stored = await repo.get(rec.id);
    expect(stored?.name).toBe('联盟 B');
    expect(JSON.parse(stored!.json).name).toBe('联盟 B');
  });

  it('duplicates without the original keys, addresses or deployments', async () => {
    // given a deployed workspace with a participant's address
    const { repo } = await setup();
    const rec = await repo.create(JSON.stringify(workspace), workspace.name, { deployment });
    // when it is duplicated
    const copy = await duplicateWorkspace(repo, rec.id, '联盟 A 副本');
    // then the copy is a new record with the name, no address and no deployment; the original is untouched
    expect(copy.id).not.toBe(rec.id);
    const value = JSON.parse(copy.json);
    expect(value.name).toBe('联盟 A 副本');
    expect(value.participants[0].address).toBeUndefined();
    expect(value.participants[0].name).toBe('王芳');
    expect(copy.deployment).toBeUndefined();
    expect(await repo.get(rec.id)).toEqual(rec);
  });

  it('deletes a workspace with its keys and settings, and no other', async () => {
    // given two workspaces with keys and a setting each, the first one current
    const { db, repo } = await setup();
    const a = await repo.create('{}', 'A', { deployment });
    const b = await repo.create('{}', 'B');
    for (const w of [a, b]) {
      await db.put('keys', { workspaceId: w.id, ownerId: 'wang', address: '0x1', createdAt: 1 });
      await db.put('meta', '5', `idleLockMinutes:${w.id}`);
    }
    await repo.setCurrentId(a.id);
    // when the first is deleted
    await repo.remove!(a.id);
    // then only the second remains, with its keys and setting
    expect((await repo.list()).map((r) => r.id)).toEqual([b.id]);
    expect(await db.getAllFromIndex('keys', 'byWorkspace', a.id)).toEqual([]);
    expect(await db.getAllFromIndex('keys', 'byWorkspace', b.id)).toHaveLength(1);
    expect(await db.get('meta', `idleLockMinutes:${a.id}`)).toBeUndefined();
    expect(await db.get('meta', `idleLockMinutes:${b.id}`)).toBe('5');
    expect(await repo.currentId()).toBeUndefined();
  });

  it('imports a zip as a new record with its deployments, never over an existing one', async () => {
    const { repo } = await setup();
    const original = await repo.create(JSON.stringify(workspace), workspace.name, { deployment });
    const zip = exportWorkspaceZip(original);
    const imported = await importWorkspace(repo, zip.name, zip.bytes);
    expect(imported.ok).toBe(true);
    expect(imported.record?.id).not.toBe(original.id);
    expect(imported.record?.deployment).toEqual(deployment);
    expect(await repo.get(original.id)).toEqual(original);
    expect(await repo.list()).toHaveLength(2);
  });

  it('stores nothing when the import fails', async () => {
    const { repo } = await setup();
    const result = await importWorkspace(repo, 'bad.json', strToU8(JSON.stringify({ ...workspace, schemaVersion: 9 })));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ file: 'bad.json', path: 'schemaVersion' });
    expect(await repo.list()).toEqual([]);
  });
});
