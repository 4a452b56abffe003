/**
 * Decimal fields in FEEL, made exact integer arithmetic at type-check time. A decimal field of
 * scale s holds its value times 10^s; every number expression has a scale (whole numbers 0, a
 * literal the digits after its point). The checker rewrites the expression so that the evaluator
 * and the contract only ever see integers, with these rules (docs/process-format.md):
 * - `+`, `-` and comparisons align both sides to the finer scale by multiplying the coarser side
 *   by a power of ten (exact; may overflow like any multiplication). A literal takes the scale of
 *   the other side instead, and is refused when it has more decimals than that side: `weight >
 *   12.345` with weight at scale 2 is a modeling mistake, not something to round.
 * - `*` adds the scales (weight * 1.5 has scale s + 1).
 * - `/` keeps the left side's scale: the left side is first scaled up by the divisor's scale, then
 *   divided, truncating toward zero like every division here.
 */
import type { TypedExpr } from './feel-ast.js';

export interface Scaled {
  expr: TypedExpr;
  scale: number;
  /** A literal (or a negated one): it takes the other side's scale. */
  literal: boolean;
  /** How to name this side in a message: the field's name, or the literal's text. */
  text: string;
}

const ten = (k: number) => 10n ** BigInt(k);

/** `x` at the finer scale `to` (>= x.scale): literals directly, anything else times 10^(to - scale). */
export function rescale(x: Scaled, to: number): TypedExpr {
  const k = to - x.scale;
  if (k === 0) return x.expr;
  const e = x.expr;
  if (e.kind === 'number') return { kind: 'number', value: e.value * ten(k), type: 'number' };
  if (e.kind === 'neg' && e.arg.kind === 'number') return { kind: 'neg', arg: { kind: 'number', value: e.arg.value * ten(k), type: 'number' }, type: 'number' };
  return { kind: 'binary', op: '*', left: e, right: { kind: 'number', value: ten(k), type: 'number' }, type: 'number' };
}

/** Both sides at one scale, or the message for a literal more precise than the other side allows. */
export function alignScales(left: Scaled, right: Scaled): { left: TypedExpr; right: TypedExpr; scale: number } | { message: string; side: 'left' | 'right' } {
  if (left.literal !== right.literal) {
    const [lit, other, side] = left.literal ? [left, right, 'left' as const] : [right, left, 'right' as const];
    if (lit.scale > other.scale)
      return { message: `${lit.text} has ${lit.scale} decimal${lit.scale > 1 ? 's' : ''}, more than ${other.text} has (${other.scale === 0 ? 'a whole number' : `scale ${other.scale}`})`, side };
    return side === 'left' ? { left: rescale(lit, other.scale), right: other.expr, scale: other.scale } : { left: other.expr, right: rescale(lit, other.scale), scale: other.scale };
  }
  const scale = Math.max(left.scale, right.scale);
  return { left: rescale(left, scale), right: rescale(right, scale), scale };
}

/** Whether a typed number is a literal, possibly negated. */
export function isLiteral(e: TypedExpr): boolean {
  return e.kind === 'number' || (e.kind === 'neg' && e.arg.kind === 'number');
}
