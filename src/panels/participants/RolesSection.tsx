import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { selectWorkspace } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { TextCell } from '../../app/TextCell.js';
import { addRole, removeRole, updateRole } from '../../store/workspace-edits.js';

export function RolesSection() {
  const { t } = useTranslation();
  const workspace = useStudio(selectWorkspace)!;
  const { workspace: edit } = useStudioActions();
  const [name, setName] = useState('');

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    edit.edit((ws) => addRole(ws, name));
    setName('');
  };

  return (
    <section className="card" data-testid="roles-section">
      <h2>{t('participants.roles')}</h2>
      <p className="card-note">{t('participants.rolesNote')}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('participants.id')}</th>
            <th>{t('participants.name')}</th>
            <th>{t('participants.description')}</th>
            <th aria-label={t('participants.actions')} />
          </tr>
        </thead>
        <tbody>
          {workspace.roles.map((role) => (
            <tr key={role.id} data-testid={`role-row-${role.id}`}>
              <td>
                <code>{role.id}</code>
              </td>
              <td>
                <TextCell
                  data-testid={`role-name-${role.id}`}
                  aria-label={t('participants.name')}
                  value={role.name}
                  onCommit={(name) => edit.edit((ws) => updateRole(ws, role.id, { name }))}
                />
              </td>
              <td>
                <TextCell
                  allowEmpty
                  data-testid={`role-description-${role.id}`}
                  aria-label={t('participants.description')}
                  value={role.description ?? ''}
                  onCommit={(d) => edit.edit((ws) => updateRole(ws, role.id, { description: d || undefined }))}
                />
              </td>
              <td className="cell-actions">
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  data-testid={`role-remove-${role.id}`}
                  onClick={() => edit.edit((ws) => removeRole(ws, role.id))}
                >
                  {t('participants.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="add-row" onSubmit={add}>
        <input
          data-testid="role-add-name"
          placeholder={t('participants.newRole')}
          aria-label={t('participants.newRole')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn btn-small" data-testid="role-add" disabled={!name.trim()}>
          {t('participants.add')}
        </button>
      </form>
    </section>
  );
}
