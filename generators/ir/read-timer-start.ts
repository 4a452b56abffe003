/**
 * Timer start events (docs/process-format.md, "Timer start events"): the one start event of the
 * process with exactly one timer definition holding a `timeDate` or a `timeCycle` (parse-time-spec.ts).
 * A contract cannot start itself, so the timer only says WHEN an instance may be started; a member
 * (of the start's role, if it has one) starts it, at most one instance per due time.
 * A `timeDuration` is refused: a start has no moment to count the duration from.
 */
import { error, type Problem } from '../problems.js';
import type { BpmnFlowNode } from '../bpmn/moddle-types.js';
import type { StartTimerIR } from './process-ir.js';
import { parseCycle, parseDateTime } from './parse-time-spec.js';

type Where = Omit<Problem, 'severity' | 'message'>;

const bodyOf = (node: BpmnFlowNode, name: string) => (node.eventDefinitions?.[0]?.get(name) as { body?: string } | undefined)?.body;

/** A start event with exactly one timer event definition. */
export function isTimerStart(node: BpmnFlowNode): boolean {
  const defs = node.eventDefinitions ?? [];
  return node.$type === 'bpmn:StartEvent' && defs.length === 1 && defs[0].$type === 'bpmn:TimerEventDefinition';
}

/** The schedule of timer start event `node`, or undefined after pushing a located error saying why it cannot run. */
export function readTimerStart(node: BpmnFlowNode, label: string, where: Where, problems: Problem[]): StartTimerIR | undefined {
  const what = `timer start event ${label}`;
  const date = bodyOf(node, 'timeDate');
  const cycle = bodyOf(node, 'timeCycle');
  const fail = (message: string) => {
    problems.push(error(`${what} ${message}`, where));
    return undefined;
  };
  if (bodyOf(node, 'timeDuration') !== undefined) return fail('waits a duration (timeDuration), but a start has no moment to count it from; give a timeDate (2026-01-01T08:00:00+08:00) or a timeCycle with a start date (R/2026-01-01T08:00:00+08:00/P1D)');
  if (date !== undefined && cycle !== undefined) return fail('has both a timeDate and a timeCycle; keep one (a cycle carries its own start date)');
  if (date !== undefined) {
    const parsed = parseDateTime(date);
    if (!parsed.ok) return fail(`(timeDate): ${parsed.message}`);
    return { definition: 'timeDate', text: date.trim(), firstDueAt: parsed.seconds, periodSeconds: 0, rounds: 1 };
  }
  if (cycle !== undefined) {
    const parsed = parseCycle(cycle);
    if (!parsed.ok) return fail(`(timeCycle): ${parsed.message}`);
    return { definition: 'timeCycle', text: cycle.trim(), firstDueAt: parsed.firstDueAt, periodSeconds: parsed.periodSeconds, ...(parsed.rounds !== undefined ? { rounds: parsed.rounds } : {}) };
  }
  return fail('has no time; give its timer a timeDate (2026-01-01T08:00:00+08:00) or a timeCycle (R/2026-01-01T08:00:00+08:00/P1D)');
}
