/**
 * The message payload (cf:payload) of a send task, service task, message throw or end event:
 * one checkbox per field the process declares (the multi-select), and the payload as written,
 * editable for order and checked live with the generator's rules. Each change is one command.
 */
import { CheckboxEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { BusinessObject } from './cf-model.js';
import type { Modeling, Shape, Translate } from './panel-services.js';
import { declaredFieldNames, parsePayload, payloadProblems, serializePayload, togglePayload } from './payload-settings.js';

interface Props {
  element: Shape;
  id: string;
  field?: string;
}

const payloadOf = (bo: BusinessObject) => (bo.get('cf:payload') as string | undefined) ?? '';

function PayloadFieldEntry({ element, id, field }: Props) {
  const modeling = useService<Modeling>('modeling');
  return CheckboxEntry({
    element,
    id,
    label: field,
    getValue: () => parsePayload(payloadOf(element.businessObject)).includes(field!),
    setValue: (on: boolean) => modeling.updateProperties(element, { 'cf:payload': togglePayload(payloadOf(element.businessObject), field!, on) }),
  });
}

function PayloadTextEntry({ element, id }: Props) {
  const modeling = useService<Modeling>('modeling');
  const translate = useService<Translate>('translate');
  const declared = declaredFieldNames(element.businessObject);
  return TextFieldEntry({
    element,
    id,
    label: translate('Payload fields, in order'),
    description: declared.length
      ? translate('Field names separated by commas; the event carries their values in this order.')
      : translate('The process declares no fields yet: add data fields to a task or the start event.'),
    getValue: () => payloadOf(element.businessObject),
    // kept as typed (normalized separators) so an unknown name is shown, not lost
    setValue: (text: string) => modeling.updateProperties(element, { 'cf:payload': serializePayload(parsePayload(text)) }),
    validate: (text: string) => payloadProblems(text ?? '', declaredFieldNames(element.businessObject))[0] ?? null,
    debounce: useService('debounceInput'),
  });
}

/** The entries of the payload group: the text, then a checkbox per declared field. */
export function payloadEntries(element: Shape) {
  return [
    { id: 'cf-payload', component: PayloadTextEntry },
    ...declaredFieldNames(element.businessObject).map((field, i) => ({ id: `cf-payload-field-${i}`, component: PayloadFieldEntry, field })),
  ];
}
