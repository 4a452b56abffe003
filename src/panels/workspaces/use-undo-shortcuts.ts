/** Binds the workspace's undo/redo keys (undo-keys.ts) to the history for the page's life. */
import { useEffect } from 'react';
import { useStudioActions } from '../../store/studio-context.js';
import { undoCommandOf } from './undo-keys.js';

export function useUndoShortcuts(): void {
  const { history } = useStudioActions();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = undoCommandOf(e);
      if (!command) return;
      e.preventDefault();
      if (command === 'undo') history.undo();
      else history.redo();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [history]);
}
