import { describe, expect, it } from 'vitest';
import { addFromPalette, connect } from '../../store/consortium-edits.js';
import { readFileSync } from 'node:fs';
import type { Workspace } from '../../../generators/index.js';
import { checkConnection } from './connection-rules.js';

/** The sample workspace as shipped (people with Chinese names, a device, a regulator). */
const ws = JSON.parse(readFileSync(new URL('../../../generators/samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')) as Workspace;

/** The sample's task roles, as the permission matrix gives them. */
const tasks = (role: string) => ({ Sales: ['Confirm order'], Carrier: ['Book transport', 'Ship goods'] })[role] ?? [];
const check = (w: typeof ws, from: string, to: string) => checkConnection(w, from, to, tasks);

describe('checkConnection', () => {
  it('accepts the three kinds of link between the right nodes', () => {
    const draft = addFromPalette(ws, 'person', '刘洋', { x: 0, y: 0 }).workspace;
    expect(check(draft, 'participant:participant-1', 'org:carrier')).toEqual({ ok: true, kind: 'member-of', source: 'participant-1', target: 'carrier' });
    expect(check(ws, 'participant:li-wei', 'role:Sales')).toMatchObject({ ok: true, kind: 'plays-role' });
    expect(check(ws, 'participant:zhang-wei', 'participant:line-3')).toMatchObject({ ok: true, kind: 'owns-device' });
  });

  it('refuses a second organization, naming the first, with a message of its own for devices', () => {
    expect(check(ws, 'participant:line-3', 'org:carrier')).toEqual({ ok: false, reason: 'deviceTwoOrganizations', values: { name: 'Assembly line 3', organization: 'Supplier' } });
    expect(check(ws, 'participant:li-wei', 'org:supplier')).toMatchObject({ ok: false, reason: 'oneOrganization', values: { organization: 'Carrier' } });
    expect(check(ws, 'participant:li-wei', 'org:carrier')).toMatchObject({ ok: false, reason: 'alreadyMember' });
  });

  it('refuses a regulator a role that tasks use, but not a role no task uses', () => {
    expect(check(ws, 'participant:regulator', 'role:Sales')).toEqual({
      ok: false,
      reason: 'regulatorTaskRole',
      values: { name: '国家市场监管 Regulator', role: 'Sales', task: 'Confirm order', count: '1' },
    });
    expect(check(ws, 'participant:regulator', 'role:Buyer')).toMatchObject({ ok: true });
    expect(check(ws, 'participant:regulator', 'role:Regulator')).toMatchObject({ ok: false, reason: 'alreadyPlays' });
  });

  it('refuses owners that cannot own, devices already owned, and other organizations', () => {
    expect(check(ws, 'participant:line-3', 'participant:line-3')).toMatchObject({ reason: 'self' });
    expect(check(ws, 'participant:li-wei', 'participant:zhang-wei')).toMatchObject({ reason: 'notADevice' });
    const device = addFromPalette(ws, 'device', '叉车', { x: 0, y: 0 }, 'supplier').workspace;
    expect(check(device, 'participant:line-3', 'participant:device-1')).toMatchObject({ reason: 'deviceOwnsDevice' });
    expect(check(ws, 'participant:li-wei', 'participant:line-3')).toMatchObject({ reason: 'otherOrganization', values: { deviceOrganization: 'Supplier' } });
    const owned = connect(ws, 'owns-device', 'zhang-wei', 'line-3');
    expect(check(owned, 'participant:zhang-wei', 'participant:line-3')).toMatchObject({ reason: 'alreadyOwner' });
    const other = addFromPalette(owned, 'person', 'Wu', { x: 0, y: 0 }, 'supplier').workspace;
    expect(check(other, 'participant:wu', 'participant:line-3')).toMatchObject({ reason: 'alreadyOwned', values: { owner: '张伟 Zhang Wei' } });
    // links start at participants, or at roles for permissions (connection-rules-permissions.test.ts)
    expect(check(ws, 'org:carrier', 'role:Sales')).toMatchObject({ reason: 'fromNonParticipant' });
    expect(check(ws, 'role:Sales', 'org:carrier')).toMatchObject({ reason: 'fromRole', values: { role: 'Sales' } });
  });
});
