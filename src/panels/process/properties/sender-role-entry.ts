/**
 * The sending role of an intermediate message catch event or message boundary event (cf:role):
 * a select of the consortium's roles. A message flow into the element decides the sender before
 * cf:role does (docs: message flows decide who may deliver), so the entry says so; with neither a
 * flow, a role nor a lane or pool to inherit from, the generator refuses the element and so does the entry.
 */
import { SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { ChainflowRoles } from './chainflow-roles.js';
import { ownRole } from './cf-model.js';
import type { Modeling, Shape, Translate } from './panel-services.js';
import { fallbackSender, messageFlowSenders } from './sender-settings.js';

export function SenderRoleEntry({ element, id }: { element: Shape; id: string }) {
  const modeling = useService<Modeling>('modeling');
  const translate = useService<Translate>('translate');
  const roles = useService<ChainflowRoles>('chainflowRoles');
  const bo = element.businessObject;
  const find = (ref: string) => roles.list().find((r) => r.id === ref || r.name === ref);
  const senders = messageFlowSenders(element);
  const fallback = fallbackSender(bo);
  return SelectEntry({
    element,
    id,
    label: translate('Sender role'),
    description: senders.length
      ? translate('The message flow from {sender} decides who delivers this message; the role here is not used.', { sender: senders.join(', ') })
      : translate('Only participants of this role may deliver the message.'),
    getValue: () => {
      const current = ownRole(bo);
      return find(current)?.id ?? current;
    },
    setValue: (value: string) => modeling.updateProperties(element, { 'cf:role': value || undefined }),
    getOptions: () => {
      const current = ownRole(bo);
      const none = fallback ? translate('(from lane or pool: {role})', { role: find(fallback)?.name ?? fallback }) : translate('(none)');
      const options = [{ value: '', label: none }, ...roles.list().map((r) => ({ value: r.id, label: r.name }))];
      if (current && !find(current)) options.push({ value: current, label: translate('{role} (not a role of the consortium)', { role: current }) });
      return options;
    },
    validate: (value: string) =>
      !value && !senders.length && !fallback ? translate('No sender: draw a message flow from the sending pool, or choose the role that delivers it') : null,
  });
}
