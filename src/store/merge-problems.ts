/**
 * One row per problem in the Problems list, when several steps report the same thing: bpmnlint in
 * the modeler and the generator both check e.g. an exclusive split's flow without a condition.
 * Two rows are the same problem when they are about the same place (file, element or JSON path,
 * line) and mean the same: by a stable code where both have one (a lint row's rule name; a
 * generator row gets the code of the lint rule that checks the same thing, from the table below),
 * else by their message normalized (case, spacing, quotes, a trailing "(rule)").
 * Of two duplicates the row kept is the more severe, then the more precise: the longer message,
 * since both name the element and the longer one says more (e.g. also which task comes first).
 * It lists every step that reported it in `alsoFrom`.
 */
import type { ProblemRow } from './selectors.js';

/**
 * Generator messages that mean what a lint rule reports, by that rule's name. Keep in step with
 * generators/ir/build-process-ir.ts and src/panels/process/lint/rules/.
 */
export const GENERATOR_CODES: readonly { code: string; message: RegExp }[] = [
  { code: 'chainflow/exclusive-decision', message: /^flow .+ from gateway .+ has no condition/ },
  { code: 'chainflow/exclusive-decision', message: /^gateway .+ has no conditions, so the participant/ },
  { code: 'chainflow/task-role', message: /^task .+ has no role/ },
  { code: 'no-implicit-split', message: /has \d+ outgoing flows; split with/ },
];

const RULE_SUFFIX = /\s*\(([\w@/-]+)\)\s*$/;

/** The stable code of a row, when it has one. */
export function problemCode(row: ProblemRow): string | undefined {
  if (row.code) return row.code;
  if (row.source === 'lint') return RULE_SUFFIX.exec(row.message)?.[1]?.replace(/^bpmnlint\//, '');
  if (row.source === 'generator') return GENERATOR_CODES.find((c) => c.message.test(row.message))?.code;
  return undefined;
}

export function normalizeMessage(message: string): string {
  return message
    .replace(RULE_SUFFIX, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”"'‘’`]/g, '')
    .replace(/[\s.:;,]+/g, ' ')
    .trim();
}

function placeOf(row: ProblemRow): string {
  return [row.file ?? '', row.elementId ?? row.path ?? '', row.line ?? '', row.column ?? ''].join('\u0000');
}

function sameMeaning(a: ProblemRow, b: ProblemRow): boolean {
  const codeA = problemCode(a);
  const codeB = problemCode(b);
  return codeA && codeB ? codeA === codeB : normalizeMessage(a.message) === normalizeMessage(b.message);
}

const RANK = { error: 2, warning: 1, info: 0 } as const;

/** Whether `a` is the row to keep rather than `b`. */
function preferred(a: ProblemRow, b: ProblemRow): boolean {
  if (RANK[a.severity] !== RANK[b.severity]) return RANK[a.severity] > RANK[b.severity];
  return normalizeMessage(a.message).length > normalizeMessage(b.message).length;
}

/** The rows with duplicates merged, in the order each problem was first reported. */
export function mergeDuplicateProblems(rows: readonly ProblemRow[]): ProblemRow[] {
  const out: ProblemRow[] = [];
  // indexes into `out` by place: only rows about the same place are compared
  const byPlace = new Map<string, number[]>();
  for (const row of rows) {
    const place = placeOf(row);
    const seen = byPlace.get(place) ?? [];
    const at = seen.find((i) => sameMeaning(out[i], row));
    if (at === undefined) {
      byPlace.set(place, [...seen, out.push(row) - 1]);
      continue;
    }
    const earlier = out[at];
    const sources = [...new Set([earlier.source, ...(earlier.alsoFrom ?? []), row.source])];
    const kept = preferred(row, earlier) ? row : earlier;
    out[at] = { ...kept, processId: kept.processId ?? earlier.processId ?? row.processId, alsoFrom: sources.filter((s) => s !== kept.source) };
  }
  return out;
}
