import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Workspace } from '../../../generators/index.js';
import { findParticipant, positionsOf } from '../../store/consortium-edits.js';
import { pasteCopies } from './copy-paste.js';

const ws = JSON.parse(readFileSync(new URL('../../../generators/samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')) as Workspace;
const ids = (w: Workspace) => [...w.organizations.map((o) => o.id), ...w.roles.map((r) => r.id), ...w.participants.map((p) => p.id)];

describe('pasteCopies', () => {
  it('copies a person and a device as new members of the same organization, with new ids and suffixed names', () => {
    // given a person and a device of the supplier, copied
    const { workspace, keys } = pasteCopies(
      ws,
      [
        { key: 'participant:zhang-wei', position: { x: 16, y: 56 } },
        { key: 'participant:line-3', position: { x: 192, y: 56 } },
      ],
      ' (copy)',
    );
    // then two new participants exist, the originals unchanged
    expect(keys).toHaveLength(2);
    expect(workspace.participants).toHaveLength(ws.participants.length + 2);
    expect(workspace.participants.slice(0, ws.participants.length)).toEqual(ws.participants);
    const [person, device] = keys.map((k) => findParticipant(workspace, k.slice('participant:'.length))!);
    expect(ids(ws)).not.toContain(person.id);
    expect(person).toMatchObject({ name: '张伟 Zhang Wei (copy)', kind: 'person', organization: 'supplier', roles: ['Sales'] });
    expect(person.address).toBeUndefined();
    // a device keeps make and model, not the serial (one device, one serial)
    expect(device).toMatchObject({ name: 'Assembly line 3 (copy)', kind: 'device', organization: 'supplier', roles: ['Production'] });
    expect(device.device).toEqual({ make: 'Siemens', model: 'S7-1500' });
    // and each sits beside its original
    expect(positionsOf(workspace)[keys[0]]).toEqual({ x: 56, y: 96 });
  });

  it('puts members copied with their organization into the copy of it, whatever the order of the selection', () => {
    const { workspace, keys } = pasteCopies(
      ws,
      [
        { key: 'participant:li-wei', position: { x: 16, y: 56 } },
        { key: 'org:carrier', position: { x: 800, y: 0 } },
      ],
      '（副本）',
    );
    const org = workspace.organizations.at(-1)!;
    expect(org.name).toBe('Carrier（副本）');
    expect(org.id).not.toBe('carrier');
    expect(keys[0]).toBe(`org:${org.id}`);
    expect(workspace.participants.at(-1)).toMatchObject({ name: '李伟 Li Wei（副本）', organization: org.id, roles: ['Carrier'] });
  });

  it('copies a role with its description, and ignores keys that name nothing', () => {
    const { workspace, keys } = pasteCopies(
      ws,
      [
        { key: 'role:Sales', position: { x: 0, y: 400 } },
        { key: 'participant:nobody', position: { x: 0, y: 0 } },
      ],
      ' 2',
    );
    expect(keys).toHaveLength(1);
    const role = workspace.roles.at(-1)!;
    expect(role).toMatchObject({ name: 'Sales 2', description: 'Confirms orders at the supplier.' });
    expect(role.id).not.toBe('Sales');
    expect(workspace.participants).toEqual(ws.participants);
  });
});
