/**
 * Inclusive gateways (the rule: generators/ir/inclusive-join.ts). A split evaluates every condition
 * first (data a script on one branch changes does not decide another), then routes each branch that
 * holds, in order; none holding takes the default flow or reverts with NoBranchMatches. A token that
 * reaches a join only sets its input bit; `_route<Join>` is called when the step settles the joins
 * and fires only while no wait group holds it back. Functions whose step can change a join's
 * decision settle after their routing (`settleCall`); all others are exactly as without joins.
 */
import { joinWaitGroups, inclusiveJoins } from '../ir/inclusive-join.js';
import { bin, call, id, index, inv, num, str, type Expr, type Mutability, type Statement } from './contract-model.js';
import { conditionToExpr, needsToInt256 } from './condition-to-expr.js';
import { routeFunctionName, targetExpr, type GatewayShape } from './add-gateway-routing.js';
import type { ProcessContext } from './process-context.js';
import { upperSnake } from './solidity-types.js';
import { constantOfAnyBit, scopeSettleCall } from './add-subprocesses.js';

const M = id('m');
const INSTANCE = id('instanceId');
export const SETTLE = '_settleInclusiveJoins';

/** Whether an inclusive split can end with no branch taken and no default (it then reverts). */
export const inclusiveMayRevert = (g: { branches: { condition?: unknown }[]; defaultBranch?: unknown }) =>
  !g.defaultBranch && g.branches.every((b) => b.condition);

/** Constants of the wait groups, before the functions that use them. */
export function addJoinGroupConstants(ctx: ProcessContext) {
  for (const j of inclusiveJoins(ctx.ir)) {
    const g = ctx.ir.gateways[j];
    joinWaitGroups(ctx.ir, j).forEach((group, k) => {
      ctx.builder.addConstant({
        type: 'uint256', name: groupConstant(ctx, j, k), visibility: 'private',
        value: group.upstream.map((b) => id(constantOfBit(ctx, b))).reduce((a, b) => bin('|', a, b)),
        natspec: { dev: [`Tokens that can still reach "${g.name}" only by input ${group.inputs.map((b) => g.inputBits.indexOf(b) + 1).join(' or ')}: while one is here and ${group.inputs.length > 1 ? 'none of those inputs has' : 'that input has not'} a token, the join waits.`] },
      });
    });
  }
}

function groupConstant(ctx: ProcessContext, j: number, k: number): string {
  return `JOIN_${upperSnake(ctx.ir.gateways[j].identifier)}_WAIT${k + 1}`;
}

const constantOfBit = constantOfAnyBit;

/** The body of `_route<Gateway>` for inclusive gateway `gi`: the join's wait (if it joins), then the split. */
export function inclusiveRouteBody(ctx: ProcessContext, shapes: GatewayShape[], gi: number): { body: Statement[]; usesToInt: boolean } {
  const { ir } = ctx;
  const g = ir.gateways[gi];
  const body: Statement[] = [];
  const mask = ctx.joinMaskConstant.get(gi);
  if (mask) {
    const arrived = id('arrived');
    body.push({ kind: 'let', type: 'uint256', name: 'arrived', value: bin('&', M, id(mask)) });
    body.push({ kind: 'comment', text: 'Wait until a token has arrived, and no token can still arrive only on an empty input.' });
    body.push({ kind: 'if', cond: bin('==', arrived, num(0)), then: [{ kind: 'return', value: M }] });
    joinWaitGroups(ir, gi).forEach((group, k) => {
      const inputs = group.inputs.map((b) => id(ctx.joinConstant.get(b)!)).reduce((a, b) => bin('|', a, b));
      body.push({
        kind: 'if', cond: bin('&&', bin('!=', bin('&', M, id(groupConstant(ctx, gi, k))), num(0)), bin('==', bin('&', arrived, inputs), num(0))),
        then: [{ kind: 'return', value: M }],
      });
    });
    body.push({ kind: 'assign', target: M, op: '&=', value: inv(id(mask)) });
  }
  const conditional = g.branches.flatMap((b, k) => (b.condition ? [k] : []));
  let usesToInt = false;
  if (conditional.length) {
    const readsData = conditional.some((k) => referencesStorage(ctx, g.branches[k].condition!));
    if (readsData) body.push({ kind: 'let', type: 'Data storage', name: 'd', value: index(id('_data'), INSTANCE) });
    const field = (fi: number) => {
      const bit = ctx.packedBool.get(fi);
      return bit === undefined ? undefined : bin('!=', bin('&', M, id(bit)), num(0));
    };
    body.push({ kind: 'comment', text: 'Every condition is evaluated before any branch is routed.' });
    for (const k of conditional) {
      const b = g.branches[k];
      usesToInt ||= needsToInt256(b.condition!);
      body.push({ kind: 'comment', text: `"${b.name}": ${b.conditionText}` });
      body.push({ kind: 'let', type: 'bool', name: `take${k + 1}`, value: conditionToExpr(b.condition!, { fields: ir.fields, data: id('d'), field }) });
    }
  }
  // with a branch that has no condition, some branch is always taken; else none holding takes the default
  if (conditional.length === g.branches.length) {
    const otherwise: Statement[] = g.defaultBranch
      ? [{ kind: 'comment', text: `Default flow "${g.defaultBranch.name}".` }, { kind: 'return', value: targetExpr(ctx, shapes, g.defaultBranch.target, M) }]
      : [{ kind: 'revert', error: 'NoBranchMatches', args: [INSTANCE, str(g.name)] }];
    if (conditional.length === 0) body.push(...otherwise);
    else body.push({ kind: 'if', cond: conditional.map((k) => ({ kind: 'un', op: '!', arg: id(`take${k + 1}`) }) as Expr).reduce((a, b) => bin('&&', a, b)), then: otherwise });
  }
  if (conditional.length === 0 && g.branches.length === 0) return { body, usesToInt };
  g.branches.forEach((b, k) => {
    const go: Statement = { kind: 'assign', target: M, op: '=', value: targetExpr(ctx, shapes, b.target, M) };
    body.push(b.condition ? { kind: 'if', cond: id(`take${k + 1}`), then: [go] } : go);
  });
  body.push({ kind: 'return', value: M });
  return { body, usesToInt };
}

const referencesStorage = (ctx: ProcessContext, e: Parameters<typeof needsToInt256>[0]): boolean =>
  (e.kind === 'field' && !ctx.packedBool.has(e.field)) || ((e.kind === 'not' || e.kind === 'neg') && referencesStorage(ctx, e.arg)) ||
  (e.kind === 'binary' && (referencesStorage(ctx, e.left) || referencesStorage(ctx, e.right)));

/** Mutability and instance id of settling: those of the joins' route functions together. */
function settleShape(ctx: ProcessContext, shapes: GatewayShape[]): { mutability: Mutability; needsInstanceId: boolean } {
  const joins = inclusiveJoins(ctx.ir).map((j) => shapes[j]);
  const rank: Record<Mutability, number> = { pure: 0, view: 1, nonpayable: 2 };
  const mutability = joins.map((s) => s.mutability).reduce((a, b) => (rank[a] >= rank[b] ? a : b), 'pure' as Mutability);
  return { mutability, needsInstanceId: joins.some((s) => s.needsInstanceId) };
}

/** `expr` (a marking) settled: the one join's route function, or the settling loop over several. */
export function settleCall(ctx: ProcessContext, shapes: GatewayShape[], expr: Expr): Expr {
  if (ctx.ir.subprocesses.length) return scopeSettleCall(ctx, shapes, expr);
  const joins = inclusiveJoins(ctx.ir);
  if (joins.length === 1) return call(routeFunctionName(ctx.ir.gateways[joins[0]]), ...(shapes[joins[0]].needsInstanceId ? [INSTANCE] : []), expr);
  return call(SETTLE, ...(settleShape(ctx, shapes).needsInstanceId ? [INSTANCE] : []), expr);
}

/** With two or more inclusive joins: `_settleInclusiveJoins`, a pass over every join per round, until a round fires none. */
export function addSettle(ctx: ProcessContext, shapes: GatewayShape[]) {
  const joins = inclusiveJoins(ctx.ir);
  if (joins.length < 2 || ctx.ir.subprocesses.length) return; // with subprocesses, add-subprocesses.ts settles
  const shape = settleShape(ctx, shapes);
  const pass: Statement[] = joins.map((j) => ({
    kind: 'assign', target: M, op: '=', value: call(routeFunctionName(ctx.ir.gateways[j]), ...(shapes[j].needsInstanceId ? [INSTANCE] : []), M),
  }));
  ctx.builder.addFunction({
    kind: 'function', name: SETTLE, visibility: 'private', mutability: shape.mutability,
    params: [...(shape.needsInstanceId ? [{ type: 'uint256', name: 'instanceId' }] : []), { type: 'uint256', name: 'm' }],
    returns: [{ type: 'uint256', name: '' }],
    natspec: { dev: [`Fires the inclusive joins that may fire (${joins.map((j) => `"${ctx.ir.gateways[j].name}"`).join(', ')}), round after round until a round fires none; a join fires at most once per step, so ${joins.length} rounds suffice.`] },
    body: [
      {
        kind: 'for', index: 'i', bound: num(joins.length),
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
