/**
 * Evaluates a typed condition exactly as the generated contract does (see numeric-domain.ts),
 * down to WHICH revert wins when several could happen. The reference interpreter relies on it:
 * - values: integers in uint256 or int256, division truncating toward zero, strings compared by
 *   value, addresses and bytes32 compared case-insensitively (they are hex);
 * - the error's name: a signed computation reading an unsigned field above int256 max reverts
 *   with `ValueOutOfRange` (the contract's `_toInt256`), while overflow, a negative uint result
 *   and division by zero are checked-arithmetic `Panic`s;
 * - the order: solc's legacy code generator evaluates the RIGHT operand of a binary operator
 *   before the left one (unless the right one is a literal, which cannot revert), so in
 *   `a * 2 < big` with both sides failing, the right side's error is the one the chain reports.
 * `and`/`or` evaluate left first and short-circuit, as in Solidity.
 */
import type { TypedExpr } from './feel-ast.js';
import { DOMAIN_RANGE, numericDomain, type NumericDomain } from './numeric-domain.js';

export type FeelValue = bigint | boolean | string;

/** What reverts on chain throws here, named as the contract's error. */
export class FeelRuntimeError extends Error {
  constructor(readonly errorName: 'ValueOutOfRange' | 'Panic', message: string) {
    super(message);
  }
}

/** `values[i]` is the current value of field i (numbers as bigint). */
export function evaluateFeel(expr: TypedExpr, values: readonly FeelValue[]): FeelValue {
  return evaluate(expr, values, numericDomain(expr));
}

/**
 * The value of `expr` with its numbers computed in `domain` (a script assigning an `int` field
 * computes in int256 whatever its operands; see valueToExpr in generators/solidity).
 * @throws FeelRuntimeError where the contract would revert.
 */
export function evaluateIn(expr: TypedExpr, values: readonly FeelValue[], domain: NumericDomain): FeelValue {
  return evaluate(expr, values, domain);
}

/** A condition's truth value; @throws FeelRuntimeError where the contract would revert. */
export function evaluateCondition(expr: TypedExpr, values: readonly FeelValue[]): boolean {
  return evaluateFeel(expr, values) as boolean;
}

function evaluate(e: TypedExpr, values: readonly FeelValue[], domain: NumericDomain): FeelValue {
  switch (e.kind) {
    case 'number':
    case 'string':
    case 'bool':
      return e.value;
    case 'enumValue':
      return BigInt(e.index); // an enum field's value is its member index, as the contract's uint8
    case 'field': {
      const v = values[e.field];
      if (e.type === 'number' && domain === 'int256' && e.fieldType !== 'int' && (v as bigint) > DOMAIN_RANGE.int256.max)
        throw new FeelRuntimeError('ValueOutOfRange', `unsigned value ${v} used in signed arithmetic`);
      return v;
    }
    case 'not':
      return !evaluateCondition(e.arg, values);
    case 'neg':
      return checked(-(evaluate(e.arg, values, 'int256') as bigint), 'int256');
    case 'binary': {
      if (e.op === 'and') return evaluateCondition(e.left, values) && evaluateCondition(e.right, values);
      if (e.op === 'or') return evaluateCondition(e.left, values) || evaluateCondition(e.right, values);
      const sub = e.type === 'bool' ? numericDomain(e) : domain;
      const r = evaluate(e.right, values, sub); // right first: see the header
      const l = evaluate(e.left, values, sub);
      switch (e.op) {
        case '=': return same(e.left, l, r);
        case '!=': return !same(e.left, l, r);
        case '<': return (l as bigint) < (r as bigint);
        case '<=': return (l as bigint) <= (r as bigint);
        case '>': return (l as bigint) > (r as bigint);
        case '>=': return (l as bigint) >= (r as bigint);
        case '+': return checked((l as bigint) + (r as bigint), sub);
        case '-': return checked((l as bigint) - (r as bigint), sub);
        case '*': return checked((l as bigint) * (r as bigint), sub);
        case '/':
          if (r === 0n) throw new FeelRuntimeError('Panic', 'division by zero');
          return checked((l as bigint) / (r as bigint), sub); // bigint division truncates toward zero, like the EVM
      }
    }
  }
}

/** Addresses and bytes32 are hex text: compare regardless of case. Strings compare by their bytes. */
function same(left: TypedExpr, l: FeelValue, r: FeelValue): boolean {
  if (left.type === 'address' || left.type === 'bytes32') return (l as string).toLowerCase() === (r as string).toLowerCase();
  return l === r;
}

function checked(v: bigint, domain: NumericDomain): bigint {
  const { min, max } = DOMAIN_RANGE[domain];
  if (v < min || v > max) throw new FeelRuntimeError('Panic', `arithmetic result ${v} outside ${domain}`);
  return v;
}
