import { describe, expect, it } from 'vitest';
import type { ProblemRow } from '../../store/selectors.js';
import { groupProblems } from './group-problems.js';

const row = (file: string | undefined, severity: ProblemRow['severity'], message: string): ProblemRow => ({ source: 'lint', severity, message, file });

describe('groupProblems', () => {
  it('groups by file in first-seen order, counts errors, and puts rows without file last', () => {
    // given problems of two files interleaved, and one about the workspace
    const rows = [row(undefined, 'error', 'w'), row('a.bpmn', 'error', 'a1'), row('b.sol', 'warning', 'b1'), row('a.bpmn', 'warning', 'a2')];
    // when grouped
    const groups = groupProblems(rows);
    // then
    expect(groups.map((g) => [g.file, g.rows.map((r) => r.message), g.errors])).toEqual([
      ['a.bpmn', ['a1', 'a2'], 1],
      ['b.sol', ['b1'], 0],
      [undefined, ['w'], 1],
    ]);
  });
});
