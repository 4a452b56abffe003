/**
 * Timer start events (generators/ir/read-timer-start.ts): the contract cannot start itself, so
 * startInstance checks first that a round is due. Round k is due at START_FIRST_DUE + k * START_PERIOD;
 * `_startRound` is the next round that may start. Starting takes the latest round due now and moves
 * `_startRound` past it: a second start in the same round reverts (StartNotDue with the next due
 * time), and rounds nobody started are skipped, not piled up (a missed inspection round is not run
 * twice later). When no round is left StartNotDue carries type(uint64).max. `nextStartDueAt()` tells
 * the app when the next start is due.
 */
import { bin, id, member, call, num, str, type Expr, type Statement } from './contract-model.js';
import type { ProcessContext } from './process-context.js';

const NOW = member(id('block'), 'timestamp');
const ROUND = id('_startRound');
const FIRST = id('START_FIRST_DUE');
const PERIOD = id('START_PERIOD');
const ROUNDS = id('START_ROUNDS');
/** The due time reported when no start is left. */
export const NO_MORE_STARTS = member(call('type', id('uint64')), 'max');
export const NO_MORE_STARTS_VALUE = 2n ** 64n - 1n;

const START_NOT_DUE = {
  name: 'StartNotDue',
  params: [{ type: 'string', name: 'startEvent' }, { type: 'uint256', name: 'dueAt' }],
  natspec: {
    notice: ['No round of the timer start event is due now: a start before the first due time, or a second start in the same round.'],
    params: [{ name: 'startEvent', text: 'The timer start event, by name.' }, { name: 'dueAt', text: 'When the next round is due (block time, Unix seconds); type(uint64).max when none is left.' }],
  },
};

/** Constants, the round counter, the error and `nextStartDueAt()`; nothing for other starts. */
export function addTimerStart(ctx: ProcessContext) {
  const t = ctx.ir.start.timer;
  if (!t) return;
  const { builder } = ctx;
  const what = `timer start "${ctx.ir.start.name}" (${t.text})`;
  builder.addConstant({ type: 'uint256', name: 'START_FIRST_DUE', visibility: 'private', value: num(t.firstDueAt), natspec: { dev: [`First due time (Unix seconds) of ${what}.`] } });
  if (t.periodSeconds) builder.addConstant({ type: 'uint256', name: 'START_PERIOD', visibility: 'private', value: num(t.periodSeconds), natspec: { dev: ['Seconds between two rounds.'] } });
  if (t.rounds !== undefined) builder.addConstant({ type: 'uint256', name: 'START_ROUNDS', visibility: 'private', value: num(t.rounds), natspec: { dev: ['Number of rounds; none is due after the last.'] } });
  builder.addStateVar({ type: 'uint256', name: '_startRound', visibility: 'private', natspec: { dev: ['The next round that may start (rounds nobody started are skipped).'] } });
  builder.addError(START_NOT_DUE);
  builder.addFunction({
    kind: 'function', name: 'nextStartDueAt', visibility: 'external', mutability: 'view', params: [], returns: [{ type: 'uint256', name: 'dueAt' }],
    elementId: ctx.ir.start.elementId,
    natspec: { notice: [`When an instance may next be started at ${what}.`], returns: [{ name: 'dueAt', text: 'Block time (Unix seconds) from which startInstance accepts the next round; type(uint64).max when none is left.' }] },
    body: [...(t.rounds !== undefined ? [noneLeft({ kind: 'return', value: NO_MORE_STARTS })] : []), { kind: 'return', value: dueOfRound(ctx) }],
  });
}

/** Round `_startRound`'s due time. */
function dueOfRound(ctx: ProcessContext): Expr {
  return ctx.ir.start.timer!.periodSeconds ? bin('+', FIRST, bin('*', ROUND, PERIOD)) : FIRST;
}

function noneLeft(then: Statement): Statement {
  return { kind: 'if', cond: bin('>=', ROUND, ROUNDS), then: [then] };
}

/** The first statements of startInstance for a timer start: is a round due, then take it. */
export function timerStartChecks(ctx: ProcessContext): Statement[] {
  const t = ctx.ir.start.timer;
  if (!t) return [];
  const name = str(ctx.ir.start.name);
  const taken: Expr = t.periodSeconds ? bin('+', bin('/', bin('-', NOW, FIRST), PERIOD), num(1)) : num(1);
  return [
    ...(t.rounds !== undefined ? [noneLeft({ kind: 'revert', error: 'StartNotDue', args: [name, NO_MORE_STARTS] })] : []),
    { kind: 'let', type: 'uint256', name: 'startDueAt', value: dueOfRound(ctx) },
    { kind: 'if', cond: bin('<', NOW, id('startDueAt')), then: [{ kind: 'revert', error: 'StartNotDue', args: [name, id('startDueAt')] }] },
    ...(t.periodSeconds ? [{ kind: 'comment', text: 'the latest round due now is taken; earlier ones nobody started are skipped' } as Statement] : []),
    { kind: 'assign', target: ROUND, op: '=', value: taken },
  ];
}
