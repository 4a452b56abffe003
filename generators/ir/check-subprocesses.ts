/**
 * A subprocess must wait for someone before it can finish: every path from its start reaches a
 * task, a timer or a nested subprocess before an end event. A subprocess that could finish in the
 * step that entered it would complete (or throw) inside the routing of that step, where a loop
 * through it would never wait; refusing it keeps every step finite and every back end simple.
 *
 * A subprocess with boundary timers must not lead straight back into itself (through gateways and
 * scripts only): it would complete and be entered again in one step, and its timers, whose bits
 * stay set across that step, would keep their old deadlines instead of starting afresh.
 */
import { error, type Problem } from '../problems.js';
import { targetsOf } from './check-structure.js';
import type { FlowTarget, ProcessIR } from './process-ir.js';
import { subprocessTimersOf } from './timer-bits.js';

type Where = (elementId: string) => { file: string; elementId: string; path: string };

/** `pools`: the scopes of a collaboration's pools (rewrite-collaboration.ts); they complete only when settling, never in the routing that enters them, so they may end without waiting. */
/**
 * Whether a token entering scope `k` may reach an end event inside it in the same step: through
 * gateways (a receiver of a message from another pool too: the message may be buffered already) and
 * scripts, to an end, before any task, timer or nested subprocess.
 */
export function mayEndAtOnce(ir: ProcessIR, k: number): boolean {
  const seen = new Set<number>();
  const walk = (t: FlowTarget): boolean => {
    if (t.kind === 'end') return true;
    if (t.kind !== 'gateway' || seen.has(t.index)) return false;
    seen.add(t.index);
    return targetsOf(ir.gateways[t.index]).some(walk);
  };
  return walk(ir.subprocesses[k].entry);
}

export function checkSubprocessesWait(ir: ProcessIR, where: Where, pools?: ReadonlySet<string>): Problem[] {
  return ir.subprocesses.flatMap((s, k) => {
    if (pools?.has(s.elementId)) return [];
    const seen = new Set<number>();
    const endsEarly = (t: FlowTarget): boolean => {
      if (t.kind === 'end') return true;
      // a receiver of a message from another pool waits for it (rewrite-collaboration.ts)
      if (t.kind !== 'gateway' || seen.has(t.index) || ir.gateways[t.index].message !== undefined) return false;
      seen.add(t.index);
      return targetsOf(ir.gateways[t.index]).some(endsEarly);
    };
    const problems = endsEarly(s.entry)
      ? [error(`subprocess "${s.name}" can reach an end event from its start without a task or timer in between; every path inside a subprocess must wait for someone before it ends`, where(s.elementId))]
      : [];
    return [...problems, ...loopsBackAtOnce(ir, k, where)];
  });
}

function loopsBackAtOnce(ir: ProcessIR, k: number, where: Where): ReturnType<typeof error>[] {
  if (subprocessTimersOf(ir, k).length === 0) return [];
  const seen = new Set<number>();
  const back = (t: FlowTarget): boolean => {
    if (t.kind === 'subprocess') return t.index === k;
    if (t.kind !== 'gateway' || seen.has(t.index)) return false;
    seen.add(t.index);
    return targetsOf(ir.gateways[t.index]).some(back);
  };
  const s = ir.subprocesses[k];
  const problems = back(s.next)
    ? [error(`subprocess "${s.name}" has boundary timers and its outgoing flow leads straight back into it; put a task on that loop so its timers start afresh`, where(s.elementId))]
    : [];
  // the same through an error boundary of it: caught and entered again in one step
  for (const b of ir.errorBoundaries) {
    seen.clear();
    if (b.attachedTo === k && back(b.next)) problems.push(error(`error boundary "${b.name}" leads straight back into subprocess "${s.name}", which has boundary timers; put a task on that loop so its timers start afresh`, where(b.elementId)));
  }
  return problems;
}
