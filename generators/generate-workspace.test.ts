import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from './generate-workspace.js';
import type { Workspace } from './model/workspace.js';
import type { Problem } from './problems.js';
import { compileSolidity } from './compile/solc-node.js';

/** A BPMN file around a process body; `cf` is declared so bodies can use the extension. */
const bpmn = (body: string, processAttrs = 'id="P" name="Small"') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process ${processAttrs} isExecutable="true">
${body}
  </bpmn:process>
</bpmn:definitions>`;

const flow = (id: string, from: string, to: string, extra = '', condition?: string) =>
  condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" ${extra}/>`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" ${extra}><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;

/** start -> one task of role `role` -> end: the smallest executable process. */
const START = '<bpmn:startEvent id="Start"><bpmn:extensionElements><cf:field name="defects" type="uint" /></bpmn:extensionElements></bpmn:startEvent>';

function workspace(...processes: string[]): Workspace {
  return {
    schemaVersion: 1,
    name: 'Test',
    organizations: [{ id: 'org', name: 'Org' }],
    roles: [
      { id: 'Buyer', name: 'Buyer' },
      { id: 'carrier', name: 'Carrier' },
    ],
    participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'org', roles: ['Buyer'] }],
    processes: processes.map((xml, i) => ({ id: `proc-${i}`, name: `Process ${i}`, bpmn: xml })),
  };
}

const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

describe('generateWorkspace: a small valid process', () => {
  it('generates the registry and one contract per process', async () => {
    // given start -> task -> end with the task's role given by cf:role
    const xml = bpmn(`${START}
      <bpmn:userTask id="Task_Ship" name="Ship" cf:role="Buyer" />
      <bpmn:endEvent id="End" />
      ${flow('F1', 'Start', 'Task_Ship')}${flow('F2', 'Task_Ship', 'End')}`);
    // when generated
    const out = await generateWorkspace(workspace(xml));
    // then there are no problems, two sources and the task is wired to its role
    expect(out.problems).toEqual([]);
    expect(out.sources.map((s) => s.file)).toEqual(['ConsortiumRegistry.sol', 'Small.sol']);
    expect(out.processes[0].ir.tasks[0]).toMatchObject({ elementId: 'Task_Ship', identifier: 'ship', role: 'Buyer', bit: 0 });
    expect(out.processes[0].missingLayout).toBe(true);
  });
});

describe('generateWorkspace: located problems', () => {
  it('refuses a terminate end reached from a parallel split with no task in between', async () => {
    // given a split whose second branch goes straight (through a merge) to a terminate end
    const xml = bpmn(`${START}
      <bpmn:parallelGateway id="Split" />
      <bpmn:userTask id="Task_A" name="A" cf:role="Buyer" />
      <bpmn:exclusiveGateway id="Pass" />
      <bpmn:endEvent id="End_A" />
      <bpmn:endEvent id="End_Stop" name="Stop"><bpmn:terminateEventDefinition id="T1" /></bpmn:endEvent>
      ${flow('F1', 'Start', 'Split')}${flow('F2', 'Split', 'Task_A')}${flow('F3', 'Split', 'Pass')}
      ${flow('F4', 'Pass', 'End_Stop')}${flow('F5', 'Task_A', 'End_A')}`);
    // when generated
    const out = await generateWorkspace(workspace(xml));
    // then the terminate end is named, with the split, and no contract is produced
    const errors = errorsOf(out.problems);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ elementId: 'End_Stop', path: 'processes[0].events.End_Stop' });
    expect(errors[0].message).toContain('terminate end "Stop" follows parallel split');
    expect(out.processes).toEqual([]);
  });

  it('accepts a terminate end after a task inside a parallel branch', async () => {
    // given the same split, but the second branch does a task before terminating
    const xml = bpmn(`${START}
      <bpmn:parallelGateway id="Split" />
      <bpmn:userTask id="Task_A" name="A" cf:role="Buyer" />
      <bpmn:userTask id="Task_B" name="B" cf:role="Buyer" />
      <bpmn:endEvent id="End_A" />
      <bpmn:endEvent id="End_Stop" name="Stop"><bpmn:terminateEventDefinition id="T1" /></bpmn:endEvent>
      ${flow('F1', 'Start', 'Split')}${flow('F2', 'Split', 'Task_A')}${flow('F3', 'Split', 'Task_B')}
      ${flow('F4', 'Task_B', 'End_Stop')}${flow('F5', 'Task_A', 'End_A')}`);
    // when generated, then it is executable
    const out = await generateWorkspace(workspace(xml));
    expect(errorsOf(out.problems)).toEqual([]);
    expect(out.processes[0].ir.ends.find((e) => e.elementId === 'End_Stop')?.terminate).toBe(true);
  });

  it('names a task without a role', async () => {
    const xml = bpmn(`${START}<bpmn:userTask id="Task_Ship" name="Ship" /><bpmn:endEvent id="End" />
      ${flow('F1', 'Start', 'Task_Ship')}${flow('F2', 'Task_Ship', 'End')}`);
    const out = await generateWorkspace(workspace(xml));
    expect(errorsOf(out.problems)).toEqual([
      {
        severity: 'error', message: 'task "Ship" has no role: put it in a lane or give it a cf:role',
        file: 'processes[0] Process 0.bpmn', elementId: 'Task_Ship', path: 'processes[0].tasks.Task_Ship',
      },
    ]);
    // and the process yields no source, but the registry still does
    expect(out.sources.map((s) => s.file)).toEqual(['ConsortiumRegistry.sol']);
  });

  it('names an undefined role with where it came from', async () => {
    // given a typo in the task's cf:role
    const xml = bpmn(`${START}<bpmn:userTask id="Task_Ship" name="Ship" cf:role="Carier" /><bpmn:endEvent id="End" />
      ${flow('F1', 'Start', 'Task_Ship')}${flow('F2', 'Task_Ship', 'End')}`);
    const out = await generateWorkspace(workspace(xml));
    // then the error names the role, the element and the JSON path
    expect(errorsOf(out.problems)).toEqual([
      expect.objectContaining({
        message: 'role "Carier" (from its cf:role) is not defined',
        elementId: 'Task_Ship', path: 'processes[0].tasks.Task_Ship',
      }),
    ]);
  });

  it('resolves roles: the node cf:role, else the lane cf:role, else the lane name, else the pool cf:role', async () => {
    // given tasks in lanes with and without cf:role and a pool with a cf:role; roles match by id or name
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="D" targetNamespace="x">
  <bpmn:collaboration id="C"><bpmn:participant id="Pool" name="Pool" processRef="P" cf:role="Buyer" /></bpmn:collaboration>
  <bpmn:process id="P" name="Roles">
    <bpmn:laneSet id="LS">
      <bpmn:lane id="L1" name="Whatever" cf:role="carrier"><bpmn:flowNodeRef>T_LaneRole</bpmn:flowNodeRef><bpmn:flowNodeRef>T_Own</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="L2" name="Carrier"><bpmn:flowNodeRef>T_LaneName</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="S" />
    <bpmn:userTask id="T_Own" name="Own" cf:role="Buyer" />
    <bpmn:userTask id="T_LaneRole" name="Lane role" />
    <bpmn:userTask id="T_LaneName" name="Lane name" />
    <bpmn:userTask id="T_Pool" name="Pool" />
    <bpmn:endEvent id="E" />
    ${flow('F1', 'S', 'T_Own')}${flow('F2', 'T_Own', 'T_LaneRole')}${flow('F3', 'T_LaneRole', 'T_LaneName')}${flow('F4', 'T_LaneName', 'T_Pool')}${flow('F5', 'T_Pool', 'E')}
  </bpmn:process>
</bpmn:definitions>`;
    const out = await generateWorkspace(workspace(xml));
    expect(out.problems).toEqual([]);
    const roleOf = Object.fromEntries(out.processes[0].ir.tasks.map((t) => [t.elementId, t.role]));
    expect(roleOf).toEqual({ T_Own: 'Buyer', T_LaneRole: 'carrier', T_LaneName: 'carrier', T_Pool: 'Buyer' });
  });

  it('refuses a flow without condition beside conditional ones', async () => {
    // given a gateway with a conditional flow, an unconditional non-default flow, and a default
    const xml = bpmn(`${START}<bpmn:userTask id="T" name="T" cf:role="Buyer" />
      <bpmn:exclusiveGateway id="G" name="Ok?" default="F_Default" />
      <bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" /><bpmn:endEvent id="E3" />
      ${flow('F1', 'Start', 'T')}${flow('F2', 'T', 'G')}
      ${flow('F_Cond', 'G', 'E1', '', 'defects &lt;= 2')}${flow('F_Bare', 'G', 'E2', 'name="Other"')}${flow('F_Default', 'G', 'E3')}`);
    const out = await generateWorkspace(workspace(xml));
    expect(errorsOf(out.problems)).toEqual([
      expect.objectContaining({
        message: `flow "Other" from gateway "Ok?" has no condition; give it one or make it the gateway's default flow`,
        elementId: 'F_Bare', path: 'processes[0].flows.F_Bare',
      }),
    ]);
  });

  it('reports a condition that does not type-check with its column', async () => {
    const xml = bpmn(`${START}<bpmn:userTask id="T" name="T" cf:role="Buyer" />
      <bpmn:exclusiveGateway id="G" default="F_D" /><bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" />
      ${flow('F1', 'Start', 'T')}${flow('F2', 'T', 'G')}${flow('F_C', 'G', 'E1', '', 'defects &lt;= "two"')}${flow('F_D', 'G', 'E2')}`);
    const out = await generateWorkspace(workspace(xml));
    expect(errorsOf(out.problems)).toEqual([
      expect.objectContaining({ message: 'condition "defects <= "two"" at column 12: "<=" compares numbers, got string', elementId: 'F_C', path: 'processes[0].flows.F_C' }),
    ]);
  });

  it.each([
    ['complex gateway', '<bpmn:complexGateway id="X" name="Check" />', 'complex gateway "Check" is not executable yet'],
    ['transaction', '<bpmn:transaction id="X" name="Inner" />', 'transaction "Inner" is not executable yet'],
    ['signal catch event', '<bpmn:intermediateCatchEvent id="X" name="Wait"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>', 'intermediate catch event "Wait" is not executable yet'],
    ['business rule task', '<bpmn:businessRuleTask id="X" />', 'business rule task X is not executable yet'],
  ])('refuses an unsupported element (%s) and names it', async (_, element, message) => {
    // given the unsupported element between the task and the end
    const xml = bpmn(`${START}<bpmn:userTask id="T" name="T" cf:role="Buyer" />${element}<bpmn:endEvent id="E" />
      ${flow('F1', 'Start', 'T')}${flow('F2', 'T', 'X')}${flow('F3', 'X', 'E')}`);
    const out = await generateWorkspace(workspace(xml));
    // then one error, on that element, says it is not executable and what is
    const errors = errorsOf(out.problems);
    expect(errors).toHaveLength(1);
    expect(errors[0].elementId).toBe('X');
    expect(errors[0].path).toBe('processes[0].elements.X');
    expect(errors[0].message).toContain(message);
    expect(errors[0].message).toContain('supported now: none, message and timer start events');
  });

  it('refuses a timer start event without a time and signal end events', async () => {
    const xml = bpmn(`<bpmn:startEvent id="S" name="Every day"><bpmn:timerEventDefinition /></bpmn:startEvent>
      <bpmn:userTask id="T" cf:role="Buyer" /><bpmn:endEvent id="E" name="Notify"><bpmn:signalEventDefinition /></bpmn:endEvent>
      ${flow('F1', 'S', 'T')}${flow('F2', 'T', 'E')}`);
    const messages = errorsOf((await generateWorkspace(workspace(xml))).problems).map((p) => `${p.elementId}: ${p.message}`);
    expect(messages).toContain('S: timer start event "Every day" has no time; give its timer a timeDate (2026-01-01T08:00:00+08:00) or a timeCycle (R/2026-01-01T08:00:00+08:00/P1D)');
    expect(messages).toContain('E: end event "Notify": signal end events are not executable yet; use a none, terminate, message or error end event');
  });

  it('refuses a caller-decided gateway that follows another gateway', async () => {
    // given T -> G1 (conditions) -> G2 (no conditions, two ways): nobody completes a task before G2
    const xml = bpmn(`${START}<bpmn:userTask id="T" name="T" cf:role="Buyer" />
      <bpmn:exclusiveGateway id="G1" name="First" default="F_D1" /><bpmn:exclusiveGateway id="G2" name="Second" />
      <bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" /><bpmn:endEvent id="E3" />
      ${flow('F1', 'Start', 'T')}${flow('F2', 'T', 'G1')}${flow('F_C', 'G1', 'G2', '', 'defects > 1')}${flow('F_D1', 'G1', 'E1')}
      ${flow('F_A', 'G2', 'E2')}${flow('F_B', 'G2', 'E3')}`);
    const out = await generateWorkspace(workspace(xml));
    expect(errorsOf(out.problems)).toEqual([
      expect.objectContaining({
        elementId: 'G2', path: 'processes[0].gateways.G2',
        message: 'gateway "Second" has no conditions, so the participant completing the task before it decides; but it is reached from "First", which is not a task. Add conditions or a task before it',
      }),
    ]);
  });

  it('refuses a loop made of gateways only', async () => {
    // given T -> Merge -> Check, and Check's condition leads back to Merge
    const xml = bpmn(`${START}<bpmn:userTask id="T" name="T" cf:role="Buyer" />
      <bpmn:exclusiveGateway id="Merge" name="Merge" /><bpmn:exclusiveGateway id="Check" name="Check" default="F_Out" />
      <bpmn:endEvent id="E" />
      ${flow('F1', 'Start', 'T')}${flow('F2', 'T', 'Merge')}${flow('F3', 'Merge', 'Check')}
      ${flow('F_Back', 'Check', 'Merge', '', 'defects > 1')}${flow('F_Out', 'Check', 'E')}`);
    const out = await generateWorkspace(workspace(xml));
    const errors = errorsOf(out.problems);
    expect(errors.map((e) => e.elementId).sort()).toEqual(['Check', 'Merge']);
    expect(errors[0].message).toContain('is on a loop with no task in it');
  });

  it.each([
    ['unclosed tags', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P">'],
    ['not XML at all', 'this is not xml'],
    ['XML of another kind', '<?xml version="1.0"?><html><body/></html>'],
  ])('survives malformed XML (%s) with a problem on the file', async (_, xml) => {
    // given one broken process beside a valid one
    const valid = bpmn(`${START}<bpmn:userTask id="T" cf:role="Buyer" /><bpmn:endEvent id="E" />${flow('F1', 'Start', 'T')}${flow('F2', 'T', 'E')}`);
    const out = await generateWorkspace(workspace(xml, valid));
    // then the broken one is reported on its file and path, and the valid one still generates
    const errors = errorsOf(out.problems);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.file === 'processes[0] Process 0.bpmn' && e.path?.startsWith('processes[0]'))).toBe(true);
    expect(errors[0].message).toMatch(/^not a readable BPMN 2\.0 file: [^\n\t]+$/);
    expect(out.sources.map((s) => s.file)).toEqual(['ConsortiumRegistry.sol', 'Small.sol']);
  });

  it('says when the workspace has no process', async () => {
    const out = await generateWorkspace(workspace());
    expect(out.problems).toEqual([expect.objectContaining({ severity: 'error', message: 'the workspace has no process yet', path: 'processes' })]);
  });
});

describe('generateWorkspace: flows', () => {
  it('reads files that leave out <incoming>/<outgoing>, numbering choices as listed when they are there', async () => {
    // given a caller-decided gateway whose flows appear B then A in the file
    const body = (lists: string) => `${START}<bpmn:userTask id="T" name="T" cf:role="Buyer" />
      <bpmn:exclusiveGateway id="G" name="Which?">${lists}</bpmn:exclusiveGateway><bpmn:endEvent id="EA" name="A" /><bpmn:endEvent id="EB" name="B" />
      ${flow('F1', 'Start', 'T')}${flow('F2', 'T', 'G')}${flow('F_B', 'G', 'EB')}${flow('F_A', 'G', 'EA')}`;
    const optionsOf = async (lists: string) => {
      const out = await generateWorkspace(workspace(bpmn(body(lists))));
      expect(out.problems).toEqual([]);
      return out.processes[0].ir.gateways[0].branches.map((b) => b.name);
    };
    // when the gateway lists no flows, then document order numbers the choices
    expect(await optionsOf('')).toEqual(['B', 'A']);
    // when it lists them, then the listed order does
    expect(await optionsOf('<bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F_A</bpmn:outgoing><bpmn:outgoing>F_B</bpmn:outgoing>')).toEqual(['A', 'B']);
  });
});

describe('docs/process-format.md', () => {
  it('has a complete example that generates and compiles as the page says', async () => {
    // given the XML example of the documentation and the two roles it names
    const doc = readFileSync(new URL('../docs/process-format.md', import.meta.url), 'utf8');
    const xml = /```xml\n(<\?xml[\s\S]*?)```/.exec(doc)![1];
    const ws: Workspace = {
      ...workspace(xml),
      roles: [{ id: 'Inspector', name: 'Inspector' }, { id: 'QualityManager', name: 'Quality manager' }],
      participants: [],
    };
    // when generated and compiled
    const out = await generateWorkspace(ws);
    expect(out.problems).toEqual([]);
    const ir = out.processes[0].ir;
    // then it has the contract, functions, roles, choice and stored field the page describes
    expect(ir.contractName).toBe('QualityCheck');
    expect(ir.start.roles).toEqual(['Inspector']);
    expect(ir.tasks.map((t) => `${t.identifier}: ${t.role}`)).toEqual(['measure: Inspector', 'reviewBatch: QualityManager']);
    expect(ir.gateways.map((g) => g.decision)).toEqual(['conditions', 'caller']);
    expect(ir.gateways[1].branches.map((b) => b.name)).toEqual(['Release']);
    expect(ir.gateways[1].defaultBranch?.name).toBe('Scrap');
    expect(ir.fields.map((f) => `${f.name}${f.stored ? ' (stored)' : ''}`)).toEqual(['batch', 'defects (stored)']);
    const compiled = await compileSolidity(out.sources.slice(1));
    expect(compiled.diagnostics.map((d) => d.formatted)).toEqual([]);
    expect(compiled.contracts['QualityCheck.sol'].QualityCheck.abi).toContainEqual(expect.objectContaining({ name: 'reviewBatch', type: 'function' }));
  }, 30_000);
});

describe('generateWorkspace: names', () => {
  it('settles name collisions by element id, not by document order', async () => {
    // given two tasks named alike, the one with the larger id first in the file
    const tasks = (order: string[]) =>
      bpmn(`${START}${order.map((id) => `<bpmn:userTask id="${id}" name="Check" cf:role="Buyer" />`).join('')}<bpmn:endEvent id="E" />
        ${flow('F1', 'Start', 'Task_B')}${flow('F2', 'Task_B', 'Task_A')}${flow('F3', 'Task_A', 'E')}`);
    const idsOf = async (order: string[]) =>
      Object.fromEntries((await generateWorkspace(workspace(tasks(order)))).processes[0].ir.tasks.map((t) => [t.elementId, t.identifier]));
    // then Task_A always gets the plain name, whatever the order in the file
    expect(await idsOf(['Task_B', 'Task_A'])).toEqual({ Task_A: 'check', Task_B: 'check_2' });
    expect(await idsOf(['Task_A', 'Task_B'])).toEqual({ Task_A: 'check', Task_B: 'check_2' });
  });

  it('keeps names that clash with the contract\'s own declarations from shadowing them', async () => {
    // given a process called "Data", fields called m, d and by, and a task called like a field
    const xml = bpmn(
      `<bpmn:startEvent id="S"><bpmn:extensionElements><cf:field name="m" type="uint" /><cf:field name="by" type="string" /></bpmn:extensionElements></bpmn:startEvent>
      <bpmn:userTask id="T" name="Inspect" cf:role="Buyer"><bpmn:extensionElements><cf:field name="d" type="uint" /><cf:field name="inspect" type="uint" /></bpmn:extensionElements></bpmn:userTask>
      <bpmn:exclusiveGateway id="G" default="F_D" /><bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" />
      ${flow('F1', 'S', 'T')}${flow('F2', 'T', 'G')}${flow('F_C', 'G', 'E1', '', 'm + d + inspect > 7 / 2 and by != "x"')}${flow('F_D', 'G', 'E2')}`,
      'id="P" name="Data"',
    );
    const out = await generateWorkspace(workspace(xml));
    expect(out.problems).toEqual([]);
    expect(out.processes[0].ir.contractName).toBe('Data_2');
    // when compiled, then solc has nothing to say
    const compiled = await compileSolidity(out.sources.slice(1));
    expect(compiled.diagnostics.map((d) => d.formatted)).toEqual([]);
  }, 30_000);
});
