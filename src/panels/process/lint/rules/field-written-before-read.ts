/**
 * Every field a condition reads is written before, on every path from the start event to the
 * gateway: otherwise the condition would read a value nobody entered (zero on chain). A
 * "must" data-flow analysis: a node's written set is the intersection over its incoming flows,
 * plus what the node itself writes (cf:field), iterated to a fixed point so loops are handled.
 * Fields no element declares, and conditions that do not parse, are left to the FEEL checker.
 */
import { namesRead } from '../../../../../generators/feel/names-read.js';
import { hasCondition, label, processGraph, type LintElement, type LintRule } from '../process-graph.js';

/** Names of the cf:field elements an element declares. */
export function writtenFields(element: LintElement): string[] {
  const ext = element.get('extensionElements') as { values?: LintElement[] } | undefined;
  return (ext?.values ?? []).filter((v) => v.$type === 'cf:Field').map((v) => String(v.get('name') ?? '').trim()).filter(Boolean);
}

const fieldWrittenBeforeRead: LintRule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:Process')) return;
    const graph = processGraph(node);
    const declared = new Set(graph.nodes.flatMap(writtenFields));
    // written[n] = fields surely written when a token leaves n; undefined = not reached yet (top)
    const written = new Map<LintElement, Set<string>>();
    const before = (n: LintElement): Set<string> | undefined => {
      if (n.$instanceOf('bpmn:StartEvent')) return new Set();
      let result: Set<string> | undefined;
      for (const flow of graph.incoming(n)) {
        const from = flow.sourceRef && written.get(flow.sourceRef);
        if (!from) continue; // top: does not narrow the intersection
        result = result ? new Set([...result].filter((f) => from.has(f))) : new Set(from);
      }
      return result;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const n of graph.nodes) {
        const inSet = before(n);
        if (!inSet) continue;
        const out = new Set([...inSet, ...writtenFields(n)]);
        const old = written.get(n);
        if (!old || old.size !== out.size) {
          written.set(n, out);
          changed = true;
        }
      }
    }
    for (const flow of graph.flows.filter(hasCondition)) {
      const gateway = flow.sourceRef;
      const available = gateway && written.get(gateway);
      if (!gateway || !available) continue; // unreachable: another rule says so
      for (const field of namesRead(flow.conditionExpression!.body!) ?? []) {
        if (!declared.has(field) || available.has(field)) continue;
        reporter.report(flow.id, `the condition of flow ${label(flow)} reads "${field}", which is not written on every path before gateway ${label(gateway)}`);
      }
    }
  },
});

export default fieldWrittenBeforeRead;
