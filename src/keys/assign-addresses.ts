/**
 * Writes each participant's key address into the workspace. Pure; returns the same object when
 * nothing changes so callers can skip a save. An address that does not match the key we hold is
 * replaced: the IDE can only sign for keys it has.
 */
import type { Workspace } from '../../generators/index.js';
import type { KeyAddresses } from './key-store.js';

export function assignAddresses(workspace: Workspace, keys: KeyAddresses): Workspace {
  let changed = false;
  const participants = workspace.participants.map((p) => {
    const address = keys.participants[p.id];
    if (!address || p.address === address) return p;
    changed = true;
    return { ...p, address };
  });
  return changed ? { ...workspace, participants } : workspace;
}
