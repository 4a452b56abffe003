import { describe, expect, it } from 'vitest';
import { generateWorkspace, type Problem, type Workspace } from '../../generators/index.js';
import { lintDefinitions } from '../panels/process/lint/lint-config.js';
import { flow, processXml, readDefinitions, task } from '../panels/process/lint/lint-fixture.js';
import { mergeDuplicateProblems, normalizeMessage, problemCode } from './merge-problems.js';
import type { ProblemRow } from './selectors.js';

const row = (source: ProblemRow['source'], message: string, where: Partial<ProblemRow> = {}): ProblemRow => ({
  source,
  severity: 'error',
  message,
  file: 'a.bpmn',
  ...where,
});
const rows = (source: ProblemRow['source'], problems: Problem[]) => problems.map((p): ProblemRow => ({ source, ...p }));

describe('mergeDuplicateProblems with the real lint and generator', () => {
  it('lists an exclusive split flow without a condition once, from both steps', async () => {
    // given an exclusive split where one flow has a condition and the other none
    const xml = processXml(
      `<bpmn:laneSet id="LS"><bpmn:lane id="L" name="Buyer" cf:role="Buyer"><bpmn:flowNodeRef>S</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
       <bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="G" /><bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" />
       ${task('T', { role: 'Buyer', fields: ['qty:uint'] })}
       ${flow('F0', 'S', 'T')}${flow('F1', 'T', 'G')}${flow('F2', 'G', 'E1', 'qty > 1')}${flow('F3', 'G', 'E2')}`,
    );
    const ws: Workspace = {
      schemaVersion: 1,
      name: 'w',
      organizations: [{ id: 'o', name: 'O' }],
      roles: [{ id: 'Buyer', name: 'Buyer' }],
      participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'o', roles: ['Buyer'] }],
      processes: [{ id: 'p1', name: 'P', bpmn: xml }],
    };
    const file = 'processes[0] P.bpmn';
    // when both steps check it
    const lint = rows('lint', await lintDefinitions(await readDefinitions(xml), file));
    const generator = rows('generator', (await generateWorkspace(ws)).problems);
    // (lint also says the fixture has no diagram: not this problem)
    const aboutF3 = (list: ProblemRow[]) => list.filter((r) => r.elementId === 'F3' && /condition/.test(r.message));
    expect(aboutF3(lint)).toHaveLength(1);
    expect(aboutF3(generator)).toHaveLength(1);
    // then the merged list has one row for F3 that says both found it
    const merged = aboutF3(mergeDuplicateProblems([...lint, ...generator]));
    expect(merged).toHaveLength(1);
    expect(merged[0].alsoFrom).toHaveLength(1);
    expect([merged[0].source, ...merged[0].alsoFrom!].sort()).toEqual(['generator', 'lint']);
  });
});

describe('mergeDuplicateProblems', () => {
  it('merges by code: a lint rule and the generator message of the same meaning', () => {
    // given lint and generator reporting a task without role, worded differently
    const lint = row('lint', 'task "Ship" has no role: put it in a lane or choose its role (chainflow/task-role)', { elementId: 'T', processId: 'p1' });
    const gen = row('generator', 'task "Ship" has no role: put it in a lane or give it a cf:role', { elementId: 'T' });
    expect(problemCode(lint)).toBe('chainflow/task-role');
    expect(problemCode(gen)).toBe('chainflow/task-role');
    // when merged
    const [one, ...rest] = mergeDuplicateProblems([lint, gen]);
    // then one row: the longer message, the process id kept from lint
    expect(rest).toEqual([]);
    expect(one.message).toBe(gen.message);
    expect(one.processId).toBe('p1');
    expect(one.alsoFrom).toEqual(['lint']);
  });

  it('falls back to the message when only one side has a code, and keeps the more severe row', () => {
    const warning = row('lint', 'Gateway is superfluous. It only has one source and target. (superfluous-gateway)', { severity: 'warning', elementId: 'G' });
    const error = row('generator', 'gateway is superfluous: it only has one source and target', { elementId: 'G' });
    expect(mergeDuplicateProblems([warning, error])).toEqual([{ ...error, alsoFrom: ['lint'] }]);
  });

  it('merges by normalized message without codes', () => {
    expect(normalizeMessage('Flow “F1”  has NO condition. (rule-x)')).toBe('flow f1 has no condition');
    const a = row('diagram', 'Element “X” is broken', { elementId: 'X' });
    const b = row('generator', 'element "x" is broken.', { elementId: 'X' });
    expect(mergeDuplicateProblems([a, b])).toHaveLength(1);
  });

  it('keeps problems apart when the place or the meaning differs', () => {
    const base = row('lint', 'task "A" has no role (chainflow/task-role)', { elementId: 'A' });
    const list = [
      base,
      { ...base, elementId: 'B' },
      { ...base, file: 'b.bpmn' },
      row('generator', 'task "A" has no outgoing flow; connect it', { elementId: 'A' }),
      row('lint', 'task "A" cannot be reached from the start event (chainflow/no-unreachable)', { elementId: 'A' }),
      row('compiler', 'Unused local variable.', { file: 'A.sol', line: 3 }),
      row('compiler', 'Unused local variable.', { file: 'A.sol', line: 9 }),
    ];
    expect(mergeDuplicateProblems(list)).toEqual(list);
  });
});
