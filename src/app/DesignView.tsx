/** Process and Code side by side (the split between them resizable, remembered), with the Problems list docked below. */
import { lazy, Suspense, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemsPanel } from '../panels/problems/ProblemsPanel.js';
import { useStudio } from '../store/studio-context.js';
import { Splitter, useSplit } from '../panels/process/Splitter.js';
import { CODE_SPLIT } from '../panels/process/split-size.js';
import { afterInteractive } from '../panels/process/modeler-drawn.js';

// bpmn-js and Monaco are the two largest chunks: bpmn-js loads once the frame is on screen,
// Monaco once the modeler has drawn (the IDE is interactive) and the page is idle
const ProcessPanel = lazy(() => import('../panels/process/ProcessPanel.js'));
const CodePanel = lazy(() => afterInteractive().then(() => import('../panels/code/CodePanel.js')));

export function DesignView({ hidden }: { hidden: boolean }) {
  const { t } = useTranslation();
  const problemsOpen = useStudio((s) => s.problemsOpen);
  const loading = (label: string) => <div className="panel-loading">{label}</div>;
  const viewRef = useRef<HTMLDivElement>(null);
  const [codeFraction, setCodeFraction] = useSplit(CODE_SPLIT);
  const style = { '--code-width': `${codeFraction * 100}%` } as CSSProperties;
  return (
    <div className={`design-view${problemsOpen ? ' with-problems' : ''}`} hidden={hidden} data-testid="design-view" ref={viewRef} style={style}>
      <section className="panel panel-process" data-testid="process-panel" aria-label={t('process.title')}>
        <Suspense fallback={loading(t('process.loadingModeler'))}>
          <ProcessPanel visible={!hidden} />
        </Suspense>
      </section>
      <Splitter
        spec={CODE_SPLIT}
        fraction={codeFraction}
        onChange={setCodeFraction}
        containerRef={viewRef}
        side="right"
        label={t('designer3.split.code')}
        testId="code-splitter"
      />
      <section className="panel panel-code" data-testid="code-panel" aria-label={t('code.title')}>
        <Suspense fallback={loading(t('code.loadingEditor'))}>
          <CodePanel visible={!hidden} />
        </Suspense>
      </section>
      {problemsOpen && <ProblemsPanel />}
    </div>
  );
}
