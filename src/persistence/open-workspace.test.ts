import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openStudioDb } from './studio-db.js';
import { createWorkspaceRepository } from './workspace-repository.js';
import { openCurrentWorkspace } from './open-workspace.js';

const sample = {
  schemaVersion: 1,
  name: '订单履行 Order fulfilment',
  organizations: [{ id: 'm', name: 'Manufacturer' }],
  roles: [{ id: 'Buyer', name: 'Buyer' }],
  participants: [{ id: 'wang', name: '王芳', kind: 'person', organization: 'm', roles: ['Buyer'] }],
  processes: [{ id: 'p', name: 'P', bpmn: '<definitions/>' }],
};

let dbCount = 0;
async function freshRepo() {
  const db = await openStudioDb(`test-open-${++dbCount}`);
  return createWorkspaceRepository(db);
}

describe('openCurrentWorkspace', () => {
  it('creates the sample as the current workspace on first start', async () => {
    // given an empty database
    const repo = await freshRepo();
    // when the IDE opens
    const result = await openCurrentWorkspace(repo, async () => sample);
    // then the sample is opened and stored as the current record
    expect(result.kind).toBe('opened');
    if (result.kind !== 'opened') return;
    expect(result.workspace.name).toBe('订单履行 Order fulfilment');
    expect(await repo.currentId()).toBe(result.id);
    expect(JSON.parse((await repo.get(result.id))!.json)).toEqual(sample);
  });

  it('reopens the saved workspace instead of the sample', async () => {
    // given a workspace that was edited and saved
    const repo = await freshRepo();
    const first = await openCurrentWorkspace(repo, async () => sample);
    await repo.saveJson(first.id, JSON.stringify({ ...sample, name: 'Edited' }), 'Edited');
    // when the IDE opens again
    const again = await openCurrentWorkspace(repo, async () => {
      throw new Error('the sample must not be loaded again');
    });
    // then the edit is there
    expect(again.kind === 'opened' && again.workspace.name).toBe('Edited');
    expect(again.id).toBe(first.id);
  });

  it('reports an invalid stored workspace with its raw JSON and leaves the record untouched', async () => {
    // given a stored workspace that no longer validates
    const repo = await freshRepo();
    const first = await openCurrentWorkspace(repo, async () => sample);
    const broken = JSON.stringify({ ...sample, participants: [{ ...sample.participants[0], roles: ['Nobody'] }] });
    await repo.saveJson(first.id, broken, 'x');
    const before = await repo.get(first.id);
    // when the IDE opens
    const result = await openCurrentWorkspace(repo, async () => sample);
    // then the problem is reported with a path, the raw JSON comes back and nothing was rewritten
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.json).toBe(broken);
    expect(result.problems[0].path).toBe('participants[0].roles[0]');
    expect(await repo.get(first.id)).toEqual(before);
  });

  it('reports text that is not JSON at all', async () => {
    const repo = await freshRepo();
    const first = await openCurrentWorkspace(repo, async () => sample);
    await repo.saveJson(first.id, '{"name": ', 'x');
    const result = await openCurrentWorkspace(repo, async () => sample);
    expect(result.kind).toBe('invalid');
    expect(result.problems[0].message).toMatch(/not valid JSON/);
  });
});

describe('WorkspaceRepository', () => {
  it('keeps the deployment when the workspace JSON is saved again', async () => {
    // given a workspace with a stored deployment
    const repo = await freshRepo();
    const rec = await repo.create('{}', 'w');
    const deployment = { record: { network: 'bundled' }, manifest: { workspaceName: 'w' } } as never;
    await repo.saveDeployment(rec.id, deployment);
    // when the workspace is saved
    await repo.saveJson(rec.id, '{"a":1}', 'w');
    // then both are there
    const stored = await repo.get(rec.id);
    expect(stored?.json).toBe('{"a":1}');
    expect(stored?.deployment).toEqual(deployment);
  });

  it('refuses to save into a record that does not exist', async () => {
    const repo = await freshRepo();
    await expect(repo.saveJson('missing', '{}', 'w')).rejects.toThrow(/"missing" does not exist/);
  });
});
