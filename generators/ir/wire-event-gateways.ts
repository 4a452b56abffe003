/**
 * Event-based gateways (docs/process-format.md, "Event-based gateways"): a token reaching one arms
 * every event after it (their bits are set, timers start), and the first to occur withdraws the
 * others. This checks the BPMN rules that make "first to occur" well defined and records, on each
 * target, the gateway it races in (TaskIR.race, TimerIR.race), which timer-bits.ts then clears.
 *
 * - every outgoing flow leads straight to an intermediate timer or message catch event or a
 *   receive task (no script task, gateway, user task or end event in between);
 * - a target has no other incoming flow (it would otherwise wait outside the race, and withdrawing
 *   it would take that other token too);
 * - a receive task in a race has no boundary events (BPMN 2.0, 10.5.6);
 * - at least two outgoing flows, and the gateway does not start the process (instantiate).
 */
import { error, type Problem } from '../problems.js';
import type { BpmnFlowNode } from '../bpmn/moddle-types.js';
import type { ProcessIR } from './process-ir.js';

type Where = (elementId: string) => { file: string; elementId: string; path: string };

const label = (e: { id: string; name?: string }) => (e.name?.trim() ? `"${e.name.trim()}"` : e.id);

/** `gatewayNodes[i]` is the element of `ir.gateways[i]`. Sets `race` on the targets; returns the problems. */
export function wireEventGateways(ir: ProcessIR, gatewayNodes: readonly BpmnFlowNode[], where: Where): Problem[] {
  const problems: Problem[] = [];
  ir.gateways.forEach((g, gi) => {
    if (g.kind !== 'event') return;
    const node = gatewayNodes[gi];
    const fail = (message: string) => problems.push(error(`event-based gateway ${label(node)}: ${message}`, where(g.elementId)));
    if (node.get('instantiate') === true) fail('it starts the process (instantiate); start with a start event and put the gateway after it');
    if (node.get('eventGatewayType') === 'Parallel') fail('a parallel event-based gateway (every event in turn) is not executable; use the exclusive one');
    if (g.branches.length < 2) fail('it has fewer than two outgoing flows; an event-based gateway chooses between events');
    for (const b of g.branches) {
      const t = b.target;
      const flow = (node.outgoing ?? []).find((f) => f.id === b.flowId);
      const target = flow?.targetRef;
      const ok = !t.scripts?.length && ((t.kind === 'timer' && ir.timers[t.index].attachedTo === undefined)
        || (t.kind === 'task' && (ir.tasks[t.index].kind === 'receive' || (ir.tasks[t.index].kind === 'message' && ir.tasks[t.index].attachedTo === undefined))));
      if (!ok) {
        fail(`flow ${b.flowId} leads to ${target ? label(target) : 'nothing'}; an event-based gateway leads only to intermediate timer or message catch events and receive tasks`);
        continue;
      }
      if ((target?.incoming ?? []).length > 1) fail(`${label(target!)} has other incoming flows; an event that races after an event-based gateway is reached only from it`);
      if (t.kind === 'task' && (ir.tasks.some((x) => x.attachedTo === t.index) || ir.timers.some((x) => x.attachedTo === t.index)))
        fail(`receive task ${label(target!)} has boundary events; a receive task after an event-based gateway may not`);
      if (t.kind === 'task') ir.tasks[t.index].race = gi;
      else ir.timers[t.index].race = gi;
    }
  });
  return problems;
}
