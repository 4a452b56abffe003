import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../generators/index.js';
import { loadWorkspace } from '../../../generators/model/load-workspace.js';
import { addFromPalette, connect, disconnect, linksBrokenBy, removeNodes } from '../../store/consortium-edits.js';
import { checkConnection } from './connection-rules.js';
import { pasteCopies } from './copy-paste.js';

/** The sample with one data asset "质检报告" (drawn from the palette: a document everyone may read). */
const sample = JSON.parse(readFileSync(new URL('../../../generators/samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')) as Workspace;
const { workspace: ws, key: assetKey } = addFromPalette(sample, 'data-asset', '质检报告', { x: 0, y: 0 });
const asset = assetKey.slice('asset:'.length);
const processId = ws.processes[0].id;
const check = (w: Workspace, from: string, to: string) => checkConnection(w, from, to, () => []);
const valid = (w: Workspace) => loadWorkspace(JSON.parse(JSON.stringify(w))).problems;

describe('checkConnection: permission links', () => {
  it('makes may-read links from roles and participants to a data asset', () => {
    // given the asset everyone may read, when the Sales role and 李伟 are linked to it
    expect(check(ws, 'role:Sales', assetKey)).toEqual({ ok: true, kind: 'role-reads', source: 'Sales', target: asset });
    expect(check(ws, 'participant:li-wei', assetKey)).toEqual({ ok: true, kind: 'may-read', source: 'li-wei', target: asset });
    const linked = connect(connect(ws, 'role-reads', 'Sales', asset), 'may-read', 'li-wei', asset);
    // then only they (besides writers and regulators) may read it, and the workspace stays valid
    expect(linked.dataAssets![0].readers).toEqual({ roles: ['Sales'], participants: ['li-wei'] });
    expect(valid(linked)).toEqual([]);
    // and the same links again are refused, naming both ends
    expect(check(linked, 'role:Sales', assetKey)).toEqual({ ok: false, reason: 'alreadyReads', values: { name: 'Sales', asset: '质检报告' } });
    expect(check(linked, 'participant:li-wei', assetKey)).toMatchObject({ ok: false, reason: 'alreadyReads' });
    // removing the last reader keeps the list: the asset does not fall back to "everyone"
    const none = disconnect(disconnect(linked, 'role-reads', 'Sales', asset), 'may-read', 'li-wei', asset);
    expect(none.dataAssets![0].readers).toEqual({ roles: [], participants: [] });
  });

  it('makes may-bind links between roles, once, never to itself', () => {
    expect(check(ws, 'role:Buyer', 'role:Carrier')).toEqual({ ok: true, kind: 'may-bind', source: 'Buyer', target: 'Carrier' });
    const bound = connect(ws, 'may-bind', 'Buyer', 'Carrier');
    expect(bound.roles.find((r) => r.id === 'Buyer')!.mayBind).toEqual(['Carrier']);
    expect(check(bound, 'role:Buyer', 'role:Carrier')).toEqual({ ok: false, reason: 'alreadyBinds', values: { role: 'Buyer', other: 'Carrier' } });
    expect(check(ws, 'role:Buyer', 'role:Buyer')).toMatchObject({ reason: 'self' });
    // the last link removed lifts the restriction: no list at all
    expect(disconnect(bound, 'may-bind', 'Buyer', 'Carrier').roles.find((r) => r.id === 'Buyer')).not.toHaveProperty('mayBind');
    // a role is not linked to a process: its tasks say what it does there
    expect(check(ws, 'role:Buyer', `process:${processId}`)).toMatchObject({ ok: false, reason: 'roleToProcess' });
  });

  it('links only a regulator that is a member to a process, the same data as the checklist', () => {
    const key = `process:${processId}`;
    expect(check(ws, 'participant:regulator', key)).toEqual({ ok: true, kind: 'regulates', source: 'regulator', target: processId });
    expect(check(ws, 'participant:li-wei', key)).toMatchObject({ ok: false, reason: 'notRegulator', values: { name: '李伟 Li Wei' } });
    const linked = connect(ws, 'regulates', 'regulator', processId);
    expect(linked.participants.find((p) => p.id === 'regulator')!.regulates).toEqual([processId]);
    expect(check(linked, 'participant:regulator', key)).toMatchObject({ ok: false, reason: 'alreadyRegulates' });
    // removing the link leaves "regulates none", as unchecking the box does
    expect(disconnect(linked, 'regulates', 'regulator', processId).participants.find((p) => p.id === 'regulator')!.regulates).toEqual([]);
    const draft = addFromPalette(ws, 'regulator', '审计员', { x: 0, y: 0 });
    expect(check(draft.workspace, draft.key, key)).toMatchObject({ ok: false, reason: 'draftMember' });
    // nothing links out of an asset or a process, and a participant does not link to nothing
    expect(check(ws, assetKey, 'role:Sales')).toMatchObject({ reason: 'fromNonParticipant' });
    expect(check(ws, key, 'participant:regulator')).toMatchObject({ reason: 'fromNonParticipant' });
  });

  it('removes permission links with what they point at, and says so before', () => {
    // given Sales may read the asset and bind the carrier, and 李伟 may read it
    let linked = connect(connect(ws, 'role-reads', 'Sales', asset), 'may-read', 'li-wei', asset);
    linked = connect(linked, 'may-bind', 'Sales', 'Carrier');
    expect(linksBrokenBy(linked, 'role:Sales').permissions).toEqual(['质检报告', 'Carrier']);
    expect(linksBrokenBy(linked, 'role:Carrier').permissions).toEqual(['Sales']);
    expect(linksBrokenBy(linked, assetKey).permissions).toEqual(['Sales', '李伟 Li Wei']);
    // when the Sales role and then 李伟 are removed, then no reference dangles
    const gone = removeNodes(linked, ['role:Sales', 'participant:li-wei']);
    expect(gone.dataAssets![0].readers).toEqual({ roles: [], participants: [] });
    expect(valid(gone)).toEqual([]);
    // when the Carrier role goes, Sales's only may-bind link goes with it
    expect(removeNodes(linked, ['role:Carrier']).roles.find((r) => r.id === 'Sales')).not.toHaveProperty('mayBind');
    // an asset removed takes its position; process nodes are never removed from the canvas
    const removed = removeNodes(linked, [assetKey, `process:${processId}`]);
    expect(removed.dataAssets).toEqual([]);
    expect(removed.processes).toHaveLength(1);
    expect(removed.layout?.consortium?.positions?.[assetKey]).toBeUndefined();
  });
});

describe('pasteCopies of a data asset', () => {
  it('copies kind, process, fields and readers under a new id; process nodes are not copied', () => {
    // given the asset made of the order's unit price, readable by Sales
    let given = connect(ws, 'role-reads', 'Sales', asset);
    given = { ...given, dataAssets: given.dataAssets!.map((a) => ({ ...a, kind: 'process-fields' as const, process: processId, fields: ['unitPrice'] })) };
    // when it and the process node are copied and pasted
    const { workspace, keys } = pasteCopies(given, [{ key: assetKey, position: { x: 0, y: 0 } }, { key: `process:${processId}`, position: { x: 0, y: 0 } }], ' (copy)');
    // then one new asset says the same, the original is unchanged, and no process was added
    expect(keys).toHaveLength(1);
    const copy = workspace.dataAssets!.find((a) => `asset:${a.id}` === keys[0])!;
    expect(copy).toMatchObject({ name: '质检报告 (copy)', kind: 'process-fields', process: processId, fields: ['unitPrice'], readers: { roles: ['Sales'] } });
    expect(copy.id).not.toBe(asset);
    expect(workspace.dataAssets![0]).toEqual(given.dataAssets![0]);
    expect(workspace.processes).toEqual(given.processes);
    expect(valid(workspace)).toEqual([]);
  });
});
