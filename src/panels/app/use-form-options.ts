/** What the start and task forms offer: the consortium's members as address options, and flow names. */
import { useMemo } from 'react';
import type { AppManifest } from '../../../generators/index.js';
import { sequenceFlowNames } from './flow-names.js';
import { participantOptions, type ParticipantOption } from './participant-options.js';

export function useAddressOptions(manifest: AppManifest): ParticipantOption[] {
  return useMemo(() => participantOptions(manifest), [manifest]);
}

/** Role id -> its name, for the role a field nominates. */
export function useRoleName(manifest: AppManifest): (id: string) => string {
  return useMemo(() => {
    const names = new Map(manifest.roles.map((r) => [r.id, r.name]));
    return (id: string) => names.get(id) ?? id;
  }, [manifest]);
}

/** Process id -> flow id -> flow name, for naming default paths. */
export function useFlowNames(manifest: AppManifest): Map<string, Map<string, string>> {
  return useMemo(() => new Map(manifest.processes.map((p) => [p.id, sequenceFlowNames(p.bpmn)])), [manifest]);
}
