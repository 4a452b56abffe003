import { describe, expect, it } from 'vitest';
import type { AppManifest } from '../../generators/index.js';
import { memberArguments } from '../chain/deploy-workspace.js';
import { replacementMembers, withParticipantAddress } from './member-replacement.js';

const OLD = '0x00000000000000000000000000000000000000a1';
const NEW = '0x00000000000000000000000000000000000000b2';
const manifest = {
  roles: [
    { id: 'Buyer', name: 'Buyer', bit: 0 },
    { id: 'Carrier', name: 'Carrier', bit: 3 },
  ],
  organizations: [
    { id: 'manufacturer', name: 'M', index: 1 },
    { id: 'carrier', name: 'C', index: 2 },
  ],
  participants: [
    { id: 'wang-fang', name: '王芳', kind: 'person', organization: 'manufacturer', roles: ['Buyer'], address: '0x00000000000000000000000000000000000000c3' },
    { id: 'li-wei', name: '李伟 Li Wei', kind: 'person', organization: 'carrier', roles: ['Carrier', 'Buyer'], address: OLD },
  ],
} as unknown as AppManifest;

describe('replacementMembers', () => {
  it("gives the new address the participant's organization and roles, and takes them from the old one", () => {
    // given li-wei registered with OLD, when his key changes to NEW
    const [accounts, organizations, roles] = replacementMembers(manifest, 'li-wei', NEW, OLD);
    // then NEW gets exactly what deployment gave OLD, and OLD gets nothing
    const [deployedAccounts, deployedOrgs, deployedRoles] = memberArguments(manifest);
    const i = deployedAccounts.indexOf(OLD);
    expect(accounts).toEqual([NEW, OLD]);
    expect(organizations).toEqual([deployedOrgs[i], 0]);
    expect(roles).toEqual([deployedRoles[i], 0n]);
    expect(roles[0]).toBe(0b1001n);
  });

  it('says which participant is missing', () => {
    expect(() => replacementMembers(manifest, 'nobody', NEW, OLD)).toThrow(/"nobody" is not in the deployed manifest/);
  });
});

describe('withParticipantAddress', () => {
  it('replaces one address and keeps the object when nothing changes', () => {
    const next = withParticipantAddress(manifest, 'li-wei', NEW);
    expect(next.participants.map((p) => p.address)).toEqual([manifest.participants[0].address, NEW]);
    expect(withParticipantAddress(next, 'li-wei', NEW)).toBe(next);
  });
});
