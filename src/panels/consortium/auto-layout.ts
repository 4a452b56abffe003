/**
 * Auto layout with elkjs (layered, left to right): organizations as compound nodes holding their
 * members, drafts and roles beside them, links as edges. elkjs is loaded on first use (a large
 * chunk). Returns the positions to store: members relative to their organization, as the canvas
 * keeps them.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { NodePosition } from '../../../generators/index.js';
import type { ConsortiumEdge, ConsortiumNode } from './build-graph.js';

export async function autoLayout(nodes: ConsortiumNode[], edges: ConsortiumEdge[]): Promise<Record<string, NodePosition>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const size = (n: ConsortiumNode) => ({ width: n.width ?? 160, height: n.height ?? 52 });
  const children: ElkNode[] = nodes
    .filter((n) => !n.parentId)
    .map((n) => {
      const members = nodes.filter((m) => m.parentId === n.id);
      if (n.type !== 'organization') return { id: n.id, ...size(n) };
      return {
        id: n.id,
        layoutOptions: { 'elk.padding': '[top=56,left=16,bottom=16,right=16]', 'elk.algorithm': 'rectpacking', 'elk.spacing.nodeNode': '16' },
        children: members.map((m) => ({ id: m.id, ...size(m) })),
        // an empty organization keeps its box
        ...(members.length === 0 ? size(n) : {}),
      };
    });
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
      'elk.spacing.nodeNode': '32',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children,
    // links between members of organizations are edges of the organizations at this level
    edges: edges.map((e): ElkExtendedEdge => ({ id: e.id, sources: [topOf(nodes, e.source)], targets: [topOf(nodes, e.target)] })).filter((e) => e.sources[0] !== e.targets[0]),
  };
  const laid = await new ELK().layout(graph);
  const positions: Record<string, NodePosition> = {};
  for (const top of laid.children ?? []) {
    positions[top.id] = { x: Math.round(top.x ?? 0), y: Math.round(top.y ?? 0) };
    for (const child of top.children ?? []) positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  }
  return positions;
}

function topOf(nodes: ConsortiumNode[], id: string): string {
  return nodes.find((n) => n.id === id)?.parentId ?? id;
}
