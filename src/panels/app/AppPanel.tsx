/**
 * The generated collaboration app inside the IDE: act as one participant of the deployed
 * workspace after another (participant switcher), start instances, do the tasks that participant
 * may do now, follow every instance, and export the app as a standalone static site.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { selectDeployment, selectDeploymentOutdated } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { AppRuntime } from './AppRuntime.js';
import { ExportAppButton } from './ExportAppButton.js';
import { ParticipantSwitcher } from './ParticipantSwitcher.js';

export default function AppPanel() {
  const { t } = useTranslation();
  const deployment = useStudio(selectDeployment);
  const onLedger = useStudio((s) => s.deploymentOnLedger);
  const outdated = useStudio(selectDeploymentOutdated);
  const actions = useStudioActions();

  useEffect(() => {
    void actions.deploy.checkDeployment().then(() => actions.session.refresh());
  }, [actions, deployment]);

  if (!deployment) {
    return (
      <div className="page" data-testid="app-panel">
        <header className="page-header">
          <h1>{t('app.title')}</h1>
        </header>
        <section className="card empty-card" data-testid="app-not-deployed">
          <p>{t('app.notDeployed')}</p>
          <button type="button" className="btn btn-primary" onClick={() => actions.ui.setView('deploy')}>
            {t('app.goDeploy')}
          </button>
        </section>
      </div>
    );
  }

  const manifest = deployment.manifest;
  return (
    <div className="page" data-testid="app-panel">
      <header className="page-header page-header-with-actions">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="page-lead">{t('app.lead', { name: manifest.workspaceName })}</p>
        </div>
        <ExportAppButton deployment={deployment} />
      </header>
      {outdated && <p className="notice is-warning">{t('app.outdated')}</p>}
      {onLedger === 'missing' && (
        <p className="notice is-warning" data-testid="app-missing">
          {t('deploy.missingOnLedger')}
        </p>
      )}
      <ParticipantSwitcher manifest={manifest} />
      <AppRuntime manifest={manifest} />
    </div>
  );
}
