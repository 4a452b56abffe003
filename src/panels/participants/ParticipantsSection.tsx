import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_KINDS, type ParticipantKind, type Workspace } from '../../../generators/model/workspace.js';
import { TextCell } from '../../app/TextCell.js';
import { selectWorkspace } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { addParticipant, removeParticipant, updateParticipant } from '../../store/workspace-edits.js';
import { KeyActions, KeysSettings } from './KeyActions.js';

export function ParticipantsSection() {
  const { t } = useTranslation();
  const workspace = useStudio(selectWorkspace)!;
  const { workspace: edit } = useStudioActions();

  return (
    <section className="card" data-testid="participants-section">
      <h2>{t('participants.participants')}</h2>
      <KeysSettings />
      <table className="table">
        <thead>
          <tr>
            <th>{t('participants.name')}</th>
            <th>{t('participants.kind')}</th>
            <th>{t('participants.organization')}</th>
            <th>{t('participants.roles')}</th>
            <th>{t('participants.account')}</th>
            <th aria-label={t('participants.actions')} />
          </tr>
        </thead>
        <tbody>
          {workspace.participants.map((p) => (
            <tr key={p.id} data-testid={`participant-row-${p.id}`}>
              <td>
                <TextCell
                  data-testid={`participant-name-${p.id}`}
                  aria-label={t('participants.name')}
                  value={p.name}
                  onCommit={(name) => edit.edit((ws) => updateParticipant(ws, p.id, { name }))}
                />
              </td>
              <td>
                <KindSelect
                  testId={`participant-kind-${p.id}`}
                  value={p.kind}
                  onChange={(kind) => edit.edit((ws) => updateParticipant(ws, p.id, { kind }))}
                />
              </td>
              <td>
                <OrganizationSelect
                  testId={`participant-org-${p.id}`}
                  workspace={workspace}
                  value={p.organization}
                  onChange={(organization) => edit.edit((ws) => updateParticipant(ws, p.id, { organization }))}
                />
              </td>
              <td>
                <RolePicker
                  testIdPrefix={`participant-role-${p.id}`}
                  workspace={workspace}
                  value={p.roles}
                  onChange={(roles) => edit.edit((ws) => updateParticipant(ws, p.id, { roles }))}
                />
              </td>
              <td>
                <code className="address" title={p.address} data-testid={`participant-address-${p.id}`}>
                  {p.address ? shortAddress(p.address) : t('participants.noKey')}
                </code>
                {p.address && <KeyActions participantId={p.id} name={p.name} />}
              </td>
              <td className="cell-actions">
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  data-testid={`participant-remove-${p.id}`}
                  onClick={() => edit.edit((ws) => removeParticipant(ws, p.id))}
                >
                  {t('participants.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddParticipantForm workspace={workspace} />
    </section>
  );
}

function AddParticipantForm({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const { workspace: edit } = useStudioActions();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ParticipantKind>('person');
  const [organization, setOrganization] = useState(workspace.organizations[0]?.id ?? '');
  const [roles, setRoles] = useState<string[]>([]);
  const org = workspace.organizations.some((o) => o.id === organization) ? organization : workspace.organizations[0]?.id;
  const ready = Boolean(name.trim() && org);

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!ready || !org) return;
    edit.edit((ws) => addParticipant(ws, { name, kind, organization: org, roles }));
    setName('');
    setRoles([]);
  };

  return (
    <form className="add-row add-participant" onSubmit={add} data-testid="participant-add-form">
      <input
        data-testid="participant-add-name"
        placeholder={t('participants.newParticipant')}
        aria-label={t('participants.newParticipant')}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <KindSelect testId="participant-add-kind" value={kind} onChange={setKind} />
      <OrganizationSelect testId="participant-add-org" workspace={workspace} value={org ?? ''} onChange={setOrganization} />
      <RolePicker testIdPrefix="participant-add-role" workspace={workspace} value={roles} onChange={setRoles} />
      <button type="submit" className="btn btn-small" data-testid="participant-add" disabled={!ready}>
        {t('participants.add')}
      </button>
    </form>
  );
}

function KindSelect({ testId, value, onChange }: { testId: string; value: ParticipantKind; onChange(kind: ParticipantKind): void }) {
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

function OrganizationSelect(props: { testId: string; workspace: Workspace; value: string; onChange(id: string): void }) {
  const { t } = useTranslation();
  return (
    <select
      data-testid={props.testId}
      aria-label={t('participants.organization')}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {props.workspace.organizations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

function RolePicker(props: { testIdPrefix: string; workspace: Workspace; value: string[]; onChange(roles: string[]): void }) {
  const toggle = (id: string) =>
    props.onChange(props.value.includes(id) ? props.value.filter((r) => r !== id) : [...props.value, id]);
  return (
    <div className="role-picker">
      {props.workspace.roles.map((r) => (
        <label key={r.id} className={`chip${props.value.includes(r.id) ? ' is-on' : ''}`}>
          <input
            type="checkbox"
            data-testid={`${props.testIdPrefix}-${r.id}`}
            checked={props.value.includes(r.id)}
            onChange={() => toggle(r.id)}
          />
          {r.name}
        </label>
      ))}
    </div>
  );
}

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
