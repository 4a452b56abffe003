/**
 * An instance's history as people read it: who (participant and organization, not an address),
 * when (the block's time), where (block, transaction) and what (field labels, the chosen flow by
 * name). Also the instance's current data: the latest value of each field. Pure; the timeline,
 * the current-data card and the audit package all read these.
 */
import type { AppManifest, ChoiceManifest, FieldManifest, ProcessManifest } from '../../../generators/index.js';
import type { HistoryEntry } from '../../chain/chain-api.js';
import { auditText, fieldText } from './field-display.js';

export interface StepValue {
  field: string;
  label: string;
  /** As read from the chain (numbers as decimal strings, timestamps in seconds). */
  raw: string;
  type?: string;
  /** The value as people read it (enum text, decimal with its unit, participant name; field-display.ts), when it differs from `raw`. */
  text?: string;
  /** What the audit package records (auditText). */
  audit?: string;
}

export interface DescribedStep {
  /** `sent`: a message sender's script entry (send task, message throw or end event); `requested`, `errorCaught`: element-events.ts. */
  kind: HistoryEntry['kind'] | 'sent' | 'requested' | 'errorCaught';
  elementId: string;
  name: string;
  by?: { address: string; name: string; organization?: string };
  blockNumber: number;
  /** Seconds since 1970 (the block's timestamp), when known. */
  timestamp?: number;
  txHash: string;
  values: StepValue[];
  /** Name of the flow the completer chose at an exclusive gateway. */
  chosenFlow?: string;
  /** `requested`: the names of the devices/services the request goes to. */
  requestedFrom?: string[];
  /** `errorCaught`: the error code thrown and the subprocess it withdrew. */
  errorCode?: string;
  subprocess?: string;
}

export function rawValue(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x)) ?? '';
}

export function participantOf(manifest: AppManifest, address: string | undefined) {
  if (!address) return undefined;
  const p = manifest.participants.find((x) => x.address?.toLowerCase() === address.toLowerCase());
  const organization = p && manifest.organizations.find((o) => o.id === p.organization)?.name;
  return { address, name: p?.name ?? address, organization };
}

export function describeSteps(
  manifest: AppManifest,
  process: ProcessManifest,
  history: HistoryEntry[],
  blockTimes: Record<number, number>,
): DescribedStep[] {
  return history.map((entry) => {
    const step: { fields: FieldManifest[]; choice?: ChoiceManifest } | undefined =
      entry.kind === 'started' ? process.start
        : entry.kind === 'script' ? process.scripts?.find((x) => x.elementId === entry.elementId)
          : process.tasks.find((t) => t.elementId === entry.elementId);
    const values: StepValue[] = [];
    let chosenFlow: string | undefined;
    for (const [key, value] of Object.entries(entry.data)) {
      if (key === 'choice' && step?.choice) {
        const option = step.choice.options.find((o) => String(o.index) === rawValue(value));
        chosenFlow = option?.name ?? rawValue(value);
        continue;
      }
      const field = step?.fields.find((f) => f.name === key);
      const raw = rawValue(value);
      const text = fieldText(field, raw, manifest);
      values.push({ field: key, label: field?.label ?? key, raw, type: field?.type, ...(text !== undefined ? { text } : {}), ...(field && auditText(field, raw) !== raw ? { audit: auditText(field, raw) } : {}) });
    }
    const sends = entry.kind === 'script' && process.scripts?.some((x) => x.elementId === entry.elementId && x.sends);
    return {
      kind: sends ? 'sent' : entry.kind,
      elementId: entry.elementId,
      name: entry.name,
      by: participantOf(manifest, entry.by),
      blockNumber: entry.blockNumber,
      timestamp: blockTimes[entry.blockNumber],
      txHash: entry.txHash,
      values,
      chosenFlow,
    };
  });
}

/** The latest value of each field written so far, in the order fields first appeared. */
export function currentData(steps: DescribedStep[]): (StepValue & { blockNumber: number })[] {
  const latest = new Map<string, StepValue & { blockNumber: number }>();
  for (const step of steps) for (const v of step.values) latest.set(v.field, { ...v, blockNumber: step.blockNumber });
  return [...latest.values()];
}
