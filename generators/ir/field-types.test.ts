/**
 * Enum, decimal and participant fields in the IR: their options read from cf:field, refused with
 * the element's location when wrong or inconsistent, the role filter resolved, the enum's Solidity
 * names derived, and script assignments fitted to the field's type.
 */
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { Problem } from '../problems.js';
import type { Workspace } from '../model/workspace.js';

const bpmn = (startFields: string, taskFields: string, script?: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  <bpmn:process id="P" name="Types" isExecutable="true">
    <bpmn:startEvent id="Start" cf:role="Buyer"><bpmn:extensionElements>${startFields}</bpmn:extensionElements></bpmn:startEvent>
    <bpmn:userTask id="T" name="Inspect" cf:role="Inspector"><bpmn:extensionElements>${taskFields}</bpmn:extensionElements></bpmn:userTask>
    ${script === undefined ? '' : `<bpmn:scriptTask id="S" name="Compute" scriptFormat="feel"><bpmn:script>${script}</bpmn:script></bpmn:scriptTask>`}
    <bpmn:endEvent id="E" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="T" />
    <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="${script === undefined ? 'E' : 'S'}" />
    ${script === undefined ? '' : '<bpmn:sequenceFlow id="F3" sourceRef="S" targetRef="E" />'}
  </bpmn:process>
</bpmn:definitions>`;

function workspace(xml: string): Workspace {
  return {
    schemaVersion: 1, name: 'Test', organizations: [{ id: 'org', name: 'Org' }],
    roles: [{ id: 'Buyer', name: 'Buyer' }, { id: 'insp', name: 'Inspector' }],
    participants: [{ id: 'p', name: 'P', kind: 'person', organization: 'org', roles: ['Buyer', 'insp'] }],
    processes: [{ id: 'p1', name: 'Types', bpmn: xml }],
  };
}
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => `${p.elementId}: ${p.message}`);
const GRADE = '<cf:field name="等级" type="enum"><cf:value>合格</cf:value><cf:value>返工</cf:value><cf:value>合 格</cf:value></cf:field>';

describe('field types in the IR', () => {
  it('reads values, scale, unit and the role filter (by name, resolved to the role id) and names the enum', async () => {
    const out = await generateWorkspace(workspace(bpmn('<cf:field name="weight" type="decimal" scale="3" unit="kg" /><cf:field name="inspector" type="participant" role="Inspector" />', GRADE)));
    expect(errors(out.problems)).toEqual([]);
    const [weight, inspector, grade] = out.processes[0].ir.fields;
    expect(weight).toMatchObject({ type: 'decimal', scale: 3, unit: 'kg' });
    expect(inspector).toMatchObject({ type: 'participant', role: 'insp' });
    // Chinese values get pinyin members, distinct even when they would collide
    expect(grade).toMatchObject({ type: 'enum', values: ['合格', '返工', '合 格'], enumType: 'DengJi', enumMembers: ['HeGe', 'FanGong', 'HeGe_2'] });
  });

  it('keeps an enum type from taking a name the contract declares itself', async () => {
    const out = await generateWorkspace(workspace(bpmn('<cf:field name="data" type="enum"><cf:value>a</cf:value></cf:field>', '<cf:field name="instanceStarted" type="enum"><cf:value>b</cf:value></cf:field>')));
    expect(errors(out.problems)).toEqual([]);
    expect(out.processes[0].ir.fields.map((f) => f.enumType)).toEqual(['Data_2', 'InstanceStarted_2']);
  });

  it('refuses missing or wrong options where the field is declared', async () => {
    const out = await generateWorkspace(workspace(bpmn('<cf:field name="weight" type="decimal" /><cf:field name="who" type="participant" role="Carrier" />', '<cf:field name="g" type="enum" /><cf:field name="n" type="uint" scale="2" />')));
    expect(errors(out.problems)).toEqual([
      'Start: decimal field "weight" needs a scale (number of decimals, 0..18)',
      'Start: participant field "who" accepts only role "Carrier", which is not a role of the workspace (roles: Buyer, Inspector)',
      'T: enum field "g" needs at least one value (<cf:value>…</cf:value>)',
      'T: field "n" is uint: only a decimal field has a scale',
    ]);
  });

  it('refuses one field declared with different options on two elements', async () => {
    const out = await generateWorkspace(workspace(bpmn('<cf:field name="weight" type="decimal" scale="3" />', '<cf:field name="weight" type="decimal" scale="2" />')));
    expect(errors(out.problems)).toEqual(['T: field "weight" is declared with other values, scale, unit or role here than on Start; declare it the same everywhere']);
  });

  it('fits script assignments to enum and decimal fields, and refuses what does not fit, at the line and column', async () => {
    const fields = '<cf:field name="weight" type="decimal" scale="3" /><cf:field name="n" type="uint" /><cf:field name="who" type="participant" />';
    const ok = await generateWorkspace(workspace(bpmn(fields, GRADE, 'weight := n * 1.5; 等级 := "返工"')));
    expect(errors(ok.problems)).toEqual([]);
    const [w, g] = ok.processes[0].ir.scripts[0].assignments;
    // n * 1.5 has scale 1 (n * 15), scaled up to weight's scale 3: (n * 15) * 100
    expect(w.expr).toMatchObject({ kind: 'binary', op: '*', left: { kind: 'binary', op: '*', right: { value: 15n } }, right: { value: 100n } });
    expect(g.expr).toEqual({ kind: 'enumValue', field: 3, index: 1, label: '返工', type: 'enum' });
    const bad = await generateWorkspace(workspace(bpmn(fields, GRADE, 'weight := 1.2345; n := weight; 等级 := "优秀"; who := who')));
    expect(errors(bad.problems).map((m) => m.replace(/^S: script task "Compute" /, ''))).toEqual([
      'line 1 column 11: field "weight" has scale 3, but the expression has 4 decimals',
      'line 1 column 24: field "n" is a whole number, but the expression has 3 decimals',
      'line 1 column 38: "优秀" is not a value of 等级 (合格, 返工, 合 格)',
      'line 1 column 51: field "who" is a participant: a script cannot assign it; let a task\'s form ask for it',
    ]);
  });
});
