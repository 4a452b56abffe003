/**
 * Every exclusive split says how it decides (docs/process-format.md, "Exclusive gateways"):
 * either by conditions — then every flow but the default has one — or by the participant who
 * completes the task right before it, so every incoming flow must come straight from a task or
 * the start event (a gateway after a gateway would have nobody to choose).
 */
import { hasCondition, isExclusiveSplit, label, processGraph, type LintRule } from '../process-graph.js';

const exclusiveDecision: LintRule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:Process')) return;
    const graph = processGraph(node);
    for (const gateway of graph.nodes.filter((n) => isExclusiveSplit(graph, n))) {
      const outgoing = graph.outgoing(gateway);
      const byDefault = gateway.get('default');
      if (outgoing.some(hasCondition)) {
        for (const flow of outgoing) {
          if (flow === byDefault || hasCondition(flow)) continue;
          reporter.report(flow.id, `flow ${label(flow)} leaves gateway ${label(gateway)} without a condition: give it one or make it the default flow`);
        }
        continue;
      }
      const decider = (source: unknown) =>
        source !== undefined && ((source as { $instanceOf(t: string): boolean }).$instanceOf('bpmn:Task') || (source as { $instanceOf(t: string): boolean }).$instanceOf('bpmn:StartEvent'));
      const incoming = graph.incoming(gateway);
      if (incoming.length === 0 || !incoming.every((f) => decider(f.sourceRef))) {
        reporter.report(gateway.id, `gateway ${label(gateway)} has no conditions and no task right before it, so nobody decides: add conditions (and a default flow) to its outgoing flows`);
      }
    }
  },
});

export default exclusiveDecision;
