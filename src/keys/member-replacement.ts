/**
 * What the registry is told when a participant's key changes after deployment: one setMembers
 * call by the operator that gives the new address the participant's organization and roles and
 * takes both from the old address (organization 0, no roles). Pure; the encoding is the one of
 * memberArguments in src/chain/deploy-workspace.ts (checked by the test).
 */
import type { AppManifest } from '../../generators/index.js';

/** setMembers(accounts, organizations, roles) arguments. */
export type MemberArguments = [string[], number[], bigint[]];

export function replacementMembers(manifest: AppManifest, participantId: string, address: string, previousAddress: string): MemberArguments {
  const p = manifest.participants.find((x) => x.id === participantId);
  if (!p) throw new Error(`participant "${participantId}" is not in the deployed manifest`);
  const organization = manifest.organizations.find((o) => o.id === p.organization)?.index ?? 0;
  const roles = p.roles.reduce((bits, r) => bits | (1n << BigInt(manifest.roles.find((x) => x.id === r)?.bit ?? 0)), 0n);
  return [
    [address, previousAddress],
    [organization, 0],
    [roles, 0n],
  ];
}

/** The manifest with the participant's address replaced (same object when nothing changes). */
export function withParticipantAddress(manifest: AppManifest, participantId: string, address: string): AppManifest {
  if (!manifest.participants.some((p) => p.id === participantId && p.address !== address)) return manifest;
  return { ...manifest, participants: manifest.participants.map((p) => (p.id === participantId ? { ...p, address } : p)) };
}
