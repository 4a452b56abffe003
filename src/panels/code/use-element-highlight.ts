/**
 * Ties the Code panel's editor to the modeler's selection, both ways:
 * - the element selected in the modeler: its process's file is shown, its function(s) get a line
 *   decoration and are scrolled into view (unless the cursor is already there);
 * - the user puts the cursor (click or keys) in a generated function: its element is selected in
 *   the modeler (ui.revealElement), in its process.
 * Programmatic cursor moves (a reveal from the Problems list) do not select anything, so the two
 * directions cannot echo each other. Code that does not match the selection (stale, an element
 * without a function, a process that did not generate) just shows no highlight.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { elementAtLine, lineInRanges, rangesOfElement, type CodeMap } from './element-lines.js';
import { monaco } from './monaco-setup.js';

type Editor = monaco.editor.IStandaloneCodeEditor;

export interface Highlighted {
  elementId: string;
  /** "start-end" of each range, comma separated (for tests and tools). */
  lines: string;
}

export function useElementHighlight(editor: Editor | undefined, activeFile: string | undefined): Highlighted | undefined {
  const selected = useStudio((s) => s.selectedElement);
  const elementLines = useStudio((s) => s.elementLines);
  const processSources = useStudio((s) => s.processSources);
  const { ui } = useStudioActions();
  const map = useMemo<CodeMap>(() => ({ elementLines, processSources }), [elementLines, processSources]);
  const [highlighted, setHighlighted] = useState<Highlighted>();
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection>(undefined);
  /** The selection whose file was last brought to front. */
  const switchedFor = useRef<typeof selected>(undefined);
  // read by the cursor listener, which is registered once per editor
  const latest = useRef({ map, activeFile, selected });
  latest.current = { map, activeFile, selected };

  // modeler -> code
  useEffect(() => {
    if (!editor) return;
    decorations.current ??= editor.createDecorationsCollection();
    const clear = () => {
      decorations.current!.clear();
      setHighlighted(undefined);
    };
    const found = selected && rangesOfElement(map, selected.processId, selected.elementId);
    if (!found) return clear();
    if (found.file !== activeFile) {
      // a new selection shows its process's contract (this effect runs again once it is shown);
      // a tab the user picks afterwards stays
      if (switchedFor.current === selected) return clear();
      switchedFor.current = selected;
      return ui.setActiveSourceFile(found.file);
    }
    switchedFor.current = selected;
    const lineCount = editor.getModel()?.getLineCount() ?? 0;
    const ranges = found.ranges.filter((r) => r.endLine <= lineCount);
    if (ranges.length === 0) return clear();
    decorations.current.set(
      ranges.map((r) => ({
        range: new monaco.Range(r.startLine, 1, r.endLine, 1),
        options: { isWholeLine: true, className: 'cf-element-line', linesDecorationsClassName: 'cf-element-gutter' },
      })),
    );
    const cursor = editor.getPosition();
    if (!cursor || !lineInRanges(ranges, cursor.lineNumber)) editor.revealRangeNearTopIfOutsideViewport(new monaco.Range(ranges[0].startLine, 1, ranges[0].endLine, 1));
    setHighlighted({ elementId: selected.elementId, lines: ranges.map((r) => `${r.startLine}-${r.endLine}`).join(',') });
  }, [editor, selected, map, activeFile, ui]);

  // code -> modeler
  useEffect(() => {
    if (!editor) return;
    const subscription = editor.onDidChangeCursorPosition((e) => {
      if (e.source !== 'mouse' && e.source !== 'keyboard') return;
      const { map, activeFile, selected } = latest.current;
      if (!activeFile) return;
      const hit = elementAtLine(map, activeFile, e.position.lineNumber);
      if (!hit?.processId || (selected?.processId === hit.processId && selected.elementId === hit.elementId)) return;
      ui.revealElement(hit.elementId, hit.processId);
    });
    return () => subscription.dispose();
  }, [editor, ui]);

  return highlighted;
}
