/**
 * The instance diagram's text alternative: the process's named elements grouped by progress
 * (done, active now, pending), in diagram order, for a screen reader or anyone who cannot read
 * the drawing. Pure (the names come from read-routing-graph.ts).
 */
import type { ElementProgress } from './instance-progress.js';

export function diagramGroups(
  nodes: Readonly<Record<string, { name: string; gateway?: string }>>,
  progressOf: (id: string) => ElementProgress,
): Record<ElementProgress, string[]> {
  const groups: Record<ElementProgress, string[]> = { done: [], active: [], pending: [] };
  for (const [id, node] of Object.entries(nodes)) {
    // unnamed elements (most gateways, flows' helpers) say nothing to a reader
    if (node.name === id) continue;
    groups[progressOf(id)].push(node.name);
  }
  return groups;
}
