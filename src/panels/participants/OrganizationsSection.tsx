import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { selectWorkspace } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { TextCell } from '../../app/TextCell.js';
import { addOrganization, organizationInUse, removeOrganization, updateOrganization } from '../../store/workspace-edits.js';

export function OrganizationsSection() {
  const { t } = useTranslation();
  const workspace = useStudio(selectWorkspace)!;
  const { workspace: edit } = useStudioActions();
  const [name, setName] = useState('');

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    edit.edit((ws) => addOrganization(ws, name));
    setName('');
  };

  return (
    <section className="card" data-testid="organizations-section">
      <h2>{t('participants.organizations')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('participants.name')}</th>
            <th>{t('participants.id')}</th>
            <th>{t('participants.members')}</th>
            <th aria-label={t('participants.actions')} />
          </tr>
        </thead>
        <tbody>
          {workspace.organizations.map((org) => {
            const members = workspace.participants.filter((p) => p.organization === org.id).length;
            const inUse = organizationInUse(workspace, org.id);
            return (
              <tr key={org.id} data-testid={`org-row-${org.id}`}>
                <td>
                  <TextCell
                    data-testid={`org-name-${org.id}`}
                    aria-label={t('participants.name')}
                    value={org.name}
                    onCommit={(name) => edit.edit((ws) => updateOrganization(ws, org.id, { name }))}
                  />
                </td>
                <td>
                  <code>{org.id}</code>
                </td>
                <td>{members}</td>
                <td className="cell-actions">
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    data-testid={`org-remove-${org.id}`}
                    disabled={inUse}
                    title={inUse ? t('participants.orgInUse') : undefined}
                    onClick={() => edit.edit((ws) => removeOrganization(ws, org.id))}
                  >
                    {t('participants.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="add-row" onSubmit={add}>
        <input
          data-testid="org-add-name"
          placeholder={t('participants.newOrganization')}
          aria-label={t('participants.newOrganization')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn btn-small" data-testid="org-add" disabled={!name.trim()}>
          {t('participants.add')}
        </button>
      </form>
    </section>
  );
}
