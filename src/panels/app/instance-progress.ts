/**
 * Which elements of a process diagram an instance has passed, is waiting at, or has not reached,
 * from the chain alone: the history's events say which start and tasks are done, the marking
 * which tasks are enabled. Flows and gateways carry no events; they count as done when they lie
 * on a path (through gateways and intermediate events only) from a done element to a done or
 * active one, or to an end event once the instance has ended.
 */
import type { ProcessGraph } from './process-graph.js';

export type ElementProgress = 'done' | 'active' | 'pending';

export interface InstanceProgress {
  done: Set<string>;
  active: Set<string>;
  /** Element id -> its state; elements not listed are pending. */
  of(elementId: string): ElementProgress;
}

export interface ProgressInput {
  /** Element ids of the history's started/completed entries, in chain order. */
  doneSteps: string[];
  /** Element ids of the tasks the marking enables. */
  enabledTasks: string[];
  ended: boolean;
}

export function instanceProgress(graph: ProcessGraph, input: ProgressInput): InstanceProgress {
  const active = new Set(input.ended ? [] : input.enabledTasks);
  const done = new Set(input.doneSteps);
  const isTarget = (id: string) =>
    done.has(id) || active.has(id) || (input.ended && graph.nodes[id] === 'end');
  const passable = (id: string) => graph.nodes[id] === 'gateway' || graph.nodes[id] === 'event';
  const outgoing = new Map<string, ProcessGraph['flows']>();
  for (const f of graph.flows) outgoing.set(f.source, [...(outgoing.get(f.source) ?? []), f]);

  const reached = new Set<string>();
  // depth-first from each done step; a path is kept when it ends at a target
  const walk = (node: string, path: string[], seen: Set<string>) => {
    for (const flow of outgoing.get(node) ?? []) {
      const next = flow.target;
      if (isTarget(next)) {
        for (const id of [...path, flow.id]) reached.add(id);
        if (graph.nodes[next] === 'end') reached.add(next);
      } else if (passable(next) && !seen.has(next)) {
        walk(next, [...path, flow.id, next], new Set(seen).add(next));
      }
    }
  };
  for (const step of new Set(input.doneSteps)) walk(step, [], new Set([step]));
  for (const id of reached) if (!active.has(id)) done.add(id);

  return { done, active, of: (id) => (active.has(id) ? 'active' : done.has(id) ? 'done' : 'pending') };
}
