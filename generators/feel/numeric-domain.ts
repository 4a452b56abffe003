/**
 * Which integer type an arithmetic expression is computed in, on chain and in the interpreter
 * alike: uint256 when every operand is unsigned (uint, timestamp, literals), int256 as soon as a
 * signed field or a minus sign takes part. A result outside the domain (uint below zero, overflow)
 * reverts on chain and throws in the interpreter.
 */
import type { TypedExpr } from './feel-ast.js';

export type NumericDomain = 'uint256' | 'int256';

export function numericDomain(expr: TypedExpr): NumericDomain {
  switch (expr.kind) {
    case 'field':
      return expr.fieldType === 'int' ? 'int256' : 'uint256';
    case 'neg':
      return 'int256';
    case 'binary':
      return numericDomain(expr.left) === 'int256' || numericDomain(expr.right) === 'int256' ? 'int256' : 'uint256';
    default:
      return 'uint256';
  }
}

export const DOMAIN_RANGE: Record<NumericDomain, { min: bigint; max: bigint }> = {
  uint256: { min: 0n, max: (1n << 256n) - 1n },
  int256: { min: -(1n << 255n), max: (1n << 255n) - 1n },
};
