/**
 * The settings of a field's type in the properties panel: an enum's values (one per line, each a
 * <cf:value>), a decimal's scale, a participant's role filter, and any field's unit. Entries show
 * only for the type that has the setting; changing the type drops the settings the new type does
 * not have (one command, so one undo restores both). Problems are the generator's own words
 * (generators/model/field-options.ts).
 */
import { SelectEntry, TextAreaEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { checkFieldOptions } from '../../../../generators/model/field-options.js';
import { MAX_DECIMAL_SCALE, type FieldType } from '../../../../generators/model/workspace.js';
import type { BusinessObject } from './cf-model.js';
import type { ChainflowRoles } from './chainflow-roles.js';
import type { BpmnFactory, Modeling, Shape, Translate } from './panel-services.js';
import { valuesOf } from './field-type-settings.js';

export { settingsForType } from './field-type-settings.js';

interface FieldProps {
  element: Shape;
  id: string;
  field: BusinessObject;
}

const typeOf = (field: BusinessObject) => String(field.get('type') ?? '') as FieldType;

function ValuesEntry({ element, id, field }: FieldProps) {
  const translate = useService<Translate>('translate');
  const modeling = useService<Modeling>('modeling');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  return TextAreaEntry({
    element: field,
    id,
    label: translate('Values'),
    description: translate('One value per line, in order (Chinese allowed)'),
    getValue: () => valuesOf(field).join('\n'),
    setValue: (text: string) => {
      const values = (text ?? '').split('\n').map((v) => v.trim()).filter(Boolean).map((value) => {
        const v = bpmnFactory.create('cf:Value', { value });
        v.$parent = field;
        return v;
      });
      modeling.updateModdleProperties(element, field, { values });
    },
    validate: (text: string) => {
      const values = (text ?? '').split('\n').map((v) => v.trim()).filter(Boolean);
      return checkFieldOptions(String(field.get('name') ?? ''), 'enum', { values })[0] ?? null;
    },
    debounce: useService('debounceInput'),
    autoResize: true,
  });
}

function ScaleEntry({ element, id, field }: FieldProps) {
  const translate = useService<Translate>('translate');
  const modeling = useService<Modeling>('modeling');
  return TextFieldEntry({
    element: field,
    id,
    label: translate('Decimals (scale)'),
    description: translate('Digits after the decimal point, 0–18: the contract keeps the value times 10^scale'),
    getValue: () => String(field.get('scale') ?? ''),
    setValue: (text: string) => {
      if (/^\d+$/.test((text ?? '').trim())) modeling.updateModdleProperties(element, field, { scale: Number(text.trim()) });
    },
    validate: (text: string) => {
      const t = (text ?? '').trim();
      return /^\d+$/.test(t) && Number(t) <= MAX_DECIMAL_SCALE ? null : translate('A whole number from 0 to 18');
    },
    debounce: useService('debounceInput'),
  });
}

function UnitEntry({ element, id, field }: FieldProps) {
  const translate = useService<Translate>('translate');
  const modeling = useService<Modeling>('modeling');
  return TextFieldEntry({
    element: field,
    id,
    label: translate('Unit'),
    description: translate('Shown beside inputs and values, e.g. kg or CNY'),
    getValue: () => String(field.get('unit') ?? ''),
    setValue: (text: string) => modeling.updateModdleProperties(element, field, { unit: text?.trim() || undefined }),
    debounce: useService('debounceInput'),
  });
}

function ParticipantRoleEntry({ element, id, field }: FieldProps) {
  const translate = useService<Translate>('translate');
  const modeling = useService<Modeling>('modeling');
  const roles = useService<ChainflowRoles>('chainflowRoles');
  return SelectEntry({
    element: field,
    id,
    label: translate('Only participants of role'),
    getValue: () => String(field.get('role') ?? ''),
    setValue: (value: string) => modeling.updateModdleProperties(element, field, { role: value || undefined }),
    getOptions: () => {
      const current = String(field.get('role') ?? '');
      const options = [{ value: '', label: translate('Any participant') }, ...roles.list().map((r) => ({ value: r.id, label: r.name }))];
      if (current && !roles.list().some((r) => r.id === current)) options.push({ value: current, label: translate('{role} (not a role of the consortium)', { role: current }) });
      return options;
    },
  });
}

/** The entries of `field`'s type settings, as `entry(suffix, component)` makes them. */
export function fieldTypeEntries<T>(field: BusinessObject, entry: (suffix: string, component: (p: FieldProps) => unknown) => T): T[] {
  const type = typeOf(field);
  return [
    ...(type === 'enum' ? [entry('values', ValuesEntry)] : []),
    ...(type === 'decimal' ? [entry('scale', ScaleEntry)] : []),
    ...(type === 'participant' ? [entry('role', ParticipantRoleEntry)] : []),
    entry('unit', UnitEntry),
  ];
}
