/** The IDE frame: top bar, left navigation, the active view and the keys' passphrase dialog. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { selectView, selectWorkspaceStatus } from '../store/selectors.js';
import { useStudio } from '../store/studio-context.js';
import { DesignView } from './DesignView.js';
import { NavBar } from './NavBar.js';
import { UnlockDialog, useKeyActivity } from './KeysLock.js';
import { InvalidWorkspaceScreen, OpenFailedScreen } from './StatusScreens.js';
import { TopBar } from './TopBar.js';
import { ParticipantsPanel } from '../panels/participants/ParticipantsPanel.js';
import './app.css';
import './design.css';
import './pages.css';
import './app-panel.css';
import './keys.css';

const DeployPanel = lazy(() => import('../panels/deploy/DeployPanel.js'));
const AppPanel = lazy(() => import('../panels/app/AppPanel.js'));
const ExplorerPanel = lazy(() => import('../panels/explorer/ExplorerPanel.js'));

export function App() {
  const status = useStudio(selectWorkspaceStatus);
  useKeyActivity();
  return (
    <div className="studio" data-testid="studio">
      <TopBar />
      <div className="studio-body">
        <NavBar />
        <main className="studio-main">{status === 'ready' ? <Views /> : <NotReady status={status} />}</main>
      </div>
      <UnlockDialog />
    </div>
  );
}

function NotReady({ status }: { status: ReturnType<typeof selectWorkspaceStatus> }) {
  const { t } = useTranslation();
  if (status === 'invalid') return <InvalidWorkspaceScreen />;
  if (status === 'failed') return <OpenFailedScreen />;
  return (
    <div className="screen-message" data-testid="workspace-loading">
      {t('app.loading')}
    </div>
  );
}

/**
 * The design view stays mounted while hidden so the modeler keeps its undo history; it is made
 * anew for another workspace, so no canvas or modeler undo carries over from the previous one.
 */
function Views() {
  const view = useStudio(selectView);
  const workspaceId = useStudio((s) => s.workspaceId);
  const { t } = useTranslation();
  const fallback = <div className="screen-message">{t('app.loadingPanel')}</div>;
  return (
    <>
      <DesignView key={workspaceId} hidden={view !== 'design'} />
      {view === 'participants' && <ParticipantsPanel />}
      <Suspense fallback={fallback}>
        {view === 'deploy' && <DeployPanel />}
        {view === 'app' && <AppPanel />}
        {view === 'explorer' && <ExplorerPanel />}
      </Suspense>
    </>
  );
}
