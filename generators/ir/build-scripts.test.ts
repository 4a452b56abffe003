/**
 * Script tasks in the IR: assignments parsed and type-checked against the fields, flows wired past
 * the script (FlowTarget.scripts), and every refusal located with the line and column of the script.
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { splitStatements } from './read-script.js';
import type { Problem } from '../problems.js';
import type { Workspace } from '../model/workspace.js';

const bpmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process id="P" name="Scripts" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const FIELDS = '<cf:field name="qty" type="uint" /><cf:field name="price" type="int" /><cf:field name="note" type="string" />';
const OUTPUTS = '<cf:field name="total" type="int" /><cf:field name="big" type="bool" />';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** start -> T (writes qty, price, note) -> S (script `script`) -> end */
const withScript = (script: string, attrs = 'scriptFormat="feel"') => bpmn(`<bpmn:startEvent id="Start" />
  <bpmn:userTask id="T" name="Enter" cf:role="Buyer"><bpmn:extensionElements>${FIELDS}</bpmn:extensionElements></bpmn:userTask>
  <bpmn:scriptTask id="S" name="Compute" ${attrs}><bpmn:extensionElements>${OUTPUTS}</bpmn:extensionElements><bpmn:script>${esc(script)}</bpmn:script></bpmn:scriptTask>
  <bpmn:endEvent id="E" />${flow('F1', 'Start', 'T')}${flow('F2', 'T', 'S')}${flow('F3', 'S', 'E')}`);

function workspace(xml: string): Workspace {
  return {
    schemaVersion: 1, name: 'Test', organizations: [{ id: 'org', name: 'Org' }], roles: [{ id: 'Buyer', name: 'Buyer' }],
    participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'org', roles: ['Buyer'] }],
    processes: [{ id: 'p1', name: 'Scripts', bpmn: xml }],
  };
}
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => `${p.elementId} ${p.path}: ${p.message}`);

describe('script tasks in the IR', () => {
  it('reads the assignments in order, wires the task past the script and stores only what is read', async () => {
    const out = await generateWorkspace(workspace(withScript('total := qty * price\nbig := total > 1000')));
    expect(errors(out.problems)).toEqual([]);
    const ir = out.processes[0].ir;
    const name = (i: number) => ir.fields[i].name;
    expect(ir.scripts).toHaveLength(1);
    expect(ir.scripts[0]).toMatchObject({ elementId: 'S', name: 'Compute', identifier: 'compute', next: { kind: 'end', index: 0 } });
    expect(ir.scripts[0].assignments.map((a) => `${name(a.field)} := ${a.text} (${a.expr.type})`)).toEqual(['total := qty * price (number)', 'big := total > 1000 (bool)']);
    expect(ir.tasks[0].next).toEqual({ kind: 'end', index: 0, scripts: [0] });
    // qty, price and total are read by the script; big and note by nothing
    expect(ir.fields.filter((f) => f.stored).map((f) => f.name).sort()).toEqual(['price', 'qty', 'total']);
    // the script is not a task: it has no marking bit
    expect(ir.bitCount).toBe(1);
  });

  it('splits at newlines and at semicolons outside strings', () => {
    expect(splitStatements('a := 1; note := "x;y"\n\n b := 2').map((s) => s.text.trim())).toEqual(['a := 1', 'note := "x;y"', 'b := 2']);
  });

  it('chains scripts on one flow, and a join input stays with the flow into the join', async () => {
    const xml = bpmn(`<bpmn:startEvent id="Start" /><bpmn:parallelGateway id="Split" />
      <bpmn:userTask id="A" name="A" cf:role="Buyer"><bpmn:extensionElements>${FIELDS}</bpmn:extensionElements></bpmn:userTask>
      <bpmn:userTask id="B" name="B" cf:role="Buyer" />
      <bpmn:scriptTask id="S1" name="One"><bpmn:extensionElements>${OUTPUTS}</bpmn:extensionElements><bpmn:script>total := 1</bpmn:script></bpmn:scriptTask>
      <bpmn:scriptTask id="S2" name="Two"><bpmn:script>big := true</bpmn:script></bpmn:scriptTask>
      <bpmn:parallelGateway id="Join" /><bpmn:endEvent id="E" />
      ${flow('F1', 'Start', 'Split')}${flow('F2', 'Split', 'A')}${flow('F3', 'Split', 'B')}${flow('F4', 'A', 'S1')}${flow('F5', 'S1', 'S2')}${flow('F6', 'S2', 'Join')}${flow('F7', 'B', 'Join')}${flow('F8', 'Join', 'E')}`);
    const out = await generateWorkspace(workspace(xml));
    expect(errors(out.problems)).toEqual([]);
    const ir = out.processes[0].ir;
    const joinInput = ir.gateways[1].inputBits[0];
    expect(ir.tasks[0].next).toEqual({ kind: 'gateway', index: 1, inputBit: joinInput, scripts: [0, 1] });
    expect(ir.scripts[0].next).toEqual({ kind: 'gateway', index: 1, inputBit: joinInput, scripts: [1] });
  });

  it.each([
    ['an unknown field', 'total := qty\ncount := 1', 'line 2 column 1: unknown field "count"; declare it with cf:field (on this script task, for instance) (fields: qty, price, note, total, big)'],
    ['a type mismatch', 'big := qty + 1', 'line 1 column 8: field "big" is bool, but the expression is a number'],
    ['a type error inside', 'total := qty + note', 'line 1 column 16: "+" needs numbers, got string'],
    ['a syntax error', 'total := (qty', 'line 1 column 14: '],
    ['no assignment', 'qty + 1', 'line 1 column 1: expected an assignment "field := expression", got "qty + 1"'],
    ['a field assigned twice', 'total := 1; total := 2', 'line 1 column 13: field "total" is assigned twice in this script; assign it once'],
    ['no script', '', 'script task "Compute" has no script; write one assignment per line, e.g. total := quantity * price'],
  ])('refuses a script with %s, located on the script task', async (_, script, message) => {
    const found = errors((await generateWorkspace(workspace(withScript(script)))).problems);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('S processes[0].scripts.S: ');
    expect(found[0]).toContain(message);
  });

  it('refuses another script language and a loop made of scripts only', async () => {
    expect(errors((await generateWorkspace(workspace(withScript('total := 1', 'scriptFormat="javascript"')))).problems))
      .toEqual(['S processes[0].scripts.S: script task "Compute": script format "javascript" is not executable; write FEEL assignments (scriptFormat="feel" or none)']);
    const loop = bpmn(`<bpmn:startEvent id="Start" /><bpmn:scriptTask id="S1" name="One"><bpmn:extensionElements>${OUTPUTS}</bpmn:extensionElements><bpmn:script>total := 1</bpmn:script></bpmn:scriptTask>
      <bpmn:scriptTask id="S2" name="Two"><bpmn:script>total := 2</bpmn:script></bpmn:scriptTask>
      ${flow('F1', 'Start', 'S1')}${flow('F2', 'S1', 'S2')}${flow('F3', 'S2', 'S1')}`);
    expect(errors((await generateWorkspace(workspace(loop))).problems)).toEqual(['S1 processes[0].scripts.S1: script task "One" is on a loop of script tasks with no task in it; it would run forever in one step']);
  });
});
