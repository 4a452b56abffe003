/** The participant fields that are picked rather than typed: kind, organization, roles. */
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_KINDS, type ParticipantKind, type Workspace } from '../../../generators/model/workspace.js';

export function KindSelect({ testId, value, onChange }: { testId: string; value: ParticipantKind; onChange(kind: ParticipantKind): void }) {
  const { t } = useTranslation();
  return (
    <select data-testid={testId} aria-label={t('participants.kind')} value={value} onChange={(e) => onChange(e.target.value as ParticipantKind)}>
      {PARTICIPANT_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`participants.kinds.${k}`)}
        </option>
      ))}
    </select>
  );
}

export function OrganizationSelect(props: { testId: string; workspace: Workspace; value: string; onChange(id: string): void }) {
  const { t } = useTranslation();
  return (
    <select data-testid={props.testId} aria-label={t('participants.organization')} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.workspace.organizations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

export function RolePicker(props: { testIdPrefix: string; workspace: Workspace; value: string[]; onChange(roles: string[]): void }) {
  const toggle = (id: string) => props.onChange(props.value.includes(id) ? props.value.filter((r) => r !== id) : [...props.value, id]);
  return (
    <div className="role-picker">
      {props.workspace.roles.map((r) => (
        <label key={r.id} className={`chip${props.value.includes(r.id) ? ' is-on' : ''}`}>
          <input type="checkbox" data-testid={`${props.testIdPrefix}-${r.id}`} checked={props.value.includes(r.id)} onChange={() => toggle(r.id)} />
          {r.name}
        </label>
      ))}
    </div>
  );
}
