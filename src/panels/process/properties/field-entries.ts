/**
 * The data fields a task or start event writes: a list of cf:field elements inside its
 * extensionElements, each with name, type, label and required. Adding or removing one is one
 * command (bpmn-js-properties-panel's multi-command executor), so one undo takes it back.
 */
import { CheckboxEntry, SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { FIELD_TYPES, type FieldType } from '../../../../generators/model/workspace.js';
import { fieldTypeEntries, settingsForType } from './field-type-entries.js';
import { fieldsOf, type BusinessObject } from './cf-model.js';
import type { BpmnFactory, CommandStack, Injector, Modeling, Shape, Translate } from './panel-services.js';

const FEEL_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const FEEL_WORDS = new Set(['and', 'or', 'not', 'true', 'false', 'null']);

/** Why a field name cannot be used, or null (the rules of generators/ir/collect-fields.ts). */
export function fieldNameError(name: string, siblings: string[], translate: Translate): string | null {
  const trimmed = name.trim();
  if (!FEEL_NAME.test(trimmed) || FEEL_WORDS.has(trimmed)) return translate('One word of letters, digits or _, not starting with a digit');
  if (siblings.includes(trimmed)) return translate('This element already declares a field with this name');
  return null;
}

interface FieldProps {
  element: Shape;
  id: string;
  field: BusinessObject;
}

function useUpdate(element: Shape, field: BusinessObject) {
  const modeling = useService<Modeling>('modeling');
  return (properties: Record<string, unknown>) => modeling.updateModdleProperties(element, field, properties);
}

function NameEntry({ element, id, field }: FieldProps) {
  const translate = useService<Translate>('translate');
  const update = useUpdate(element, field);
  const siblings = () => fieldsOf(element.businessObject).filter((f) => f !== field).map((f) => String(f.get('name') ?? ''));
  return TextFieldEntry({
    element: field,
    id,
    label: translate('Name'),
    getValue: () => String(field.get('name') ?? ''),
    setValue: (value: string) => update({ name: value?.trim() ?? '' }),
    validate: (value: string) => fieldNameError(value ?? '', siblings(), translate),
    debounce: useService('debounceInput'),
  });
}

function TypeEntry({ element, id, field }: FieldProps) {
  const translate = useService<Translate>('translate');
  const update = useUpdate(element, field);
  return SelectEntry({
    element: field,
    id,
    label: translate('Type'),
    getValue: () => String(field.get('type') ?? ''),
    setValue: (value: string) => update(settingsForType(value as FieldType, field)),
    getOptions: () => FIELD_TYPES.map((t) => ({ value: t, label: t })),
  });
}

function LabelEntry({ element, id, field }: FieldProps) {
  const translate = useService<Translate>('translate');
  const update = useUpdate(element, field);
  return TextFieldEntry({
    element: field,
    id,
    label: translate('Label'),
    getValue: () => String(field.get('label') ?? ''),
    setValue: (value: string) => update({ label: value || undefined }),
    debounce: useService('debounceInput'),
  });
}

function RequiredEntry({ element, id, field }: FieldProps) {
  const translate = useService<Translate>('translate');
  const update = useUpdate(element, field);
  return CheckboxEntry({
    element: field,
    id,
    label: translate('Required'),
    getValue: () => field.get('required') === true,
    setValue: (value: boolean) => update({ required: value }),
  });
}

/** The ListGroup props (items, add) for the fields of a task or start event. */
export function fieldListProps(element: Shape, injector: Injector) {
  const commandStack = injector.get<CommandStack>('commandStack');
  const bpmnFactory = injector.get<BpmnFactory>('bpmnFactory');
  const translate = injector.get<Translate>('translate');
  const bo = element.businessObject;
  const fields = fieldsOf(bo);

  const items = fields.map((field, index) => {
    const prefix = `${element.id}-cf-field-${index}`;
    const entry = (suffix: string, component: (p: FieldProps) => unknown) => ({ id: `${prefix}-${suffix}`, component, field });
    return {
      id: prefix,
      label: String(field.get('name') || '') || translate('<unnamed>'),
      entries: [entry('name', NameEntry), entry('type', TypeEntry), ...fieldTypeEntries(field, entry), entry('label', LabelEntry), entry('required', RequiredEntry)],
      autoFocusEntry: `${prefix}-name`,
      remove: (event: Event) => {
        event.stopPropagation();
        const ext = bo.extensionElements!;
        commandStack.execute('element.updateModdleProperties', {
          element,
          moddleElement: ext,
          properties: { values: (ext.values ?? []).filter((v) => v !== field) },
        });
      },
    };
  });

  const add = (event: Event) => {
    event.stopPropagation();
    const commands: { cmd: string; context: unknown }[] = [];
    let ext = bo.extensionElements;
    if (!ext) {
      ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] }) as NonNullable<BusinessObject['extensionElements']>;
      ext.$parent = bo;
      commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: bo, properties: { extensionElements: ext } } });
    }
    const taken = new Set(fields.map((f) => String(f.get('name') ?? '')));
    let n = fields.length + 1;
    while (taken.has(`field${n}`)) n++;
    const field = bpmnFactory.create('cf:Field', { name: `field${n}`, type: 'string', required: false });
    field.$parent = ext;
    commands.push({
      cmd: 'element.updateModdleProperties',
      context: { element, moddleElement: ext, properties: { values: [...(ext.values ?? []), field] } },
    });
    commandStack.execute('properties-panel.multi-command-executor', commands);
    // the list opens only items it sees appear in one render; the first field of a task comes
    // with its extension element and showed collapsed: ask the panel to show (open, focus) it
    const nameEntry = `${element.id}-cf-field-${fields.length}-name`;
    setTimeout(() => injector.get<{ fire(event: string, data: object): void }>('eventBus').fire('propertiesPanel.showEntry', { id: nameEntry }), 0);
  };

  return { items, add };
}
