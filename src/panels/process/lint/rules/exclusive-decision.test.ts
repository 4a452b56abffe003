import { describe, expect, it } from 'vitest';
import { flow, ids, lintWith, processXml, task } from '../lint-fixture.js';

const ends = '<bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" />';

describe('chainflow/exclusive-decision', () => {
  it('accepts conditions with a default flow, and a participant decision right after a task', async () => {
    // given one gateway decided by conditions and one decided by the participant of task A
    const xml = processXml(
      `<bpmn:startEvent id="S" />${task('A', { role: 'R', fields: ['n:uint'] })}
       <bpmn:exclusiveGateway id="G1" default="F3" />${task('B', { role: 'R' })}<bpmn:exclusiveGateway id="G2" />${ends}
       ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'G1')}${flow('F3', 'G1', 'B')}${flow('F4', 'G1', 'E1', 'n > 1')}
       ${flow('F5', 'B', 'G2')}${flow('F6', 'G2', 'E1')}${flow('F7', 'G2', 'E2')}`,
    );
    expect(await lintWith('exclusive-decision', xml)).toEqual([]);
  });

  it('reports a flow without condition next to conditional ones when it is not the default', async () => {
    const xml = processXml(
      `<bpmn:startEvent id="S" />${task('A', { role: 'R', fields: ['n:uint'] })}<bpmn:exclusiveGateway id="G" />${ends}
       ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'G')}${flow('F3', 'G', 'E1', 'n > 1')}${flow('F4', 'G', 'E2')}`,
    );
    const problems = await lintWith('exclusive-decision', xml);
    expect(ids(problems)).toEqual(['F4']);
    expect(problems[0].message).toMatch(/without a condition/);
  });

  it('reports a gateway without conditions right after another gateway (nobody decides)', async () => {
    const xml = processXml(
      `<bpmn:startEvent id="S" />${task('A', { role: 'R' })}<bpmn:parallelGateway id="PG" /><bpmn:exclusiveGateway id="G" />${ends}
       ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'PG')}${flow('F3', 'PG', 'G')}${flow('F4', 'G', 'E1')}${flow('F5', 'G', 'E2')}`,
    );
    expect(ids(await lintWith('exclusive-decision', xml))).toEqual(['G']);
  });
});
