/**
 * Multi-instance user tasks (MultiInstanceIR; the interpreter: generators/interpreter/multi-instance.ts).
 * Storage, per instance: `_multi[instanceId][j]`, one uint64 per multi-instance task j (four share a
 * slot): activation number << 32 | instances of this activation << 16 | completed instances. A
 * parallel task also keeps, per participant, the activation in which they last completed an
 * instance (`_multiBy[instanceId][account][j]`, uint32, eight per slot): one participant, one
 * instance per activation. Activating (the task's bit newly set by a step) bumps the activation and
 * clears the count (`_activateMulti`, called like `_startTimers`); the number of instances is the
 * cardinality, or for cf:forEachOf the role's holders then: `_holders[ROLE]`, which syncRoles keeps
 * (the registry calls it for every change of an account's roles). After each completion the task
 * finishes when every instance is done or the completion condition holds; otherwise the function
 * stores the count and returns, the task still enabled.
 */
import type { FlowTarget } from '../ir/process-ir.js';
import { inclusiveJoins } from '../ir/inclusive-join.js';
import { MULTI_INSTANCE_VARIABLES } from '../ir/read-multi-instance.js';
import { bin, call, id, index, MSG_SENDER, num, str, type ErrorDecl, type Expr, type Statement } from './contract-model.js';
import { conditionToExpr } from './condition-to-expr.js';
import type { ProcessContext } from './process-context.js';

const M = id('m');
const INSTANCE = id('instanceId');
export const ACTIVATE_MULTI = '_activateMulti';
const COUNT_MASK = 0xffffn;
/** Roles whose holders a cf:forEachOf task counts. */
export const forEachRoles = (ctx: ProcessContext): string[] => [...new Set(ctx.ir.tasks.flatMap((t) => (t.multi?.forEachOf ? [t.multi.forEachOf] : [])))];

export const ALREADY_COMPLETED: ErrorDecl = {
  name: 'InstanceAlreadyCompletedByCaller',
  params: [{ type: 'uint256', name: 'instanceId' }, { type: 'string', name: 'task' }, { type: 'address', name: 'caller' }],
  natspec: { notice: ['The caller completed an instance of this parallel multi-instance task already; another participant must do the next.'] },
};

/** Task indexes of the multi-instance tasks; position = j, their index in `_multi`. */
export const multiTasks = (ctx: ProcessContext): number[] => ctx.ir.tasks.flatMap((t, i) => (t.multi ? [i] : []));

/** Whether routing a token to `target` (then settling, if `settle`) can activate a multi-instance task. */
export function mayActivateMultiAfter(ctx: ProcessContext, target: FlowTarget, settle: boolean): boolean {
  const { ir } = ctx;
  if (multiTasks(ctx).length === 0) return false;
  const seen = new Set<string>();
  const reaches = (t: FlowTarget): boolean => {
    // scripts on the way do not branch: the token arrives where the target says (checked before `seen`,
    // which would otherwise hold this very target and hide it)
    if (t.scripts?.length) return reaches({ ...t, scripts: undefined });
    const key = `${t.kind}${t.index}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (t.kind === 'task') return ir.tasks[t.index].multi !== undefined;
    if (t.kind === 'gateway') return [...ir.gateways[t.index].branches.map((b) => b.target), ...(ir.gateways[t.index].defaultBranch ? [ir.gateways[t.index].defaultBranch!.target] : [])].some(reaches);
    if (t.kind === 'subprocess') return reaches(ir.subprocesses[t.index].entry);
    if (t.kind === 'end' && ir.ends[t.index].throws !== undefined) return reaches(ir.errorBoundaries[ir.ends[t.index].throws!].next);
    return false;
  };
  const settled = settle ? [...inclusiveJoins(ir).map((j): FlowTarget => ({ kind: 'gateway', index: j })), ...ir.subprocesses.map((s) => s.next)] : [];
  return [target, ...settled].some(reaches);
}

/** The call that activates the multi-instance tasks whose bits are in `armed`. */
export const activateCall = (armed: Expr): Statement => ({ kind: 'expr', expr: call(ACTIVATE_MULTI, INSTANCE, armed) });

/** Storage, error, the count getter and `_activateMulti`. */
export function addMultiInstance(ctx: ProcessContext) {
  const { ir, builder } = ctx;
  const list = multiTasks(ctx);
  if (list.length === 0) return;
  const k = list.length;
  builder.addStateVar({
    type: `mapping(uint256 instanceId => uint64[${k}])`, name: '_multi', visibility: 'private',
    natspec: { dev: ['Per multi-instance task (by its index j): activation number << 32 | its instances << 16 | instances completed in it; four share a slot.'] },
  });
  if (forEachRoles(ctx).length) {
    builder.addStateVar({
      type: 'mapping(uint256 role => uint256)', name: '_holders', visibility: 'private',
      natspec: { dev: ['How many accounts hold each role that a cf:forEachOf task counts (by role bit), kept by syncRoles.'] },
    });
  }
  if (list.some((ti) => !ir.tasks[ti].multi!.sequential)) {
    builder.addStateVar({
      type: `mapping(uint256 instanceId => mapping(address account => uint32[${k}]))`, name: '_multiBy', visibility: 'private',
      natspec: { dev: ['Per participant and parallel multi-instance task: the activation in which they last completed an instance.'] },
    });
    builder.addError(ALREADY_COMPLETED);
  }
  builder.addFunction({
    kind: 'function', name: 'completedInstances', visibility: 'external', mutability: 'view',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'uint256', name: 'task' }], returns: [{ type: 'uint256', name: 'completed' }, { type: 'uint256', name: 'total' }],
    natspec: {
      notice: [`Instances completed, of how many, in the current (or last) activation of multi-instance task number \`task\`: ${list.map((ti, j) => `${j} "${ir.tasks[ti].name}"`).join(', ')}.`],
      returns: [{ name: 'completed', text: 'Instances completed.' }, { name: 'total', text: 'Instances of the activation.' }],
    },
    body: [
      { kind: 'let', type: 'uint256', name: 'w', value: index(index(id('_multi'), INSTANCE), id('task')) },
      { kind: 'assign', target: id('completed'), op: '=', value: bin('&', id('w'), num(COUNT_MASK)) },
      { kind: 'assign', target: id('total'), op: '=', value: bin('&', bin('>>', id('w'), num(16)), num(COUNT_MASK)) },
    ],
  });
  const body: Statement[] = [{ kind: 'let', type: `uint64[${k}] storage`, name: 'multi', value: index(id('_multi'), INSTANCE) }];
  list.forEach((ti, j) => {
    const m = ir.tasks[ti].multi!;
    const total = m.forEachOf !== undefined ? index(id('_holders'), id(ctx.roleConstant.get(m.forEachOf)!)) : num(m.cardinality);
    body.push({
      kind: 'if', cond: bin('!=', bin('&', id('armed'), id(ctx.taskConstant[ti])), num(0)),
      then: [{
        kind: 'assign', target: index(id('multi'), num(j)), op: '=',
        value: call('uint64', bin('|', bin('<<', bin('+', bin('>>', index(id('multi'), num(j)), num(32)), num(1)), num(32)), bin('<<', total, num(16)))),
      }],
    });
  });
  builder.addFunction({
    kind: 'function', name: ACTIVATE_MULTI, visibility: 'private', mutability: 'nonpayable',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'uint256', name: 'armed' }], returns: [], body,
    natspec: { dev: ['Activates the multi-instance tasks whose bits the routing newly set: a new activation, none completed.'] },
  });
}

/** In syncRoles, before the roles are stored: count the holders of every role a cf:forEachOf task counts. */
export function countHolders(ctx: ProcessContext): Statement[] {
  const roles = forEachRoles(ctx);
  if (roles.length === 0) return [];
  const has = (word: Expr, r: string) => bin('!=', bin('&', word, id(ctx.roleConstant.get(r)!)), num(0));
  return [
    { kind: 'let', type: 'uint256', name: 'had', value: index(id('_rolesOf'), id('account')) },
    ...roles.map((r): Statement => {
      const slot = index(id('_holders'), id(ctx.roleConstant.get(r)!));
      return {
        kind: 'if', cond: bin('!=', has(id('had'), r), has(id('roles'), r)),
        then: [{ kind: 'if', cond: has(id('roles'), r), then: [{ kind: 'assign', target: slot, op: '=', value: bin('+', slot, num(1)) }], else: [{ kind: 'assign', target: slot, op: '=', value: bin('-', slot, num(1)) }] }],
      };
    }),
  ];
}

/** After the role checks of multi-instance task `ti`: load its count; a parallel one refuses a second instance by the same caller. */
export function multiInstanceCheck(ctx: ProcessContext, ti: number): Statement[] {
  const task = ctx.ir.tasks[ti];
  if (!task.multi) return [];
  const j = num(multiTasks(ctx).indexOf(ti));
  const out: Statement[] = [
    { kind: 'let', type: 'uint256', name: 'w', value: index(index(id('_multi'), INSTANCE), j) },
    { kind: 'let', type: 'uint256', name: 'activation', value: bin('>>', id('w'), num(32)) },
  ];
  if (!task.multi.sequential) {
    const by = index(index(index(id('_multiBy'), INSTANCE), MSG_SENDER), j);
    out.push({ kind: 'if', cond: bin('==', by, id('activation')), then: [{ kind: 'revert', error: ALREADY_COMPLETED.name, args: [INSTANCE, str(task.name), MSG_SENDER] }] });
    out.push({ kind: 'assign', target: by, op: '=', value: call('uint32', id('activation')) });
  }
  return out;
}

/**
 * After the task's event: count the instance; unless the task finishes now, store the count (and
 * the state word, when this step packed fields into it) and return with the task still enabled.
 */
export function multiInstanceTail(ctx: ProcessContext, ti: number, packed: boolean): Statement[] {
  const task = ctx.ir.tasks[ti];
  if (!task.multi) return [];
  const { cardinality, sequential, completion, forEachOf } = task.multi;
  const j = num(multiTasks(ctx).indexOf(ti));
  const completed = id('completed');
  // the number of instances: a constant, or (cf:forEachOf) what the activation counted
  const total = forEachOf !== undefined ? id('total') : num(cardinality);
  const counters: Expr[] = [total, completed, sequential ? num(1) : bin('-', total, completed)];
  let goOn = bin('<', completed, total);
  if (completion) {
    const holds = conditionToExpr(completion, { fields: MULTI_INSTANCE_VARIABLES, data: id('d'), field: (fi) => counters[fi] });
    goOn = bin('&&', goOn, { kind: 'un', op: '!', arg: holds });
  }
  return [
    { kind: 'let', type: 'uint256', name: 'completed', value: bin('+', bin('&', id('w'), num(COUNT_MASK)), num(1)) },
    ...(forEachOf !== undefined ? [{ kind: 'let', type: 'uint256', name: 'total', value: bin('&', bin('>>', id('w'), num(16)), num(COUNT_MASK)) } as Statement] : []),
    { kind: 'assign', target: index(index(id('_multi'), INSTANCE), j), op: '=', value: call('uint64', bin('+', id('w'), num(1))) },
    { kind: 'comment', text: completion ? `Not finished while instances are left and "${task.multi.completionText}" does not hold.` : `Not finished while fewer than ${forEachOf !== undefined ? 'all' : cardinality} instances are completed.` },
    {
      kind: 'if', cond: goOn,
      then: [
        ...(packed ? [{ kind: 'assign', target: index(id(ctx.stateVar), INSTANCE), op: '=', value: M } as Statement] : []),
        { kind: 'return' },
      ],
    },
  ];
}
