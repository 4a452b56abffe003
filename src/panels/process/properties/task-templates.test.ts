import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../../generators/feel/check-feel.js';
import { MULTI_INSTANCE_VARIABLES } from '../../../../generators/ir/read-multi-instance.js';
import { TASK_TEMPLATES, templatePlan, templatesFor } from './task-templates.js';
import { readProcess } from './test-process.js';

const byId = (id: string) => TASK_TEMPLATES.find((t) => t.id === id)!;

describe('task templates', () => {
  it('offers the templates that fit the task type only', async () => {
    const els = await readProcess('<bpmn:userTask id="U" /><bpmn:serviceTask id="Svc" /><bpmn:sendTask id="Send" /><bpmn:task id="T" />');
    expect(templatesFor(els.get('U')!).map((t) => t.id)).toEqual(['approve-2-of-3']);
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
    expect(compileCondition(plan.multiInstance!.completion, MULTI_INSTANCE_VARIABLES).ok).toBe(true);
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
});
