import { describe, expect, it } from 'vitest';
import { flow, ids, lintWith, processXml, task } from '../lint-fixture.js';

const ends = '<bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" />';

describe('chainflow/field-written-before-read', () => {
  it('accepts a field written before the gateway on every path, through a rework loop', async () => {
    // given n written by A; the loop back to M passes R, which does not write n
    const xml = processXml(
      `<bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="M" />${task('A', { fields: ['n:uint'] })}
       <bpmn:exclusiveGateway id="G" default="F5" />${task('R')}${ends}
       ${flow('F1', 'S', 'M')}${flow('F2', 'M', 'A')}${flow('F3', 'A', 'G')}${flow('F4', 'G', 'E1', 'n &lt;= 2')}
       ${flow('F5', 'G', 'R')}${flow('F6', 'R', 'M')}`,
    );
    expect(await lintWith('field-written-before-read', xml)).toEqual([]);
  });

  it('reports a field written on only one of the paths into the gateway', async () => {
    // given A writes n, B does not; both lead to G, whose condition reads n
    const xml = processXml(
      `<bpmn:startEvent id="S" />${task('T')}<bpmn:exclusiveGateway id="X" />${task('A', { fields: ['n:uint'] })}${task('B')}
       <bpmn:exclusiveGateway id="M" /><bpmn:exclusiveGateway id="G" default="F9" />${ends}
       ${flow('F1', 'S', 'T')}${flow('F2', 'T', 'X')}${flow('F3', 'X', 'A')}${flow('F4', 'X', 'B')}${flow('F5', 'A', 'M')}${flow('F6', 'B', 'M')}
       ${flow('F7', 'M', 'G')}${flow('F8', 'G', 'E1', 'n > 0')}${flow('F9', 'G', 'E2')}`,
    );
    const problems = await lintWith('field-written-before-read', xml);
    expect(ids(problems)).toEqual(['F8']);
    expect(problems[0].message).toContain('reads "n"');
  });

  it('reports a field written only after the gateway', async () => {
    const xml = processXml(
      `<bpmn:startEvent id="S" />${task('T')}<bpmn:exclusiveGateway id="G" default="F4" />${task('A', { fields: ['n:uint'] })}${ends}
       ${flow('F1', 'S', 'T')}${flow('F2', 'T', 'G')}${flow('F3', 'G', 'E1', 'n = 1')}${flow('F4', 'G', 'A')}${flow('F5', 'A', 'E2')}`,
    );
    expect(ids(await lintWith('field-written-before-read', xml))).toEqual(['F3']);
  });
});
