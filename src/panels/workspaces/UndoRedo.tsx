/** Undo and redo buttons of the top bar, enabled when there is a step to take; also binds the keys. */
import { useTranslation } from 'react-i18next';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import type { StudioState } from '../../store/store-types.js';
import { useUndoShortcuts } from './use-undo-shortcuts.js';

const selectCanUndo = (s: StudioState) => s.workspaceStatus === 'ready' && s.workspaceHistory.past.length > 0;
const selectCanRedo = (s: StudioState) => s.workspaceStatus === 'ready' && s.workspaceHistory.future.length > 0;
const selectUndoSteps = (s: StudioState) => s.workspaceHistory.past.length;

export function UndoRedo() {
  const { t } = useTranslation();
  const canUndo = useStudio(selectCanUndo);
  const canRedo = useStudio(selectCanRedo);
  // how many steps back there are: lets a test (or a screen reader user) see an edit arrive
  const steps = useStudio(selectUndoSteps);
  const { history } = useStudioActions();
  useUndoShortcuts();
  return (
    <div className="undo-redo" role="group">
      <button type="button" className="btn-icon" data-testid="undo" data-steps={steps} disabled={!canUndo} title={t('workspaces.undoHint')} aria-label={t('workspaces.undo')} onClick={() => history.undo()}>
        <ArrowIcon flip={false} />
      </button>
      <button type="button" className="btn-icon" data-testid="redo" disabled={!canRedo} title={t('workspaces.redoHint')} aria-label={t('workspaces.redo')} onClick={() => history.redo()}>
        <ArrowIcon flip />
      </button>
    </div>
  );
}

function ArrowIcon({ flip }: { flip: boolean }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" style={flip ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M5 3 2 6l3 3M2 6h7.5a4 4 0 0 1 0 8H6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
