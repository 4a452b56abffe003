import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flow, lintAll, processXml, task } from './lint-fixture.js';

describe('lint configuration', () => {
  it('finds nothing in the Order fulfilment sample', async () => {
    // given the sample the IDE opens with
    const xml = readFileSync('generators/samples/order-fulfilment/order-fulfilment.bpmn', 'utf8');
    // then recommended and project rules agree it is clean
    expect(await lintAll(xml)).toEqual([]);
  });

  it('reports project and recommended rules with severities, the element and the rule name', async () => {
    // given a task without role and a process without end event
    const xml = processXml(`<bpmn:startEvent id="S" />${task('A')}${flow('F1', 'S', 'A')}`);
    const problems = await lintAll(xml);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', elementId: 'A', file: 'test.bpmn', message: expect.stringContaining('(chainflow/task-role)') }));
    expect(problems.some((p) => p.message.includes('(end-event-required)'))).toBe(true);
  });
});
