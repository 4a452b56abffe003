/**
 * Places the flow nodes of one process (or of one expanded subprocess) left to right in the
 * order of their flows, in horizontal bands, one per leaf lane: elkjs (layered) decides the
 * columns and the order within them, each node then takes the first free row of its lane's band.
 * Expanded subprocesses are laid out first (recursively) and placed as one big node. Boundary
 * events sit on their host's lower edge. Positions are relative to (0, 0) of the container.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { boundaryWaypoints, defaultSize, sequenceWaypoints, type Box, type Point } from './layout-geometry.js';

export interface Element {
  $type: string;
  id: string;
  get(name: string): unknown;
}

export interface LaidFlow {
  width: number;
  height: number;
  /** Element id -> its box (flow nodes, boundary events, nested subprocess contents). */
  boxes: Map<string, Box>;
  /** Sequence flow id -> waypoints. */
  edges: Map<string, Point[]>;
  /** One band per leaf lane, in document order (y and height; x spans the container). */
  bands: { laneId: string | undefined; y: number; height: number }[];
}

/** Space around a subprocess's contents; its label takes the top. */
const SUB_PAD = 30;
const SUB_LABEL = 20;
/** Vertical room a row gives beyond its tallest node: labels under events and gateways, boundary events. */
const ROW_GAP = 60;
const MIN_BAND = 120;
const COLUMN_GAP = 30;

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Promise<Elk> | undefined;
const loadElk = () => (elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK() as unknown as Elk));

/** A moddle list property as an array (absent lists read as undefined). */
export const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const isFlow = (e: Element) => e.$type === 'bpmn:SequenceFlow';
const isBoundary = (e: Element) => e.$type === 'bpmn:BoundaryEvent';
const isExpandedSubprocess = (e: Element) => ['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess'].includes(e.$type);
const NOT_SHAPES = new Set(['bpmn:SequenceFlow', 'bpmn:DataObject', 'bpmn:Association']);

/** The leaf lanes in document order (nested lanes flattened), each with the nodes it holds. */
export function leafLanes(laneSets: unknown): { lane: Element; depth: number; parents: Element[] }[] {
  const out: { lane: Element; depth: number; parents: Element[] }[] = [];
  const visit = (lanes: Element[], depth: number, parents: Element[]) => {
    for (const lane of lanes) {
      const children = list<Element>((lane.get('childLaneSet') as Element | undefined)?.get('lanes'));
      if (children.length) visit(children, depth + 1, [...parents, lane]);
      else out.push({ lane, depth, parents });
    }
  };
  for (const set of list<Element>(laneSets)) visit(list<Element>(set.get('lanes')), 0, []);
  return out;
}

function shift(box: Box, dx: number, dy: number): Box {
  return { ...box, x: box.x + dx, y: box.y + dy };
}

/** Lays out `container`'s flow elements; `laneSets` gives the bands (none: one band). */
export async function layoutFlow(container: Element, laneSets?: unknown): Promise<LaidFlow> {
  const elements = list<Element>(container.get('flowElements'));
  const nodes = elements.filter((e) => !NOT_SHAPES.has(e.$type) && !isBoundary(e));
  const boxes = new Map<string, Box>();
  const edges = new Map<string, Point[]>();
  const inner = new Map<string, LaidFlow>();
  const size = new Map<string, { width: number; height: number }>();
  for (const node of nodes) {
    if (isExpandedSubprocess(node) && list(node.get('flowElements')).length) {
      const laid = await layoutFlow(node);
      inner.set(node.id, laid);
      size.set(node.id, { width: laid.width + 2 * SUB_PAD, height: laid.height + 2 * SUB_PAD + SUB_LABEL });
    } else size.set(node.id, defaultSize(node.$type));
  }

  // columns and order from elkjs: a boundary event's flows count as its host's
  const hostOf = new Map(elements.filter(isBoundary).map((b) => [b.id, (b.get('attachedToRef') as Element | undefined)?.id]));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const endId = (e: Element | undefined) => (e ? (hostOf.get(e.id) ?? e.id) : undefined);
  const flows = elements.filter(isFlow);
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: nodes.map((n) => ({ id: n.id, ...size.get(n.id)! })),
    edges: flows
      .map((f) => ({ id: f.id, s: endId(f.get('sourceRef') as Element), t: endId(f.get('targetRef') as Element) }))
      .filter((f): f is { id: string; s: string; t: string } => !!f.s && !!f.t && f.s !== f.t && nodeIds.has(f.s) && nodeIds.has(f.t))
      .map((f) => ({ id: f.id, sources: [f.s], targets: [f.t] })),
  };
  const laid = nodes.length ? await (await loadElk()).layout(graph) : graph;
  const elkBox = new Map((laid.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));

  // bands: one per leaf lane; nodes in no lane get a band of their own after the lanes
  const leaves = leafLanes(laneSets);
  const laneOf = new Map<string, number>();
  leaves.forEach(({ lane }, i) => list<Element>(lane.get('flowNodeRef')).forEach((n) => laneOf.set(n.id, i)));
  const bandCount = leaves.length + (nodes.some((n) => !laneOf.has(n.id)) || leaves.length === 0 ? 1 : 0);
  const bandOf = (id: string) => laneOf.get(id) ?? leaves.length;
  const rows: { height: number; ids: string[] }[][] = Array.from({ length: bandCount }, () => []);
  const ordered = [...nodes].sort((a, b) => elkBox.get(a.id)!.y - elkBox.get(b.id)!.y || elkBox.get(a.id)!.x - elkBox.get(b.id)!.x);
  for (const node of ordered) {
    const { x } = elkBox.get(node.id)!;
    const { width, height } = size.get(node.id)!;
    const band = rows[bandOf(node.id)];
    // the first row of the band where the node does not overlap (nor crowd) another
    let row = band.find((r) => r.ids.every((id) => { const o = elkBox.get(id)!; const w = size.get(id)!.width; return x >= o.x + w + COLUMN_GAP || x + width + COLUMN_GAP <= o.x; }));
    if (!row) band.push((row = { height: 0, ids: [] }));
    row.ids.push(node.id);
    row.height = Math.max(row.height, height);
  }
  let y = 0;
  const bands: LaidFlow['bands'] = [];
  rows.forEach((band, i) => {
    const contentHeight = band.reduce((sum, r) => sum + r.height + ROW_GAP, 0);
    const height = Math.max(MIN_BAND, contentHeight + 20);
    let rowTop = y + (height - contentHeight) / 2 + ROW_GAP / 2;
    for (const r of band) {
      for (const id of r.ids) {
        const s = size.get(id)!;
        boxes.set(id, { x: Math.round(elkBox.get(id)!.x), y: Math.round(rowTop + (r.height - s.height) / 2), ...s });
      }
      rowTop += r.height + ROW_GAP;
    }
    bands.push({ laneId: leaves[i]?.lane.id, y, height });
    y += height;
  });

  // boundary events on their host's lower edge, right to left
  const onHost = new Map<string, number>();
  for (const b of elements.filter(isBoundary)) {
    const host = boxes.get(hostOf.get(b.id) ?? '');
    if (!host) continue;
    const i = onHost.get(host.x + ':' + host.y) ?? 0;
    onHost.set(host.x + ':' + host.y, i + 1);
    boxes.set(b.id, { x: Math.round(host.x + host.width - 46 - i * 44), y: host.y + host.height - 18, width: 36, height: 36 });
  }

  // a subprocess's contents, moved into its box
  for (const [id, sub] of inner) {
    const box = boxes.get(id)!;
    const dx = box.x + SUB_PAD;
    const dy = box.y + SUB_PAD + SUB_LABEL;
    for (const [inId, b] of sub.boxes) boxes.set(inId, shift(b, dx, dy));
    for (const [inId, points] of sub.edges) edges.set(inId, points.map((p) => ({ x: p.x + dx, y: p.y + dy })));
  }

  const width = Math.max(0, ...[...boxes.values()].map((b) => b.x + b.width));
  for (const f of flows) {
    const source = boxes.get((f.get('sourceRef') as Element | undefined)?.id ?? '');
    const target = boxes.get((f.get('targetRef') as Element | undefined)?.id ?? '');
    if (!source || !target) continue;
    const band = bands[bandOf(endId(f.get('sourceRef') as Element)!)] ?? bands[0];
    const below = Math.max(source.y + source.height, target.y + target.height) + 25;
    const fromBoundary = isBoundary(f.get('sourceRef') as Element);
    edges.set(f.id, fromBoundary ? boundaryWaypoints(source, target, below) : sequenceWaypoints(source, target, Math.min(below, band.y + band.height - 5)));
  }
  return { width, height: y, boxes, edges, bands };
}
