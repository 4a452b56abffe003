/**
 * Puts participants on the keys the IDE holds: the IDE can only sign for keys it has, so an
 * address that does not match the key we hold is replaced. Pure; returns the same object when
 * nothing changes so callers can skip a save.
 */
import type { Workspace } from '../../generators/index.js';
import type { KeyAddresses } from './key-store.js';

interface HasParticipants {
  participants: { id: string; address?: string }[];
}

function withKeyAddresses<T extends HasParticipants>(holder: T, keys: KeyAddresses): T {
  let changed = false;
  const participants = holder.participants.map((p) => {
    const address = keys.participants[p.id];
    if (!address || p.address === address) return p;
    changed = true;
    return { ...p, address };
  });
  return changed ? { ...holder, participants } : holder;
}

/** Writes each participant's key address into the workspace. */
export function assignAddresses(workspace: Workspace, keys: KeyAddresses): Workspace {
  return withKeyAddresses(workspace, keys);
}

/**
 * The manifest a deployment registers, with each participant on the key the IDE holds for it.
 * The manifest comes from the last build, which may predate a key created since (the keys of a
 * new workspace are made in a worker while the first build runs): deploying it as built would
 * register a participant without an account, or on an old one, and every task of theirs would
 * be refused. Participants without a key keep what the build gave them.
 */
export function manifestWithKeyAddresses<M extends HasParticipants>(manifest: M, keys: KeyAddresses): M {
  return withKeyAddresses(manifest, keys);
}
