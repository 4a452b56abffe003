import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../generators/index.js';
import { readFileSync } from 'node:fs';
import type { Workspace } from '../../generators/index.js';
import { addFromPalette, breaksLinks, connect, disconnect, draftsOf, findParticipant, linksBrokenBy, positionsOf, removeNodes, setPositions, updateDevice } from './consortium-edits.js';

/** The sample workspace as shipped (people with Chinese names, a device, a regulator). */
const ws = JSON.parse(readFileSync(new URL('../../generators/samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')) as Workspace;

describe('consortium edits', () => {
  it('drops a person into an organization as a member, at its position', () => {
    // when a person is dropped into the supplier's box
    const { workspace, key } = addFromPalette(ws, 'person', '陈静 Chen Jing', { x: 20, y: 50 }, 'supplier');
    // then it is a member with a readable id, and its position is kept in the layout
    expect(key).toBe('participant:chen-jing');
    expect(findParticipant(workspace, 'chen-jing')).toMatchObject({ organization: 'supplier', kind: 'person', roles: [] });
    expect(positionsOf(workspace)[key]).toEqual({ x: 20, y: 50 });
    // and the workspace is still valid for the generator
    expect(loadWorkspace(workspace).problems).toEqual([]);
  });

  it('keeps a person dropped outside every organization as a draft until it joins one', () => {
    // given a device drawn on the empty canvas
    const { workspace } = addFromPalette(ws, 'device', '传感器 7', { x: 0, y: 0 });
    expect(draftsOf(workspace).map((d) => [d.id, d.kind])).toEqual([['device-1', 'device']]);
    expect(workspace.participants).toHaveLength(ws.participants.length);
    // the saved workspace stays valid (drafts are layout, not consortium)
    expect(loadWorkspace(JSON.parse(JSON.stringify(workspace))).problems).toEqual([]);
    // when it is connected to an organization, then it is a member and no longer a draft
    const joined = connect(workspace, 'member-of', 'device-1', 'carrier');
    expect(draftsOf(joined)).toEqual([]);
    expect(findParticipant(joined, 'device-1')).toMatchObject({ organization: 'carrier', device: {} });
  });

  it('gives a regulator the consortium regulator role, making one when there is none', () => {
    // the sample has a Regulator role: reused
    const first = addFromPalette(ws, 'regulator', '审计署', { x: 0, y: 0 }, 'regulator').workspace;
    expect(findParticipant(first, 'participant-1')?.roles).toEqual(['Regulator']);
    // without one, a role "Regulator" is made
    const bare = { ...ws, roles: ws.roles.filter((r) => r.id !== 'Regulator'), participants: ws.participants.filter((p) => p.id !== 'regulator') };
    const second = addFromPalette(bare, 'regulator', '审计署', { x: 0, y: 0 }, 'regulator').workspace;
    expect(second.roles.map((r) => r.id)).toContain('Regulator');
    expect(findParticipant(second, 'participant-1')?.roles).toEqual(['Regulator']);
  });

  it('links and unlinks roles and device owners; clears empty device fields', () => {
    let next = connect(ws, 'plays-role', 'li-wei', 'Sales');
    next = connect(next, 'owns-device', 'zhang-wei', 'line-3');
    next = updateDevice(next, 'line-3', { make: '西门子', serial: '' });
    expect(findParticipant(next, 'li-wei')?.roles).toEqual(['Carrier', 'Sales']);
    expect(findParticipant(next, 'line-3')?.device).toEqual({ ...ws.participants.find((p) => p.id === 'line-3')!.device, make: '西门子', owner: 'zhang-wei', serial: undefined });
    next = disconnect(disconnect(next, 'plays-role', 'li-wei', 'Sales'), 'owns-device', 'zhang-wei', 'line-3');
    expect(findParticipant(next, 'li-wei')?.roles).toEqual(['Carrier']);
    expect(findParticipant(next, 'line-3')?.device?.owner).toBeUndefined();
  });

  it('says what removing a node breaks, and removes it with its references', () => {
    const owned = connect(ws, 'owns-device', 'zhang-wei', 'line-3');
    // the supplier takes two members and nothing else; Zhang Wei takes a role and a device's owner
    expect(linksBrokenBy(owned, 'org:supplier')).toEqual({ members: ['张伟 Zhang Wei', 'Assembly line 3'], players: [], devices: [], roles: [] });
    expect(linksBrokenBy(owned, 'participant:zhang-wei')).toMatchObject({ roles: ['Sales'], devices: ['Assembly line 3'] });
    expect(linksBrokenBy(owned, 'role:Carrier').players).toEqual(['李伟 Li Wei']);
    const lonely = addFromPalette(ws, 'role', '质检', { x: 0, y: 0 }).workspace;
    expect(breaksLinks(linksBrokenBy(lonely, 'role:Role1'))).toBe(false);
    // when Zhang Wei and the Carrier role go, the device has no owner and Li Wei no role
    const next = removeNodes(setPositions(owned, { 'participant:zhang-wei': { x: 1, y: 1 } }), ['participant:zhang-wei', 'role:Carrier']);
    expect(findParticipant(next, 'zhang-wei')).toBeUndefined();
    expect(findParticipant(next, 'line-3')?.device?.owner).toBeUndefined();
    expect(findParticipant(next, 'li-wei')?.roles).toEqual([]);
    expect(positionsOf(next)['participant:zhang-wei']).toBeUndefined();
    // and an organization goes with its members
    const noSupplier = removeNodes(ws, ['org:supplier']);
    expect(noSupplier.participants.map((p) => p.id)).toEqual(['wang-fang', 'li-wei', 'regulator']);
    expect(loadWorkspace(noSupplier).problems).toEqual([]);
  });

  it('changes nothing when positions are unchanged', () => {
    const placed = setPositions(ws, { 'org:carrier': { x: 5, y: 6 } });
    expect(setPositions(placed, { 'org:carrier': { x: 5, y: 6 } })).toBe(placed);
  });
});
