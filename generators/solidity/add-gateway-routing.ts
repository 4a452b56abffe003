/**
 * Routing: how a token travels from a finished task (or the start event) to the next wait states.
 * Every FlowTarget becomes an expression that turns the marking `m` into the new marking:
 * a task sets its bit, an end event consumes the token (terminate clears everything), a gateway
 * calls its private `_route<Name>` function. Gateway functions are pure or view, never write
 * storage, and are emitted once each, so code size grows linearly with the model.
 */
import type { TypedExpr } from '../feel/feel-ast.js';
import type { FlowTarget, GatewayIR } from '../ir/process-ir.js';
import { bin, call, id, index, inv, member, num, str, type ErrorDecl, type Expr, type Mutability, type Param, type Statement } from './contract-model.js';
import { conditionToExpr, needsToInt256, referencesData } from './condition-to-expr.js';
import type { ProcessContext } from './process-context.js';
import { bitsArmedWith, boundaryTimersOf } from '../ir/timer-bits.js';
import { passedFields, requestFunctionName } from './add-message-events.js';
import { scriptFunctionName } from './add-script-tasks.js';
import { inclusiveMayRevert, inclusiveRouteBody } from './add-inclusive-gateways.js';
import { catchExpr, enterFunctionName, isServiceTarget, scopeTargetShape, targetShape } from './add-subprocesses.js';
import { subprocessTimersOf } from '../ir/timer-bits.js';
import { keptAtEnd } from './pack-binding.js';

const M = id('m');
const INSTANCE = id('instanceId');

export interface GatewayShape {
  /** 'nonpayable' when the routing can run a script task (it writes fields and emits). */
  mutability: Mutability;
  needsInstanceId: boolean;
  takesChoice: boolean;
}

/** Mutability and parameters of every gateway function, computed over the (acyclic) gateway graph. */
export function gatewayShapes(ctx: ProcessContext): GatewayShape[] {
  const memo = new Map<number, GatewayShape>();
  const shape = (gi: number): GatewayShape => {
    const cached = memo.get(gi);
    if (cached) return cached;
    const g = ctx.ir.gateways[gi];
    let view = g.branches.some((b) => b.condition && readsStorage(ctx, b.condition));
    let writes = false;
    const mayRevert = g.kind === 'inclusive' ? inclusiveMayRevert(g) : g.decision === 'conditions' && !g.defaultBranch;
    let needsId = view || g.decision === 'caller' || mayRevert;
    for (const t of targets(g)) {
      // a script or message sender on the way, or a service task it enables, writes or emits
      if (t.scripts?.length || isServiceTarget(ctx, t)) writes = needsId = true;
      const scoped = t.scripts?.length ? undefined : scopeTargetShape(ctx, t, shapeOfTarget);
      if (scoped) {
        view ||= scoped.mutability === 'view';
        writes ||= scoped.mutability === 'nonpayable';
        needsId ||= scoped.needsInstanceId;
      }
      if (t.kind !== 'gateway') continue;
      const s = shape(t.index);
      view ||= s.mutability === 'view';
      writes ||= s.mutability === 'nonpayable';
      needsId ||= s.needsInstanceId;
    }
    const result: GatewayShape = { mutability: writes ? 'nonpayable' : view ? 'view' : 'pure', needsInstanceId: needsId, takesChoice: g.decision === 'caller' };
    memo.set(gi, result);
    return result;
  };
  // a subprocess's entry is routed as part of the gateway that leads into it
  const shapeOfTarget = (x: FlowTarget): GatewayShape =>
    x.scripts?.length || isServiceTarget(ctx, x) ? { mutability: 'nonpayable', needsInstanceId: true, takesChoice: false }
      : x.kind === 'gateway' ? { ...shape(x.index), takesChoice: false }
        : scopeTargetShape(ctx, x, shapeOfTarget) ?? { mutability: 'pure', needsInstanceId: false, takesChoice: false };
  return ctx.ir.gateways.map((_, gi) => shape(gi));
}

/** Whether a condition reads a field from the `_data` struct (a packed bool is read from `m`). */
const readsStorage = (ctx: ProcessContext, e: TypedExpr) => referencesData(e, (fi) => ctx.packedBool.has(fi));

/**
 * Whether routing a token to `target` can leave the marking empty, i.e. end the instance. A token
 * that can only come to rest at tasks leaves their bits set, so that routing needs no end check.
 */
export function mayEnd(ctx: ProcessContext, target: FlowTarget, seen = new Set<number>()): boolean {
  // a caught error routes on by its boundary; entering a subprocess leaves its bit set
  if (target.kind === 'end' && ctx.ir.ends[target.index].throws !== undefined) return mayEnd(ctx, ctx.ir.errorBoundaries[ctx.ir.ends[target.index].throws!].next, seen);
  if (target.kind !== 'gateway') return target.kind === 'end';
  if (seen.has(target.index)) return false; // gateway graphs are acyclic; this only guards
  seen.add(target.index);
  return targets(ctx.ir.gateways[target.index]).some((t) => mayEnd(ctx, t, seen));
}

/** Whether routing a token to `target` can set a timer's bit (reach an intermediate timer, or a task with boundary timers). */
export function mayStartTimer(ctx: ProcessContext, target: FlowTarget, seen = new Set<number>()): boolean {
  if (target.kind === 'timer') return true;
  if (target.kind === 'task') return boundaryTimersOf(ctx.ir, target.index).length > 0;
  if (target.kind === 'subprocess') return subprocessTimersOf(ctx.ir, target.index).length > 0 || mayStartTimer(ctx, ctx.ir.subprocesses[target.index].entry, seen);
  if (target.kind === 'end' && ctx.ir.ends[target.index].throws !== undefined) return mayStartTimer(ctx, ctx.ir.errorBoundaries[ctx.ir.ends[target.index].throws!].next, seen);
  if (target.kind !== 'gateway' || seen.has(target.index)) return false;
  seen.add(target.index);
  return targets(ctx.ir.gateways[target.index]).some((t) => mayStartTimer(ctx, t, seen));
}

/** The constant of marking bit `bit`: a task's or a timer's. */
export function constantOfBit(ctx: ProcessContext, bit: number): string {
  const task = ctx.ir.tasks.findIndex((t) => t.bit === bit);
  if (task >= 0) return ctx.taskConstant[task];
  return ctx.timerConstant[ctx.ir.timers.findIndex((t) => t.bit === bit)];
}

const targets = (g: GatewayIR): FlowTarget[] => [...g.branches.map((b) => b.target), ...(g.defaultBranch ? [g.defaultBranch.target] : [])];

const isZero = (e: Expr) => e.kind === 'num' && e.value === 0n;

export function routeFunctionName(g: GatewayIR): string {
  return `_route${g.identifier}`;
}

/** The new marking after a token moves along a flow to `target`. `choice` is passed to a caller-decided gateway. */
export function targetExpr(ctx: ProcessContext, shapes: GatewayShape[], target: FlowTarget, m: Expr, choice?: Expr): Expr {
  // script tasks on the way run first; each routes on by its own outgoing flow
  // a sender's payload fields kept in no storage are passed on from the task function's parameters
  if (target.scripts?.length) {
    const x = ctx.ir.scripts[target.scripts[0]];
    return call(scriptFunctionName(x), INSTANCE, m, ...passedFields(ctx.ir, x.sends).map((fi) => id(ctx.ir.fields[fi].identifier)));
  }
  switch (target.kind) {
    case 'task': {
      // a service task asks for its service when it is enabled
      const task = ctx.ir.tasks[target.index];
      if (task.kind === 'service') return call(requestFunctionName(task), INSTANCE, m, ...passedFields(ctx.ir, task.requests).map((fi) => id(ctx.ir.fields[fi].identifier)));
      // the task's boundary events are armed with it (its timers start)
      const bits = [ctx.taskConstant[target.index], ...bitsArmedWith(ctx.ir, target.index).map((b) => constantOfBit(ctx, b))].map(id);
      return (isZero(m) ? bits : [m, ...bits]).reduce((a, b) => bin('|', a, b));
    }
    case 'timer':
      return isZero(m) ? id(ctx.timerConstant[target.index]) : bin('|', m, id(ctx.timerConstant[target.index]));
    case 'end': {
      const end = ctx.ir.ends[target.index];
      if (end.throws !== undefined) return catchExpr(ctx, target.index, m);
      if (!end.terminate) return m;
      // a terminate end inside a subprocess ends only that subprocess
      return end.scope === undefined ? keptAtEnd(ctx, m) : bin('&', m, inv(id(`${ctx.subConstant[end.scope]}_INNER`)));
    }
    case 'subprocess': {
      const shape = targetShape(ctx, shapes, ctx.ir.subprocesses[target.index].entry);
      return call(enterFunctionName(ctx, target.index), ...(shape.needsInstanceId ? [INSTANCE] : []), m);
    }
    case 'gateway': {
      const g = ctx.ir.gateways[target.index];
      const s = shapes[target.index];
      const input = target.inputBit === undefined ? undefined : id(ctx.joinConstant.get(target.inputBit)!);
      const marking = input === undefined ? m : isZero(m) ? input : bin('|', m, input);
      // a token reaching an inclusive join waits on its input; the join fires when the step settles
      if (g.kind === 'inclusive' && input !== undefined) return marking;
      const args = [...(s.needsInstanceId ? [INSTANCE] : []), marking, ...(s.takesChoice ? [choice ?? num(0)] : [])];
      return call(routeFunctionName(g), ...args);
    }
  }
}

export function addGatewayRouting(ctx: ProcessContext): GatewayShape[] {
  const shapes = gatewayShapes(ctx);
  const { builder, ir } = ctx;
  let usesToInt = false;
  ir.gateways.forEach((g, gi) => {
    const s = shapes[gi];
    const params: Param[] = [
      ...(s.needsInstanceId ? [{ type: 'uint256', name: 'instanceId' }] : []),
      { type: 'uint256', name: 'm' },
      ...(s.takesChoice ? [{ type: 'uint8', name: 'choice' }] : []),
    ];
    const body: Statement[] = [];
    const go = (t: FlowTarget): Statement => ({ kind: 'return', value: targetExpr(ctx, shapes, t, M) });
    if (g.kind === 'inclusive') {
      const inclusive = inclusiveRouteBody(ctx, shapes, gi);
      usesToInt ||= inclusive.usesToInt;
      body.push(...inclusive.body);
      if (inclusiveMayRevert(g)) builder.addError(ERRORS.NoBranchMatches);
    } else if (g.kind === 'parallel' || g.kind === 'event') {
      const mask = ctx.joinMaskConstant.get(gi);
      if (mask) {
        body.push({ kind: 'comment', text: 'Wait until a token has arrived on every incoming flow.' });
        body.push({ kind: 'if', cond: bin('!=', bin('&', M, id(mask)), id(mask)), then: [{ kind: 'return', value: M }] });
        body.push({ kind: 'assign', target: M, op: '&=', value: inv(id(mask)) });
      }
      for (const b of g.branches) body.push({ kind: 'assign', target: M, op: '=', value: targetExpr(ctx, shapes, b.target, M) });
      body.push({ kind: 'return', value: M });
    } else if (g.decision === 'caller') {
      if (g.defaultBranch) body.push({ kind: 'if', cond: bin('==', id('choice'), num(0)), then: [go(g.defaultBranch.target)] });
      g.branches.forEach((b, k) => {
        body.push({ kind: 'comment', text: `${k + 1}: "${b.name}"` });
        body.push({ kind: 'if', cond: bin('==', id('choice'), num(k + 1)), then: [go(b.target)] });
      });
      body.push({ kind: 'revert', error: 'InvalidChoice', args: [INSTANCE, str(g.name), id('choice')] });
      builder.addError(ERRORS.InvalidChoice);
    } else if (g.decision === 'conditions') {
      const readsData = g.branches.some((b) => b.condition && readsStorage(ctx, b.condition));
      if (readsData) body.push({ kind: 'let', type: 'Data storage', name: 'd', value: index(id('_data'), INSTANCE) });
      // a bool kept in the state word is read from `m`, which the caller already loaded
      const field = (fi: number) => {
        const bit = ctx.packedBool.get(fi);
        return bit === undefined ? undefined : bin('!=', bin('&', M, id(bit)), num(0));
      };
      for (const b of g.branches) {
        usesToInt ||= needsToInt256(b.condition!);
        body.push({ kind: 'comment', text: `"${b.name}": ${b.conditionText}` });
        body.push({ kind: 'if', cond: conditionToExpr(b.condition!, { fields: ir.fields, data: id('d'), field }), then: [go(b.target)] });
      }
      if (g.defaultBranch) {
        body.push({ kind: 'comment', text: `Default flow "${g.defaultBranch.name}".` });
        body.push(go(g.defaultBranch.target));
      } else {
        body.push({ kind: 'revert', error: 'NoBranchMatches', args: [INSTANCE, str(g.name)] });
        builder.addError(ERRORS.NoBranchMatches);
      }
    } else {
      body.push(go(g.branches[0].target));
    }
    builder.addFunction({
      kind: 'function', name: routeFunctionName(g), visibility: 'private', mutability: s.mutability, params,
      returns: [{ type: 'uint256', name: '' }], body, elementId: g.elementId,
      natspec: { dev: [gatewayDoc(g)] },
    });
  });
  if (usesToInt) addToInt256(ctx);
  return shapes;
}

function gatewayDoc(g: GatewayIR): string {
  if (g.kind === 'inclusive') {
    const split = `every branch whose condition holds${g.branches.some((b) => !b.condition) ? ' (a branch without one always)' : ''} gets a token${g.defaultBranch ? ', else the default flow' : ''}`;
    return g.inputBits.length
      ? `Inclusive join "${g.name}": fires when the step settles, once a token has arrived and none can still arrive only on an empty input; then ${split}.`
      : `Inclusive split "${g.name}": ${split}.`;
  }
  if (g.kind === 'event') return `Event-based gateway "${g.name}": arms every event after it; the first to occur withdraws the others.`;
  if (g.kind === 'parallel') return g.inputBits.length ? `Parallel join "${g.name}": fires once every incoming flow has a token.` : `Parallel split "${g.name}".`;
  if (g.decision === 'caller') return `Exclusive gateway "${g.name}", decided by the participant who completed the task before it (choice 1..${g.branches.length}${g.defaultBranch ? ', 0 = default' : ''}).`;
  if (g.decision === 'conditions') return `Exclusive gateway "${g.name}": the first condition that holds wins${g.defaultBranch ? ', else the default flow' : ''}.`;
  return `Merge "${g.name}".`;
}

export function addToInt256(ctx: ProcessContext) {
  ctx.builder.addError(ERRORS.ValueOutOfRange);
  ctx.builder.addFunction({
    kind: 'function', name: '_toInt256', visibility: 'private', mutability: 'pure',
    params: [{ type: 'uint256', name: 'value' }], returns: [{ type: 'int256', name: '' }],
    natspec: { dev: ['Reverts instead of wrapping when an unsigned field is used in signed arithmetic.'] },
    body: [
      { kind: 'if', cond: bin('>', id('value'), call(id('uint256'), member(call('type', id('int256')), 'max'))), then: [{ kind: 'revert', error: 'ValueOutOfRange', args: [id('value')] }] },
      { kind: 'return', value: call('int256', id('value')) },
    ],
  });
}

export const ERRORS: Record<string, ErrorDecl> = {
  TaskNotEnabled: {
    name: 'TaskNotEnabled',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'string', name: 'task' }],
    natspec: { notice: ['The task is not enabled in this instance now (or the instance does not exist or has ended).'] },
  },
  CallerLacksRole: {
    name: 'CallerLacksRole',
    params: [{ type: 'address', name: 'caller' }, { type: 'string', name: 'task' }, { type: 'string', name: 'role' }],
    natspec: { notice: ['The caller does not play the role that performs this task.'] },
  },
  NotAMember: {
    name: 'NotAMember',
    params: [{ type: 'address', name: 'caller' }],
    natspec: { notice: ['The caller is not a member of the consortium.'] },
  },
  NotRegistry: {
    name: 'NotRegistry',
    params: [{ type: 'address', name: 'caller' }],
    natspec: { notice: ['Only the consortium registry may change role memberships.'] },
  },
  InvalidChoice: {
    name: 'InvalidChoice',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'string', name: 'gateway' }, { type: 'uint8', name: 'choice' }],
    natspec: { notice: ['The chosen outgoing flow does not exist at this gateway (0 picks the default flow, where there is one).'] },
  },
  NoBranchMatches: {
    name: 'NoBranchMatches',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'string', name: 'gateway' }],
    natspec: { notice: ['No condition of this gateway holds and it has no default flow.'] },
  },
  RequiredFieldMissing: {
    name: 'RequiredFieldMissing',
    params: [{ type: 'string', name: 'field' }],
    natspec: { notice: ['A required field was left empty.'] },
  },
  TimerNotWaiting: {
    name: 'TimerNotWaiting',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'string', name: 'timer' }],
    natspec: { notice: ['The timer is not waiting in this instance now: not reached yet, fired already, or withdrawn with its task.'] },
  },
  TimerNotDue: {
    name: 'TimerNotDue',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'string', name: 'timer' }, { type: 'uint256', name: 'dueAt' }],
    natspec: { notice: ['The timer waits, but its deadline has not come yet.'] },
  },
  ValueOutOfRange: {
    name: 'ValueOutOfRange',
    params: [{ type: 'uint256', name: 'value' }],
    natspec: { notice: ['An unsigned value is too large for signed arithmetic in a condition.'] },
  },
};
