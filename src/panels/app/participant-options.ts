/**
 * Whom an address field offers: every member of the consortium, or, for a field through which a
 * step nominates the participant of a role bound per instance (`nominatesRole`), only the
 * participants holding that role (the contract refuses anyone else: NomineeLacksRole). Pure.
 */
import type { AppManifest, FieldManifest } from '../../../generators/index.js';

export interface ParticipantOption {
  address: string;
  /** Name and organization, as people pick them. */
  label: string;
  roles: string[];
}

export function participantOptions(manifest: Pick<AppManifest, 'participants' | 'organizations'>): ParticipantOption[] {
  return manifest.participants
    .filter((p) => p.address)
    .map((p) => {
      const org = manifest.organizations.find((o) => o.id === p.organization)?.name;
      return { address: p.address!, label: org ? `${p.name} · ${org}` : p.name, roles: p.roles };
    });
}

/** The options a field offers: filtered by the role it nominates, if any. */
export function optionsFor(field: Pick<FieldManifest, 'nominatesRole'>, options: readonly ParticipantOption[]): ParticipantOption[] {
  return field.nominatesRole ? options.filter((o) => o.roles.includes(field.nominatesRole!)) : [...options];
}

/** Whether a typed address is one of the consortium's members (any letter case). */
export function isMember(address: string, options: readonly ParticipantOption[]): boolean {
  const a = address.trim().toLowerCase();
  return options.some((o) => o.address.toLowerCase() === a);
}
