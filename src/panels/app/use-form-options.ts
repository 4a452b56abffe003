/** What the start and task forms offer: the consortium's members as address options, and flow names. */
import { useMemo } from 'react';
import type { AppManifest } from '../../../generators/index.js';
import { sequenceFlowNames } from './flow-names.js';

export function useAddressOptions(manifest: AppManifest): { address: string; label: string }[] {
  return useMemo(() => manifest.participants.filter((p) => p.address).map((p) => ({ address: p.address!, label: p.name })), [manifest]);
}

/** Process id -> flow id -> flow name, for naming default paths. */
export function useFlowNames(manifest: AppManifest): Map<string, Map<string, string>> {
  return useMemo(() => new Map(manifest.processes.map((p) => [p.id, sequenceFlowNames(p.bpmn)])), [manifest]);
}
