/** What the IDE shows instead of the workbench when the workspace cannot be opened. */
import { useTranslation } from 'react-i18next';
import { formatProblem } from '../../generators/problems.js';
import { useStudio, useStudioActions } from '../store/studio-context.js';

export function InvalidWorkspaceScreen() {
  const { t } = useTranslation();
  const invalid = useStudio((s) => s.invalidWorkspace);
  const { workspace } = useStudioActions();
  if (!invalid) return null;
  const download = () => {
    const url = URL.createObjectURL(new Blob([invalid.json], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'workspace.json' });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="screen-panel" data-testid="invalid-workspace">
      <h1>{t('invalid.title')}</h1>
      <p>{t('invalid.explain')}</p>
      <ul className="problem-lines">
        {invalid.problems.map((p, i) => (
          <li key={i} data-testid="invalid-problem">
            {formatProblem(p)}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="btn" data-testid="invalid-download" onClick={download}>
          {t('invalid.download')}
        </button>
        <button type="button" className="btn btn-primary" data-testid="invalid-start-sample" onClick={() => void workspace.startFromSample()}>
          {t('invalid.startSample')}
        </button>
      </div>
      <details>
        <summary>{t('invalid.raw')}</summary>
        <pre className="raw-json" data-testid="invalid-raw">
          {invalid.json}
        </pre>
      </details>
    </section>
  );
}

export function OpenFailedScreen() {
  const { t } = useTranslation();
  const error = useStudio((s) => s.openError);
  const { workspace } = useStudioActions();
  return (
    <section className="screen-panel" data-testid="open-failed">
      <h1>{t('openFailed.title')}</h1>
      <p className="error-text">{error}</p>
      <button type="button" className="btn" onClick={() => void workspace.open()}>
        {t('openFailed.retry')}
      </button>
    </section>
  );
}
