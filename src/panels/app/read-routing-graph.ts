/**
 * The routing graph of a process (gateways, their default flows, conditions) read from its BPMN
 * with the browser's XML parser, for routing-preview.ts. A default flow's condition is ignored,
 * as the generator ignores it.
 */
import type { GatewayType, RoutingGraph } from './routing-preview.js';

const GATEWAYS: Record<string, GatewayType> = {
  exclusiveGateway: 'exclusive',
  inclusiveGateway: 'inclusive',
  parallelGateway: 'parallel',
  eventBasedGateway: 'eventBased',
  complexGateway: 'complex',
};

export function readRoutingGraph(bpmnXml: string, parser: { parseFromString(text: string, type: 'application/xml'): Document } = new DOMParser()): RoutingGraph {
  const doc = parser.parseFromString(bpmnXml, 'application/xml');
  const graph: RoutingGraph = { nodes: {}, flows: [] };
  const defaults = new Set<string>();
  for (const process of Array.from(doc.getElementsByTagNameNS('*', 'process'))) {
    for (const el of Array.from(process.getElementsByTagName('*'))) {
      const id = el.getAttribute('id');
      if (!id || el.localName === 'sequenceFlow' || el.localName === 'conditionExpression') continue;
      const gateway = GATEWAYS[el.localName];
      const name = el.getAttribute('name')?.trim() || id;
      const defaultFlow = el.getAttribute('default') ?? undefined;
      if (defaultFlow) defaults.add(defaultFlow);
      graph.nodes[id] = gateway ? { name, gateway, ...(defaultFlow ? { defaultFlow } : {}) } : { name };
    }
    for (const el of Array.from(process.getElementsByTagNameNS('*', 'sequenceFlow'))) {
      const id = el.getAttribute('id');
      const source = el.getAttribute('sourceRef');
      const target = el.getAttribute('targetRef');
      if (!id || !source || !target) continue;
      const condition = Array.from(el.children).find((c) => c.localName === 'conditionExpression')?.textContent?.trim() || undefined;
      const name = el.getAttribute('name')?.trim() || undefined;
      graph.flows.push({ id, source, target, ...(name ? { name } : {}), ...(condition && !defaults.has(id) ? { condition } : {}) });
    }
  }
  return graph;
}
