/** One workspace of the list: open it, rename, duplicate, export, or delete it after a confirmation. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSummary } from '../../persistence/workspace-library.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { download } from './download.js';

type Mode = 'idle' | 'rename' | 'delete';

export function WorkspaceRow({ summary, current }: { summary: WorkspaceSummary; current: boolean }) {
  const { t, i18n } = useTranslation();
  const busy = useStudio((s) => s.workspacesBusy);
  const { workspaces } = useStudioActions();
  const [mode, setMode] = useState<Mode>('idle');
  const [name, setName] = useState(summary.name);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(summary.updatedAt);
  const exportAs = (format: 'json' | 'zip') => void workspaces.exportFile(summary.id, format).then((file) => file && download(file));
  const rename = () => {
    if (name.trim()) void workspaces.rename(summary.id, name.trim()).then(() => setMode('idle'));
  };

  return (
    <li className={`ws-row${current ? ' is-current' : ''}`} data-testid={`workspace-row-${summary.name}`} data-id={summary.id} data-current={current}>
      <div className="ws-row-main">
        {mode === 'rename' ? (
          <input
            className="cell-input"
            data-testid="workspace-rename-input"
            aria-label={t('workspaces.rename')}
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') rename();
              if (e.key === 'Escape') {
                e.stopPropagation(); // closes the rename, not the dialog
                setMode('idle');
              }
            }}
          />
        ) : (
          <span className="ws-name">{summary.name}</span>
        )}
        {current && <span className="ws-badge">{t('workspaces.current')}</span>}
        <span className="ws-updated">{t('workspaces.updated', { when })}</span>
      </div>
      {mode === 'delete' ? (
        <div className="ws-confirm" data-testid="workspace-delete-confirm">
          <span>{t('workspaces.deleteConfirm', { name: summary.name })}</span>
          <button type="button" className="btn btn-small" onClick={() => setMode('idle')}>
            {t('workspaces.cancel')}
          </button>
          <button type="button" className="btn btn-small btn-danger" data-testid="workspace-delete-yes" disabled={busy} onClick={() => void workspaces.remove(summary.id)}>
            {t('workspaces.deleteYes')}
          </button>
        </div>
      ) : (
        <div className="ws-actions">
          {mode === 'rename' ? (
            <>
              <button type="button" className="btn btn-small" data-testid="workspace-rename-save" disabled={busy || !name.trim()} onClick={rename}>
                {t('workspaces.renameSave')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setMode('idle')}>
                {t('workspaces.cancel')}
              </button>
            </>
          ) : (
            <>
              {!current && (
                <button type="button" className="btn btn-small btn-primary" data-testid="workspace-open" disabled={busy} onClick={() => void workspaces.switchTo(summary.id)}>
                  {t('workspaces.switchTo')}
                </button>
              )}
              <button type="button" className="btn btn-small" data-testid="workspace-rename" disabled={busy} onClick={() => (setName(summary.name), setMode('rename'))}>
                {t('workspaces.rename')}
              </button>
              <button
                type="button"
                className="btn btn-small"
                data-testid="workspace-duplicate"
                disabled={busy}
                title={t('workspaces.duplicateHint')}
                onClick={() => void workspaces.duplicate(summary.id, t('workspaces.copyName', { name: summary.name }))}
              >
                {t('workspaces.duplicate')}
              </button>
              <button type="button" className="btn btn-small" data-testid="workspace-export-json" title={t('workspaces.exportHint')} onClick={() => exportAs('json')}>
                {t('workspaces.exportJson')}
              </button>
              <button type="button" className="btn btn-small" data-testid="workspace-export-zip" title={t('workspaces.exportHint')} onClick={() => exportAs('zip')}>
                {t('workspaces.exportZip')}
              </button>
              <button type="button" className="btn btn-small btn-ghost" data-testid="workspace-delete" disabled={busy} onClick={() => setMode('delete')}>
                {t('workspaces.delete')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
