/**
 * Embedded subprocesses and error boundaries (the semantics: SubProcessIR and ErrorBoundaryIR in
 * generators/ir/process-ir.ts, played alike by generators/interpreter/route-token.ts).
 * - `SUB_<X>` is the subprocess's own bit, `SUB_<X>_INNER` the bits of everything inside it and
 *   `SUB_<X>_ALL` those plus its own and its boundary timers' and message boundaries': withdrawing it
 *   is one AND (an interrupting timer or message does that, with its own bit: consumedConstants).
 * - `_enter<X>(m)` sets its bit (and starts its boundary timers, arms its message boundaries) and
 *   routes a token to its start's target; a token arriving while it runs is absorbed.
 * - `_catch<Boundary>(instanceId, m)` runs where an error end's token arrives: emits `ErrorCaught`,
 *   withdraws the subprocess and routes on by the boundary.
 * - `_settle(m)` replaces the inclusive joins' settling when the process has subprocesses: round
 *   after round, the joins that may fire fire, then every running subprocess with nothing left
 *   inside completes (innermost first), clearing its boundary events' bits, and routes on by its
 *   outgoing flow.
 */
import type { FlowTarget } from '../ir/process-ir.js';
import { inclusiveJoins } from '../ir/inclusive-join.js';
import { bitsConsumedBy, subprocessMessagesOf, subprocessTimersOf } from '../ir/timer-bits.js';
import { bin, call, id, inv, num, str, type Expr, type Mutability, type Statement } from './contract-model.js';
import { constantOfBit, routeFunctionName, targetExpr, type GatewayShape } from './add-gateway-routing.js';
import type { ProcessContext } from './process-context.js';

const M = id('m');
const INSTANCE = id('instanceId');
export const SETTLE_SCOPES = '_settle';
const RANK: Record<Mutability, number> = { pure: 0, view: 1, nonpayable: 2 };
const PURE: GatewayShape = { mutability: 'pure', needsInstanceId: false, takesChoice: false };

export const enterFunctionName = (ctx: ProcessContext, k: number) => `_enter${ctx.ir.subprocesses[k].identifier}`;
export const catchFunctionName = (ctx: ProcessContext, b: number) => `_catch${ctx.ir.errorBoundaries[b].identifier}`;

/** Two shapes together: the stronger mutability, an instance id if either needs one. */
export function joinShapes(a: GatewayShape, b: GatewayShape): GatewayShape {
  return { mutability: RANK[a.mutability] >= RANK[b.mutability] ? a.mutability : b.mutability, needsInstanceId: a.needsInstanceId || b.needsInstanceId, takesChoice: a.takesChoice };
}

/**
 * The shape of routing a token to a subprocess (that of its entry) or an error end (a catch always
 * emits, so nonpayable with the instance id); undefined for every other target.
 */
export function scopeTargetShape(ctx: ProcessContext, t: FlowTarget, shapeOf: (t: FlowTarget) => GatewayShape): GatewayShape | undefined {
  if (t.kind === 'subprocess') return shapeOf(ctx.ir.subprocesses[t.index].entry);
  if (t.kind === 'end' && ctx.ir.ends[t.index].throws !== undefined) return { mutability: 'nonpayable', needsInstanceId: true, takesChoice: false };
  return undefined;
}

/** The shape of routing a token to `t` (scripts and catches write; gateways as computed). */
export function targetShape(ctx: ProcessContext, shapes: GatewayShape[], t: FlowTarget): GatewayShape {
  // a script or message sender on the way, or a service task it enables (its request event), writes
  if (t.scripts?.length || isServiceTarget(ctx, t)) return { mutability: 'nonpayable', needsInstanceId: true, takesChoice: false };
  if (t.kind === 'gateway') return { ...shapes[t.index], takesChoice: false };
  return scopeTargetShape(ctx, t, (x) => targetShape(ctx, shapes, x)) ?? PURE;
}

/** `ctx` constant of marking bit `bit`, whichever element owns it. */
export function constantOfAnyBit(ctx: ProcessContext, bit: number): string {
  const { ir } = ctx;
  const task = ir.tasks.findIndex((t) => t.bit === bit);
  if (task >= 0) return ctx.taskConstant[task];
  const timer = ir.timers.findIndex((t) => t.bit === bit);
  if (timer >= 0) return ctx.timerConstant[timer];
  const sub = ir.subprocesses.findIndex((s) => s.bit === bit);
  if (sub >= 0) return ctx.subConstant[sub];
  return ctx.joinConstant.get(bit)!;
}

/** A service task: reaching it emits its request event (add-message-events.ts), so the routing writes. */
export const isServiceTarget = (ctx: ProcessContext, t: FlowTarget): boolean => t.kind === 'task' && ctx.ir.tasks[t.index].kind === 'service';

const orOf = (names: string[]): Expr => names.map(id).reduce((a, b) => bin('|', a, b));

/** The constants, the ErrorCaught event, and the `_enter` and `_catch` functions. */
export function addSubprocesses(ctx: ProcessContext, shapes: GatewayShape[]) {
  const { ir, builder } = ctx;
  ir.subprocesses.forEach((s, k) => {
    const own = ctx.subConstant[k];
    builder.addConstant({ type: 'uint256', name: own, visibility: 'private', value: bin('<<', num(1), num(s.bit)), natspec: { dev: [s.calledProcess ? `Marking bit: call activity "${s.name}" runs; it holds process "${s.calledProcess.name}" (${s.calledProcess.documentId}), inlined.` : `Marking bit: subprocess "${s.name}" runs.`] } });
    builder.addConstant({ type: 'uint256', name: `${own}_INNER`, visibility: 'private', value: s.inner.length ? orOf(s.inner.map((b) => constantOfAnyBit(ctx, b))) : num(0), natspec: { dev: [`Every marking bit inside "${s.name}": it completes when none is left${s.inner.length ? '' : ' (a pool that never waits: none)'}.`] } });
    if (s.buffers?.length) builder.addConstant({ type: 'uint256', name: `${own}_BUFFERS`, visibility: 'private', value: orOf(s.buffers.map((b) => constantOfAnyBit(ctx, b))), natspec: { dev: [`Messages from other pools buffered inside "${s.name}": they keep no one busy, so it completes without them, and they go with it.`] } });
    builder.addConstant({
      type: 'uint256', name: `${own}_ALL`, visibility: 'private', value: orOf([own, `${own}_INNER`, ...boundaryConstants(ctx, k)]),
      natspec: { dev: [`"${s.name}" with everything inside it and its boundary ${subprocessMessagesOf(ir, k).length ? 'events' : 'timers'}: withdrawing it clears these.`] },
    });
  });
  if (ir.errorBoundaries.length) {
    builder.addEvent({
      name: 'ErrorCaught',
      params: [{ type: 'uint256', name: 'instanceId', indexed: true }, { type: 'uint8', name: 'boundary' }, { type: 'string', name: 'errorCode' }],
      natspec: { notice: ['An error end event threw `errorCode`; error boundary number `boundary` caught it and withdrew its subprocess.'] },
    });
  }
  ir.subprocesses.forEach((s, k) => {
    const shape = targetShape(ctx, shapes, s.entry);
    const own = id(ctx.subConstant[k]);
    const entered = orOf(['m', ctx.subConstant[k], ...boundaryConstants(ctx, k)]);
    builder.addFunction({
      kind: 'function', name: enterFunctionName(ctx, k), visibility: 'private', mutability: shape.mutability,
      params: [...(shape.needsInstanceId ? [{ type: 'uint256', name: 'instanceId' }] : []), { type: 'uint256', name: 'm' }],
      returns: [{ type: 'uint256', name: '' }], elementId: s.elementId,
      natspec: { dev: [`Enters ${s.calledProcess ? 'call activity' : 'subprocess'} "${s.name}"${enteredAlso(ctx, k)}; a token arriving while it runs is absorbed.`] },
      body: [
        { kind: 'if', cond: bin('!=', bin('&', M, own), num(0)), then: [{ kind: 'return', value: M }] },
        { kind: 'return', value: targetExpr(ctx, shapes, s.entry, entered) },
      ],
    });
  });
  ir.errorBoundaries.forEach((b, i) => {
    const s = ir.subprocesses[b.attachedTo];
    const codes = ir.ends.filter((e) => e.throws === i).map((e) => e.errorCode!);
    builder.addFunction({
      kind: 'function', name: catchFunctionName(ctx, i), visibility: 'private', mutability: 'nonpayable',
      params: [{ type: 'uint256', name: 'instanceId' }, { type: 'uint256', name: 'm' }, ...(new Set(codes).size > 1 ? [{ type: 'string', name: 'errorCode', location: 'memory' as const }] : [])],
      returns: [{ type: 'uint256', name: '' }], elementId: b.elementId,
      natspec: { dev: [`Error boundary "${b.name}" of "${s.name}" catches ${b.errorCode !== undefined ? `error "${b.errorCode}"` : 'any error'}: the subprocess is withdrawn and the token leaves by the boundary's flow.`] },
      body: [
        { kind: 'emit', event: 'ErrorCaught', args: [INSTANCE, num(i), new Set(codes).size > 1 ? id('errorCode') : str(codes[0] ?? '')] },
        { kind: 'return', value: targetExpr(ctx, shapes, b.next, bin('&', M, inv(id(`${ctx.subConstant[b.attachedTo]}_ALL`)))) },
      ],
    });
  });
}

/** The constants of subprocess `k`'s boundary timers and message boundaries: set when it is entered, cleared with it. */
function boundaryConstants(ctx: ProcessContext, k: number): string[] {
  return [...subprocessTimersOf(ctx.ir, k).map((t) => ctx.timerConstant[t]), ...subprocessMessagesOf(ctx.ir, k).map((t) => ctx.taskConstant[t])];
}

function enteredAlso(ctx: ProcessContext, k: number): string {
  const timers = subprocessTimersOf(ctx.ir, k).length > 0;
  const messages = subprocessMessagesOf(ctx.ir, k).length > 0;
  if (timers && messages) return ' and starts its boundary timers and arms its message boundary events';
  return timers ? ' and starts its boundary timers' : messages ? ' and arms its message boundary events' : '';
}

/**
 * The marking bits (constants) delivering task `ti` takes away: for an interrupting message boundary
 * on a subprocess, its own bit and the subprocess with everything in it (one mask, `_ALL`); else as
 * bitsConsumedBy says (a non-interrupting one on a subprocess: none).
 */
export function consumedConstants(ctx: ProcessContext, ti: number): string[] {
  const task = ctx.ir.tasks[ti];
  if (task.attachedToSubprocess !== undefined && task.interrupting !== false) return [ctx.taskConstant[ti], `${ctx.subConstant[task.attachedToSubprocess]}_ALL`];
  return bitsConsumedBy(ctx.ir, { task: ti }).map((b) => constantOfBit(ctx, b));
}

/** The expression an error end's token becomes: the catch of its boundary (with the error when the boundary catches several). */
export function catchExpr(ctx: ProcessContext, end: number, m: Expr): Expr {
  const e = ctx.ir.ends[end];
  const codes = new Set(ctx.ir.ends.filter((x) => x.throws === e.throws).map((x) => x.errorCode));
  return call(catchFunctionName(ctx, e.throws!), INSTANCE, m, ...(codes.size > 1 ? [str(e.errorCode!)] : []));
}

/** The shape of `_settle`: the joins' and the subprocesses' onward routings together. */
function settleShape(ctx: ProcessContext, shapes: GatewayShape[]): GatewayShape {
  const joins = inclusiveJoins(ctx.ir).map((j) => shapes[j]);
  const onward = ctx.ir.subprocesses.map((s) => targetShape(ctx, shapes, s.next));
  return [...joins, ...onward].reduce(joinShapes, PURE);
}

export function scopeSettleCall(ctx: ProcessContext, shapes: GatewayShape[], expr: Expr): Expr {
  return call(SETTLE_SCOPES, ...(settleShape(ctx, shapes).needsInstanceId ? [INSTANCE] : []), expr);
}

export function addScopeSettle(ctx: ProcessContext, shapes: GatewayShape[]) {
  const { ir } = ctx;
  if (ir.subprocesses.length === 0) return;
  const joins = inclusiveJoins(ir);
  const shape = settleShape(ctx, shapes);
  const pass: Statement[] = joins.map((j) => ({
    kind: 'assign', target: M, op: '=', value: call(routeFunctionName(ir.gateways[j]), ...(shapes[j].needsInstanceId ? [INSTANCE] : []), M),
  }));
  for (let k = ir.subprocesses.length - 1; k >= 0; k--) {
    const s = ir.subprocesses[k];
    const own = id(ctx.subConstant[k]);
    const buffered = s.buffers?.length ? [`${ctx.subConstant[k]}_BUFFERS`] : [];
    const done = orOf([ctx.subConstant[k], ...buffered, ...boundaryConstants(ctx, k)]);
    const live = buffered.length ? bin('&', id(`${ctx.subConstant[k]}_INNER`), inv(id(buffered[0]))) : id(`${ctx.subConstant[k]}_INNER`);
    pass.push({ kind: 'comment', text: `"${s.name}" completes once nothing is left inside it${buffered.length ? ' but buffered messages' : ''}.` });
    pass.push({
      kind: 'if', cond: bin('&&', bin('!=', bin('&', M, own), num(0)), bin('==', bin('&', M, live), num(0))),
      then: [{ kind: 'assign', target: M, op: '=', value: targetExpr(ctx, shapes, s.next, bin('&', M, inv(done))) }],
    });
  }
  const rounds = joins.length + ir.subprocesses.length + 1;
  ctx.builder.addFunction({
    kind: 'function', name: SETTLE_SCOPES, visibility: 'private', mutability: shape.mutability,
    params: [...(shape.needsInstanceId ? [{ type: 'uint256', name: 'instanceId' }] : []), { type: 'uint256', name: 'm' }],
    returns: [{ type: 'uint256', name: '' }],
    natspec: { dev: [`After a step's routing: fires the inclusive joins that may fire, then completes the subprocesses with nothing left inside (innermost first), round after round until a round changes nothing (at most ${rounds}).`] },
    body: [
      {
        kind: 'for', index: 'i', bound: num(rounds),
        body: [
          { kind: 'let', type: 'uint256', name: 'before', value: M },
          ...pass,
          { kind: 'if', cond: bin('==', M, id('before')), then: [{ kind: 'return', value: M }] },
        ],
      },
      { kind: 'return', value: M },
    ],
  });
}
