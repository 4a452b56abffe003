/**
 * Copy and paste on the consortium canvas (Ctrl+C / Ctrl+V), as a pure edit of the workspace.
 * Each copied node becomes a new one with a new id and its name suffixed; nothing of the
 * original changes. What a copy keeps:
 * - an organization: its name only (members come along only when they were copied with it);
 * - a role: its name and description;
 * - a participant: kind, roles and organization (the copied organization when that was copied
 *   too), and a device's make and model. Not its key address (a copy gets its own key), not a
 *   device's serial number (one device, one serial) nor its owner (one owner per device).
 * - a data asset: its kind, process, fields, device, description and readers (a copy is no more
 *   readable than its original).
 * Process nodes are not copied (processes are made in the Process panel).
 * Copies sit `offset` from their originals, so they are seen as new.
 */
import type { Workspace } from '../../../generators/index.js';
import { addFromPalette, findParticipant, parseKey, updateAnyParticipant, updateDevice, type NodeKey, type PaletteKind } from '../../store/consortium-edits.js';
import { updateRole } from '../../store/workspace-edits.js';
import { updateDataAsset } from '../../store/permission-edits.js';

export interface CopiedNode {
  key: string;
  /** Where the original is, relative to its parent organization when it is a member. */
  position: { x: number; y: number };
}

export const PASTE_OFFSET = { x: 40, y: 40 };

/** Pastes copies of `nodes`; returns the workspace and the new nodes' keys (for the selection). */
export function pasteCopies(ws: Workspace, nodes: CopiedNode[], suffix: string, offset = PASTE_OFFSET): { workspace: Workspace; keys: NodeKey[] } {
  let next = ws;
  const keys: NodeKey[] = [];
  const orgCopies = new Map<string, string>();
  const at = (p: { x: number; y: number }) => ({ x: Math.round(p.x + offset.x), y: Math.round(p.y + offset.y) });
  // organizations first, so members copied with them join the copy
  const ordered = [...nodes].sort((a, b) => rank(a.key) - rank(b.key));
  for (const node of ordered) {
    const parsed = parseKey(node.key);
    if (parsed?.list === 'org') {
      const org = ws.organizations.find((o) => o.id === parsed.id);
      if (!org) continue;
      const made = addFromPalette(next, 'organization', `${org.name}${suffix}`, at(node.position));
      next = made.workspace;
      orgCopies.set(org.id, parseKey(made.key)!.id);
      keys.push(made.key);
    } else if (parsed?.list === 'role') {
      const role = ws.roles.find((r) => r.id === parsed.id);
      if (!role) continue;
      const made = addFromPalette(next, 'role', `${role.name}${suffix}`, at(node.position));
      next = role.description ? updateRole(made.workspace, parseKey(made.key)!.id, { description: role.description }) : made.workspace;
      keys.push(made.key);
    } else if (parsed?.list === 'asset') {
      const asset = ws.dataAssets?.find((a) => a.id === parsed.id);
      if (!asset) continue;
      const made = addFromPalette(next, 'data-asset', `${asset.name}${suffix}`, at(node.position));
      const { id: _, name: __, ...rest } = asset;
      next = updateDataAsset(made.workspace, parseKey(made.key)!.id, structuredClone(rest));
      keys.push(made.key);
    } else if (parsed?.list === 'participant') {
      const p = findParticipant(ws, parsed.id);
      if (!p) continue;
      const kind: PaletteKind = p.kind === 'device' ? 'device' : p.kind === 'organization' ? 'account' : 'person';
      const organization = p.organization && (orgCopies.get(p.organization) ?? p.organization);
      const made = addFromPalette(next, kind, `${p.name}${suffix}`, at(node.position), organization || undefined);
      const id = parseKey(made.key)!.id;
      next = updateAnyParticipant(made.workspace, id, { roles: [...p.roles] });
      if (p.kind === 'device' && (p.device?.make || p.device?.model)) next = updateDevice(next, id, { make: p.device.make, model: p.device.model });
      keys.push(made.key);
    }
  }
  return { workspace: next, keys };
}

const rank = (key: string) => (parseKey(key)?.list === 'org' ? 0 : 1);
