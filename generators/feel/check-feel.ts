/**
 * Type-checks a parsed FEEL condition against the process's fields. Errors say where in the
 * expression (`defects <= "two"`: at 11: cannot compare number with string).
 */
import type { FieldType } from '../model/workspace.js';
import { feelTypeOf, type FeelExpr, type FeelType, type Span, type TypedExpr } from './feel-ast.js';
import { parseFeel } from './parse-feel.js';
import { alignScales, isLiteral, rescale, type Scaled } from './decimal-scale.js';

export interface FieldInScope {
  name: string;
  type: FieldType;
  /** enum: its values, in member order. */
  values?: readonly string[];
  /** decimal: digits after the point. */
  scale?: number;
}

/** `scale`: for a number expression, how many decimals its integer value carries (decimal-scale.ts). */
export type CheckResult = { ok: true; expr: TypedExpr; scale: number } | { ok: false; message: string; span: Span };

class FeelTypeError extends Error {
  constructor(message: string, readonly span: Span) {
    super(message);
  }
}

export function checkFeel(expr: FeelExpr, fields: readonly FieldInScope[]): CheckResult {
  const scaled = (e: FeelExpr, expr: TypedExpr, scale = 0): Scaled => ({ expr, scale, literal: isLiteral(expr), text: describe(e) });
  const visit = (e: FeelExpr): Scaled => {
    switch (e.kind) {
      case 'number':
        return scaled(e, { kind: 'number', value: e.value, type: 'number' }, e.scale ?? 0);
      case 'string':
        return scaled(e, { kind: 'string', value: e.value, type: 'string' });
      case 'bool':
        return scaled(e, { kind: 'bool', value: e.value, type: 'bool' });
      case 'name': {
        const index = fields.findIndex((f) => f.name === e.name);
        if (index < 0) {
          const known = fields.map((f) => f.name).join(', ') || 'none';
          throw new FeelTypeError(`unknown field "${e.name}" (fields: ${known})`, e.span);
        }
        const f = fields[index];
        return scaled(e, { kind: 'field', field: index, fieldType: f.type, type: feelTypeOf(f.type) }, f.type === 'decimal' ? (f.scale ?? 0) : 0);
      }
      case 'not': {
        const arg = visit(e.arg).expr;
        expect(arg.type, 'bool', e.arg.span, 'not(...) needs a boolean');
        return scaled(e, { kind: 'not', arg, type: 'bool' });
      }
      case 'neg': {
        const arg = visit(e.arg);
        expect(arg.expr.type, 'number', e.arg.span, 'minus needs a number');
        return scaled(e, { kind: 'neg', arg: arg.expr, type: 'number' }, arg.scale);
      }
      case 'binary': {
        const l = visit(e.left);
        const r = visit(e.right);
        const left = l.expr;
        const right = r.expr;
        const at = e.span;
        const aligned = () => {
          const a = alignScales(l, r);
          if ('message' in a) throw new FeelTypeError(a.message, a.side === 'left' ? e.left.span : e.right.span);
          return a;
        };
        switch (e.op) {
          case 'and':
          case 'or':
            expect(left.type, 'bool', e.left.span, `"${e.op}" needs booleans`);
            expect(right.type, 'bool', e.right.span, `"${e.op}" needs booleans`);
            return scaled(e, { kind: 'binary', op: e.op, left, right, type: 'bool' });
          case '+':
          case '-': {
            expect(left.type, 'number', e.left.span, `"${e.op}" needs numbers`);
            expect(right.type, 'number', e.right.span, `"${e.op}" needs numbers`);
            const a = aligned();
            return scaled(e, { kind: 'binary', op: e.op, left: a.left, right: a.right, type: 'number' }, a.scale);
          }
          case '*':
            expect(left.type, 'number', e.left.span, `"${e.op}" needs numbers`);
            expect(right.type, 'number', e.right.span, `"${e.op}" needs numbers`);
            return scaled(e, { kind: 'binary', op: e.op, left, right, type: 'number' }, l.scale + r.scale);
          case '/':
            expect(left.type, 'number', e.left.span, `"${e.op}" needs numbers`);
            expect(right.type, 'number', e.right.span, `"${e.op}" needs numbers`);
            // the quotient keeps the left side's scale: scale the dividend up by the divisor's first
            return scaled(e, { kind: 'binary', op: e.op, left: rescale({ ...l, literal: l.literal }, l.scale + r.scale), right, type: 'number' }, l.scale);
          case '=':
          case '!=':
            if (left.type === 'enum' || right.type === 'enum') return scaled(e, compareEnum(e.op, l, r, e));
            if (left.type !== right.type) throw new FeelTypeError(`cannot compare ${left.type} with ${right.type}`, at);
            if (left.type === 'number') {
              const a = aligned();
              return scaled(e, { kind: 'binary', op: e.op, left: a.left, right: a.right, type: 'bool' });
            }
            return scaled(e, { kind: 'binary', op: e.op, left, right, type: 'bool' });
          default: {
            expect(left.type, 'number', e.left.span, `"${e.op}" compares numbers`);
            expect(right.type, 'number', e.right.span, `"${e.op}" compares numbers`);
            const a = aligned();
            return scaled(e, { kind: 'binary', op: e.op, left: a.left, right: a.right, type: 'bool' });
          }
        }
      }
    }
  };
  /** An enum field compares (= and != only) with one of its own values, written as text, or with itself. */
  const compareEnum = (op: '=' | '!=', l: Scaled, r: Scaled, e: FeelExpr & { kind: 'binary' }): TypedExpr => {
    const [field, other, otherSpan] = l.expr.type === 'enum' ? [l.expr, r.expr, e.right.span] : [r.expr, l.expr, e.left.span];
    if (field.kind !== 'field') throw new FeelTypeError('compare an enum field with one of its values', e.span);
    const f = fields[field.field];
    const values = f.values ?? [];
    if (other.kind === 'string') {
      const index = values.indexOf(other.value);
      if (index < 0) throw new FeelTypeError(`"${other.value}" is not a value of ${f.name} (${values.join(', ')})`, otherSpan);
      const value: TypedExpr = { kind: 'enumValue', field: field.field, index, label: other.value, type: 'enum' };
      return l.expr === field ? { kind: 'binary', op, left: field, right: value, type: 'bool' } : { kind: 'binary', op, left: value, right: field, type: 'bool' };
    }
    if (other.kind === 'field' && other.field === field.field) return { kind: 'binary', op, left: l.expr, right: r.expr, type: 'bool' };
    const hint = values.length ? `, e.g. ${f.name} = "${values[0]}"` : '';
    throw new FeelTypeError(`enum field ${f.name} compares only with one of its values as text${hint}`, e.span);
  };
  try {
    const top = visit(expr);
    return { ok: true, expr: top.expr, scale: top.scale };
  } catch (err) {
    if (err instanceof FeelTypeError) return { ok: false, message: err.message, span: err.span };
    throw err;
  }
}

/** How a message names an operand: a field by its name, a literal by its text. */
function describe(e: FeelExpr): string {
  if (e.kind === 'name') return e.name;
  if (e.kind === 'number') {
    if (!e.scale) return e.value.toString();
    const digits = e.value.toString().padStart(e.scale + 1, '0');
    return `${digits.slice(0, -e.scale)}.${digits.slice(-e.scale)}`;
  }
  if (e.kind === 'neg') return `-${describe(e.arg)}`;
  return 'the other side';
}

function expect(actual: FeelType, wanted: FeelType, span: Span, message: string) {
  if (actual !== wanted) throw new FeelTypeError(`${message}, got ${actual}`, span);
}

/** Parses and type-checks a condition that must be boolean. Error messages carry the column. */
export function compileCondition(
  text: string,
  fields: readonly FieldInScope[],
): { ok: true; expr: TypedExpr; scale: number } | { ok: false; message: string } {
  const parsed = parseFeel(text);
  if (!parsed.ok) return { ok: false, message: `condition "${text}" at column ${parsed.span.start + 1}: ${parsed.message}` };
  const checked = checkFeel(parsed.expr, fields);
  if (!checked.ok) return { ok: false, message: `condition "${text}" at column ${checked.span.start + 1}: ${checked.message}` };
  if (checked.expr.type !== 'bool') return { ok: false, message: `condition "${text}" is a ${checked.expr.type}, not true/false` };
  return checked;
}
