/**
 * Embedded subprocesses and error boundaries in the IR: bits and masks of nested scopes, error
 * matching (innermost first, a named error before a catch-all), and the located refusals.
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Problem } from '../problems.js';
import type { Workspace } from '../model/workspace.js';

const bpmn = (body: string, errors = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  ${errors}
  <bpmn:process id="P" name="Scopes" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const task = (id: string) => `<bpmn:userTask id="${id}" name="${id}" cf:role="Buyer" />`;
const ERRORS = '<bpmn:error id="Err_A" name="A" errorCode="A_CODE" /><bpmn:error id="Err_B" name="B" errorCode="B_CODE" />';
const errorEnd = (id: string, ref?: string) => `<bpmn:endEvent id="${id}"><bpmn:errorEventDefinition id="${id}_D"${ref ? ` errorRef="${ref}"` : ''} /></bpmn:endEvent>`;
const errorBoundary = (id: string, host: string, ref?: string, attrs = '') => `<bpmn:boundaryEvent id="${id}" attachedToRef="${host}" ${attrs}><bpmn:errorEventDefinition id="${id}_D"${ref ? ` errorRef="${ref}"` : ''} /></bpmn:boundaryEvent>`;

function workspace(xml: string): Workspace {
  return {
    schemaVersion: 1, name: 'Test', organizations: [{ id: 'org', name: 'Org' }], roles: [{ id: 'Buyer', name: 'Buyer' }],
    participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'org', roles: ['Buyer'] }],
    processes: [{ id: 'p1', name: 'Scopes', bpmn: xml }],
  };
}
const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

/** Start -> Outer[ S1 -> A -> Inner[ S2 -> B -> (inner end) ] -> (outer end) ] -> C -> End; `inner`/`outer` replace the ends. */
const nested = (innerEnd: string, outerExtra = '', processExtra = '') => bpmn(`<bpmn:startEvent id="Start" />
  <bpmn:subProcess id="Outer" name="Outer">
    <bpmn:startEvent id="S1" />${task('A')}
    <bpmn:subProcess id="Inner" name="Inner"><bpmn:startEvent id="S2" />${task('B')}${innerEnd}${flow('I1', 'S2', 'B')}${flow('I2', 'B', 'IE')}</bpmn:subProcess>
    <bpmn:endEvent id="OE" />${outerExtra}
    ${flow('O1', 'S1', 'A')}${flow('O2', 'A', 'Inner')}${flow('O3', 'Inner', 'OE')}
  </bpmn:subProcess>${task('C')}<bpmn:endEvent id="End" />${processExtra}
  ${flow('F1', 'Start', 'Outer')}${flow('F2', 'Outer', 'C')}${flow('F3', 'C', 'End')}`, ERRORS);

describe('subprocesses in the IR', () => {
  it('flattens nested subprocesses: inner elements are ordinary tasks; each scope knows its bit and the bits inside it', async () => {
    const out = await generateWorkspace(workspace(nested('<bpmn:endEvent id="IE" />')));
    expect(errorsOf(out.problems)).toEqual([]);
    const ir = out.processes[0].ir!;
    expect(ir.tasks.map((t) => [t.elementId, t.bit])).toEqual([['A', 0], ['B', 1], ['C', 2]]);
    // subprocess bits come after every other bit, outer first
    expect(ir.subprocesses.map((s) => ({ id: s.elementId, bit: s.bit, parent: s.parent, inner: s.inner }))).toEqual([
      { id: 'Outer', bit: 3, parent: undefined, inner: [0, 1, 4] },
      { id: 'Inner', bit: 4, parent: 0, inner: [1] },
    ]);
    expect(ir.start.next).toEqual({ kind: 'subprocess', index: 0 });
    expect(ir.tasks[0].next).toEqual({ kind: 'subprocess', index: 1 });
    expect(ir.ends.find((e) => e.elementId === 'IE')!.scope).toBe(1);
    expect(ir.ends.find((e) => e.elementId === 'End')!.scope).toBeUndefined();
  });

  it('lets the innermost enclosing subprocess catch an error, and there a named error before a catch-all', async () => {
    const out = await generateWorkspace(workspace(nested(errorEnd('IE', 'Err_A'), `${errorBoundary('InnerB', 'Inner', 'Err_B')}<bpmn:endEvent id="E4" />${flow('F6', 'InnerB', 'E4')}`,
      `${errorBoundary('CatchAll', 'Outer')}${errorBoundary('CatchA', 'Outer', 'Err_A')}<bpmn:endEvent id="E2" /><bpmn:endEvent id="E3" />${flow('F4', 'CatchAll', 'E2')}${flow('F5', 'CatchA', 'E3')}`)));
    expect(errorsOf(out.problems)).toEqual([]);
    const ir = out.processes[0].ir!;
    const end = ir.ends.find((e) => e.elementId === 'IE')!;
    expect(ir.errorBoundaries[end.throws!].elementId).toBe('CatchA');
    expect(end.errorCode).toBe('A_CODE');
    expect(ir.errorBoundaries.find((b) => b.elementId === 'CatchAll')!.errorCode).toBeUndefined();
  });

  it('refuses an error end no boundary catches, at the end event', async () => {
    const out = await generateWorkspace(workspace(nested(errorEnd('IE', 'Err_B'))));
    expect(errorsOf(out.problems)).toEqual([expect.objectContaining({ elementId: 'IE', message: expect.stringContaining('throws error "B_CODE", but no error boundary event of an enclosing subprocess catches it') })]);
  });

  it('ends the process at an error end at the process level (nothing can catch it there; a caller of the process may: call activities)', async () => {
    const top = await generateWorkspace(workspace(bpmn(`<bpmn:startEvent id="Start" />${task('A')}${errorEnd('E', 'Err_A')}${flow('F1', 'Start', 'A')}${flow('F2', 'A', 'E')}`, ERRORS)));
    expect(errorsOf(top.problems)).toEqual([]);
    expect(top.processes[0].ir.ends).toEqual([expect.objectContaining({ elementId: 'E', terminate: true, errorCode: 'A_CODE' })]);
  });

  it('refuses a non-interrupting error boundary and a subprocess that can end without waiting', async () => {
    const nonInterrupting = await generateWorkspace(workspace(nested(errorEnd('IE'), '', `${errorBoundary('Catch', 'Outer', undefined, 'cancelActivity="false"')}<bpmn:endEvent id="E2" />${flow('F4', 'Catch', 'E2')}`)));
    expect(errorsOf(nonInterrupting.problems)).toEqual([expect.objectContaining({ elementId: 'Catch', message: expect.stringContaining('non-interrupting') })]);
    const instant = await generateWorkspace(workspace(bpmn(`<bpmn:startEvent id="Start" /><bpmn:subProcess id="S" name="Empty"><bpmn:startEvent id="S1" /><bpmn:endEvent id="SE" />${flow('I1', 'S1', 'SE')}</bpmn:subProcess>
      ${task('A')}<bpmn:endEvent id="E" />${flow('F1', 'Start', 'S')}${flow('F2', 'S', 'A')}${flow('F3', 'A', 'E')}`)));
    expect(errorsOf(instant.problems)).toEqual([expect.objectContaining({ elementId: 'S', message: expect.stringContaining('without a task or timer in between') })]);
  });

  it('gives a task inside a subprocess the lane of the subprocess when no lane lists it', async () => {
    const xml = bpmn(`<bpmn:laneSet id="LS"><bpmn:lane id="L" name="Buyer"><bpmn:flowNodeRef>Start</bpmn:flowNodeRef><bpmn:flowNodeRef>S</bpmn:flowNodeRef><bpmn:flowNodeRef>E</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
      <bpmn:startEvent id="Start" /><bpmn:subProcess id="S" name="Check"><bpmn:startEvent id="S1" /><bpmn:userTask id="In" name="Inside" /><bpmn:endEvent id="SE" />${flow('I1', 'S1', 'In')}${flow('I2', 'In', 'SE')}</bpmn:subProcess>
      <bpmn:endEvent id="E" />${flow('F1', 'Start', 'S')}${flow('F2', 'S', 'E')}`);
    const out = await generateWorkspace(workspace(xml));
    expect(errorsOf(out.problems)).toEqual([]);
    expect(out.processes[0].ir!.tasks[0].role).toBe('Buyer');
  });
});

describe('subprocess loops that would not restart their timers', () => {
  const timerOn = (host: string) => `<bpmn:boundaryEvent id="Late" attachedToRef="${host}"><bpmn:timerEventDefinition id="TD"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:endEvent id="LateEnd" />${flow('FL', 'Late', 'LateEnd')}`;
  /** Start -> M (merge) -> S[ A -> (error end | end) ] -> G (conditions: back to M, or on) ; `catchTo` is where S's error boundary leads */
  const loop = (catchTo: string, timer = true) => bpmn(`<bpmn:startEvent id="Start" /><bpmn:exclusiveGateway id="M" />
    <bpmn:subProcess id="S" name="Check"><bpmn:startEvent id="S1" />${task('A')}<bpmn:exclusiveGateway id="X" default="XD" />${errorEnd('Fail')}<bpmn:endEvent id="SE" />
      ${flow('I1', 'S1', 'A')}${flow('I2', 'A', 'X')}<bpmn:sequenceFlow id="XF" sourceRef="X" targetRef="Fail"><bpmn:conditionExpression>false</bpmn:conditionExpression></bpmn:sequenceFlow>${flow('XD', 'X', 'SE')}</bpmn:subProcess>
    ${timer ? timerOn('S') : ''}${errorBoundary('Catch', 'S')}${task('C')}<bpmn:endEvent id="End" />
    ${flow('F1', 'Start', 'M')}${flow('F2', 'M', 'S')}${flow('F3', 'S', 'C')}${flow('F4', 'C', 'End')}${flow('F5', 'Catch', catchTo)}`);

  it('refuses an error boundary that leads straight back into its subprocess when the subprocess has timers', async () => {
    const out = await generateWorkspace(workspace(loop('M')));
    expect(errorsOf(out.problems)).toEqual([expect.objectContaining({ elementId: 'Catch', message: expect.stringContaining('leads straight back into subprocess "Check"') })]);
  });

  it('accepts the same loop without timers, and with a task on it', async () => {
    expect(errorsOf((await generateWorkspace(workspace(loop('M', false)))).problems)).toEqual([]);
    expect(errorsOf((await generateWorkspace(workspace(loop('C')))).problems)).toEqual([]);
  });
});
