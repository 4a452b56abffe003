/**
 * Evaluates a typed condition exactly as the generated contract does (see numeric-domain.ts):
 * integers in uint256 or int256, division truncating toward zero, strings compared by value,
 * addresses and bytes32 compared case-insensitively (they are hex). Whatever reverts on chain
 * (division by zero, a result outside the domain) throws FeelRuntimeError here, so the reference
 * interpreter and the contract agree on rejection.
 */
import type { TypedExpr } from './feel-ast.js';
import { DOMAIN_RANGE, numericDomain, type NumericDomain } from './numeric-domain.js';

export type FeelValue = bigint | boolean | string;

export class FeelRuntimeError extends Error {}

export function evaluateFeel(expr: TypedExpr, fieldValues: readonly FeelValue[]): FeelValue {
  return evaluate(expr, fieldValues, numericDomain(expr));
}

function evaluate(expr: TypedExpr, values: readonly FeelValue[], domain: NumericDomain): FeelValue {
  switch (expr.kind) {
    case 'number':
    case 'string':
    case 'bool':
      return expr.value;
    case 'field':
      return inDomain(values[expr.field], expr.type === 'number' ? domain : null);
    case 'not':
      return !(evaluateFeel(expr.arg, values) as boolean);
    case 'neg':
      return inDomain(-(evaluate(expr.arg, values, domain) as bigint), domain);
    case 'binary': {
      if (expr.op === 'and') return (evaluateFeel(expr.left, values) as boolean) && (evaluateFeel(expr.right, values) as boolean);
      if (expr.op === 'or') return (evaluateFeel(expr.left, values) as boolean) || (evaluateFeel(expr.right, values) as boolean);
      // comparisons pick the domain of their operands; arithmetic inherits the enclosing one
      const sub = expr.type === 'bool' ? numericDomain(expr) : domain;
      const l = evaluate(expr.left, values, sub);
      const r = evaluate(expr.right, values, sub);
      switch (expr.op) {
        case '=': return equal(expr, l, r);
        case '!=': return !equal(expr, l, r);
        case '<': return (l as bigint) < (r as bigint);
        case '<=': return (l as bigint) <= (r as bigint);
        case '>': return (l as bigint) > (r as bigint);
        case '>=': return (l as bigint) >= (r as bigint);
        case '+': return inDomain((l as bigint) + (r as bigint), sub);
        case '-': return inDomain((l as bigint) - (r as bigint), sub);
        case '*': return inDomain((l as bigint) * (r as bigint), sub);
        case '/':
          if (r === 0n) throw new FeelRuntimeError('division by zero');
          return inDomain((l as bigint) / (r as bigint), sub);
      }
    }
  }
}

function equal(expr: Extract<TypedExpr, { kind: 'binary' }>, l: FeelValue, r: FeelValue): boolean {
  if (expr.left.type === 'address' || expr.left.type === 'bytes32') return (l as string).toLowerCase() === (r as string).toLowerCase();
  return l === r;
}

function inDomain(v: FeelValue, domain: NumericDomain | null): FeelValue {
  if (domain === null || typeof v !== 'bigint') return v;
  const { min, max } = DOMAIN_RANGE[domain];
  if (v < min || v > max) throw new FeelRuntimeError(`arithmetic result ${v} outside ${domain}`);
  return v;
}
