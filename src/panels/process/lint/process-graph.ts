/**
 * The control-flow graph of one BPMN process as the project's lint rules see it: flow nodes and
 * the sequence flows between them, read from `sourceRef`/`targetRef` (a file's optional
 * incoming/outgoing lists are not trusted). Pure: works on bpmn-moddle objects in Node and in
 * the browser.
 */
export interface LintElement {
  $type: string;
  id: string;
  name?: string;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
}

export interface LintFlow extends LintElement {
  sourceRef?: LintElement;
  targetRef?: LintElement;
  conditionExpression?: { body?: string };
}

export interface ProcessGraph {
  nodes: LintElement[];
  flows: LintFlow[];
  outgoing(node: LintElement): LintFlow[];
  incoming(node: LintElement): LintFlow[];
}

export function processGraph(process: LintElement): ProcessGraph {
  const elements = (process.get('flowElements') as LintElement[] | undefined) ?? [];
  const flows = elements.filter((e) => e.$instanceOf('bpmn:SequenceFlow')) as LintFlow[];
  const nodes = elements.filter((e) => e.$instanceOf('bpmn:FlowNode'));
  const out = new Map<LintElement, LintFlow[]>();
  const into = new Map<LintElement, LintFlow[]>();
  const push = (map: Map<LintElement, LintFlow[]>, key: LintElement | undefined, flow: LintFlow) => {
    if (key) map.set(key, [...(map.get(key) ?? []), flow]);
  };
  for (const flow of flows) {
    push(out, flow.sourceRef, flow);
    push(into, flow.targetRef, flow);
  }
  return { nodes, flows, outgoing: (n) => out.get(n) ?? [], incoming: (n) => into.get(n) ?? [] };
}

/** The display name of an element for messages: its name in quotes, else its id. */
export function label(element: LintElement): string {
  return element.name?.trim() ? `"${element.name.trim()}"` : element.id;
}

export const isExclusiveSplit = (graph: ProcessGraph, node: LintElement) =>
  node.$instanceOf('bpmn:ExclusiveGateway') && graph.outgoing(node).length > 1;

export const hasCondition = (flow: LintFlow) => Boolean(flow.conditionExpression?.body?.trim());

/** A bpmnlint rule: called for every element of the model. */
export interface LintReporter {
  report(id: string, message: string): void;
}
export type LintRule = () => { check(node: LintElement, reporter: LintReporter): void };
