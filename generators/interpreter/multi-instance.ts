/**
 * The reference interpreter's multi-instance tasks (MultiInstanceIR): per task, the activation it
 * is in, how many instances of it are completed, and who completed one in which activation. As the
 * contract: activating (the task's bit newly set by a step) starts a new activation with none
 * completed; a parallel task refuses a participant who completed an instance in this activation.
 */
import { evaluateCondition, FeelRuntimeError } from '../feel/evaluate-feel.js';
import type { ProcessIR, TaskIR } from '../ir/process-ir.js';
import { RoutingRevert } from './route-token.js';

export interface MultiState {
  /** 0 before the first activation; +1 at each. */
  readonly activation: number;
  readonly completed: number;
  /** Lowercase account -> the activation in which it last completed an instance. */
  readonly by: ReadonlyMap<string, number>;
}

export const NEVER_ACTIVATED: MultiState = { activation: 0, completed: 0, by: new Map() };

/** The counters after routing moved the marking from `rest` to `marking`: every multi-instance task whose bit was newly set starts a new activation. */
export function activateMulti(ir: ProcessIR, multi: readonly MultiState[], rest: bigint, marking: bigint): MultiState[] {
  return ir.tasks.map((t, i) => {
    const b = 1n << BigInt(t.bit);
    return t.multi && (marking & b) !== 0n && (rest & b) === 0n ? { activation: multi[i].activation + 1, completed: 0, by: multi[i].by } : multi[i];
  });
}

/** Whether `account` completed an instance of this activation already (parallel tasks refuse it a second one). */
export function completedBy(state: MultiState, account: string): boolean {
  return state.by.get(account) === state.activation;
}

/**
 * One more instance completed by `account`: the new counters, and `finished()`: whether the task
 * finishes (all instances completed, or its completion condition holds), evaluated when called.
 * @throws RoutingRevert from `finished()` when the condition fails to evaluate.
 */
export function completeInstance(task: TaskIR, state: MultiState, account: string): { state: MultiState; finished: () => boolean } {
  const multi = task.multi!;
  const completed = state.completed + 1;
  const by = new Map(state.by).set(account, state.activation);
  const next = { activation: state.activation, completed, by };
  const finished = () => {
    if (completed >= multi.cardinality) return true;
    if (!multi.completion) return false;
    const n = BigInt(multi.cardinality);
    const active = multi.sequential ? 1n : n - BigInt(completed);
    try {
      return evaluateCondition(multi.completion, [n, BigInt(completed), active]);
    } catch (e) {
      if (e instanceof FeelRuntimeError) throw new RoutingRevert(e.errorName, task.elementId, `completion condition "${multi.completionText}" of "${task.name}": ${e.message}`);
      throw e;
    }
  };
  return { state: next, finished };
}
