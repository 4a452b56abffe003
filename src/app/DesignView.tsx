/** Process and Code side by side, with the Problems list docked below. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemsPanel } from '../panels/problems/ProblemsPanel.js';
import { useStudio } from '../store/studio-context.js';

// bpmn-js and Monaco are the two largest chunks: loaded once the frame is on screen
const ProcessPanel = lazy(() => import('../panels/process/ProcessPanel.js'));
const CodePanel = lazy(() => import('../panels/code/CodePanel.js'));

export function DesignView({ hidden }: { hidden: boolean }) {
  const { t } = useTranslation();
  const problemsOpen = useStudio((s) => s.problemsOpen);
  const loading = (label: string) => <div className="panel-loading">{label}</div>;
  return (
    <div className={`design-view${problemsOpen ? ' with-problems' : ''}`} hidden={hidden} data-testid="design-view">
      <section className="panel panel-process" data-testid="process-panel" aria-label={t('process.title')}>
        <Suspense fallback={loading(t('process.loadingModeler'))}>
          <ProcessPanel visible={!hidden} />
        </Suspense>
      </section>
      <section className="panel panel-code" data-testid="code-panel" aria-label={t('code.title')}>
        <Suspense fallback={loading(t('code.loadingEditor'))}>
          <CodePanel visible={!hidden} />
        </Suspense>
      </section>
      {problemsOpen && <ProblemsPanel />}
    </div>
  );
}
