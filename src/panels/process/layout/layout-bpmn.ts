/**
 * A diagram (BPMN DI) for a BPMN file that has none, keeping what the model says visible: each
 * pool of a collaboration as a band of its own, each lane (a role, for ChainFlow) as a band inside
 * it with its tasks, message flows between the pools, expanded subprocesses with their contents,
 * boundary events on their hosts. bpmn-auto-layout, used before, drops pools and lanes, so tasks
 * lost the lane that gives them their role on the canvas. Only DI is added, and the flow nodes'
 * redundant <incoming>/<outgoing> references where the file left them out: the model's meaning
 * is written back unchanged. Pure apart from elkjs; runs in the browser and in Node.
 */
import { createModdle } from '../../../../generators/bpmn/read-bpmn.js';
import { layoutFlow, leafLanes, list, type Element, type LaidFlow } from './layout-flow.js';
import { messageWaypoints, type Box, type Point } from './layout-geometry.js';

/** The pool's name strip on the left, and each lane's. */
const LABEL_STRIP = 30;
const MARGIN = 40;
const POOL_GAP = 50;
const EMPTY_POOL_HEIGHT = 100;

interface Moddle {
  fromXML(xml: string, type: string): Promise<{ rootElement: Element }>;
  toXML(element: Element, options: { format: boolean }): Promise<{ xml: string }>;
  create(type: string, attrs?: Record<string, unknown>): Element;
}

interface Pool {
  participant?: Element;
  process?: Element;
  laid?: LaidFlow;
  /** Deepest lane nesting (0: lanes directly in the pool, -1: no lanes). */
  depth: number;
}

/** The XML with a generated diagram; throws when the XML cannot be read. */
export async function layoutBpmn(xml: string): Promise<string> {
  const moddle = createModdle() as unknown as Moddle;
  const { rootElement: definitions } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const roots = list<Element>(definitions.get('rootElements'));
  const collaboration = roots.find((r) => r.$type === 'bpmn:Collaboration');
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  const participants = list<Element>(collaboration?.get('participants'));
  const pools: Pool[] = collaboration
    ? [
      ...participants.map((participant) => ({ participant, process: participant.get('processRef') as Element | undefined, depth: -1 })),
      // a process of the file no pool names (it happens in the MIWG corpus) is still drawn, below the pools
      ...processes.filter((p) => !participants.some((x) => x.get('processRef') === p)).map((process) => ({ process, depth: -1 })),
    ]
    : processes.slice(0, 1).map((process) => ({ process, depth: -1 }));
  for (const pool of pools) if (pool.process) fillFlowReferences(pool.process);
  for (const pool of pools) {
    if (!pool.process) continue;
    const laneSets = pool.process.get('laneSets');
    pool.laid = await layoutFlow(pool.process, laneSets);
    pool.depth = Math.max(-1, ...leafLanes(laneSets).map((l) => l.depth));
  }

  const boxes = new Map<string, Box>();
  const edges = new Map<string, Point[]>();
  const shapes: { element: Element; box: Box; attrs?: Record<string, unknown> }[] = [];
  // every pool as wide as the widest, its contents right of the name strips
  const indent = (p: Pool) => (p.participant ? LABEL_STRIP : 0) + (p.depth + 1) * LABEL_STRIP + MARGIN;
  const width = Math.max(400, ...pools.map((p) => indent(p) + (p.laid?.width ?? 0) + MARGIN));
  let y = 0;
  for (const pool of pools) {
    const height = pool.laid ? pool.laid.height : EMPTY_POOL_HEIGHT;
    const dx = indent(pool);
    if (pool.participant) shapes.push({ element: pool.participant, box: { x: 0, y, width, height }, attrs: { isHorizontal: true } });
    if (pool.laid) {
      for (const [id, b] of pool.laid.boxes) boxes.set(id, { ...b, x: b.x + dx, y: b.y + y });
      for (const [id, points] of pool.laid.edges) edges.set(id, points.map((p) => ({ x: p.x + dx, y: p.y + y })));
      shapes.push(...laneShapes(pool, y, width));
    }
    if (pool.participant) boxes.set(pool.participant.id, { x: 0, y, width, height });
    y += height + POOL_GAP;
  }

  // shapes in document order of the flow elements (containers before what they hold)
  const visit = (container: Element) => {
    for (const e of list<Element>(container.get('flowElements'))) {
      const box = boxes.get(e.id);
      if (box && e.$type !== 'bpmn:SequenceFlow') {
        const expanded = list(e.get('flowElements')).length > 0;
        shapes.push({ element: e, box, attrs: { ...(expanded ? { isExpanded: true } : {}), ...(e.$type === 'bpmn:ExclusiveGateway' ? { isMarkerVisible: true } : {}) } });
        if (expanded) visit(e);
      }
    }
  };
  const flows: Element[] = [];
  const visitFlows = (container: Element) => {
    for (const e of list<Element>(container.get('flowElements'))) {
      if (e.$type === 'bpmn:SequenceFlow') flows.push(e);
      else if (list(e.get('flowElements')).length) visitFlows(e);
    }
  };
  for (const pool of pools) if (pool.process) (visit(pool.process), visitFlows(pool.process));
  const messageFlows = list<Element>(collaboration?.get('messageFlows'));
  for (const m of messageFlows) {
    const source = boxes.get((m.get('sourceRef') as Element | undefined)?.id ?? '');
    const target = boxes.get((m.get('targetRef') as Element | undefined)?.id ?? '');
    if (!source || !target) continue;
    // a flow to or from a whole pool meets it straight above or below the flow node at the other end
    const onPool = (pool: Box, other: Box): Box => {
      const x = Math.min(pool.x + pool.width - 10, Math.max(pool.x + 10, other.x + other.width / 2));
      return { x, y: pool.y, width: 0, height: pool.height };
    };
    const isPool = (e: unknown) => (e as Element | undefined)?.$type === 'bpmn:Participant';
    const from = isPool(m.get('sourceRef')) && !isPool(m.get('targetRef')) ? onPool(source, target) : source;
    const to = isPool(m.get('targetRef')) && !isPool(m.get('sourceRef')) ? onPool(target, source) : target;
    edges.set(m.id, messageWaypoints(from, to));
  }

  const planeElements: Element[] = [];
  const bounds = (b: Box) => moddle.create('dc:Bounds', { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) });
  for (const { element, box, attrs } of shapes) planeElements.push(moddle.create('bpmndi:BPMNShape', { id: `${element.id}_di`, bpmnElement: element, bounds: bounds(box), ...attrs }));
  for (const flow of [...flows, ...messageFlows]) {
    const points = edges.get(flow.id);
    if (!points || points.length < 2) continue;
    planeElements.push(
      moddle.create('bpmndi:BPMNEdge', { id: `${flow.id}_di`, bpmnElement: flow, waypoint: points.map((p) => moddle.create('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) })) }),
    );
  }
  const plane = moddle.create('bpmndi:BPMNPlane', { id: 'BPMNPlane_1', bpmnElement: collaboration ?? pools[0]?.process, planeElement: planeElements });
  const diagram = moddle.create('bpmndi:BPMNDiagram', { id: 'BPMNDiagram_1', plane });
  (definitions as unknown as { diagrams: Element[] }).diagrams = [diagram];
  return (await moddle.toXML(definitions, { format: true })).xml;
}

/** Lane shapes of a pool: a leaf lane spans its band; a parent lane spans its children's bands. */
function laneShapes(pool: Pool, poolY: number, width: number): { element: Element; box: Box; attrs: Record<string, unknown> }[] {
  const out: { element: Element; box: Box; attrs: Record<string, unknown> }[] = [];
  const left = pool.participant ? LABEL_STRIP : 0;
  const bandOf = new Map(pool.laid!.bands.filter((b) => b.laneId).map((b) => [b.laneId!, b]));
  const spans = new Map<Element, { top: number; bottom: number; depth: number }>();
  for (const { lane, parents } of leafLanes(pool.process!.get('laneSets'))) {
    const band = bandOf.get(lane.id);
    if (!band) continue;
    [...parents, lane].forEach((l, d) => {
      const span = spans.get(l);
      spans.set(l, { top: Math.min(span?.top ?? Infinity, band.y), bottom: Math.max(span?.bottom ?? -Infinity, band.y + band.height), depth: d });
    });
  }
  for (const [lane, { top, bottom, depth }] of spans) {
    const x = left + depth * LABEL_STRIP;
    out.push({ element: lane, box: { x, y: poolY + top, width: width - x, height: bottom - top }, attrs: { isHorizontal: true } });
  }
  return out;
}

/**
 * A flow node's <incoming>/<outgoing> as its sequence flows say: files written by hand or by
 * other tools often leave them out, and bpmnlint (which reads them) would then call every element
 * "not connected". Redundant in BPMN (the flows' sourceRef/targetRef are the truth); bpmn-js keeps
 * them up to date once the diagram is edited.
 */
function fillFlowReferences(container: Element) {
  const elements = list<Element>(container.get('flowElements'));
  for (const flow of elements.filter((e) => e.$type === 'bpmn:SequenceFlow')) {
    const ends: [Element | undefined, string][] = [[flow.get('sourceRef') as Element | undefined, 'outgoing'], [flow.get('targetRef') as Element | undefined, 'incoming']];
    for (const [node, key] of ends) {
      if (!node) continue;
      const refs = node.get(key) as Element[];
      if (!refs.includes(flow)) refs.push(flow);
    }
  }
  for (const e of elements) if (list(e.get('flowElements')).length) fillFlowReferences(e);
}
