import { describe, expect, it } from 'vitest';
import { flow, ids, lintWith, processXml, task } from '../lint-fixture.js';

const start = '<bpmn:startEvent id="S" />';
const end = '<bpmn:endEvent id="E" />';

describe('chainflow/task-role', () => {
  it('accepts a task with its own cf:role, one in a named lane, and one in a lane with cf:role', async () => {
    // given three tasks, each with a role from a different source
    const xml = processXml(
      `<bpmn:laneSet id="LS"><bpmn:lane id="L1" name="Buyer"><bpmn:flowNodeRef>B</bpmn:flowNodeRef></bpmn:lane>
       <bpmn:lane id="L2" cf:role="Carrier"><bpmn:flowNodeRef>C</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
       ${start}${task('A', { role: 'Sales' })}${task('B')}${task('C')}${end}
       ${flow('F1', 'S', 'A')}${flow('F2', 'A', 'B')}${flow('F3', 'B', 'C')}${flow('F4', 'C', 'E')}`,
    );
    // then no problem
    expect(await lintWith('task-role', xml)).toEqual([]);
  });

  it('reports a task outside any lane and one in a lane with neither name nor role', async () => {
    const xml = processXml(
      `<bpmn:laneSet id="LS"><bpmn:lane id="L1"><bpmn:flowNodeRef>B</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
       ${start}${task('A')}${task('B')}${end}${flow('F1', 'S', 'A')}${flow('F2', 'A', 'B')}${flow('F3', 'B', 'E')}`,
    );
    const problems = await lintWith('task-role', xml);
    expect(ids(problems)).toEqual(['A', 'B']);
    expect(problems[0].message).toContain('has no role');
  });

  it('needs no role for a send task, nor for a receive task a message flow names the sender of', async () => {
    const collab = '<bpmn:collaboration id="C"><bpmn:participant id="Pool" processRef="P" /><bpmn:participant id="Sup" name="Supplier" /><bpmn:messageFlow id="MF" sourceRef="Sup" targetRef="R" /></bpmn:collaboration>';
    const xml = processXml(`${start}<bpmn:sendTask id="Send" /><bpmn:receiveTask id="R" /><bpmn:receiveTask id="R2" />${end}
      ${flow('F1', 'S', 'Send')}${flow('F2', 'Send', 'R')}${flow('F3', 'R', 'R2')}${flow('F4', 'R2', 'E')}`, collab);
    // the receive task without a message flow still needs a role
    expect(ids(await lintWith('task-role', xml))).toEqual(['R2']);
  });

  it("takes the pool's cf:role for tasks outside lanes", async () => {
    const pool = '<bpmn:collaboration id="C"><bpmn:participant id="Pool" processRef="P" cf:role="Buyer" /></bpmn:collaboration>';
    const xml = processXml(`${start}${task('A')}${end}${flow('F1', 'S', 'A')}${flow('F2', 'A', 'E')}`, pool);
    expect(await lintWith('task-role', xml)).toEqual([]);
  });
});
