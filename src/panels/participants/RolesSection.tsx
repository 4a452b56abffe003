import { useTranslation } from 'react-i18next';
import { TextCell } from '../../app/TextCell.js';
import { addRole, removeRole, updateRole } from '../../store/workspace-edits.js';
import { AddByNameForm, ListSection, RemoveButton, useWorkspaceEdit } from './ListSection.js';

export function RolesSection() {
  const { t } = useTranslation();
  const [workspace, edit] = useWorkspaceEdit();
  return (
    <ListSection
      testId="roles-section"
      title={t('participants.roles')}
      note={t('participants.rolesNote')}
      columns={[t('participants.id'), t('participants.name'), t('participants.description')]}
      after={<AddByNameForm prefix="role" placeholder={t('participants.newRole')} onAdd={(name) => edit((ws) => addRole(ws, name))} />}
    >
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
              onCommit={(name) => edit((ws) => updateRole(ws, role.id, { name }))}
            />
          </td>
          <td>
            <TextCell
              allowEmpty
              data-testid={`role-description-${role.id}`}
              aria-label={t('participants.description')}
              value={role.description ?? ''}
              onCommit={(d) => edit((ws) => updateRole(ws, role.id, { description: d || undefined }))}
            />
          </td>
          <RemoveButton testId={`role-remove-${role.id}`} onRemove={() => edit((ws) => removeRole(ws, role.id))} />
        </tr>
      ))}
    </ListSection>
  );
}
