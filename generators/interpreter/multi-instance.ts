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
  /** Instances of this activation: the cardinality, or (cf:forEachOf) the role's holders when it was activated. */
  readonly total: number;
  readonly completed: number;
  /** Lowercase account -> the activation in which it last completed an instance. */
  readonly by: ReadonlyMap<string, number>;
}

export const NEVER_ACTIVATED: MultiState = { activation: 0, total: 0, completed: 0, by: new Map() };

/**
 * The counters after routing moved the marking from `rest` to `marking`: every multi-instance task
 * whose bit was newly set starts a new activation. `holders(role)`: how many members hold the role now.
 */
export function activateMulti(ir: ProcessIR, multi: readonly MultiState[], rest: bigint, marking: bigint, holders: (role: string) => number): MultiState[] {
  return ir.tasks.map((t, i) => {
    const b = 1n << BigInt(t.bit);
    if (!t.multi || (marking & b) === 0n || (rest & b) !== 0n) return multi[i];
    const total = t.multi.forEachOf !== undefined ? holders(t.multi.forEachOf) : t.multi.cardinality;
    return { activation: multi[i].activation + 1, total, completed: 0, by: multi[i].by };
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
  const next = { ...state, completed, by };
  const finished = () => {
    if (completed >= state.total) return true;
    if (!multi.completion) return false;
    const n = BigInt(state.total);
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
