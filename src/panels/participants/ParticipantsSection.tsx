import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantKind, Workspace } from '../../../generators/model/workspace.js';
import { TextCell } from '../../app/TextCell.js';
import { addParticipant, removeParticipant, updateParticipant } from '../../store/workspace-edits.js';
import { KeyActions, KeysSettings } from './KeyActions.js';
import { ListSection, RemoveButton, useWorkspaceEdit } from './ListSection.js';
import { KindSelect, OrganizationSelect, RolePicker } from './pickers.js';

export function ParticipantsSection() {
  const { t } = useTranslation();
  const [workspace, edit] = useWorkspaceEdit();
  return (
    <ListSection
      testId="participants-section"
      title={t('participants.participants')}
      before={<KeysSettings />}
      columns={[t('participants.name'), t('participants.kind'), t('participants.organization'), t('participants.roles'), t('participants.account')]}
      after={<AddParticipantForm workspace={workspace} />}
    >
      {workspace.participants.map((p) => (
        <tr key={p.id} data-testid={`participant-row-${p.id}`}>
          <td>
            <TextCell
              data-testid={`participant-name-${p.id}`}
              aria-label={t('participants.name')}
              value={p.name}
              onCommit={(name) => edit((ws) => updateParticipant(ws, p.id, { name }))}
            />
          </td>
          <td>
            <KindSelect testId={`participant-kind-${p.id}`} value={p.kind} onChange={(kind) => edit((ws) => updateParticipant(ws, p.id, { kind }))} />
          </td>
          <td>
            <OrganizationSelect
              testId={`participant-org-${p.id}`}
              workspace={workspace}
              value={p.organization}
              onChange={(organization) => edit((ws) => updateParticipant(ws, p.id, { organization }))}
            />
          </td>
          <td>
            <RolePicker
              testIdPrefix={`participant-role-${p.id}`}
              workspace={workspace}
              value={p.roles}
              onChange={(roles) => edit((ws) => updateParticipant(ws, p.id, { roles }))}
            />
          </td>
          <td>
            <code className="address" title={p.address} data-testid={`participant-address-${p.id}`}>
              {p.address ? shortAddress(p.address) : t('participants.noKey')}
            </code>
            {p.address && <KeyActions participantId={p.id} name={p.name} />}
          </td>
          <RemoveButton testId={`participant-remove-${p.id}`} onRemove={() => edit((ws) => removeParticipant(ws, p.id))} />
        </tr>
      ))}
    </ListSection>
  );
}

function AddParticipantForm({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const [, edit] = useWorkspaceEdit();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ParticipantKind>('person');
  const [organization, setOrganization] = useState(workspace.organizations[0]?.id ?? '');
  const [roles, setRoles] = useState<string[]>([]);
  const org = workspace.organizations.some((o) => o.id === organization) ? organization : workspace.organizations[0]?.id;
  const ready = Boolean(name.trim() && org);

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!ready || !org) return;
    edit((ws) => addParticipant(ws, { name, kind, organization: org, roles }));
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

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
