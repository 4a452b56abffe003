import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../../generators/feel/check-feel.js';
import { MULTI_INSTANCE_VARIABLES } from '../../../../generators/ir/read-multi-instance.js';
import { generateWorkspace } from '../../../../generators/generate-workspace.js';
import { sampleWorkspace } from '../../../store/test-services.js';
import { TASK_TEMPLATES, ownTemplate, templateFromTask, templatePlan, templatesFor, type TemplatePlan } from './task-templates.js';
import { readProcess } from './test-process.js';

const byId = (id: string) => TASK_TEMPLATES.find((t) => t.id === id)!;

describe('task templates', () => {
  it('offers the templates that fit the task type only', async () => {
    const els = await readProcess('<bpmn:userTask id="U" /><bpmn:serviceTask id="Svc" /><bpmn:sendTask id="Send" /><bpmn:task id="T" />');
    expect(templatesFor(els.get('U')!).map((t) => t.id)).toEqual(['approve-2-of-3', 'register-device', 'record-inspection', 'confirm-receipt', 'approve-financing']);
    expect(templatesFor(els.get('Svc')!).map((t) => t.id)).toEqual(['device-reading']);
    expect(templatesFor(els.get('Send')!).map((t) => t.id)).toEqual(['notify-partner']);
    expect(templatesFor(els.get('T')!)).toEqual([]);
  });

  it('plans "Approve (2 of 3)" with a completion condition the generator accepts, keeping the own name and fields', async () => {
    // given a named user task that already declares "approved"
    const els = await readProcess('<bpmn:userTask id="U" name="质量审批"><bpmn:extensionElements><cf:field name="approved" type="string" /></bpmn:extensionElements></bpmn:userTask>');
    const plan = templatePlan(byId('approve-2-of-3'), els.get('U')!);
    // then its name and field stay, and the multi-instance settings come
    expect(plan).toEqual({ name: '质量审批', fields: [], multiInstance: { cardinality: 3, completion: 'nrOfCompletedInstances >= 2' } });
    expect(compileCondition(plan.multiInstance!.completion!, MULTI_INSTANCE_VARIABLES).ok).toBe(true);
  });

  it('plans "Notify partner" with every field the process declares as payload, and a name for an unnamed task', async () => {
    const els = await readProcess(`
      <bpmn:startEvent id="S"><bpmn:extensionElements><cf:field name="orderNo" type="string" /></bpmn:extensionElements></bpmn:startEvent>
      <bpmn:userTask id="U"><bpmn:extensionElements><cf:field name="price" type="uint" /></bpmn:extensionElements></bpmn:userTask>
      <bpmn:sendTask id="Send" />`);
    expect(templatePlan(byId('notify-partner'), els.get('Send')!)).toEqual({ name: 'Notify partner', fields: [], payload: 'orderNo, price' });
    // a service task gets the reading field
    const svc = (await readProcess('<bpmn:serviceTask id="Svc" />')).get('Svc')!;
    expect(templatePlan(byId('device-reading'), svc).fields).toEqual([{ name: 'reading', type: 'decimal', label: 'Reading', required: true, scale: 2 }]);
  });

  it('saves a configured task as a template that, applied to a bare task of the same type, gives it the same settings', async () => {
    // given a user task with its own role, documentation, an enum, a decimal with unit and a participant field, and "one per Sales participant"
    const els = await readProcess(`
      <bpmn:userTask id="U" name="质量检验" cf:role="Sales">
        <bpmn:documentation>检验每批 &amp; 记录</bpmn:documentation>
        <bpmn:extensionElements>
          <cf:field name="grade" type="enum" label="等级" required="true"><cf:value>合格</cf:value><cf:value>返工</cf:value></cf:field>
          <cf:field name="weight" type="decimal" label="重量" required="false" scale="3" unit="kg" />
          <cf:field name="inspector" type="participant" label="检验员" required="true" role="Sales" />
        </bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics isSequential="true" cf:forEachOf="Sales">
          <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">nrOfCompletedInstances &gt;= 1</bpmn:completionCondition>
        </bpmn:multiInstanceLoopCharacteristics>
      </bpmn:userTask>
      <bpmn:userTask id="Bare" />
      <bpmn:sendTask id="Send" />`);
    // when it is saved and applied to the bare task
    const def = { ...templateFromTask(els.get('U')!, ' 质检 '), id: 'qc' };
    expect(def).toMatchObject({ label: '质检', taskType: 'bpmn:UserTask', name: '质量检验', role: 'Sales', documentation: '检验每批 & 记录' });
    const template = ownTemplate(def);
    expect(templatesFor(els.get('Bare')!, [def]).map((t) => t.id)).toContain('own:qc');
    expect(templatesFor(els.get('Send')!, [def]).map((t) => t.id)).not.toContain('own:qc');
    const plan = templatePlan(template, els.get('Bare')!, new Set(['Sales', 'Buyer']));
    // then the bare task gets every setting of the original
    expect(plan).toEqual({
      name: '质量检验',
      role: 'Sales',
      documentation: '检验每批 & 记录',
      fields: [
        { name: 'grade', type: 'enum', label: '等级', required: true, values: ['合格', '返工'] },
        { name: 'weight', type: 'decimal', label: '重量', required: false, scale: 3, unit: 'kg' },
        { name: 'inspector', type: 'participant', label: '检验员', required: true, role: 'Sales' },
      ],
      multiInstance: { sequential: true, forEachOf: 'Sales', completion: 'nrOfCompletedInstances >= 1' },
    });
    // and a role the consortium no longer has is not set
    expect(templatePlan(template, els.get('Bare')!, new Set(['Buyer']))).not.toHaveProperty('role');
  });

  /** A one-task process with the plan applied, as the modeler would write it. */
  function processWith(plan: TemplatePlan): string {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const fields = plan.fields
      .map((f) => `<cf:field name="${esc(f.name)}" type="${f.type}" label="${esc(f.label)}" required="${f.required}"${f.scale !== undefined ? ` scale="${f.scale}"` : ''}${f.unit ? ` unit="${esc(f.unit)}"` : ''}${f.role ? ` role="${f.role}"` : ''}>${(f.values ?? []).map((v) => `<cf:value>${esc(v)}</cf:value>`).join('')}</cf:field>`)
      .join('');
    const mi = plan.multiInstance
      ? `<bpmn:multiInstanceLoopCharacteristics${plan.multiInstance.sequential ? ' isSequential="true"' : ''}${plan.multiInstance.forEachOf ? ` cf:forEachOf="${plan.multiInstance.forEachOf}"` : ''}>${plan.multiInstance.forEachOf ? '' : `<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${plan.multiInstance.cardinality ?? 2}</bpmn:loopCardinality>`}${plan.multiInstance.completion ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${esc(plan.multiInstance.completion)}</bpmn:completionCondition>` : ''}</bpmn:multiInstanceLoopCharacteristics>`
      : '';
    return `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="t">
      <bpmn:process id="P" isExecutable="true">
        <bpmn:startEvent id="S" cf:role="Buyer" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
        <bpmn:userTask id="T" name="${esc(plan.name)}" cf:role="${plan.role ?? 'Sales'}"><bpmn:extensionElements>${fields}</bpmn:extensionElements>${mi}</bpmn:userTask>
        <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" /><bpmn:endEvent id="E" />
      </bpmn:process></bpmn:definitions>`;
  }

  it('fills a bare user task with settings the generator accepts, for every built-in user-task template', async () => {
    const bare = (await readProcess('<bpmn:userTask id="U" />')).get('U')!;
    for (const template of TASK_TEMPLATES.filter((t) => t.types.includes('bpmn:UserTask'))) {
      const bpmn = processWith(templatePlan(template, bare));
      const out = await generateWorkspace({ ...sampleWorkspace, processes: [{ id: 'p', name: template.label, bpmn }] });
      expect(out.problems.filter((p) => p.severity === 'error'), template.id).toEqual([]);
    }
  }, 60_000);
});
