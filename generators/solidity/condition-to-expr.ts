/**
 * Typed FEEL condition -> Solidity expression over the stored data of one instance (`d`).
 * Arithmetic runs in the domain numeric-domain.ts picks, with checked arithmetic, so anything
 * the interpreter rejects also reverts here. Strings compare by keccak256 hash.
 */
import type { TypedExpr } from '../feel/feel-ast.js';
import { numericDomain, type NumericDomain } from '../feel/numeric-domain.js';
import type { FieldIR } from '../ir/process-ir.js';
import type { FieldType } from '../model/workspace.js';
import { bin, call, id, member, num, str, type BinOp, type Expr } from './contract-model.js';

export interface ConditionContext {
  fields: readonly FieldIR[];
  /** The expression that holds the instance's stored data, e.g. `d`. */
  data: Expr;
  /** A field read that does not go through `data` (a bool kept in the state word), or undefined. */
  field?: (index: number) => Expr | undefined;
}

export function conditionToExpr(e: TypedExpr, ctx: ConditionContext): Expr {
  return toExpr(e, ctx, numericDomain(e));
}

const ARITHMETIC = new Set(['+', '-', '*', '/']);

/**
 * `typed`: inside arithmetic on literals only. Solidity would fold `7 / 2` as an exact rational
 * (and `1 - 2` as -1) and then refuse to mix it with uint256, so such literals are converted to
 * the domain type first, which makes them truncate and revert like the interpreter.
 */
function toExpr(e: TypedExpr, ctx: ConditionContext, domain: NumericDomain, typed = false): Expr {
  switch (e.kind) {
    case 'number': {
      const literal = e.value < 0n ? { kind: 'un', op: '-', arg: num(-e.value) } as Expr : num(e.value);
      return typed ? call(domain, literal) : literal;
    }
    case 'bool':
      return { kind: 'bool', value: e.value };
    case 'string':
      return str(e.value);
    case 'enumValue': {
      const f = ctx.fields[e.field];
      return member(id(f.enumType!), f.enumMembers![e.index]);
    }
    case 'field': {
      const own = ctx.field?.(e.field);
      // a number held in a local (assigned earlier in a script) converts like a stored one
      const f = own ?? member(ctx.data, ctx.fields[e.field].identifier);
      if (own && e.type !== 'number') return own;
      if (e.type === 'number' && domain === 'int256' && e.fieldType !== 'int') return call('_toInt256', f);
      return f;
    }
    case 'not':
      return { kind: 'un', op: '!', arg: conditionToExpr(e.arg, ctx) };
    case 'neg':
      return { kind: 'un', op: '-', arg: toExpr(e.arg, ctx, 'int256', typed) };
    case 'binary': {
      if (e.op === 'and' || e.op === 'or') return bin(e.op === 'and' ? '&&' : '||', conditionToExpr(e.left, ctx), conditionToExpr(e.right, ctx));
      const sub = e.type === 'bool' ? numericDomain(e) : domain;
      if ((e.op === '=' || e.op === '!=') && e.left.type === 'string') {
        const hash = (x: TypedExpr) => call('keccak256', call('bytes', toExpr(x, ctx, sub)));
        return bin(e.op === '=' ? '==' : '!=', hash(e.left), hash(e.right));
      }
      const op: BinOp = e.op === '=' ? '==' : (e.op as BinOp);
      const literalsOnly = typed || !referencesData(e); // also literal-only comparisons: solc has no common type for `0 == -1`
      return bin(op, toExpr(e.left, ctx, sub, literalsOnly), toExpr(e.right, ctx, sub, literalsOnly));
    }
  }
}

/**
 * The value of a script assignment's expression for a field of type `target`. Numbers are computed
 * in int256 when the target is an `int` field (else in the expression's own domain, numeric-domain.ts);
 * an int256 result for an unsigned field goes through `_toUint256` (`toUint`), which reverts when
 * negative. A literal-only computation is typed as in conditions, so `7 / 2` truncates.
 */
export function valueToExpr(e: TypedExpr, target: FieldType, ctx: ConditionContext): { expr: Expr; domain: NumericDomain; toUint: boolean } {
  if (e.type !== 'number') return { expr: e.type === 'bool' ? conditionToExpr(e, ctx) : toExpr(e, ctx, 'uint256'), domain: 'uint256', toUint: false };
  const domain: NumericDomain = target === 'int' ? 'int256' : numericDomain(e);
  const expr = toExpr(e, ctx, domain, e.kind !== 'number' && !referencesData(e));
  const toUint = target !== 'int' && domain === 'int256';
  return { expr: toUint ? call('_toUint256', expr) : expr, domain, toUint };
}

/** Whether a condition needs the `_toInt256` helper (an unsigned field used in signed arithmetic). */
export function needsToInt256(e: TypedExpr, domain: NumericDomain = numericDomain(e)): boolean {
  switch (e.kind) {
    case 'field':
      return e.type === 'number' && domain === 'int256' && e.fieldType !== 'int';
    case 'not':
      return needsToInt256(e.arg);
    case 'neg':
      return needsToInt256(e.arg, 'int256');
    case 'binary': {
      if (e.op === 'and' || e.op === 'or') return needsToInt256(e.left) || needsToInt256(e.right);
      const sub = e.type === 'bool' ? numericDomain(e) : domain;
      return needsToInt256(e.left, sub) || needsToInt256(e.right, sub);
    }
    default:
      return false;
  }
}

export const referencesData = (e: TypedExpr, skip?: (field: number) => boolean): boolean =>
  (e.kind === 'field' && !skip?.(e.field)) || ((e.kind === 'not' || e.kind === 'neg') && referencesData(e.arg, skip)) ||
  (e.kind === 'binary' && (referencesData(e.left, skip) || referencesData(e.right, skip)));

export { id };
