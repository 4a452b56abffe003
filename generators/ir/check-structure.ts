/**
 * Whole-process checks on a built IR: loops that never wait for anyone (a cycle made only of
 * gateways would route forever inside one transaction) and elements no token can reach.
 */
import { error, warning, type Problem } from '../problems.js';
import type { BpmnFlowNode } from '../bpmn/moddle-types.js';
import type { FlowTarget, GatewayIR, ProcessIR } from './process-ir.js';

type Where = (elementId: string) => { file: string; elementId: string; path: string };

export function targetsOf(gw: GatewayIR): FlowTarget[] {
  return [...gw.branches.map((b) => b.target), ...(gw.defaultBranch ? [gw.defaultBranch.target] : [])];
}

export function checkGatewayCycles(ir: ProcessIR, where: Where): Problem[] {
  const state = new Array<0 | 1 | 2>(ir.gateways.length).fill(0); // 0 new, 1 on stack, 2 done
  const stack: number[] = [];
  const inCycle = new Set<number>();
  const visit = (g: number) => {
    state[g] = 1;
    stack.push(g);
    for (const t of targetsOf(ir.gateways[g])) {
      if (t.kind !== 'gateway') continue;
      if (state[t.index] === 1) stack.slice(stack.indexOf(t.index)).forEach((x) => inCycle.add(x));
      else if (state[t.index] === 0) visit(t.index);
    }
    stack.pop();
    state[g] = 2;
  };
  ir.gateways.forEach((_, g) => state[g] === 0 && visit(g));
  return [...inCycle].map((g) =>
    error(`gateway "${ir.gateways[g].name}" is on a loop with no task in it; such a loop never waits for anyone, so put a task on it`, where(ir.gateways[g].elementId)),
  );
}

export function checkReachability(ir: ProcessIR, nodes: BpmnFlowNode[], where: Where): Problem[] {
  const seen = new Set<string>([ir.start.elementId]);
  const queue: FlowTarget[] = [ir.start.next];
  const idOf = (t: FlowTarget) =>
    t.kind === 'task' ? ir.tasks[t.index]?.elementId : t.kind === 'gateway' ? ir.gateways[t.index]?.elementId : ir.ends[t.index]?.elementId;
  while (queue.length) {
    const t = queue.shift()!;
    const id = idOf(t);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    if (t.kind === 'task') queue.push(ir.tasks[t.index].next);
    else if (t.kind === 'gateway') queue.push(...targetsOf(ir.gateways[t.index]));
  }
  const executable = new Set([...ir.tasks, ...ir.gateways, ...ir.ends].map((e) => e.elementId));
  return nodes
    .filter((n) => executable.has(n.id) && !seen.has(n.id))
    .map((n) => warning(`${n.name ? `"${n.name}"` : n.id} can never be reached from the start event`, where(n.id)));
}
