/**
 * Which payload fields need no storage (issue 3, gas). A message sender (send task, message throw or
 * end event) and a service task's request emit fields "as the instance data has them then"; storing
 * them costs a new slot (22,100 gas) each. A field needs none when every read of it is a payload that
 * runs in the same step as a write giving its value, so the value can be passed from the writing task
 * function's calldata instead.
 *
 * Deliberately conservative: a payload reader qualifies only when its private function has exactly
 * one call site in the whole IR, and that call site is the `next` of a plain user task (not a
 * receive, message or service task, not multi-instance) that writes the field itself, optional or
 * required: the contract and the interpreter both record an optional field left empty as empty, so
 * the passed value is the value storage would hold. Anything else keeps storage: a read by a
 * condition or a script (`kept`), a payload reached through a gateway, a script, a timer or from two
 * places, a field written only by the start event or a receiver, a loop back to the sender.
 */
import type { FlowTarget, ProcessIR } from './process-ir.js';

const TARGET_KINDS = new Set(['task', 'gateway', 'end', 'timer', 'subprocess']);

/** A reader of payload fields: a sender (index into scripts) or a service request (index into tasks). */
type Reader = { sender: number } | { request: number };

/**
 * The payload fields that need no storage. `kept`: fields stored for another reason (conditions,
 * scripts). The code generator passes each of these fields to the payload's function as a parameter.
 */
export function sameStepFields(ir: ProcessIR, kept: ReadonlySet<number>): Set<number> {
  const calls = callSites(ir);
  const readers: { reader: Reader; fields: readonly number[] }[] = [
    ...ir.scripts.flatMap((x, k) => (x.sends ? [{ reader: { sender: k }, fields: x.sends }] : [])),
    ...ir.tasks.flatMap((t, ti) => (t.kind === 'service' ? [{ reader: { request: ti }, fields: t.requests ?? [] }] : [])),
  ];
  const ok = new Set<number>();
  const refused = new Set<number>(kept);
  for (const { reader, fields } of readers) {
    const key = 'sender' in reader ? `s${reader.sender}` : `t${reader.request}`;
    const sites = calls.get(key) ?? [];
    const writer = sites.length === 1 ? ir.tasks.find((t) => t.next === sites[0]) : undefined;
    const plain = writer !== undefined && writer.kind === undefined && writer.multi === undefined;
    for (const f of fields) {
      if (plain && writer.writes.some((w) => w.field === f)) ok.add(f);
      else refused.add(f);
    }
  }
  for (const f of refused) ok.delete(f);
  return ok;
}

/**
 * Every FlowTarget in the IR, by the private function its routing calls first: `s<k>` for its first
 * script (sender or script task), `t<i>` for a task it enables. Found by walking the whole IR, so a
 * call site added to the IR later is counted without touching this file (counting one twice only
 * makes the analysis keep more in storage).
 */
export function callSites(ir: ProcessIR): Map<string, FlowTarget[]> {
  const out = new Map<string, FlowTarget[]>();
  const add = (key: string, t: FlowTarget) => out.set(key, [...(out.get(key) ?? []), t]);
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { for (const x of v) walk(x); return; }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.kind === 'string' && TARGET_KINDS.has(o.kind) && typeof o.index === 'number') {
      const t = o as unknown as FlowTarget;
      if (t.scripts?.length) add(`s${t.scripts[0]}`, t);
      else if (t.kind === 'task') add(`t${t.index}`, t);
    }
    for (const x of Object.values(o)) walk(x);
  };
  walk(ir);
  return out;
}
