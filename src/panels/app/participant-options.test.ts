import { describe, expect, it } from 'vitest';
import type { AppManifest } from '../../../generators/index.js';
import { isMember, optionsFor, participantOptions } from './participant-options.js';

const manifest = {
  organizations: [{ id: 'c', name: '顺丰 Logistics' }],
  participants: [
    { id: 'li', name: '李伟', organization: 'c', roles: ['Carrier'], address: '0x00000000000000000000000000000000000000A1' },
    { id: 'zhao', name: '赵敏', organization: 'x', roles: ['Carrier', 'Sales'], address: '0x00000000000000000000000000000000000000a2' },
    { id: 'zhang', name: '张伟', organization: 'c', roles: ['Sales'], address: '0x00000000000000000000000000000000000000a3' },
    { id: 'nokey', name: 'No key yet', organization: 'c', roles: ['Carrier'] },
  ],
} as unknown as AppManifest;

describe('participant options of address fields', () => {
  const options = participantOptions(manifest);

  it('offers every member with a key, named with its organization', () => {
    expect(options.map((o) => o.label)).toEqual(['李伟 · 顺丰 Logistics', '赵敏', '张伟 · 顺丰 Logistics']);
  });

  it('offers only the holders of the role a field nominates', () => {
    expect(optionsFor({ nominatesRole: 'Carrier' }, options).map((o) => o.label)).toEqual(['李伟 · 顺丰 Logistics', '赵敏']);
    expect(optionsFor({ nominatesRole: 'Regulator' }, options)).toEqual([]);
    expect(optionsFor({}, options)).toHaveLength(3);
  });

  it('recognises a member address in any letter case', () => {
    expect(isMember(' 0x00000000000000000000000000000000000000a1 ', options)).toBe(true);
    expect(isMember('0x00000000000000000000000000000000000000A2', options)).toBe(true);
    expect(isMember('0x00000000000000000000000000000000000000ff', options)).toBe(false);
  });
});
