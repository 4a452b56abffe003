import { describe, expect, it } from 'vitest';
import { flow, ids, lintWith, processXml, task } from '../lint-fixture.js';

describe('chainflow/no-unreachable', () => {
  it('accepts a process whose elements all follow from the start, loops included', async () => {
    const xml = processXml(
      `<bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="M" />${task('A')}<bpmn:exclusiveGateway id="G" /><bpmn:endEvent id="E" />
       ${flow('F1', 'S', 'M')}${flow('F2', 'M', 'A')}${flow('F3', 'A', 'G')}${flow('F4', 'G', 'M')}${flow('F5', 'G', 'E')}`,
    );
    expect(await lintWith('no-unreachable', xml)).toEqual([]);
  });

  it('reports a chain of elements that only feed each other, not a fully disconnected one', async () => {
    // given B -> C hanging off nothing, and D with no flow at all (no-disconnected's business)
    const xml = processXml(
      `<bpmn:startEvent id="S" />${task('A')}<bpmn:endEvent id="E" />${task('B')}${task('C')}${task('D')}
       ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'E')}${flow('F3', 'B', 'C')}${flow('F4', 'C', 'E')}`,
    );
    const problems = await lintWith('no-unreachable', xml);
    expect(ids(problems)).toEqual(['B', 'C']);
    expect(problems[0].message).toContain('cannot be reached');
  });
});
