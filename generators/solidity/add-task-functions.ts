/**
 * One external function per user task, plus startInstance. Each checks, in the cheapest order:
 * the task is enabled in this instance (one SLOAD of the marking), the caller plays the role
 * (one SLOAD of the role cache the registry keeps), required fields are present; then it emits
 * the task's event (which carries every field written: that is the history), stores only the
 * fields conditions will read, routes the token and writes the state word once.
 */
import type { FieldWrite } from '../ir/process-ir.js';
import { bin, call, id, index, inv, member, MSG_SENDER, num, str, type Expr, type Param, type Statement } from './contract-model.js';
import { ERRORS, type GatewayShape } from './add-gateway-routing.js';
import { commit, mayStartTimerAfter, orOf, routedExpr, routeOn, START_TIMERS } from './route-and-commit.js';
import { stepNeedsSettle } from '../ir/inclusive-join.js';
import { consumedConstants } from './add-subprocesses.js';
import { taskNotice } from './add-message-events.js';
import { fieldParam } from './solidity-types.js';
import { boundCallerCheck, nominations, nominatesInWord } from './add-role-bindings.js';
import { fieldTypeText, participantChecks } from './add-field-types.js';
import type { ProcessContext } from './process-context.js';
import { timerStartChecks } from './add-timer-start.js';
import { activateCall, mayActivateMultiAfter, multiInstanceCheck, multiInstanceTail } from './add-multi-instance.js';

const M = id('m');
const INSTANCE = id('instanceId');

function fieldParams(ctx: ProcessContext, writes: FieldWrite[]): Param[] {
  return writes.map((w) => fieldParam(ctx.ir.fields[w.field], ctx.ir.fields[w.field].identifier));
}

function requiredChecks(ctx: ProcessContext, writes: FieldWrite[]): Statement[] {
  const out: Statement[] = [];
  for (const w of writes) {
    if (!w.required) continue;
    const f = ctx.ir.fields[w.field];
    const v = id(f.identifier);
    const empty: Expr | undefined =
      f.type === 'string' ? bin('==', member(call('bytes', v), 'length'), num(0))
        : f.type === 'address' || f.type === 'participant' ? bin('==', v, call('address', num(0)))
          : f.type === 'bytes32' ? bin('==', v, call('bytes32', num(0)))
            : undefined; // numbers and booleans always carry a value; the form asks for them
    if (!empty) continue;
    ctx.builder.addError(ERRORS.RequiredFieldMissing);
    out.push({ kind: 'if', cond: empty, then: [{ kind: 'revert', error: 'RequiredFieldMissing', args: [str(f.label || f.name)] }] });
  }
  return out;
}

function storeFields(ctx: ProcessContext, writes: FieldWrite[]): Statement[] {
  const stored = writes.filter((w) => ctx.ir.fields[w.field].stored && !ctx.packedBool.has(w.field));
  if (stored.length === 0) return [];
  const slot = index(id('_data'), INSTANCE);
  if (stored.length === 1) {
    const f = ctx.ir.fields[stored[0].field];
    return [{ kind: 'assign', target: member(slot, f.identifier), op: '=', value: id(f.identifier) }];
  }
  return [
    { kind: 'let', type: 'Data storage', name: 'd', value: slot },
    ...stored.map((w): Statement => {
      const f = ctx.ir.fields[w.field];
      return { kind: 'assign', target: member(id('d'), f.identifier), op: '=', value: id(f.identifier) };
    }),
  ];
}

/** Bool fields kept in the state word: set or clear their bit in `m` (`fresh`: m is still 0, nothing to clear). */
function packFields(ctx: ProcessContext, writes: FieldWrite[], fresh = false): Statement[] {
  return writes.flatMap((w): Statement[] => {
    const bit = ctx.packedBool.get(w.field);
    if (bit === undefined) return [];
    const set: Statement = { kind: 'assign', target: M, op: '|=', value: id(bit) };
    const clear: Statement = { kind: 'assign', target: M, op: '&=', value: inv(id(bit)) };
    return [{ kind: 'if', cond: id(ctx.ir.fields[w.field].identifier), then: [set], ...(fresh ? {} : { else: [clear] }) }];
  });
}

function roleCheck(ctx: ProcessContext, roleIds: string[], what: string): Statement {
  const roles = id('_rolesOf');
  if (roleIds.length === 0) {
    ctx.builder.addError(ERRORS.NotAMember);
    return { kind: 'if', cond: bin('==', index(roles, MSG_SENDER), num(0)), then: [{ kind: 'revert', error: 'NotAMember', args: [MSG_SENDER] }] };
  }
  ctx.builder.addError(ERRORS.CallerLacksRole);
  const mask = roleIds.map((r) => id(ctx.roleConstant.get(r)!)).reduce((a, b) => bin('|', a, b));
  const roleNames = roleIds.map((r) => ctx.roles.find((x) => x.id === r)?.name ?? r).join(' or ');
  return {
    kind: 'if',
    cond: bin('==', bin('&', index(roles, MSG_SENDER), mask), num(0)),
    then: [{ kind: 'revert', error: 'CallerLacksRole', args: [MSG_SENDER, str(what), str(roleNames)] }],
  };
}

export function addStartFunction(ctx: ProcessContext, shapes: GatewayShape[]) {
  const { ir, builder } = ctx;
  const start = ir.start;
  const params = [...fieldParams(ctx, start.writes), ...(start.choice !== undefined ? [{ type: 'uint8', name: 'choice' }] : [])];
  const startChoice = start.choice !== undefined ? id('choice') : undefined;
  const packed = packFields(ctx, start.writes, true);
  const settle = stepNeedsSettle(ir, { start: true });
  // a nominee kept in the state word is recorded in `m`, so `m` exists before the nominations
  const early = nominatesInWord(ctx, start.elementId);
  builder.addEvent({
    name: 'InstanceStarted',
    params: [{ type: 'uint256', name: 'instanceId', indexed: true }, { type: 'address', name: 'by', indexed: true }, ...params.map(eventParam)],
    natspec: { notice: [`An instance was started at "${start.name}".`] },
  });
  builder.addFunction({
    kind: 'function', name: 'startInstance', visibility: 'external', mutability: 'nonpayable', params,
    returns: [{ type: 'uint256', name: 'instanceId' }], elementId: start.elementId,
    natspec: { notice: [`Starts a new instance of "${ir.name}" at "${start.name}".`], params: params.map((p) => ({ name: p.name, text: paramText(ctx, p.name) })) },
    body: [
      // a timer start: is a round due (first, so anyone sees when the next one is due)
      ...timerStartChecks(ctx),
      roleCheck(ctx, start.roles, start.name),
      ...requiredChecks(ctx, start.writes),
      // one more per transaction: 2^256 starts are out of reach, so the overflow check is dead code
      { kind: 'unchecked', body: [{ kind: 'assign', target: INSTANCE, op: '=', value: { kind: 'un', op: '++', arg: id('instanceCount') } }] },
      ...(early ? [{ kind: 'let', type: 'uint256', name: 'm' } as Statement] : []),
      ...nominations(ctx, start.elementId, start.writes, true),
      ...participantChecks(ctx, start.writes),
      ...storeFields(ctx, start.writes),
      { kind: 'emit', event: 'InstanceStarted', args: [INSTANCE, MSG_SENDER, ...params.map((p) => id(p.name))] },
      ...(packed.length || early
        ? [
          ...(early ? [] : [{ kind: 'let', type: 'uint256', name: 'm' } as Statement]),
          ...packed,
          { kind: 'assign', target: M, op: '=', value: routedExpr(ctx, shapes, start.next, M, startChoice, settle) } as Statement,
        ]
        : [{ kind: 'let', type: 'uint256', name: 'm', value: routedExpr(ctx, shapes, start.next, num(0), startChoice, settle) } as Statement]),
      // a new instance has no timer bit before routing: every one set now starts
      ...(mayStartTimerAfter(ctx, start.next, settle) ? [{ kind: 'expr', expr: call(START_TIMERS, INSTANCE, M) } as Statement] : []),
      ...(mayActivateMultiAfter(ctx, start.next, settle) ? [activateCall(M)] : []),
      ...commit(ctx, start.next, settle),
    ],
  });
}

export function addTaskFunctions(ctx: ProcessContext, shapes: GatewayShape[]) {
  const { ir, builder } = ctx;
  ir.tasks.forEach((task, ti) => {
    const hasChoice = task.choice !== undefined;
    const params: Param[] = [{ type: 'uint256', name: 'instanceId' }, ...fieldParams(ctx, task.writes), ...(hasChoice ? [{ type: 'uint8', name: 'choice' }] : [])];
    const event = `${task.identifier.charAt(0).toUpperCase()}${task.identifier.slice(1).replace(/_$/, '')}Completed`;
    builder.addEvent({
      name: event,
      params: [{ type: 'uint256', name: 'instanceId', indexed: true }, { type: 'address', name: 'by', indexed: true }, ...params.slice(1).map(eventParam)],
      natspec: { notice: [`"${task.name}" was completed.`] },
    });
    builder.addError(ERRORS.TaskNotEnabled);
    const bit = id(ctx.taskConstant[ti]);
    const settle = stepNeedsSettle(ir, { task: ti });
    // the task's bit first, then its boundary events and race rivals (timer-bits.ts)
    const consumed = consumedConstants(ctx, ti);
    builder.addFunction({
      kind: 'function', name: task.identifier, visibility: 'external', mutability: 'nonpayable', params, returns: [], elementId: task.elementId,
      natspec: {
        notice: [taskNotice(ctx, ti), ...(task.documentation ? [task.documentation] : [])],
        params: params.map((p) => ({ name: p.name, text: paramText(ctx, p.name) })),
      },
      body: [
        { kind: 'let', type: 'uint256', name: 'm', value: index(id(ctx.stateVar), INSTANCE) },
        { kind: 'if', cond: bin('==', bin('&', M, bit), num(0)), then: [{ kind: 'revert', error: 'TaskNotEnabled', args: [INSTANCE, str(task.name)] }] },
        roleCheck(ctx, [task.role], task.name),
        ...boundCallerCheck(ctx, ti),
        ...multiInstanceCheck(ctx, ti),
        ...requiredChecks(ctx, task.writes),
        ...nominations(ctx, task.elementId, task.writes, false),
        ...participantChecks(ctx, task.writes),
        ...storeFields(ctx, task.writes),
        ...packFields(ctx, task.writes),
        { kind: 'emit', event, args: [INSTANCE, MSG_SENDER, ...params.slice(1).map((p) => id(p.name))] },
        ...multiInstanceTail(ctx, ti, packFields(ctx, task.writes).length > 0 || nominatesInWord(ctx, task.elementId)),
        ...(consumed.length === 1 && !mayStartTimerAfter(ctx, task.next, settle) && !mayActivateMultiAfter(ctx, task.next, settle)
          ? [{ kind: 'assign', target: M, op: '=', value: routedExpr(ctx, shapes, task.next, bin('&', M, inv(bit)), hasChoice ? id('choice') : undefined, settle) } as Statement]
          // a non-interrupting message boundary event consumes nothing: the task (or subprocess) stays enabled
          : consumed.length === 0 && !mayStartTimerAfter(ctx, task.next, settle) && !mayActivateMultiAfter(ctx, task.next, settle)
            ? [{ kind: 'assign', target: M, op: '=', value: routedExpr(ctx, shapes, task.next, M, hasChoice ? id('choice') : undefined, settle) } as Statement]
            : routeOn(ctx, shapes, task.next, consumed.length ? orOf(consumed) : num(0), hasChoice ? id('choice') : undefined, settle)),
        ...commit(ctx, task.next, settle),
      ],
    });
  });
}

function eventParam(p: Param): Param {
  return { type: p.type, name: p.name };
}

function paramText(ctx: ProcessContext, name: string): string {
  if (name === 'instanceId') return 'The process instance.';
  if (name === 'choice') return 'The outgoing flow chosen at the next gateway (see the gateway below).';
  const f = ctx.ir.fields.find((x) => x.identifier === name);
  return f ? `Field "${f.label || f.name}" (${fieldTypeText(f)}).` : '';
}
