/**
 * Which fields of a process the acting participant may not see in the app, by the workspace's
 * data assets (docs/consortium-permissions.md, "may read"). A field covered by a data asset with a
 * readers list is shown only to its readers, to the roles whose steps write the field, and to the
 * regulators of the process; a field no restricted asset covers is shown to everyone. A view
 * permission only: the chain still holds every value. Pure.
 */
import type { DataAsset, ProcessManifest } from '../../../generators/index.js';
import type { DescribedStep } from './describe-steps.js';
import { mayReadAsset, type Reader } from '../../../generators/model/consortium-permissions.js';

/** Role ids that write each field of the process: the start event's roles and each task's role. */
export function writerRolesByField(process: ProcessManifest): Map<string, string[]> {
  const writers = new Map<string, string[]>();
  const add = (field: string, roles: readonly string[]) => writers.set(field, [...new Set([...(writers.get(field) ?? []), ...roles])]);
  for (const f of process.start.fields) add(f.name, process.start.roles);
  for (const task of process.tasks) for (const f of task.fields) add(f.name, [task.role]);
  return writers;
}

/**
 * Names of the fields of `process` hidden from `reader`; `regulator`: whether the reader regulates
 * this process (a regulator reads everything of the processes it regulates).
 */
export function hiddenFields(assets: readonly DataAsset[] | undefined, process: ProcessManifest, reader: Reader, regulator: boolean): Set<string> {
  const hidden = new Set<string>();
  const restricted = (assets ?? []).filter((a) => a.kind === 'process-fields' && a.process === process.id && a.readers);
  if (restricted.length === 0 || regulator) return hidden;
  const writers = writerRolesByField(process);
  for (const asset of restricted)
    for (const field of asset.fields ?? [...writers.keys()]) if (!mayReadAsset(asset, reader, writers.get(field) ?? [], false)) hidden.add(field);
  return hidden;
}

/** The steps without the values of hidden fields (the same steps when nothing is hidden). */
export function hideValues(steps: DescribedStep[], hidden: ReadonlySet<string>): DescribedStep[] {
  if (hidden.size === 0) return steps;
  return steps.map((s) => (s.values.some((v) => hidden.has(v.field)) ? { ...s, values: s.values.filter((v) => !hidden.has(v.field)) } : s));
}
