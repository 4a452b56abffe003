/**
 * Who plays whom in the exported Hardhat project: account 0 is the consortium operator (deploys,
 * attaches, triggers timers), each workspace participant gets the next account, then one spare
 * account per role nobody in the workspace plays (so every task can still be tested), then an
 * outsider that is no member at all (for the negative tests).
 */
import { IdentifierScope, deriveIdentifier } from '../naming/derive-identifier.js';
import type { AppManifest } from '../manifest/app-manifest.js';

export interface CastMember {
  /** Workspace participant id, or `role:<role id>` for a spare account. */
  id: string;
  name: string;
  /** Ignition parameter name (a safe identifier) for a workspace participant. */
  key: string;
  /** 1-based organization number as the registry stores it (0: none). */
  organization: number;
  /** Role bit set as the registry stores it. */
  roleBits: bigint;
  roles: string[];
  /** The participant's address in the workspace, if it has one (the Ignition default). */
  address?: string;
  /** Index into the Hardhat network's accounts. */
  account: number;
  spare: boolean;
}

export interface HardhatCast {
  members: CastMember[];
  participants: CastMember[];
  spares: CastMember[];
  outsiderAccount: number;
}

export function castOf(manifest: AppManifest): HardhatCast {
  const keys = new IdentifierScope(['operator', 'outsider']);
  const bits = (roles: string[]) => roles.reduce((acc, r) => acc | (1n << BigInt(manifest.roles.find((x) => x.id === r)?.bit ?? 0)), 0n);
  const participants = manifest.participants.map((p, i): CastMember => ({
    id: p.id, name: p.name, key: keys.claim(deriveIdentifier(p.id, `participant${i + 1}`, 'camel')),
    organization: manifest.organizations.find((o) => o.id === p.organization)?.index ?? 0,
    roleBits: bits(p.roles), roles: [...p.roles], ...(p.address ? { address: p.address } : {}), account: i + 1, spare: false,
  }));
  const played = new Set(manifest.participants.flatMap((p) => p.roles));
  const spares = manifest.roles.filter((r) => !played.has(r.id)).map((r, j): CastMember => ({
    id: `role:${r.id}`, name: `${r.name} (spare test account)`, key: keys.claim(deriveIdentifier(`spare ${r.id}`, `spare${j + 1}`, 'camel')),
    organization: manifest.organizations[0]?.index ?? 0, roleBits: bits([r.id]), roles: [r.id], account: participants.length + 1 + j, spare: true,
  }));
  return { members: [...participants, ...spares], participants, spares, outsiderAccount: participants.length + spares.length + 1 };
}
