import { useTranslation } from 'react-i18next';
import { TextCell } from '../../app/TextCell.js';
import { addOrganization, organizationInUse, removeOrganization, updateOrganization } from '../../store/workspace-edits.js';
import { AddByNameForm, ListSection, RemoveButton, useWorkspaceEdit } from './ListSection.js';

export function OrganizationsSection() {
  const { t } = useTranslation();
  const [workspace, edit] = useWorkspaceEdit();
  return (
    <ListSection
      testId="organizations-section"
      title={t('participants.organizations')}
      columns={[t('participants.name'), t('participants.id'), t('participants.members')]}
      after={<AddByNameForm prefix="org" placeholder={t('participants.newOrganization')} onAdd={(name) => edit((ws) => addOrganization(ws, name))} />}
    >
      {workspace.organizations.map((org) => {
        const inUse = organizationInUse(workspace, org.id);
        return (
          <tr key={org.id} data-testid={`org-row-${org.id}`}>
            <td>
              <TextCell
                data-testid={`org-name-${org.id}`}
                aria-label={t('participants.name')}
                value={org.name}
                onCommit={(name) => edit((ws) => updateOrganization(ws, org.id, { name }))}
              />
            </td>
            <td>
              <code>{org.id}</code>
            </td>
            <td>{workspace.participants.filter((p) => p.organization === org.id).length}</td>
            <RemoveButton
              testId={`org-remove-${org.id}`}
              disabled={inUse}
              title={inUse ? t('participants.orgInUse') : undefined}
              onRemove={() => edit((ws) => removeOrganization(ws, org.id))}
            />
          </tr>
        );
      })}
    </ListSection>
  );
}
