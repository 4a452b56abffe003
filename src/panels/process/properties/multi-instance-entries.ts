/**
 * The multi-instance settings of a task (replacing bpmn-js's generic group): parallel or
 * sequential; a fixed count or one instance per participant of a role (cf:forEachOf), exactly
 * one of both; the completion condition over the counters. Every change is one
 * updateModdleProperties command on the loop characteristics, so one undo takes it back. Invalid
 * text is still saved (nothing typed is lost); the generator's message stays under the entry.
 */
import { SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { BusinessObject } from './cf-model.js';
import type { ChainflowRoles } from './chainflow-roles.js';
import {
  FOR_EACH_OF, cardinalityError, cardinalityText, completionError, completionText, countModeOf, forEachOfOf, modeChange, multiInstanceOf,
  multiInstanceProblems, type CountMode,
} from './multi-instance-settings.js';
import type { BpmnFactory, Modeling, Shape, Translate } from './panel-services.js';

interface Props {
  element: Shape;
  id: string;
}

function useLoop(element: Shape) {
  const modeling = useService<Modeling>('modeling');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const mi = multiInstanceOf(element.businessObject)!;
  const expression = (body: string) => {
    const e = bpmnFactory.create('bpmn:FormalExpression', { body });
    e.$parent = mi;
    return e;
  };
  const update = (properties: Record<string, unknown>) => {
    if (Object.keys(properties).length) modeling.updateModdleProperties(element, mi, properties);
  };
  return { mi, expression, update };
}

function SequentialEntry({ element, id }: Props) {
  const translate = useService<Translate>('translate');
  const { mi, update } = useLoop(element);
  return SelectEntry({
    element,
    id,
    label: translate('Instances run'),
    getValue: () => (mi.get('isSequential') === true ? 'sequential' : 'parallel'),
    setValue: (value: string) => update({ isSequential: value === 'sequential' }),
    getOptions: () => [
      { value: 'parallel', label: translate('In parallel (each by a different participant)') },
      { value: 'sequential', label: translate('One after the other') },
    ],
  });
}

function CountModeEntry({ element, id }: Props) {
  const translate = useService<Translate>('translate');
  const roles = useService<ChainflowRoles>('chainflowRoles');
  const { mi, expression, update } = useLoop(element);
  return SelectEntry({
    element,
    id,
    label: translate('Number of instances'),
    getValue: () => countModeOf(mi),
    setValue: (mode: CountMode) => update(modeChange(mode, mi, roles.list(), expression)),
    getOptions: () => [
      { value: 'count', label: translate('A fixed number') },
      { value: 'role', label: translate('One per participant of a role') },
    ],
    // the generator's "neither" / "both" problems (the other entries say what is wrong with their own value)
    validate: () => multiInstanceProblems(element.businessObject, roles.list()).find((p) => /both|has no loopCardinality/.test(p)) ?? null,
  });
}

function CardinalityEntry({ element, id }: Props) {
  const translate = useService<Translate>('translate');
  const { mi, expression, update } = useLoop(element);
  return TextFieldEntry({
    element,
    id,
    label: translate('Count'),
    description: translate('A whole number from 1 to 255'),
    getValue: () => cardinalityText(mi),
    setValue: (text: string) => update({ loopCardinality: expression((text ?? '').trim()) }),
    validate: (text: string) => cardinalityError(text ?? ''),
    debounce: useService('debounceInput'),
  });
}

function ForEachOfEntry({ element, id }: Props) {
  const translate = useService<Translate>('translate');
  const roles = useService<ChainflowRoles>('chainflowRoles');
  const { mi, update } = useLoop(element);
  const resolved = (ref: string) => roles.list().find((r) => r.id === ref || r.name === ref);
  return SelectEntry({
    element,
    id,
    label: translate('One instance per participant of'),
    getValue: () => {
      const ref = forEachOfOf(mi) ?? '';
      return resolved(ref)?.id ?? ref;
    },
    setValue: (value: string) => update({ [FOR_EACH_OF]: value ?? '' }),
    getOptions: () => {
      const current = forEachOfOf(mi) ?? '';
      const options = [{ value: '', label: translate('(choose a role)') }, ...roles.list().map((r) => ({ value: r.id, label: r.name }))];
      if (current && !resolved(current)) options.push({ value: current, label: translate('{role} (not a role of the consortium)', { role: current }) });
      return options;
    },
    validate: (value: string) => (resolved(value ?? '') ? null : translate('Choose a role of the consortium')),
  });
}

function CompletionEntry({ element, id }: Props) {
  const translate = useService<Translate>('translate');
  const { mi, expression, update } = useLoop(element);
  return TextFieldEntry({
    element,
    id,
    label: translate('Completion condition (FEEL)'),
    description: translate('Over nrOfInstances, nrOfCompletedInstances, nrOfActiveInstances; e.g. nrOfCompletedInstances >= 2. Empty: when all are done.'),
    getValue: () => completionText(mi),
    setValue: (text: string) => update({ completionCondition: (text ?? '').trim() ? expression(text) : undefined }),
    validate: (text: string) => completionError(text ?? ''),
    debounce: useService('debounceInput'),
  });
}

/** The entries of a multi-instance task's group, the count or the role picker as its mode says. */
export function multiInstanceEntries(bo: BusinessObject) {
  const mi = multiInstanceOf(bo);
  if (!mi) return [];
  return [
    { id: 'cf-mi-sequential', component: SequentialEntry },
    { id: 'cf-mi-mode', component: CountModeEntry },
    countModeOf(mi) === 'role' ? { id: 'cf-mi-role', component: ForEachOfEntry } : { id: 'cf-mi-count', component: CardinalityEntry },
    { id: 'cf-mi-completion', component: CompletionEntry },
  ];
}
