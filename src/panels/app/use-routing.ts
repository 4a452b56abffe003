/**
 * The routing preview of one task's (or start event's) form: the process's graph and compiled
 * conditions are made once per element; the returned function turns the form's drafts into the
 * previews of the gateways the step decides (undefined when it decides none).
 */
import { useMemo } from 'react';
import type { AppManifest, FieldManifest } from '../../../generators/index.js';
import type { FieldInScope } from '../../../generators/feel/check-feel.js';
import type { FeelValue } from '../../../generators/feel/evaluate-feel.js';
import { parseField, type FieldDraft } from './field-values.js';
import { readRoutingGraph } from './read-routing-graph.js';
import { compileConditions, decidedGateways, previewRouting, type GatewayPreview, type RoutingGraph } from './routing-preview.js';

export type RoutingOf = (fields: readonly FieldManifest[], drafts: Readonly<Record<string, FieldDraft>>) => GatewayPreview[];
/** A form's routing before the instance's values from earlier steps are bound to it. */
export type RoutingWithKnown = (fields: readonly FieldManifest[], drafts: Readonly<Record<string, FieldDraft>>, known?: Readonly<Record<string, FeelValue>>) => GatewayPreview[];

/**
 * The values the step's conditions will read: those known from earlier steps, overridden by what
 * the form sends (each typed field as FEEL sees it; a field in error is not known, whatever it held).
 */
export function feelValues(
  fields: readonly FieldManifest[],
  drafts: Readonly<Record<string, FieldDraft>>,
  known: Readonly<Record<string, FeelValue>> = {},
): Record<string, FeelValue | undefined> {
  const values: Record<string, FeelValue | undefined> = { ...known };
  for (const field of fields) {
    delete values[field.name];
    const draft = drafts[field.name];
    if (draft === undefined) continue;
    const parsed = parseField(field, draft);
    if ('value' in parsed) values[field.name] = parsed.value as FeelValue;
  }
  return values;
}

/** The routing of a form with the instance's values from earlier steps (latestValues) bound to it. */
export function withKnown(routing: RoutingWithKnown | undefined, known: Readonly<Record<string, FeelValue>> | undefined): RoutingOf | undefined {
  return routing && ((fields, drafts) => routing(fields, drafts, known));
}

/** The routing preview of an element's form, or undefined when its step decides no gateway by condition. */
export function routingFor(manifest: AppManifest, processId: string, elementId: string): RoutingWithKnown | undefined {
  const process = manifest.processes.find((p) => p.id === processId);
  if (!process) return undefined;
  let graph: RoutingGraph;
  try {
    graph = readRoutingGraph(process.bpmn);
  } catch {
    return undefined; // a diagram the browser cannot read: no preview, the chain still decides
  }
  if (decidedGateways(graph, elementId).length === 0) return undefined;
  const fields = fieldsInScope(process);
  const compiled = compileConditions(graph, fields);
  // a script may have recomputed a field after the event that carried it: never taken as known
  const scripted = new Set((process.scripts ?? []).flatMap((s) => s.fields.map((f) => f.name)));
  return (formFields, drafts, known = {}) => {
    const fromEvents = Object.fromEntries(Object.entries(known).filter(([name]) => !scripted.has(name)));
    return previewRouting(graph, elementId, fields, compiled, feelValues(formFields, drafts, fromEvents), new Set(formFields.map((f) => f.name)));
  };
}

/** Every field of a process as FEEL conditions see it (an enum's values and a decimal's scale included, or its conditions would not type-check). */
export function fieldsInScope(process: AppManifest['processes'][number]): FieldInScope[] {
  const byName = new Map<string, FieldInScope>();
  for (const f of [...process.start.fields, ...process.tasks.flatMap((t) => t.fields), ...(process.scripts ?? []).flatMap((s) => s.fields)])
    if (!byName.has(f.name)) byName.set(f.name, { name: f.name, type: f.type, values: f.values, scale: f.scale });
  return [...byName.values()];
}

/** `routingFor`, made once per manifest, process and element (lists of forms call it in a loop). */
export function useRoutingFor(manifest: AppManifest): (processId: string, elementId: string) => RoutingWithKnown | undefined {
  return useMemo(() => {
    const cache = new Map<string, RoutingWithKnown | undefined>();
    return (processId, elementId) => {
      const key = `${processId}#${elementId}`;
      if (!cache.has(key)) cache.set(key, routingFor(manifest, processId, elementId));
      return cache.get(key);
    };
  }, [manifest]);
}
