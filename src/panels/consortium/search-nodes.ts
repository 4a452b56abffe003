/**
 * Search on the consortium canvas: which nodes a query finds, in canvas order. Matches the
 * node's name, and a device's make, model and serial, ignoring case, width (full-width Latin as
 * typed by a Chinese input method) and surrounding spaces. Pure.
 */
import type { ConsortiumNode } from './build-graph.js';

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase().trim();

export function searchText(node: ConsortiumNode): string {
  if (node.type === 'participant') {
    const p = node.data.participant;
    return [p.name, p.device?.make, p.device?.model, p.device?.serial].filter(Boolean).join(' ');
  }
  if (node.type === 'asset') return node.data.asset.name;
  return node.data.name;
}

/** Keys of the nodes matching `query`; none for a blank query. */
export function findNodes(nodes: readonly ConsortiumNode[], query: string): string[] {
  const q = fold(query);
  if (!q) return [];
  return nodes.filter((n) => fold(searchText(n)).includes(q)).map((n) => n.id);
}
