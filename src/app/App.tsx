/** The IDE frame: top bar, left navigation and the active view. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { selectView, selectWorkspaceStatus } from '../store/selectors.js';
import { useStudio } from '../store/studio-context.js';
import { DesignView } from './DesignView.js';
import { NavBar } from './NavBar.js';
import { InvalidWorkspaceScreen, OpenFailedScreen } from './StatusScreens.js';
import { TopBar } from './TopBar.js';
import { ParticipantsPanel } from '../panels/participants/ParticipantsPanel.js';
import './app.css';
import './design.css';
import './pages.css';
import './app-panel.css';

const DeployPanel = lazy(() => import('../panels/deploy/DeployPanel.js'));
const AppPanel = lazy(() => import('../panels/app/AppPanel.js'));

export function App() {
  const status = useStudio(selectWorkspaceStatus);
  return (
    <div className="studio" data-testid="studio">
      <TopBar />
      <div className="studio-body">
        <NavBar />
        <main className="studio-main">{status === 'ready' ? <Views /> : <NotReady status={status} />}</main>
      </div>
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

/** The design view stays mounted while hidden so the modeler keeps its undo history. */
function Views() {
  const view = useStudio(selectView);
  const { t } = useTranslation();
  const fallback = <div className="screen-message">{t('app.loadingPanel')}</div>;
  return (
    <>
      <DesignView hidden={view !== 'design'} />
      {view === 'participants' && <ParticipantsPanel />}
      <Suspense fallback={fallback}>
        {view === 'deploy' && <DeployPanel />}
        {view === 'app' && <AppPanel />}
      </Suspense>
    </>
  );
}
