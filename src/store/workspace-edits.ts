/**
 * Edits of the consortium part of a workspace (organizations, roles, participants). Pure functions
 * that keep references valid: a role removed is removed from every participant, and an
 * organization that still has members cannot be removed (callers disable that action).
 */
import type { Organization, Participant, ParticipantKind, Role, Workspace } from '../../generators/index.js';

/**
 * A readable id from a display name: its ASCII words (kebab-case or PascalCase), or `fallback`
 * when it has none (e.g. a Chinese name), numbered until it is unique (case-insensitively).
 */
export function uniqueId(name: string, taken: Iterable<string>, fallback: string, style: 'kebab' | 'pascal' = 'kebab'): string {
  const words = name.normalize('NFKC').split(/[^A-Za-z0-9]+/).filter(Boolean);
  const fromName = words.length > 0 && /^[A-Za-z]/.test(words[0]);
  const base = !fromName
    ? fallback
    : style === 'kebab'
      ? words.map((w) => w.toLowerCase()).join('-')
      : words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  if (fromName && !used.has(base.toLowerCase())) return base;
  for (let n = fromName ? 2 : 1; ; n++) {
    const candidate = style === 'kebab' ? `${base}-${n}` : `${base}${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

export function addOrganization(ws: Workspace, name: string): Workspace {
  const org: Organization = { id: uniqueId(name, ws.organizations.map((o) => o.id), 'org'), name: name.trim() };
  return { ...ws, organizations: [...ws.organizations, org] };
}

export function updateOrganization(ws: Workspace, id: string, patch: Partial<Omit<Organization, 'id'>>): Workspace {
  return { ...ws, organizations: ws.organizations.map((o) => (o.id === id ? { ...o, ...patch } : o)) };
}

export function organizationInUse(ws: Workspace, id: string): boolean {
  return ws.participants.some((p) => p.organization === id);
}

/** Removes an organization that has no members; returns the workspace unchanged otherwise. */
export function removeOrganization(ws: Workspace, id: string): Workspace {
  if (organizationInUse(ws, id)) return ws;
  return { ...ws, organizations: ws.organizations.filter((o) => o.id !== id) };
}

/** Role ids are what BPMN lanes name in cf:role, so they default to PascalCase words of the name. */
export function addRole(ws: Workspace, name: string, description?: string): Workspace {
  const role: Role = { id: uniqueId(name, ws.roles.map((r) => r.id), 'Role', 'pascal'), name: name.trim() };
  if (description?.trim()) role.description = description.trim();
  return { ...ws, roles: [...ws.roles, role] };
}

export function updateRole(ws: Workspace, id: string, patch: Partial<Omit<Role, 'id'>>): Workspace {
  return { ...ws, roles: ws.roles.map((r) => (r.id === id ? { ...r, ...patch } : r)) };
}

export function removeRole(ws: Workspace, id: string): Workspace {
  return {
    ...ws,
    roles: ws.roles.filter((r) => r.id !== id),
    participants: ws.participants.map((p) => (p.roles.includes(id) ? { ...p, roles: p.roles.filter((r) => r !== id) } : p)),
  };
}

export interface ParticipantInput {
  name: string;
  kind: ParticipantKind;
  organization: string;
  roles: string[];
}

export function addParticipant(ws: Workspace, input: ParticipantInput): Workspace {
  const participant: Participant = {
    id: uniqueId(input.name, ws.participants.map((p) => p.id), 'participant'),
    name: input.name.trim(),
    kind: input.kind,
    organization: input.organization,
    roles: [...input.roles],
  };
  return { ...ws, participants: [...ws.participants, participant] };
}

export function updateParticipant(ws: Workspace, id: string, patch: Partial<ParticipantInput>): Workspace {
  return { ...ws, participants: ws.participants.map((p) => (p.id === id ? { ...p, ...patch } : p)) };
}

/** Removes a participant; devices it owned keep no dangling owner. */
export function removeParticipant(ws: Workspace, id: string): Workspace {
  return {
    ...ws,
    participants: ws.participants.filter((p) => p.id !== id).map((p) => (p.device?.owner === id ? { ...p, device: { ...p.device, owner: undefined } } : p)),
  };
}

export function setProcessXml(ws: Workspace, processId: string, bpmn: string): Workspace {
  const process = ws.processes.find((p) => p.id === processId);
  if (!process || process.bpmn === bpmn) return ws;
  return { ...ws, processes: ws.processes.map((p) => (p === process ? { ...p, bpmn } : p)) };
}
