/**
 * The consortium: organizations, roles and participants (people, devices, organization accounts),
 * in three views: the lists, the canvas (React Flow, drag and connect) and the permission matrix.
 * The canvas and the matrix are loaded on first use (React Flow, elkjs, bpmn-moddle).
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANTS_TABS } from '../../store/consortium-slice.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { OrganizationsSection } from './OrganizationsSection.js';
import { ParticipantsSection } from './ParticipantsSection.js';
import { RolesSection } from './RolesSection.js';

const ConsortiumCanvas = lazy(() => import('../consortium/ConsortiumCanvas.js'));
const PermissionMatrixView = lazy(() => import('../consortium/PermissionMatrixView.js'));

export function ParticipantsPanel() {
  const { t } = useTranslation();
  const tab = useStudio((s) => s.participantsTab);
  const { consortium } = useStudioActions();
  return (
    <div className="participants-page" data-testid="participants-panel">
      <header className="page-header">
        <h1>{t('participants.title')}</h1>
        <p className="page-lead">{t('participants.lead')}</p>
        <div className="tabs participants-tabs" role="tablist" aria-label={t('designer.consortium.tabs.label')}>
          {PARTICIPANTS_TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={`tab${tab === id ? ' is-active' : ''}`}
              data-testid={`participants-tab-${id}`}
              onClick={() => consortium.setParticipantsTab(id)}
            >
              {t(`designer.consortium.tabs.${id}`)}
            </button>
          ))}
        </div>
      </header>
      <div className={`participants-body is-${tab}`}>
        <Suspense fallback={<div className="panel-loading">{t('app.loadingPanel')}</div>}>
          {tab === 'lists' && (
            <div className="page">
              <ParticipantsSection />
              <div className="page-columns">
                <OrganizationsSection />
                <RolesSection />
              </div>
            </div>
          )}
          {tab === 'canvas' && <ConsortiumCanvas />}
          {tab === 'permissions' && <PermissionMatrixView />}
        </Suspense>
      </div>
    </div>
  );
}
