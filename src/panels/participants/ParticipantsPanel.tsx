/** The consortium: organizations, roles and participants (people, devices, organizations). */
import { useTranslation } from 'react-i18next';
import { OrganizationsSection } from './OrganizationsSection.js';
import { ParticipantsSection } from './ParticipantsSection.js';
import { RolesSection } from './RolesSection.js';

export function ParticipantsPanel() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="participants-panel">
      <header className="page-header">
        <h1>{t('participants.title')}</h1>
        <p className="page-lead">{t('participants.lead')}</p>
      </header>
      <ParticipantsSection />
      <div className="page-columns">
        <OrganizationsSection />
        <RolesSection />
      </div>
    </div>
  );
}
