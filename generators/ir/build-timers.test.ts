/**
 * Timers in the IR: what runs (intermediate timer catch events, timer boundaries on user tasks,
 * both kinds) and what is refused with a located error that says why.
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Problem } from '../problems.js';
import type { Workspace } from '../model/workspace.js';

const bpmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process id="P" name="Timers" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const timer = (inner: string) => `<bpmn:timerEventDefinition id="TD">${inner}</bpmn:timerEventDefinition>`;
const duration = (text: string) => timer(`<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${text}</bpmn:timeDuration>`);
const START = '<bpmn:startEvent id="Start" />';
const TASK = '<bpmn:userTask id="T" name="Confirm" cf:role="Buyer" />';

function workspace(xml: string): Workspace {
  return {
    schemaVersion: 1, name: 'Test', organizations: [{ id: 'org', name: 'Org' }], roles: [{ id: 'Buyer', name: 'Buyer' }],
    participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'org', roles: ['Buyer'] }],
    processes: [{ id: 'p1', name: 'Timers', bpmn: xml }],
  };
}
const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

/** start -> T -> wait (intermediate timer with `def`) -> end */
const intermediate = (def: string) => bpmn(`${START}${TASK}<bpmn:intermediateCatchEvent id="W" name="Wait">${def}</bpmn:intermediateCatchEvent><bpmn:endEvent id="E" />
  ${flow('F1', 'Start', 'T')}${flow('F2', 'T', 'W')}${flow('F3', 'W', 'E')}`);
/** start -> T -> end, with a boundary timer on `host` leading to its own end */
const boundary = (def: string, attrs = '', host = 'T', extra = '') => bpmn(`${START}${TASK}${extra}<bpmn:boundaryEvent id="B" name="Late" attachedToRef="${host}" ${attrs}>${def}</bpmn:boundaryEvent>
  <bpmn:endEvent id="E" /><bpmn:endEvent id="E2" />${flow('F1', 'Start', 'T')}${flow('F2', 'T', 'E')}${flow('F3', 'B', 'E2')}`);

describe('timers in the IR', () => {
  it('builds an intermediate timer: its own bit after the tasks, its duration in seconds, routing through it', async () => {
    const out = await generateWorkspace(workspace(intermediate(duration('P1DT2H'))));
    expect(errorsOf(out.problems)).toEqual([]);
    const ir = out.processes[0].ir;
    expect(ir.timers).toEqual([{ elementId: 'W', name: 'Wait', identifier: 'Wait', duration: 'P1DT2H', seconds: 93_600, bit: 1, interrupting: true, next: { kind: 'end', index: 0 } }]);
    expect(ir.tasks[0].next).toEqual({ kind: 'timer', index: 0 });
    expect(ir.bitCount).toBe(2);
  });

  it('builds boundary timers of both kinds (cancelActivity defaults to interrupting)', async () => {
    const interrupting = (await generateWorkspace(workspace(boundary(duration('PT48H'))))).processes[0].ir.timers[0];
    expect(interrupting).toMatchObject({ elementId: 'B', attachedTo: 0, interrupting: true, seconds: 172_800, next: { kind: 'end', index: 1 } });
    const non = (await generateWorkspace(workspace(boundary(duration('PT30M'), 'cancelActivity="false"')))).processes[0].ir.timers[0];
    expect(non).toMatchObject({ attachedTo: 0, interrupting: false, seconds: 1_800 });
  });

  it.each([
    ['timeDate', timer('<bpmn:timeDate xsi:type="bpmn:tFormalExpression">2026-12-01T10:00:00Z</bpmn:timeDate>'), 'timer event "Wait" waits for a date (timeDate); only durations (timeDuration, e.g. PT48H) are executable'],
    ['timeCycle', timer('<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/PT1H</bpmn:timeCycle>'), 'timer event "Wait" repeats (timeCycle)'],
    ['no duration', timer(''), 'timer event "Wait" has no duration; give its timer a timeDuration such as PT48H'],
    ['months', duration('P1M'), 'timer event "Wait": duration "P1M" uses months'],
    ['not ISO 8601', duration('48 hours'), 'timer event "Wait": duration "48 hours" must start with "P"'],
  ])('refuses an intermediate timer with %s, located on the event', async (_, def, message) => {
    const errors = errorsOf((await generateWorkspace(workspace(intermediate(def)))).problems);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ elementId: 'W', path: 'processes[0].timers.W' });
    expect(errors[0].message).toContain(message);
  });

  it('refuses a timer boundary on anything but a user, receive or service task or a subprocess, and other kinds of boundary events', async () => {
    const onRule = errorsOf((await generateWorkspace(workspace(boundary(duration('PT1H'), '', 'S', '<bpmn:businessRuleTask id="S" name="Bill" />')))).problems);
    expect(onRule.find((p) => p.elementId === 'B')?.message).toBe('timer boundary event "Late" is attached to business rule task "Bill"; timer boundary events run on user, receive and service tasks and on embedded subprocesses only');
    const signal = errorsOf((await generateWorkspace(workspace(boundary('<bpmn:signalEventDefinition id="SD" />')))).problems);
    expect(signal.map((p) => `${p.elementId}: ${p.message}`)).toEqual(['B: boundary event "Late" (signal) is not executable yet; only timer and message boundary events (on user, receive and service tasks, subprocesses and call activities) and error boundary events (on subprocesses and call activities) are']);
  });

  it('refuses a boundary timer with an invalid duration, saying where and why', async () => {
    const errors = errorsOf((await generateWorkspace(workspace(boundary(duration('PT1.5H'))))).problems);
    expect(errors.map((p) => `${p.elementId}: ${p.message}`)).toEqual(['B: timer boundary event "Late": duration "PT1.5H" has a fraction; use whole numbers of a smaller unit (PT90M instead of PT1.5H)']);
  });

  it('refuses a timer start event that waits a duration: a start has nothing to count from', async () => {
    const xml = bpmn(`<bpmn:startEvent id="S" name="Daily">${duration('P1D')}</bpmn:startEvent>${TASK}<bpmn:endEvent id="E" />${flow('F1', 'S', 'T')}${flow('F2', 'T', 'E')}`);
    const errors = errorsOf((await generateWorkspace(workspace(xml))).problems);
    expect(errors.map((p) => `${p.elementId}: ${p.message}`)).toEqual(['S: timer start event "Daily" waits a duration (timeDuration), but a start has no moment to count it from; give a timeDate (2026-01-01T08:00:00+08:00) or a timeCycle with a start date (R/2026-01-01T08:00:00+08:00/P1D)']);
  });

  it('puts every timer in the manifest-facing IR with a trigger identifier that does not clash with a task', async () => {
    const xml = bpmn(`${START}<bpmn:userTask id="T" name="Trigger wait" cf:role="Buyer" /><bpmn:intermediateCatchEvent id="W" name="Wait">${duration('PT0S')}</bpmn:intermediateCatchEvent><bpmn:endEvent id="E" />
      ${flow('F1', 'Start', 'T')}${flow('F2', 'T', 'W')}${flow('F3', 'W', 'E')}`);
    const ir = (await generateWorkspace(workspace(xml))).processes[0].ir;
    expect(ir.tasks[0].identifier).toBe('triggerWait');
    expect(`trigger${ir.timers[0].identifier}`).toBe('triggerWait_2');
  });
});
