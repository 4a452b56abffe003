/**
 * "Role" of a lane, task, start event or pool: a select of the consortium's roles. Empty means
 * inherited (from the lane or pool, shown in the option) or, for a lane, "its name".
 */
import { SelectEntry, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { ChainflowRoles } from './chainflow-roles.js';
import { inheritedRole, ownRole } from './cf-model.js';
import type { Modeling, Shape, Translate } from './panel-services.js';

export function RoleEntry(props: { element: Shape; id: string }) {
  const { element, id } = props;
  const modeling = useService<Modeling>('modeling');
  const translate = useService<Translate>('translate');
  const roles = useService<ChainflowRoles>('chainflowRoles');
  const debounce = useService('debounceInput');
  const bo = element.businessObject;

  const getOptions = () => {
    const current = ownRole(bo);
    const inherited = bo.$instanceOf('bpmn:Lane') || bo.$instanceOf('bpmn:Participant') ? undefined : inheritedRole(bo);
    const none = bo.$instanceOf('bpmn:Lane')
      ? translate('(the lane name: {name})', { name: bo.name || '—' })
      : inherited
        ? translate('(from lane {lane}: {role})', { lane: inherited.from, role: roleName(inherited.role) })
        : translate('(none)');
    const options = [{ value: '', label: none }, ...roles.list().map((r) => ({ value: r.id, label: r.name }))];
    if (current && !roles.list().some((r) => r.id === current || r.name === current)) {
      options.push({ value: current, label: translate('{role} (not a role of the consortium)', { role: current }) });
    }
    return options;
  };
  const roleName = (ref: string) => roles.list().find((r) => r.id === ref || r.name === ref)?.name ?? ref;
  // a role written by name in the file still selects its entry
  const getValue = () => {
    const current = ownRole(bo);
    return roles.list().find((r) => r.name === current && r.id !== current)?.id ?? current;
  };

  return SelectEntry({
    element,
    id,
    label: translate('Role'),
    getValue,
    setValue: (value: string) => modeling.updateProperties(element, { 'cf:role': value || undefined }),
    getOptions,
    debounce,
  });
}

export const isRoleEdited = isSelectEntryEdited;
