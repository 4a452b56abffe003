/**
 * Problems of every step (workspace, diagram import, lint, generator, compiler), grouped by
 * file. A row about a BPMN element selects it in the modeler; a compiler row opens the source
 * at its line. A problem that two steps report (lint and the generator) is one row naming both
 * (store/merge-problems.ts).
 */
import { useTranslation } from 'react-i18next';
import { selectProblemRows, type ProblemRow } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { groupProblems } from './group-problems.js';
import './problems.css';

export function ProblemsPanel() {
  const { t } = useTranslation();
  const rows = useStudio(selectProblemRows);
  const { ui } = useStudioActions();

  const open = (row: ProblemRow) => {
    if (row.elementId) ui.revealElement(row.elementId, row.processId);
    else if (row.source === 'compiler' && row.file) ui.revealSource(row.file, row.line);
    else if (row.path && row.source === 'workspace') ui.setView('participants');
  };
  const sourceLabel = (source: ProblemRow['source']) => (source === 'lint' ? t('designer.problems.lint') : t(`problems.source.${source}`));

  return (
    <section className="panel panel-problems" data-testid="problems-panel" aria-label={t('problems.title')}>
      <header className="panel-header">
        <h2>{t('problems.title')}</h2>
        <span className="count-pill" data-testid="problems-count">
          {rows.length}
        </span>
        <div className="panel-header-spacer" />
        <button type="button" className="btn-icon" data-testid="problems-close" onClick={() => ui.toggleProblems(false)} aria-label={t('problems.close')}>
          ×
        </button>
      </header>
      {rows.length === 0 ? (
        <p className="empty-note" data-testid="problems-empty">
          {t('problems.none')}
        </p>
      ) : (
        <ul className="problem-list">
          {groupProblems(rows).map((group) => (
            <li key={group.file ?? ''} className="problem-group" data-testid="problem-group" data-file={group.file ?? ''}>
              <div className={`problem-group-header${group.errors ? ' has-errors' : ''}`}>
                <span className="problem-group-file">{group.file ?? t('designer.problems.noFile')}</span>
                <span className="problem-group-count">{t('designer.problems.count', { count: group.rows.length })}</span>
              </div>
              <ul className="problem-list">
                {group.rows.map((row, i) => {
                  const clickable = Boolean(row.elementId || (row.source === 'compiler' && row.file));
                  return (
                    <li key={i}>
                      <button
                        type="button"
                        className={`problem-row is-${row.severity}`}
                        data-testid="problem-row"
                        data-element-id={row.elementId}
                        data-severity={row.severity}
                        data-source={row.source}
                        disabled={!clickable && !(row.path && row.source === 'workspace')}
                        onClick={() => open(row)}
                      >
                        <span className={`severity-dot is-${row.severity}`} aria-label={t(`problems.severity.${row.severity}`)} />
                        <span className="problem-source" data-also-from={row.alsoFrom?.join(' ')}>
                          {[row.source, ...(row.alsoFrom ?? [])].map(sourceLabel).join(' + ')}
                        </span>
                        <span className="problem-message">{row.message}</span>
                        <span className="problem-where">{where(row)}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The place within the file: line and column, element id or JSON path (the file is the group's). */
function where(row: ProblemRow): string {
  const position = row.line !== undefined ? `${row.line}${row.column !== undefined ? `:${row.column}` : ''}` : '';
  return [position, row.elementId ?? row.path].filter(Boolean).join(' · ');
}
