/**
 * Roles bound per instance (`cf:binds`): `boundTo[instanceId][k]` holds the participant bound by
 * binding k (zero: not bound yet); a single binding lives in the state word instead
 * (pack-binding.ts), read and written through `m`. The nominating function checks that its nominee holds the role
 * in the registry's cache and records it under the binding's rule; a task of a bound role, after
 * the usual role check, accepts only the bound participant. Processes without bindings get none
 * of this code.
 */
import type { RoleBindingIR } from '../ir/process-ir.js';
import { bin, call, id, index, MSG_SENDER, num, str, type ErrorDecl, type Expr, type Statement } from './contract-model.js';
import type { ProcessContext } from './process-context.js';
import { addBoundInWord, boundInM, recordInM } from './pack-binding.js';

const INSTANCE = id('instanceId');
const ZERO = call('address', num(0));
export const BOUND_TO = 'boundTo';

export const BINDING_ERRORS: Record<string, ErrorDecl> = {
  NotBoundParticipant: {
    name: 'NotBoundParticipant',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'string', name: 'task' }, { type: 'string', name: 'role' }, { type: 'address', name: 'caller' }, { type: 'address', name: 'bound' }],
    natspec: { notice: ['In this instance the role is bound to another participant: only that participant may do the task.'] },
  },
  NomineeLacksRole: {
    name: 'NomineeLacksRole',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'string', name: 'role' }, { type: 'address', name: 'nominee' }],
    natspec: { notice: ['The nominated participant does not hold the role in the registry.'] },
  },
  RoleAlreadyBound: {
    name: 'RoleAlreadyBound',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'string', name: 'role' }, { type: 'address', name: 'bound' }],
    natspec: { notice: ['The role is bound once per instance, to another participant already.'] },
  },
};

export function addBindingStorage(ctx: ProcessContext) {
  const n = ctx.ir.bindings.length;
  if (n === 0) return;
  const list = ctx.ir.bindings.map((b, k) => `${k} = ${roleName(ctx, b)}`).join(', ');
  if (ctx.boundInWord) return addBoundInWord(ctx, list);
  ctx.builder.addStateVar({
    type: `mapping(uint256 instanceId => address[${n}])`, name: BOUND_TO, visibility: 'public',
    natspec: { notice: [`Participant bound per instance to each role bound in this process (${list}); zero until nominated.`] },
  });
}

/** After the role check of task `ti`: when its role is bound in this instance, only the bound participant passes. */
export function boundCallerCheck(ctx: ProcessContext, ti: number): Statement[] {
  const task = ctx.ir.tasks[ti];
  if (task.binding === undefined) return [];
  ctx.builder.addError(BINDING_ERRORS.NotBoundParticipant);
  const bound = id('bound');
  return [
    { kind: 'let', type: 'address', name: 'bound', value: slot(ctx, task.binding) },
    {
      kind: 'if', cond: bin('&&', bin('!=', bound, ZERO), bin('!=', bound, MSG_SENDER)),
      then: [{ kind: 'revert', error: 'NotBoundParticipant', args: [INSTANCE, str(task.name), str(roleName(ctx, ctx.ir.bindings[task.binding])), MSG_SENDER, bound] }],
    },
  ];
}

/**
 * The nominations of element `elementId` (after its required-field checks): each nominee must hold
 * the role; 'sameTask' (and the start event, where nothing is bound yet) records it, 'once' records
 * it if the role is unbound and otherwise accepts only the participant already bound. A nominee
 * field declared `required="false"` may be left empty (zero): the binding then stays as it is.
 */
export function nominations(ctx: ProcessContext, elementId: string, writes: { field: number; required: boolean }[], atStart: boolean): Statement[] {
  return ctx.ir.bindings.flatMap((b, k): Statement[] => {
    if (b.elementId !== elementId) return [];
    ctx.builder.addError(BINDING_ERRORS.NomineeLacksRole);
    const nominee = id(ctx.ir.fields[b.field].identifier);
    const role = roleName(ctx, b);
    const once = b.rebind === 'once' && !atStart;
    // in the word: at the start, or once where nobody is bound yet, there is nothing to clear
    const record: Statement = ctx.boundInWord ? recordInM(nominee, atStart || once) : { kind: 'assign', target: slot(ctx, k), op: '=', value: nominee };
    let keep: Statement[] = [record];
    if (once) {
      ctx.builder.addError(BINDING_ERRORS.RoleAlreadyBound);
      keep = [{
        kind: 'if', cond: bin('==', slot(ctx, k), ZERO), then: [record],
        else: [{ kind: 'if', cond: bin('!=', slot(ctx, k), nominee), then: [{ kind: 'revert', error: 'RoleAlreadyBound', args: [INSTANCE, str(role), slot(ctx, k)] }] }],
      }];
    }
    const body: Statement[] = [
      {
        kind: 'if', cond: bin('==', bin('&', index(id('_rolesOf'), nominee), id(ctx.roleConstant.get(b.role)!)), num(0)),
        then: [{ kind: 'revert', error: 'NomineeLacksRole', args: [INSTANCE, str(role), nominee] }],
      },
      ...keep,
    ];
    const required = writes.find((w) => w.field === b.field)?.required ?? true;
    return required ? body : [{ kind: 'if', cond: bin('!=', nominee, ZERO), then: body }];
  });
}

const slot = (ctx: ProcessContext, k: number): Expr => (ctx.boundInWord ? boundInM() : index(index(id(BOUND_TO), INSTANCE), num(k)));

/** Element `elementId` nominates into the state word (`m` changes before the routing). */
export const nominatesInWord = (ctx: ProcessContext, elementId: string) => ctx.boundInWord && ctx.ir.bindings.some((b) => b.elementId === elementId);

function roleName(ctx: ProcessContext, b: RoleBindingIR): string {
  return ctx.roles.find((r) => r.id === b.role)?.name ?? b.role;
}
