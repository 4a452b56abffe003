/**
 * "Apply template" on a user, service, send or receive task: the built-in templates and the
 * consortium's own (chainflowTemplates) that fit the task's type. Applying one is a single
 * multi-command (name, role, documentation, new fields, multi-instance, payload), so one undo
 * takes all of it back.
 */
import { SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { BusinessObject } from './cf-model.js';
import type { ChainflowRoles } from './chainflow-roles.js';
import type { ChainflowTemplates } from './chainflow-templates.js';
import { FOR_EACH_OF } from './multi-instance-settings.js';
import type { BpmnFactory, CommandStack, Shape, Translate } from './panel-services.js';
import { templatePlan, templatesFor, type TaskTemplate, type TemplatePlan } from './task-templates.js';

type Command = { cmd: string; context: unknown };

function child(bpmnFactory: BpmnFactory, type: string, parent: BusinessObject, properties: Record<string, unknown>): BusinessObject {
  const created = bpmnFactory.create(type, properties);
  created.$parent = parent;
  return created;
}

const setProp = (bo: BusinessObject, key: string, value: unknown) => (bo as unknown as { set(key: string, value: unknown): void }).set(key, value);

function multiInstance(plan: NonNullable<TemplatePlan['multiInstance']>, bo: BusinessObject, bpmnFactory: BpmnFactory): BusinessObject {
  const mi = bpmnFactory.create('bpmn:MultiInstanceLoopCharacteristics', plan.sequential ? { isSequential: true } : {});
  mi.$parent = bo;
  if (plan.forEachOf) setProp(mi, FOR_EACH_OF, plan.forEachOf);
  else setProp(mi, 'loopCardinality', child(bpmnFactory, 'bpmn:FormalExpression', mi, { body: String(plan.cardinality ?? 2) }));
  if (plan.completion) setProp(mi, 'completionCondition', child(bpmnFactory, 'bpmn:FormalExpression', mi, { body: plan.completion }));
  return mi;
}

function planCommands(element: Shape, template: TaskTemplate, roleIds: ReadonlySet<string>, bpmnFactory: BpmnFactory): Command[] {
  const bo = element.businessObject;
  const plan = templatePlan(template, bo, roleIds);
  const properties: Record<string, unknown> = { name: plan.name };
  if (plan.role) properties['cf:role'] = plan.role;
  if (plan.payload) properties['cf:payload'] = plan.payload;
  if (plan.multiInstance) properties.loopCharacteristics = multiInstance(plan.multiInstance, bo, bpmnFactory);
  if (plan.documentation) properties.documentation = [child(bpmnFactory, 'bpmn:Documentation', bo, { text: plan.documentation })];
  const commands: Command[] = [{ cmd: 'element.updateProperties', context: { element, properties } }];
  if (plan.fields.length) {
    let ext = bo.extensionElements;
    if (!ext) {
      ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] }) as NonNullable<BusinessObject['extensionElements']>;
      ext.$parent = bo;
      commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: bo, properties: { extensionElements: ext } } });
    }
    const fields = plan.fields.map(({ values, ...attrs }) => {
      const field = child(bpmnFactory, 'cf:Field', ext, attrs);
      if (values?.length) setProp(field, 'values', values.map((value) => child(bpmnFactory, 'cf:Value', field, { value })));
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
  const roles = useService<ChainflowRoles>('chainflowRoles');
  const own = useService<ChainflowTemplates>('chainflowTemplates');
  const templates = templatesFor(element.businessObject, own.list());
  return SelectEntry({
    element,
    id,
    label: translate('Apply template'),
    description: translate('Fills the name, role, fields, multi-instance, payload and documentation; your own name, fields and documentation are kept.'),
    getValue: () => '',
    setValue: (templateId: string) => {
      const found = templates.find((t) => t.id === templateId);
      if (!found) return;
      // a built-in's name, labels and documentation go into the model in the designer's language
      const template: TaskTemplate = found.own
        ? found
        : {
          ...found,
          name: translate(found.name),
          fields: found.fields.map((f) => ({ ...f, label: translate(f.label) })),
          ...(found.documentation ? { documentation: translate(found.documentation) } : {}),
        };
      const commands = planCommands(element, template, new Set(roles.list().map((r) => r.id)), bpmnFactory);
      commandStack.execute('properties-panel.multi-command-executor', commands);
    },
    getOptions: () => [
      { value: '', label: translate('(choose a template)') },
      ...templates.map((t) => ({ value: t.id, label: t.own ? translate('{label} (consortium)', { label: t.label }) : translate(t.label) })),
    ],
  });
}
