/**
 * Which processes a regulator sees in the app. A regulator may be linked to the processes it
 * regulates (Participant.regulates, set in the consortium inspector). Without links (no list) it
 * regulates every process, as regulators did before links existed; an empty list (its only
 * process was deleted, or every box unchecked) regulates none. Links to processes that are not
 * deployed are ignored.
 */
import type { AppManifest } from '../../../generators/index.js';

/** The ids among `processIds` (in their order) that a regulator with these links regulates. */
export function regulatedProcessIds(regulates: readonly string[] | undefined, processIds: readonly string[]): string[] {
  if (!regulates) return [...processIds];
  const linked = new Set(regulates);
  return processIds.filter((id) => linked.has(id));
}

/** The manifest with only the processes the regulator regulates (the same object when that is all). */
export function regulatedManifest(manifest: AppManifest, regulates: readonly string[] | undefined): AppManifest {
  const ids = new Set(regulatedProcessIds(regulates, manifest.processes.map((p) => p.id)));
  if (ids.size === manifest.processes.length) return manifest;
  return { ...manifest, processes: manifest.processes.filter((p) => ids.has(p.id)) };
}
