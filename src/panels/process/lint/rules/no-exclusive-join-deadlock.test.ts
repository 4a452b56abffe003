import { describe, expect, it } from 'vitest';
import { flow, ids, lintWith, processXml, task } from '../lint-fixture.js';

describe('chainflow/no-exclusive-join-deadlock', () => {
  it('accepts a parallel split/join inside one branch of an exclusive split (the sample shape)', async () => {
    const xml = processXml(
      `<bpmn:startEvent id="S" />${task('A')}<bpmn:exclusiveGateway id="X" /><bpmn:parallelGateway id="PS" />${task('B')}${task('C')}
       <bpmn:parallelGateway id="PJ" /><bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" />
       ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'X')}${flow('F3', 'X', 'PS')}${flow('F4', 'X', 'E2')}
       ${flow('F5', 'PS', 'B')}${flow('F6', 'PS', 'C')}${flow('F7', 'B', 'PJ')}${flow('F8', 'C', 'PJ')}${flow('F9', 'PJ', 'E1')}`,
    );
    expect(await lintWith('no-exclusive-join-deadlock', xml)).toEqual([]);
  });

  it('accepts exclusive branches merged before they reach one input of the join', async () => {
    const xml = processXml(
      `<bpmn:startEvent id="S" /><bpmn:parallelGateway id="PS" />${task('A')}<bpmn:exclusiveGateway id="X" />${task('B')}${task('C')}
       <bpmn:exclusiveGateway id="M" /><bpmn:parallelGateway id="PJ" /><bpmn:endEvent id="E" />
       ${flow('F1', 'S', 'PS')}${flow('F2', 'PS', 'A')}${flow('F3', 'PS', 'PJ')}${flow('F4', 'A', 'X')}${flow('F5', 'X', 'B')}${flow('F6', 'X', 'C')}
       ${flow('F7', 'B', 'M')}${flow('F8', 'C', 'M')}${flow('F9', 'M', 'PJ')}${flow('F10', 'PJ', 'E')}`,
    );
    expect(await lintWith('no-exclusive-join-deadlock', xml)).toEqual([]);
  });

  it('reports a parallel join fed by two branches of one exclusive split', async () => {
    const xml = processXml(
      `<bpmn:startEvent id="S" />${task('A')}<bpmn:exclusiveGateway id="X" />${task('B')}${task('C')}<bpmn:parallelGateway id="PJ" /><bpmn:endEvent id="E" />
       ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'X')}${flow('F3', 'X', 'B')}${flow('F4', 'X', 'C')}
       ${flow('F5', 'B', 'PJ')}${flow('F6', 'C', 'PJ')}${flow('F7', 'PJ', 'E')}`,
    );
    const problems = await lintWith('no-exclusive-join-deadlock', xml);
    expect(ids(problems)).toEqual(['PJ']);
    expect(problems[0].message).toContain('stuck');
  });
});
