/**
 * The Code panel: generated Solidity in a read-only Monaco editor, one tab per file, with the
 * compiler's diagnostics as markers. Loaded lazily with Monaco. It follows the modeler: the
 * selected element's function is shown and highlighted (use-element-highlight.ts), and putting
 * the cursor in a generated function selects its element in the modeler.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompilerDiagnostic, SourceFile } from '../../../generators/index.js';
import { selectActiveSourceFile, selectBuildStatus, selectSources } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { monaco } from './monaco-setup.js';
import { SOLIDITY_LANGUAGE_ID } from './solidity-language.js';
import { useElementHighlight } from './use-element-highlight.js';
import './code-panel.css';

type Editor = monaco.editor.IStandaloneCodeEditor;
type Model = monaco.editor.ITextModel;

export default function CodePanel({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  const sources = useStudio(selectSources);
  const activeFile = useStudio(selectActiveSourceFile);
  const diagnostics = useStudio((s) => s.compileDiagnostics);
  const stale = useStudio((s) => s.sourcesAreStale);
  const status = useStudio(selectBuildStatus);
  const reveal = useStudio((s) => s.sourceReveal);
  const { ui } = useStudioActions();
  const containerRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor>();
  const models = useRef(new Map<string, Model>());
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const shownFile = useRef<string>(undefined);

  useEffect(() => {
    const created = monaco.editor.create(containerRef.current!, {
      model: null,
      readOnly: true,
      readOnlyMessage: { value: t('code.readOnly') },
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12.5,
      lineHeight: 19,
      scrollBeyondLastLine: false,
      renderLineHighlight: 'none',
      theme: 'vs',
    });
    setEditor(created);
    const owned = models.current;
    return () => {
      created.dispose();
      owned.forEach((m) => m.dispose());
      owned.clear();
    };
    // the read-only message is set again below when the language changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    editor?.updateOptions({ readOnlyMessage: { value: t('code.readOnly') } });
  }, [editor, t]);

  useEffect(() => syncModels(models.current, sources), [sources]);

  useEffect(() => {
    if (!editor) return;
    if (shownFile.current) viewStates.current.set(shownFile.current, editor.saveViewState());
    const model = activeFile ? models.current.get(activeFile) : undefined;
    if (editor.getModel() !== (model ?? null)) {
      editor.setModel(model ?? null);
      const saved = activeFile ? viewStates.current.get(activeFile) : undefined;
      if (saved) editor.restoreViewState(saved);
    }
    shownFile.current = activeFile;
  }, [editor, activeFile, sources]);

  useEffect(() => {
    for (const [file, model] of models.current) monaco.editor.setModelMarkers(model, 'solc', toMarkers(model, file, diagnostics));
  }, [diagnostics, sources]);

  useEffect(() => {
    if (!editor || !reveal?.line || reveal.file !== activeFile) return;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: 1 });
    editor.focus();
  }, [editor, reveal, activeFile]);

  useEffect(() => {
    if (visible) editor?.layout();
  }, [visible, editor]);

  const highlighted = useElementHighlight(editor, activeFile);

  const countFor = (file: string) => diagnostics.filter((d) => d.file === file && d.severity === 'error').length;

  return (
    <div className="code-panel">
      <header className="panel-header">
        <h2>{t('code.title')}</h2>
        <div className="tabs" role="tablist">
          {sources.map((f) => (
            <button
              key={f.file}
              type="button"
              role="tab"
              aria-selected={f.file === activeFile}
              className={`tab${f.file === activeFile ? ' is-active' : ''}`}
              data-testid={`code-tab-${f.file}`}
              onClick={() => ui.setActiveSourceFile(f.file)}
            >
              {f.file}
              {countFor(f.file) > 0 && <span className="tab-badge">{countFor(f.file)}</span>}
            </button>
          ))}
        </div>
      </header>
      {stale && (
        <p className="panel-banner is-warning" data-testid="code-stale">
          {t('code.stale')}
        </p>
      )}
      {sources.length === 0 && (
        <p className="empty-note" data-testid="code-empty">
          {status === 'generating' || status === 'compiling' || status === 'idle' ? t('code.generating') : t('code.none')}
        </p>
      )}
      <div
        className="code-container"
        ref={containerRef}
        data-testid="code-editor"
        data-file={activeFile}
        data-highlighted-element={highlighted?.elementId}
        data-highlighted-lines={highlighted?.lines}
      />
    </div>
  );
}

/** Keeps one model per source file: creates, updates in place (keeps scroll), disposes removed. */
function syncModels(models: Map<string, Model>, sources: SourceFile[]): void {
  const files = new Set(sources.map((s) => s.file));
  for (const [file, model] of models) {
    if (!files.has(file)) {
      model.dispose();
      models.delete(file);
    }
  }
  for (const source of sources) {
    const model = models.get(source.file);
    if (!model) {
      const uri = monaco.Uri.parse(`file:///generated/${encodeURIComponent(source.file)}`);
      monaco.editor.getModel(uri)?.dispose();
      models.set(source.file, monaco.editor.createModel(source.content, SOLIDITY_LANGUAGE_ID, uri));
    } else if (model.getValue() !== source.content) {
      model.setValue(source.content);
    }
  }
}

function toMarkers(model: Model, file: string, diagnostics: CompilerDiagnostic[]): monaco.editor.IMarkerData[] {
  const lines = model.getLineCount();
  return diagnostics
    .filter((d) => d.file === file)
    .map((d) => {
      const line = Math.min(Math.max(d.line ?? 1, 1), lines);
      const column = Math.max(d.column ?? 1, 1);
      return {
        severity:
          d.severity === 'error'
            ? monaco.MarkerSeverity.Error
            : d.severity === 'warning'
              ? monaco.MarkerSeverity.Warning
              : monaco.MarkerSeverity.Info,
        message: d.message,
        code: d.errorCode,
        startLineNumber: line,
        startColumn: column,
        endLineNumber: line,
        endColumn: model.getLineMaxColumn(line),
        source: 'solc',
      };
    });
}
