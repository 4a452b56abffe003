/**
 * The tail every state-changing function shares: take the token off what the step consumed, route
 * it on, start the timers the routing reached, and write the state word once.
 */
import type { FlowTarget } from '../ir/process-ir.js';
import { bin, call, id, index, inv, num, type Expr, type Statement } from './contract-model.js';
import { mayEnd, mayStartTimer, targetExpr, type GatewayShape } from './add-gateway-routing.js';
import { MARKING_MASK, wordHasExtras, type ProcessContext } from './process-context.js';
import { keptAtEnd } from './pack-binding.js';
import { inclusiveJoins } from '../ir/inclusive-join.js';
import { settleCall } from './add-inclusive-gateways.js';
import { activateCall, mayActivateMultiAfter } from './add-multi-instance.js';

const M = id('m');
const INSTANCE = id('instanceId');
export const START_TIMERS = '_startTimers';

/**
 * `m` becomes the marking after the token leaves by `next`, from `m` without the `consumed` bits.
 * Where the routing can set a timer's bit, the bits it newly set start their timers (`_startTimers`):
 * a bit cleared here and set again by the routing (a loop back to the task) starts it afresh.
 */
export function routeOn(ctx: ProcessContext, shapes: GatewayShape[], next: FlowTarget, consumed: Expr, choice?: Expr, settle = false): Statement[] {
  // nothing consumed (a non-interrupting message boundary): route from `m` itself (`~0` is no uint256)
  const from = consumed.kind === 'num' && consumed.value === 0n ? M : bin('&', M, inv(consumed));
  const timers = mayStartTimerAfter(ctx, next, settle);
  // a multi-instance task the routing newly enables starts a new activation, as a timer starts
  const multi = mayActivateMultiAfter(ctx, next, settle);
  if (!timers && !multi) return [{ kind: 'assign', target: M, op: '=', value: routedExpr(ctx, shapes, next, from, choice, settle) }];
  return [
    { kind: 'let', type: 'uint256', name: 'rest', value: from },
    { kind: 'assign', target: M, op: '=', value: routedExpr(ctx, shapes, next, id('rest'), choice, settle) },
    ...(timers ? [{ kind: 'expr', expr: call(START_TIMERS, INSTANCE, bin('&', M, inv(id('rest')))) } as Statement] : []),
    ...(multi ? [activateCall(bin('&', M, inv(id('rest'))))] : []),
  ];
}

/**
 * The marking after routing to `next` from `from`; `settle`: the step can change an inclusive join's
 * decision (generators/ir/inclusive-join.ts, needsSettle), so the joins are settled after the routing.
 */
export function routedExpr(ctx: ProcessContext, shapes: GatewayShape[], next: FlowTarget, from: Expr, choice: Expr | undefined, settle: boolean): Expr {
  const routed = targetExpr(ctx, shapes, next, from, choice);
  return settle ? settleCall(ctx, shapes, routed) : routed;
}

/** The targets settling may route tokens to: every inclusive join's outgoing flows. */
const settledJoins = (ctx: ProcessContext): FlowTarget[] => [
  ...inclusiveJoins(ctx.ir).map((j): FlowTarget => ({ kind: 'gateway', index: j })),
  // a subprocess that completes while settling routes on by its outgoing flow
  ...ctx.ir.subprocesses.map((s) => s.next),
];

/** mayStartTimer, counting what settling the inclusive joins may reach. */
export function mayStartTimerAfter(ctx: ProcessContext, next: FlowTarget, settle: boolean): boolean {
  return mayStartTimer(ctx, next) || (settle && settledJoins(ctx).some((t) => mayStartTimer(ctx, t)));
}

/**
 * Writes the new state word: the one storage write of the transaction. Only where the routing can
 * empty the marking does it check for the end (and then clears the fields kept beside it).
 */
export function commit(ctx: ProcessContext, next: FlowTarget, settle = false): Statement[] {
  const write: Statement = { kind: 'assign', target: index(id(ctx.stateVar), INSTANCE), op: '=', value: M };
  if (!mayEnd(ctx, next) && !(settle && settledJoins(ctx).some((t) => mayEnd(ctx, t)))) return [write];
  const ended: Statement = { kind: 'emit', event: 'InstanceEnded', args: [INSTANCE] };
  if (!wordHasExtras(ctx)) return [write, { kind: 'if', cond: bin('==', M, num(0)), then: [ended] }];
  // only the bound participant beside the marking: it stays, nothing to clear
  if (!ctx.packedBool.size) return [write, { kind: 'if', cond: bin('==', bin('&', M, id(MARKING_MASK)), num(0)), then: [ended] }];
  return [
    {
      kind: 'if', cond: bin('==', bin('&', M, id(MARKING_MASK)), num(0)),
      then: [{ kind: 'comment', text: `No token left: the instance has ended; its fields go with it${ctx.boundInWord ? ' (the bound participant stays)' : ''}.` }, { kind: 'assign', target: M, op: '=', value: keptAtEnd(ctx, M) }, ended],
    },
    write,
  ];
}

/** `A | B | …` of the constants. */
export function orOf(names: string[]): Expr {
  return names.map(id).reduce((a, b) => bin('|', a, b));
}
