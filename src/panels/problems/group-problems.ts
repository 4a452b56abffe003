/**
 * Groups the Problems list by file (a process's BPMN file, a generated Solidity file, the
 * workspace), in the order files first appear; rows without a file form the last group.
 */
import type { ProblemRow } from '../../store/selectors.js';

export interface ProblemGroup {
  /** The file, or undefined for problems about the workspace as a whole. */
  file?: string;
  rows: ProblemRow[];
  errors: number;
}

export function groupProblems(rows: readonly ProblemRow[]): ProblemGroup[] {
  const groups = new Map<string | undefined, ProblemGroup>();
  for (const row of rows) {
    const group = groups.get(row.file) ?? { file: row.file, rows: [], errors: 0 };
    group.rows.push(row);
    if (row.severity === 'error') group.errors++;
    groups.set(row.file, group);
  }
  const list = [...groups.values()];
  return [...list.filter((g) => g.file !== undefined), ...list.filter((g) => g.file === undefined)];
}
