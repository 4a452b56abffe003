/**
 * What the enum, decimal and participant field types add to a process contract: one Solidity enum
 * per enum field (members derived from the values, the values themselves in NatSpec), and the
 * check on write that a participant field names a registered participant, of its role when the
 * field filters one (the registry's role cache, as the caller check reads it). A decimal needs no
 * code: it is a uint256 scaled by 10^scale, said in the NatSpec of every parameter carrying it.
 */
import type { FieldIR } from '../ir/process-ir.js';
import { bin, call, id, index, num, str, type ErrorDecl, type Expr, type Statement } from './contract-model.js';
import type { ProcessContext } from './process-context.js';

export const FIELD_TYPE_ERRORS: Record<'NotAParticipant' | 'ParticipantLacksRole', ErrorDecl> = {
  NotAParticipant: {
    name: 'NotAParticipant',
    params: [{ type: 'string', name: 'field' }, { type: 'address', name: 'account' }],
    natspec: { notice: ['A participant field names an account that is not a registered participant.'] },
  },
  ParticipantLacksRole: {
    name: 'ParticipantLacksRole',
    params: [{ type: 'string', name: 'field' }, { type: 'address', name: 'account' }, { type: 'string', name: 'role' }],
    natspec: { notice: ['A participant field names a participant who does not hold the role the field asks for.'] },
  },
};

/** `enum Grade { HeGe, FanGong, BaoFei }` for every enum field, with the original values in NatSpec. */
export function addEnumTypes(ctx: ProcessContext): void {
  for (const f of ctx.ir.fields) {
    if (f.type !== 'enum' || !f.enumType || !f.enumMembers) continue;
    const pairs = f.enumMembers.map((m, i) => `${m} = "${f.values![i]}"`).join(', ');
    ctx.builder.addEnum({ name: f.enumType, members: f.enumMembers, natspec: { dev: [`Values of field "${f.label || f.name}": ${pairs}.`] } });
  }
}

/**
 * After the nominations of a step: every participant field it writes names a registered
 * participant (one with role bits in the cache; the registry sets a MEMBER bit for every member),
 * of the field's role when it has one. An optional field left empty (zero) is not checked.
 */
export function participantChecks(ctx: ProcessContext, writes: readonly { field: number; required: boolean }[]): Statement[] {
  return writes.flatMap((w): Statement[] => {
    const f = ctx.ir.fields[w.field];
    if (f.type !== 'participant') return [];
    const v = id(f.identifier);
    const roles = index(id('_rolesOf'), v);
    const name = str(f.label || f.name);
    let cond: Expr;
    let revert: Statement;
    if (f.role !== undefined) {
      ctx.builder.addError(FIELD_TYPE_ERRORS.ParticipantLacksRole);
      cond = bin('==', bin('&', roles, id(ctx.roleConstant.get(f.role)!)), num(0));
      revert = { kind: 'revert', error: 'ParticipantLacksRole', args: [name, v, str(roleName(ctx, f))] };
    } else {
      ctx.builder.addError(FIELD_TYPE_ERRORS.NotAParticipant);
      cond = bin('==', roles, num(0));
      revert = { kind: 'revert', error: 'NotAParticipant', args: [name, v] };
    }
    if (!w.required) cond = bin('&&', bin('!=', v, call('address', num(0))), cond);
    return [{ kind: 'if', cond, then: [revert] }];
  });
}

function roleName(ctx: ProcessContext, f: FieldIR): string {
  return ctx.roles.find((r) => r.id === f.role)?.name ?? f.role!;
}

/** The NatSpec type text of a field: `decimal, scale 3, in kg`, `enum: 合格, 返工, 报废`, `participant (Inspector)`. */
export function fieldTypeText(f: FieldIR): string {
  const unit = f.unit ? `, in ${f.unit}` : '';
  switch (f.type) {
    case 'decimal':
      return `decimal: value times 10^${f.scale}${unit}`;
    case 'enum':
      return `enum ${f.enumType}${unit}`;
    case 'participant':
      return `participant${f.role !== undefined ? ` holding ${f.role}` : ''}${unit}`;
    default:
      return `${f.type}${unit}`;
  }
}
