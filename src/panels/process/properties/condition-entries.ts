/**
 * The FEEL condition of a flow leaving an exclusive gateway, checked live against the process's
 * fields (generators/feel: the same checker the generator uses, so the panel and the build never
 * disagree), and the gateway's "default flow" switch. An invalid condition is still saved, so
 * what the user typed is never lost; the error stays under the field and in the build's problems.
 */
import { TextFieldEntry, ToggleSwitchEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { compileCondition } from '../../../../generators/feel/check-feel.js';
import { processFields } from './cf-model.js';
import type { BpmnFactory, Modeling, Shape, Translate } from './panel-services.js';

export function conditionText(flow: Shape): string {
  const expression = flow.businessObject.get('conditionExpression') as { body?: string } | undefined;
  return expression?.body ?? '';
}

/** The checker's message for a condition, or null when it is valid (or empty). */
export function checkCondition(text: string, flow: Shape): string | null {
  if (!text.trim()) return null;
  const result = compileCondition(text, processFields(flow.businessObject.$parent));
  return result.ok ? null : result.message;
}

export function isDefaultFlow(flow: Shape): boolean {
  return flow.source?.businessObject.get('default') === flow.businessObject;
}

export function ConditionEntry(props: { element: Shape; id: string }) {
  const { element, id } = props;
  const modeling = useService<Modeling>('modeling');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const translate = useService<Translate>('translate');
  const debounce = useService('debounceInput');
  const setValue = (value: string) => {
    const text = value ?? '';
    const conditionExpression = text.trim() ? bpmnFactory.create('bpmn:FormalExpression', { body: text }) : undefined;
    modeling.updateProperties(element, { conditionExpression });
  };
  return TextFieldEntry({
    element,
    id,
    label: translate('Condition (FEEL)'),
    description: isDefaultFlow(element)
      ? translate('This is the default flow: a condition here is ignored.')
      : translate('For example: defects <= 2 and approved'),
    getValue: () => conditionText(element),
    setValue,
    validate: (value: string) => checkCondition(value ?? '', element),
    debounce,
  });
}

export function DefaultFlowEntry(props: { element: Shape; id: string }) {
  const { element, id } = props;
  const modeling = useService<Modeling>('modeling');
  const translate = useService<Translate>('translate');
  return ToggleSwitchEntry({
    element,
    id,
    label: translate('Default flow'),
    switcherLabel: translate('Taken when no condition holds'),
    getValue: () => isDefaultFlow(element),
    setValue: (on: boolean) => {
      if (element.source) modeling.updateProperties(element.source, { default: on ? element.businessObject : undefined });
    },
  });
}
