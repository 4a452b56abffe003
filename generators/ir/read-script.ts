/**
 * Script tasks: the `<bpmn:script>` of a `bpmn:scriptTask` is a list of assignments in the FEEL
 * subset, one per line (or separated by `;`), each `field := expression`. Every target must be a
 * declared field (cf:field on any element, the script task included) and the expression must have
 * the field's type; errors say the line and column (1-based) of the script.
 */
import { error, type Problem } from '../problems.js';
import type { BpmnFlowNode } from '../bpmn/moddle-types.js';
import { checkFeel } from '../feel/check-feel.js';
import { feelTypeOf } from '../feel/feel-ast.js';
import { parseFeel } from '../feel/parse-feel.js';
import { fitAssignment } from './typed-assignment.js';
import type { AssignmentIR, FieldIR } from './process-ir.js';

type Where = Omit<Problem, 'severity' | 'message'>;

const TARGET = /^(\s*)([\p{L}_][\p{L}\p{N}_]*)\s*:=/u;

/** The statements of a script with their offsets: split at newlines and at `;` outside string literals. */
export function splitStatements(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === undefined || ch === '\n' || ch === ';') {
      out.push({ text: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  return out.filter((s) => s.text.trim() !== '');
}

/** Line and column (1-based) of `offset` in `text`. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length} column ${before[before.length - 1].length + 1}`;
}

/**
 * The assignments of script task `node`, or undefined after pushing located errors. `label` names
 * the element as the other refusals do.
 */
export function readScript(node: BpmnFlowNode, label: string, fields: readonly FieldIR[], where: Where, problems: Problem[]): AssignmentIR[] | undefined {
  const what = `script task ${label}`;
  const format = String(node.get('scriptFormat') ?? '').trim().toLowerCase();
  if (format && !format.includes('feel')) {
    problems.push(error(`${what}: script format "${format}" is not executable; write FEEL assignments (scriptFormat="feel" or none)`, where));
    return undefined;
  }
  const text = String(node.get('script') ?? '');
  const statements = splitStatements(text);
  if (statements.length === 0) {
    problems.push(error(`${what} has no script; write one assignment per line, e.g. total := quantity * price`, where));
    return undefined;
  }
  const assignments: AssignmentIR[] = [];
  let failed = false;
  const fail = (offset: number, message: string) => {
    problems.push(error(`${what} ${position(text, offset)}: ${message}`, where));
    failed = true;
  };
  for (const s of statements) {
    const m = TARGET.exec(s.text);
    if (!m) {
      fail(s.offset + (s.text.length - s.text.trimStart().length), `expected an assignment "field := expression", got "${s.text.trim()}"`);
      continue;
    }
    const name = m[2];
    const at = s.offset + m[1].length;
    const field = fields.findIndex((f) => f.name === name);
    if (field < 0) {
      fail(at, `unknown field "${name}"; declare it with cf:field (on this script task, for instance) (fields: ${fields.map((f) => f.name).join(', ') || 'none'})`);
      continue;
    }
    if (assignments.some((a) => a.field === field)) {
      fail(at, `field "${name}" is assigned twice in this script; assign it once`);
      continue;
    }
    const exprText = s.text.slice(m[0].length);
    const exprOffset = s.offset + m[0].length;
    const parsed = parseFeel(exprText);
    if (!parsed.ok) {
      fail(exprOffset + parsed.span.start, parsed.message);
      continue;
    }
    const checked = checkFeel(parsed.expr, fields);
    const fitted = fitAssignment(fields, field, parsed.expr, checked.ok ? checked : undefined);
    if (fitted && 'message' in fitted) {
      fail(exprOffset + (exprText.length - exprText.trimStart().length), fitted.message);
      continue;
    }
    if (fitted) {
      assignments.push({ field, expr: fitted.expr, text: exprText.trim() });
      continue;
    }
    if (!checked.ok) {
      fail(exprOffset + checked.span.start, checked.message);
      continue;
    }
    const wanted = feelTypeOf(fields[field].type);
    if (checked.expr.type !== wanted) {
      fail(exprOffset + (exprText.length - exprText.trimStart().length), `field "${name}" is ${fields[field].type}, but the expression is ${checked.expr.type === 'number' ? 'a number' : `a ${checked.expr.type}`}`);
      continue;
    }
    assignments.push({ field, expr: checked.expr, text: exprText.trim() });
  }
  return failed ? undefined : assignments;
}
