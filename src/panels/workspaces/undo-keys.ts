/**
 * Which key presses undo or redo the workspace: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y, except
 * where another editor owns them: text fields (the browser's own undo of what is typed), the
 * bpmn-js canvas and its properties panel (bpmn-js's command stack) and Monaco. Pure.
 */
const OWN_UNDO = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], .djs-container, .bpmn-container, .properties-container, .monaco-editor';

export type UndoCommand = 'undo' | 'redo';

/** The command a key press asks for, or undefined when it is not ours to handle. */
export function undoCommandOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target' | 'defaultPrevented'>): UndoCommand | undefined {
  if (e.defaultPrevented || e.altKey || !(e.ctrlKey || e.metaKey)) return undefined;
  const target = e.target as Element | null;
  if (target && typeof target.closest === 'function' && target.closest(OWN_UNDO)) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return undefined;
}
