/**
 * The process a call activity calls (bpmn:calledElement, a standard attribute): a select of the
 * workspace's other processes, by id, shown by name. It only writes calledElement; what a call
 * runs is the generator's business.
 */
import { SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { callableProcesses, calledElementError } from './called-process-settings.js';
import type { ChainflowProcesses } from './chainflow-processes.js';
import type { Modeling, Shape, Translate } from './panel-services.js';

export function CalledElementEntry({ element, id }: { element: Shape; id: string }) {
  const modeling = useService<Modeling>('modeling');
  const translate = useService<Translate>('translate');
  const processes = useService<ChainflowProcesses>('chainflowProcesses');
  const called = () => String(element.businessObject.get('calledElement') ?? '');
  return SelectEntry({
    element,
    id,
    label: translate('Called process'),
    getValue: called,
    setValue: (value: string) => modeling.updateProperties(element, { calledElement: value || undefined }),
    getOptions: () => {
      const current = called();
      const options = [{ value: '', label: translate('(choose a process)') }, ...callableProcesses(processes.list(), processes.current()).map((p) => ({ value: p.id, label: p.name }))];
      if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
      return options;
    },
    validate: (value: string) => {
      const problem = calledElementError(value ?? '', processes.list(), processes.current());
      if (problem === 'self') return translate('A process cannot call itself');
      if (problem === 'unknown') return translate('No process {id} in this workspace', { id: value });
      return null;
    },
  });
}
