/**
 * Timer start events in the IR: a timeDate or a timeCycle with a start date runs; everything else
 * is refused, located on the start event, saying why and what to write.
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Problem } from '../problems.js';
import type { Workspace } from '../model/workspace.js';

const bpmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process id="P" name="巡检" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const expr = (kind: string, text: string) => `<bpmn:${kind} xsi:type="bpmn:tFormalExpression">${text}</bpmn:${kind}>`;
const timerStart = (inner: string, attrs = '') => `<bpmn:startEvent id="S" name="每日巡检" ${attrs}><bpmn:timerEventDefinition id="TD">${inner}</bpmn:timerEventDefinition></bpmn:startEvent>`;
/** timer start -> T -> end */
const process = (start: string) => bpmn(`${start}<bpmn:userTask id="T" name="巡检设备" cf:role="Inspector" /><bpmn:endEvent id="E" />${flow('F1', 'S', 'T')}${flow('F2', 'T', 'E')}`);

function workspace(xml: string): Workspace {
  return {
    schemaVersion: 1, name: 'Test', organizations: [{ id: 'org', name: 'Org' }], roles: [{ id: 'Inspector', name: '巡检员' }],
    participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'org', roles: ['Inspector'] }],
    processes: [{ id: 'p1', name: '巡检', bpmn: xml }],
  };
}
const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => `${p.elementId}: ${p.message}`);

describe('timer start events in the IR', () => {
  it('builds a timeDate start: one round at that time, anyone may start (no role)', async () => {
    const out = await generateWorkspace(workspace(process(timerStart(expr('timeDate', '2026-01-01T08:00:00+08:00')))));
    expect(errorsOf(out.problems)).toEqual([]);
    expect(out.processes[0].ir.start).toMatchObject({ elementId: 'S', roles: [], timer: { definition: 'timeDate', text: '2026-01-01T08:00:00+08:00', firstDueAt: 1_767_225_600, periodSeconds: 0, rounds: 1 } });
  });

  it('builds a bounded cycle, started by the start event\'s own role when it has one', async () => {
    const out = await generateWorkspace(workspace(process(timerStart(expr('timeCycle', 'R5/2026-01-01T00:00:00Z/PT12H'), 'cf:role="Inspector"'))));
    expect(errorsOf(out.problems)).toEqual([]);
    expect(out.processes[0].ir.start).toMatchObject({ roles: ['Inspector'], timer: { definition: 'timeCycle', firstDueAt: 1_767_225_600, periodSeconds: 43_200, rounds: 5 } });
  });

  it.each([
    ['a duration', expr('timeDuration', 'P1D'), 'S: timer start event "每日巡检" waits a duration (timeDuration), but a start has no moment to count it from'],
    ['a cycle without a start date', expr('timeCycle', 'R/P1D'), 'S: timer start event "每日巡检" (timeCycle): cycle "R/P1D" has no start date'],
    ['a date without a zone', expr('timeDate', '2026-01-01T08:00:00'), 'S: timer start event "每日巡检" (timeDate): date-time "2026-01-01T08:00:00" has no time zone'],
    ['both a date and a cycle', expr('timeDate', '2026-01-01T08:00:00Z') + expr('timeCycle', 'R/2026-01-01T08:00:00Z/P1D'), 'S: timer start event "每日巡检" has both a timeDate and a timeCycle'],
    ['no time at all', '', 'S: timer start event "每日巡检" has no time'],
  ])('refuses a timer start with %s, located on the start event', async (_, inner, message) => {
    const errors = errorsOf((await generateWorkspace(workspace(process(timerStart(inner))))).problems);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it('refuses a timer start event inside a subprocess: a subprocess starts at one none start event', async () => {
    const xml = bpmn(`<bpmn:startEvent id="S" /><bpmn:subProcess id="Sub" name="检查">
        <bpmn:startEvent id="S2" name="定时"><bpmn:timerEventDefinition>${expr('timeDate', '2026-01-01T00:00:00Z')}</bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:userTask id="T" name="巡检设备" cf:role="Inspector" /><bpmn:endEvent id="E2" />${flow('G1', 'S2', 'T')}${flow('G2', 'T', 'E2')}
      </bpmn:subProcess><bpmn:endEvent id="E" />${flow('F1', 'S', 'Sub')}${flow('F2', 'Sub', 'E')}`);
    const errors = errorsOf((await generateWorkspace(workspace(xml))).problems);
    expect(errors).toContain('S2: start event "定时" inside a subprocess: timer start events are not executable; a subprocess starts at one none start event');
  });

  it('refuses a call activity whose called process starts on a timer: a call starts it at once', async () => {
    const caller = bpmn(`<bpmn:startEvent id="Start" /><bpmn:callActivity id="Call" name="巡检" calledElement="P" /><bpmn:endEvent id="End" />${flow('F1', 'Start', 'Call')}${flow('F2', 'Call', 'End')}`).replace('id="P" name="巡检"', 'id="Order" name="订单"');
    const ws = workspace(process(timerStart(expr('timeDate', '2026-01-01T00:00:00Z'))));
    ws.processes = [{ id: 'order', name: '订单', bpmn: caller }, ...ws.processes];
    const out = await generateWorkspace(ws);
    // the called process alone is fine; the call is refused, located on the call activity
    expect(errorsOf(out.problems)).toContain('Call: in the called process "巡检", at S: start event "每日巡检" inside a subprocess: timer start events are not executable; a subprocess starts at one none start event');
  });

  it('refuses a second start event next to a timer start', async () => {
    const xml = bpmn(`${timerStart(expr('timeDate', '2026-01-01T00:00:00Z'))}<bpmn:startEvent id="S3" name="手动" /><bpmn:userTask id="T" name="巡检设备" cf:role="Inspector" /><bpmn:endEvent id="E" />
      ${flow('F1', 'S', 'T')}${flow('F3', 'S3', 'T')}${flow('F2', 'T', 'E')}`);
    expect(errorsOf((await generateWorkspace(workspace(xml))).problems)).toContain('S3: a second start event "手动": a process has exactly one start event (none, message or timer); start alternatives with an event-based or exclusive gateway after it');
  });
});
