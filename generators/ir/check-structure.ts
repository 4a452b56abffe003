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
    error(`${describeGateway(ir.gateways[g])} is on a loop with no task in it; such a loop never waits for anyone, so put a task on it`, where(ir.gateways[g].elementId)),
  );
}

/**
 * In a collaboration of executable pools a receiver is a join and a sender is followed by a split
 * (rewrite-collaboration.ts): the modeler drew neither gateway, so name the element they drew.
 */
function describeGateway(g: GatewayIR): string {
  if (g.message !== undefined) return `"${g.name}", which receives a message from another pool,`;
  if (g.branches.some((b) => b.message)) return `"${g.name}", which sends a message to another pool,`;
  return `gateway "${g.name}"`;
}

export function checkReachability(ir: ProcessIR, nodes: BpmnFlowNode[], where: Where): Problem[] {
  const seen = new Set<string>([ir.start.elementId]);
  const queue: FlowTarget[] = [ir.start.next];
  const idOf = (t: FlowTarget) =>
    t.kind === 'task' ? ir.tasks[t.index]?.elementId : t.kind === 'gateway' ? ir.gateways[t.index]?.elementId
      : t.kind === 'timer' ? ir.timers[t.index]?.elementId : t.kind === 'subprocess' ? ir.subprocesses[t.index]?.elementId : ir.ends[t.index]?.elementId;
  while (queue.length) {
    const t = queue.shift()!;
    for (const k of t.scripts ?? []) seen.add(ir.scripts[k].elementId);
    const id = idOf(t);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    if (t.kind === 'task') {
      queue.push(ir.tasks[t.index].next);
      // a task's boundary timers start with it, its message boundary events are armed with it
      ir.timers.forEach((timer, k) => timer.attachedTo === t.index && queue.push({ kind: 'timer', index: k }));
      ir.tasks.forEach((task, k) => task.attachedTo === t.index && queue.push({ kind: 'task', index: k }));
    } else if (t.kind === 'timer') queue.push(ir.timers[t.index].next);
    else if (t.kind === 'gateway') queue.push(...targetsOf(ir.gateways[t.index]));
    else if (t.kind === 'subprocess') {
      // inside, its boundary timers and message boundaries, and on once it completes
      const s = ir.subprocesses[t.index];
      queue.push(s.entry, s.next);
      ir.timers.forEach((timer, k) => timer.attachedToSubprocess === t.index && queue.push({ kind: 'timer', index: k }));
      ir.tasks.forEach((task, k) => task.attachedToSubprocess === t.index && queue.push({ kind: 'task', index: k }));
    } else if (t.kind === 'end' && ir.ends[t.index].throws !== undefined) {
      const b = ir.errorBoundaries[ir.ends[t.index].throws!];
      seen.add(b.elementId);
      queue.push(b.next);
    }
  }
  const executable = new Set([...ir.tasks, ...ir.gateways, ...ir.ends, ...ir.timers, ...ir.scripts, ...ir.subprocesses, ...ir.errorBoundaries].map((e) => e.elementId));
  return nodes
    .filter((n) => executable.has(n.id) && !seen.has(n.id))
    .map((n) => warning(`${n.name ? `"${n.name}"` : n.id} can never be reached from the start event`, where(n.id)));
}

/**
 * A terminate end reached straight from a parallel split (through gateways only, no task in
 * between) would run in the same transaction as the split's other branches: depending on the
 * order they are routed, those would be cleared or would set their bits again after it, so the
 * instance would not reliably end. Refused; a task before the terminate end (or a none end) fixes it.
 */
export function checkTerminateAfterSplit(ir: ProcessIR, where: Where): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<number>();
  ir.gateways.forEach((g) => {
    // an inclusive split may take several branches in one step too
    // a sender's messages to other pools run there: a terminate end here does not touch them
    if (g.kind === 'exclusive' || g.branches.filter((b) => !b.message).length < 2) return;
    const seen = new Set<number>();
    const walk = (t: FlowTarget) => {
      if (t.kind === 'end') {
        const end = ir.ends[t.index];
        if ((end.terminate || end.throws !== undefined) && !reported.has(t.index)) {
          reported.add(t.index);
          problems.push(error(
            `${end.terminate ? 'terminate' : 'error'} end "${end.name}" follows ${g.kind} split "${g.name}" with no task in between, so the other branches started in the same step would keep running; put a task before it or use a none end event`,
            where(ir.ends[t.index].elementId),
          ));
        }
      } else if (t.kind === 'gateway' && !seen.has(t.index) && ir.gateways[t.index].message === undefined) {
        // past a receiver of a message from another pool the token is in another step, or another pool
        seen.add(t.index);
        targetsOf(ir.gateways[t.index]).forEach(walk);
      }
    };
    g.branches.forEach((b) => walk(b.target));
  });
  return problems;
}
