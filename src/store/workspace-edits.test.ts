import { describe, expect, it } from 'vitest';
import { sampleWorkspace as ws } from './test-services.js';
import { addOrganization, addParticipant, addRole, removeOrganization, removeRole, setProcessXml, uniqueId } from './workspace-edits.js';

describe('uniqueId', () => {
  it('derives readable ids and numbers them when taken', () => {
    expect(uniqueId('Quality Lab', [], 'org')).toBe('quality-lab');
    expect(uniqueId('Quality Lab', ['quality-lab'], 'org')).toBe('quality-lab-2');
    expect(uniqueId('quality inspector', ['Other'], 'Role', 'pascal')).toBe('QualityInspector');
  });

  it('falls back for names without ASCII words, e.g. Chinese', () => {
    expect(uniqueId('质检部', [], 'org')).toBe('org-1');
    expect(uniqueId('质检部', ['org-1', 'ORG-2'], 'org')).toBe('org-3');
    expect(uniqueId('3号线', [], 'participant')).toBe('participant-1');
  });
});

describe('workspace edits', () => {
  it('adds an organization, a role and a participant with fresh ids', () => {
    let next = addOrganization(ws, '承运商');
    next = addRole(next, 'Quality inspector', '  checks goods ');
    next = addParticipant(next, { name: '李伟 Li Wei', kind: 'person', organization: 'org-1', roles: ['QualityInspector'] });
    expect(next.organizations.at(-1)).toEqual({ id: 'org-1', name: '承运商' });
    expect(next.roles.at(-1)).toEqual({ id: 'QualityInspector', name: 'Quality inspector', description: 'checks goods' });
    expect(next.participants.at(-1)).toMatchObject({ id: 'li-wei', organization: 'org-1', roles: ['QualityInspector'] });
  });

  it('does not remove an organization that has members', () => {
    expect(removeOrganization(ws, 'supplier')).toBe(ws);
    const empty = addOrganization(ws, 'Empty');
    expect(removeOrganization(empty, 'empty').organizations).toEqual(ws.organizations);
  });

  it('removes a removed role from every participant', () => {
    const next = removeRole(ws, 'Buyer');
    expect(next.participants.find((p) => p.id === 'wang-fang')!.roles).toEqual([]);
    expect(next.roles.map((r) => r.id)).toEqual(['Sales']);
  });

  it('returns the same workspace when the process XML did not change', () => {
    expect(setProcessXml(ws, 'order', ws.processes[0].bpmn)).toBe(ws);
    expect(setProcessXml(ws, 'order', '<x/>').processes[0].bpmn).toBe('<x/>');
  });
});
