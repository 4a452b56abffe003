/**
 * Type-checks a parsed FEEL condition against the process's fields. Errors say where in the
 * expression (`defects <= "two"`: at 11: cannot compare number with string).
 */
import type { FieldType } from '../model/workspace.js';
import { feelTypeOf, type FeelExpr, type FeelType, type Span, type TypedExpr } from './feel-ast.js';
import { parseFeel } from './parse-feel.js';

export interface FieldInScope {
  name: string;
  type: FieldType;
}

export type CheckResult = { ok: true; expr: TypedExpr } | { ok: false; message: string; span: Span };

class FeelTypeError extends Error {
  constructor(message: string, readonly span: Span) {
    super(message);
  }
}

export function checkFeel(expr: FeelExpr, fields: readonly FieldInScope[]): CheckResult {
  const visit = (e: FeelExpr): TypedExpr => {
    switch (e.kind) {
      case 'number':
        return { kind: 'number', value: e.value, type: 'number' };
      case 'string':
        return { kind: 'string', value: e.value, type: 'string' };
      case 'bool':
        return { kind: 'bool', value: e.value, type: 'bool' };
      case 'name': {
        const index = fields.findIndex((f) => f.name === e.name);
        if (index < 0) {
          const known = fields.map((f) => f.name).join(', ') || 'none';
          throw new FeelTypeError(`unknown field "${e.name}" (fields: ${known})`, e.span);
        }
        return { kind: 'field', field: index, fieldType: fields[index].type, type: feelTypeOf(fields[index].type) };
      }
      case 'not': {
        const arg = visit(e.arg);
        expect(arg.type, 'bool', e.arg.span, 'not(...) needs a boolean');
        return { kind: 'not', arg, type: 'bool' };
      }
      case 'neg': {
        const arg = visit(e.arg);
        expect(arg.type, 'number', e.arg.span, 'minus needs a number');
        return { kind: 'neg', arg, type: 'number' };
      }
      case 'binary': {
        const left = visit(e.left);
        const right = visit(e.right);
        const at = e.span;
        switch (e.op) {
          case 'and':
          case 'or':
            expect(left.type, 'bool', e.left.span, `"${e.op}" needs booleans`);
            expect(right.type, 'bool', e.right.span, `"${e.op}" needs booleans`);
            return { kind: 'binary', op: e.op, left, right, type: 'bool' };
          case '+':
          case '-':
          case '*':
          case '/':
            expect(left.type, 'number', e.left.span, `"${e.op}" needs numbers`);
            expect(right.type, 'number', e.right.span, `"${e.op}" needs numbers`);
            return { kind: 'binary', op: e.op, left, right, type: 'number' };
          case '=':
          case '!=':
            if (left.type !== right.type) throw new FeelTypeError(`cannot compare ${left.type} with ${right.type}`, at);
            return { kind: 'binary', op: e.op, left, right, type: 'bool' };
          default:
            expect(left.type, 'number', e.left.span, `"${e.op}" compares numbers`);
            expect(right.type, 'number', e.right.span, `"${e.op}" compares numbers`);
            return { kind: 'binary', op: e.op, left, right, type: 'bool' };
        }
      }
    }
  };
  try {
    return { ok: true, expr: visit(expr) };
  } catch (err) {
    if (err instanceof FeelTypeError) return { ok: false, message: err.message, span: err.span };
    throw err;
  }
}

function expect(actual: FeelType, wanted: FeelType, span: Span, message: string) {
  if (actual !== wanted) throw new FeelTypeError(`${message}, got ${actual}`, span);
}

/** Parses and type-checks a condition that must be boolean. Error messages carry the column. */
export function compileCondition(
  text: string,
  fields: readonly FieldInScope[],
): { ok: true; expr: TypedExpr } | { ok: false; message: string } {
  const parsed = parseFeel(text);
  if (!parsed.ok) return { ok: false, message: `condition "${text}" at column ${parsed.span.start + 1}: ${parsed.message}` };
  const checked = checkFeel(parsed.expr, fields);
  if (!checked.ok) return { ok: false, message: `condition "${text}" at column ${checked.span.start + 1}: ${checked.message}` };
  if (checked.expr.type !== 'bool') return { ok: false, message: `condition "${text}" is a ${checked.expr.type}, not true/false` };
  return checked;
}
