/**
 * A subprocess must wait for someone before it can finish: every path from its start reaches a
 * task, a timer or a nested subprocess before an end event. A subprocess that could finish in the
 * step that entered it would complete (or throw) inside the routing of that step, where a loop
 * through it would never wait; refusing it keeps every step finite and every back end simple.
 */
import { error, type Problem } from '../problems.js';
import { targetsOf } from './check-structure.js';
import type { FlowTarget, ProcessIR } from './process-ir.js';

type Where = (elementId: string) => { file: string; elementId: string; path: string };

export function checkSubprocessesWait(ir: ProcessIR, where: Where): Problem[] {
  return ir.subprocesses.flatMap((s) => {
    const seen = new Set<number>();
    const endsEarly = (t: FlowTarget): boolean => {
      if (t.kind === 'end') return true;
      if (t.kind !== 'gateway' || seen.has(t.index)) return false;
      seen.add(t.index);
      return targetsOf(ir.gateways[t.index]).some(endsEarly);
    };
    return endsEarly(s.entry)
      ? [error(`subprocess "${s.name}" can reach an end event from its start without a task or timer in between; every path inside a subprocess must wait for someone before it ends`, where(s.elementId))]
      : [];
  });
}
