import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from './load-workspace.js';
import { checkMayBind, mayReadAsset, nominationsOf, type Nomination } from './consortium-permissions.js';
import type { DataAsset, Role, Workspace } from './workspace.js';

const sample = (name: string) => JSON.parse(readFileSync(new URL(`../samples/${name}/workspace.json`, import.meta.url), 'utf8')) as Workspace;
const problemsOf = (value: unknown) => loadWorkspace(value, 'ws.json').problems.map((p) => `${p.path}: ${p.message}`);

describe('loadWorkspace: data assets and may-bind links', () => {
  it('accepts assets of each kind with readers, and may-bind lists', () => {
    // given the order sample with three assets and a may-bind link
    const ws = sample('order-fulfilment');
    const device = { id: 'press-7', name: '压力机 7号', kind: 'device' as const, organization: ws.organizations[0].id, roles: [] };
    ws.participants.push(device);
    ws.roles[0].mayBind = [ws.roles[3].id];
    ws.dataAssets = [
      { id: 'order-data', name: '订单数据', kind: 'process-fields', process: ws.processes[0].id, fields: ['quantity'], readers: { roles: ['Sales'], participants: ['wang-fang'] } },
      { id: 'press-data', name: 'Press readings', kind: 'device-data', device: 'press-7', readers: {} },
      { id: 'contract', name: '框架合同', kind: 'document', description: 'signed PDF' },
    ];
    // when loaded, then it is clean and the new lists are kept as written
    const result = loadWorkspace(ws);
    expect(result.problems).toEqual([]);
    expect(result.workspace!.dataAssets).toEqual(ws.dataAssets);
    expect(result.workspace!.roles[0].mayBind).toEqual(['Carrier']);
  });

  it('names every wrong reference by its JSON path', () => {
    const ws = sample('order-fulfilment') as unknown as Record<string, unknown> & Workspace;
    ws.roles[1].mayBind = ['Carrier', 'Nobody', 'Carrier'];
    (ws as unknown as { dataAssets: unknown[] }).dataAssets = [
      { id: 'a', name: 'A', kind: 'process-fields' },
      { id: 'a', name: ' ', kind: 'photo', process: 'nope', fields: ['x', 'x'], device: 'wang-fang', readers: { roles: ['Ghost'], participants: 'wang-fang' } },
      'asset',
    ];
    expect(problemsOf(ws)).toEqual([
      'roles[1].mayBind[1]: role "Nobody" is not defined',
      'roles[1].mayBind[2]: role "Carrier" is listed twice',
      'dataAssets[1].id: duplicate id "a"',
      'dataAssets[1].name: must be a non-empty string',
      'dataAssets[1].kind: must be one of process-fields, device-data, document; got "photo"',
      'dataAssets[1].process: process "nope" is not defined',
      'dataAssets[1].fields: a field is listed twice',
      'dataAssets[1].device: "wang-fang" is not a device participant',
      'dataAssets[1].readers.roles[0]: role "Ghost" is not defined',
      'dataAssets[1].readers.participants: must be a list of participant ids',
      'dataAssets[2]: must be an object',
    ]);
  });
});

describe('checkMayBind', () => {
  const roles = (mayBind: Record<string, string[]>): Role[] =>
    ['Buyer', 'Manufacturer', 'Carrier'].map((id) => ({ id, name: id === 'Carrier' ? '承运商' : id, ...(mayBind[id] ? { mayBind: mayBind[id] } : {}) }));
  const plan: Nomination = { elementId: 'Task_Plan', name: 'Plan shipment', kind: 'task', performers: ['Manufacturer'], bound: 'Carrier' };

  it('restricts nothing while no role has may-bind links', () => {
    expect(checkMayBind(roles({}), [plan], { file: 'f.bpmn' })).toEqual([]);
  });

  it('refuses a nomination by a role that may not bind, located on the nominating element', () => {
    // given only the buyer may bind the carrier
    const problems = checkMayBind(roles({ Buyer: ['Carrier'] }), [plan], { file: 'f.bpmn', path: 'processes[0]' });
    // then the manufacturer's nomination is an error on its task, naming who may
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'f.bpmn',
        path: 'processes[0]',
        elementId: 'Task_Plan',
        message: 'task "Plan shipment" of role "Manufacturer" nominates who plays "承运商", but "Manufacturer" may not bind "承运商": only "Buyer" may bind it (may-bind links of the consortium)',
      },
    ]);
    // and when the manufacturer may, it is clean
    expect(checkMayBind(roles({ Manufacturer: ['Carrier'] }), [plan], {})).toEqual([]);
    // an empty list is a restriction too
    expect(checkMayBind(roles({ Buyer: [] }), [plan], {})[0].message).toContain('no role may bind it');
  });

  it('refuses a start event any member may perform once nominations are restricted', () => {
    const start: Nomination = { elementId: 'Start', name: '', kind: 'start', performers: [], bound: 'Carrier' };
    expect(checkMayBind(roles({ Buyer: ['Carrier'] }), [start], {})[0].message).toMatch(/^the start event Start nominates who plays "承运商", but any member may start the process/);
  });

  it('reads the nominations of a generated process: the start event and the nominating task', async () => {
    // given the carrier-binding sample, where the buyer's start event binds the manufacturer and
    // the manufacturer's "Plan shipment" binds the carrier
    const ws = sample('carrier-binding');
    const generated = await generateWorkspace(ws);
    expect(nominationsOf(generated.processes[0].ir).map((n) => [n.elementId, n.performers, n.bound])).toEqual([
      ['Start_OrderPlaced', ['Buyer'], 'Manufacturer'],
      ['Task_Plan', ['Manufacturer'], 'Carrier'],
    ]);
    // when the buyer may bind the carrier only, then generation reports the two nominations
    ws.roles[0].mayBind = ['Carrier'];
    const refused = await generateWorkspace(ws);
    expect(refused.problems.filter((p) => p.severity === 'error').map((p) => p.elementId)).toEqual(['Start_OrderPlaced', 'Task_Plan']);
    expect(refused.problems.find((p) => p.elementId === 'Task_Plan')).toMatchObject({ file: 'processes[0] Shipment by a chosen carrier.bpmn', path: 'processes[0]' });
    // when each nominating role may bind what it binds, then it generates again
    ws.roles[0].mayBind = ['Manufacturer'];
    ws.roles[1].mayBind = ['Carrier'];
    expect((await generateWorkspace(ws)).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('mayReadAsset', () => {
  const asset: DataAsset = { id: 'a', name: '质检数据', kind: 'process-fields', process: 'p', readers: { roles: ['Sales'], participants: ['li-wei'] } };
  it('lets readers, writers and regulators read; everyone when the asset has no readers list', () => {
    expect(mayReadAsset(asset, { id: 'x', roles: ['Sales'] }, [], false)).toBe(true);
    expect(mayReadAsset(asset, { id: 'li-wei', roles: [] }, [], false)).toBe(true);
    expect(mayReadAsset(asset, { id: 'y', roles: ['Carrier'] }, ['Carrier'], false)).toBe(true);
    expect(mayReadAsset(asset, { id: 'z', roles: ['Buyer'] }, ['Carrier'], true)).toBe(true);
    expect(mayReadAsset(asset, { id: 'z', roles: ['Buyer'] }, ['Carrier'], false)).toBe(false);
    expect(mayReadAsset({ ...asset, readers: undefined }, { id: 'z', roles: [] }, [], false)).toBe(true);
  });
});
