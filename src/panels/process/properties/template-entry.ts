/**
 * "Apply template" on a user, service or send task: the templates of task-templates.ts that fit
 * the task's type. Applying one is a single multi-command (name, new fields, multi-instance,
 * payload), so one undo takes all of it back.
 */
import { SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { BusinessObject } from './cf-model.js';
import type { BpmnFactory, CommandStack, Shape, Translate } from './panel-services.js';
import { TASK_TEMPLATES, templatePlan, templatesFor } from './task-templates.js';

type Command = { cmd: string; context: unknown };

function planCommands(element: Shape, templateId: string, bpmnFactory: BpmnFactory): Command[] {
  const template = TASK_TEMPLATES.find((t) => t.id === templateId);
  if (!template) return [];
  const bo = element.businessObject;
  const plan = templatePlan(template, bo);
  const properties: Record<string, unknown> = { name: plan.name };
  if (plan.payload) properties['cf:payload'] = plan.payload;
  if (plan.multiInstance) {
    const loopCardinality = bpmnFactory.create('bpmn:FormalExpression', { body: String(plan.multiInstance.cardinality) });
    const completionCondition = bpmnFactory.create('bpmn:FormalExpression', { body: plan.multiInstance.completion });
    const mi = bpmnFactory.create('bpmn:MultiInstanceLoopCharacteristics', { loopCardinality, completionCondition });
    loopCardinality.$parent = mi;
    completionCondition.$parent = mi;
    mi.$parent = bo;
    properties.loopCharacteristics = mi;
  }
  const commands: Command[] = [{ cmd: 'element.updateProperties', context: { element, properties } }];
  if (plan.fields.length) {
    let ext = bo.extensionElements;
    if (!ext) {
      ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] }) as NonNullable<BusinessObject['extensionElements']>;
      ext.$parent = bo;
      commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: bo, properties: { extensionElements: ext } } });
    }
    const fields = plan.fields.map(({ scale, ...f }) => {
      const field = bpmnFactory.create('cf:Field', { ...f, ...(scale !== undefined ? { scale } : {}) });
      field.$parent = ext;
      return field;
    });
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: ext, properties: { values: [...(ext.values ?? []), ...fields] } } });
  }
  return commands;
}

export function TemplateEntry({ element, id }: { element: Shape; id: string }) {
  const translate = useService<Translate>('translate');
  const commandStack = useService<CommandStack>('commandStack');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  return SelectEntry({
    element,
    id,
    label: translate('Apply template'),
    description: translate('Fills the name, fields, multi-instance and payload; your own fields are kept.'),
    getValue: () => '',
    setValue: (templateId: string) => {
      const commands = planCommands(element, templateId, bpmnFactory);
      if (commands.length) commandStack.execute('properties-panel.multi-command-executor', commands);
    },
    getOptions: () => [{ value: '', label: translate('(choose a template)') }, ...templatesFor(element.businessObject).map((t) => ({ value: t.id, label: translate(t.label) }))],
  });
}
