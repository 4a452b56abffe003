/**
 * The flow graph of a process as the instance view needs it: which element is a task, an event or
 * a gateway, and the sequence flows between them. Read from the BPMN with the browser's XML
 * parser (DOM only); instance-progress.ts works on the result and is tested without a DOM.
 */
export type NodeKind = 'task' | 'start' | 'end' | 'gateway' | 'event' | 'other';

export interface ProcessGraph {
  nodes: Record<string, NodeKind>;
  flows: { id: string; source: string; target: string; name?: string }[];
}

export function kindOf(localName: string): NodeKind | undefined {
  if (localName === 'startEvent') return 'start';
  if (localName === 'endEvent') return 'end';
  if (/Gateway$/.test(localName)) return 'gateway';
  if (/Event$/.test(localName)) return 'event';
  if (/Task$|^task$|^subProcess$|^callActivity$/.test(localName)) return 'task';
  return undefined;
}

export function readProcessGraph(bpmnXml: string): ProcessGraph {
  const doc = new DOMParser().parseFromString(bpmnXml, 'application/xml');
  const graph: ProcessGraph = { nodes: {}, flows: [] };
  for (const process of Array.from(doc.getElementsByTagNameNS('*', 'process'))) {
    for (const el of Array.from(process.getElementsByTagName('*'))) {
      const id = el.getAttribute('id');
      if (!id) continue;
      if (el.localName === 'sequenceFlow') {
        const source = el.getAttribute('sourceRef');
        const target = el.getAttribute('targetRef');
        const name = el.getAttribute('name')?.trim() || undefined;
        if (source && target) graph.flows.push({ id, source, target, name });
        continue;
      }
      const kind = kindOf(el.localName);
      if (kind) graph.nodes[id] = kind;
    }
  }
  return graph;
}
