/**
 * No element that no token can reach: everything must be reachable along sequence flows from a
 * start event. Elements with no flow at all are left to bpmnlint's `no-disconnected`, so one
 * mistake gives one problem.
 */
import { label, processGraph, type LintElement, type LintRule } from '../process-graph.js';

const noUnreachable: LintRule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:Process')) return;
    const graph = processGraph(node);
    const starts = graph.nodes.filter((n) => n.$instanceOf('bpmn:StartEvent'));
    if (starts.length === 0) return; // start-event-required says so
    const reached = new Set<LintElement>(starts);
    const queue = [...starts];
    while (queue.length > 0) {
      for (const flow of graph.outgoing(queue.pop()!)) {
        const next = flow.targetRef;
        if (next && !reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    for (const element of graph.nodes) {
      if (reached.has(element) || element.$instanceOf('bpmn:BoundaryEvent')) continue;
      if (graph.incoming(element).length === 0 && graph.outgoing(element).length === 0) continue;
      reporter.report(element.id, `${label(element)} cannot be reached from the start event`);
    }
  },
});

export default noUnreachable;
