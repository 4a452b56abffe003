/**
 * No deadlock: a parallel join waits for a token on every incoming flow, so it never fires when
 * its inputs are fed by different branches of one exclusive split (the token takes one branch).
 * For each exclusive split and each join, we collect which join inputs each branch can reach
 * (without passing the split again); two branches reaching different sets of inputs deadlock.
 */
import { isExclusiveSplit, label, processGraph, type LintElement, type LintFlow, type LintRule, type ProcessGraph } from '../process-graph.js';

function joinInputsFrom(graph: ProcessGraph, branch: LintFlow, split: LintElement, join: LintElement): Set<LintFlow> {
  const inputs = new Set<LintFlow>();
  const seen = new Set<LintFlow>();
  const queue = [branch];
  while (queue.length > 0) {
    const flow = queue.pop()!;
    if (seen.has(flow)) continue;
    seen.add(flow);
    const target = flow.targetRef;
    if (!target || target === split) continue;
    if (target === join) {
      inputs.add(flow);
      continue;
    }
    queue.push(...graph.outgoing(target));
  }
  return inputs;
}

const sameSet = (a: Set<LintFlow>, b: Set<LintFlow>) => a.size === b.size && [...a].every((x) => b.has(x));

const noExclusiveJoinDeadlock: LintRule = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:Process')) return;
    const graph = processGraph(node);
    const joins = graph.nodes.filter((n) => n.$instanceOf('bpmn:ParallelGateway') && graph.incoming(n).length > 1);
    const splits = graph.nodes.filter((n) => isExclusiveSplit(graph, n));
    for (const join of joins) {
      for (const split of splits) {
        const reached = graph
          .outgoing(split)
          .map((branch) => joinInputsFrom(graph, branch, split, join))
          .filter((inputs) => inputs.size > 0);
        if (reached.some((inputs) => !sameSet(inputs, reached[0]))) {
          reporter.report(join.id, `parallel join ${label(join)} waits for branches of exclusive gateway ${label(split)}, of which only one runs: the process would get stuck here`);
          break;
        }
      }
    }
  },
});

export default noExclusiveJoinDeadlock;
