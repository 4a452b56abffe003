/**
 * Script assignments to the field types with options: an enum field takes one of its values
 * written as text ("合格") or its own value; a decimal field takes a number of at most its scale,
 * scaled up exactly (weight := 12.5 at scale 3 stores 12500); a whole-number field refuses a
 * number with decimals; a participant field is not assigned by scripts (nobody would check that
 * the account is a participant).
 */
import { feelTypeOf, type FeelExpr, type TypedExpr } from '../feel/feel-ast.js';
import { rescale } from '../feel/decimal-scale.js';
import type { FieldIR } from './process-ir.js';

export type Fitted = { expr: TypedExpr } | { message: string } | undefined;

/**
 * The assigned value fitted to `fields[target]`, a message saying why it does not fit, or
 * undefined when the field's type has no special rule (the usual type check applies).
 */
export function fitAssignment(fields: readonly FieldIR[], target: number, parsed: FeelExpr, checked: { expr: TypedExpr; scale: number } | undefined): Fitted {
  const f = fields[target];
  if (f.type === 'participant') return { message: `field "${f.name}" is a participant: a script cannot assign it; let a task's form ask for it` };
  if (f.type === 'enum') {
    const values = f.values ?? [];
    if (parsed.kind === 'string') {
      const index = values.indexOf(parsed.value);
      return index < 0
        ? { message: `"${parsed.value}" is not a value of ${f.name} (${values.join(', ')})` }
        : { expr: { kind: 'enumValue', field: target, index, label: parsed.value, type: 'enum' } };
    }
    if (checked?.expr.kind === 'field' && checked.expr.field === target) return { expr: checked.expr };
    return { message: `field "${f.name}" is an enum: assign one of its values as text, e.g. ${f.name} := "${values[0] ?? ''}"` };
  }
  if (!checked || checked.expr.type !== 'number' || feelTypeOf(f.type) !== 'number') return undefined;
  const scale = f.type === 'decimal' ? (f.scale ?? 0) : 0;
  if (checked.scale > scale)
    return { message: `field "${f.name}" ${f.type === 'decimal' ? `has scale ${scale}` : 'is a whole number'}, but the expression has ${checked.scale} decimals` };
  const literal = checked.expr.kind === 'number' || (checked.expr.kind === 'neg' && checked.expr.arg.kind === 'number');
  return { expr: rescale({ expr: checked.expr, scale: checked.scale, literal, text: '' }, scale) };
}
