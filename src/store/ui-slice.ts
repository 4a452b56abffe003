/**
 * What the IDE shows: the view, the language, the process and source file in front, problems the
 * modeler reported on import, and requests to reveal a diagram element.
 */
import type { Problem } from '../../generators/index.js';
import type { SliceContext } from './store-types.js';

export const VIEWS = ['participants', 'design', 'deploy', 'app', 'explorer'] as const;
export type View = (typeof VIEWS)[number];

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface RevealRequest {
  processId: string;
  elementId: string;
  /** Makes a repeated request for the same element a new request. */
  nonce: number;
}

export interface UiState {
  view: View;
  language: Language;
  activeProcessId?: string;
  activeSourceFile?: string;
  /** Process id -> warnings and errors of the last BPMN import in the modeler. */
  importProblems: Record<string, Problem[]>;
  reveal?: RevealRequest;
  /** A request to show a generated source file at a line (from a compiler problem). */
  sourceReveal?: { file: string; line?: number; nonce: number };
  problemsOpen: boolean;
  /** The element selected in the modeler (one, or none), so the Code panel can show its function. */
  selectedElement?: { processId: string; elementId: string };
}

export const initialUiState = (language: Language = 'en'): UiState => ({
  view: 'design',
  language,
  importProblems: {},
  problemsOpen: true,
});

export function uiActions({ get, set, services }: SliceContext) {
  let nonce = 0;
  return {
    setView(view: View): void {
      set({ view });
    },
    setLanguage(language: Language): void {
      services.applyLanguage(language);
      set({ language });
    },
    setActiveProcess(processId: string): void {
      set({ activeProcessId: processId });
    },
    setActiveSourceFile(file: string): void {
      set({ activeSourceFile: file });
    },
    toggleProblems(open?: boolean): void {
      set((s) => ({ problemsOpen: open ?? !s.problemsOpen }));
    },
    /** What the modeler reports selected; an unchanged selection keeps its identity (no re-render). */
    setSelectedElement(processId: string, elementId: string | undefined): void {
      const current = get().selectedElement;
      if (elementId === undefined) {
        if (current) set({ selectedElement: undefined });
        return;
      }
      if (current?.processId === processId && current.elementId === elementId) return;
      set({ selectedElement: { processId, elementId } });
    },
    setImportProblems(processId: string, problems: Problem[]): void {
      set((s) => ({ importProblems: { ...s.importProblems, [processId]: problems } }));
    },
    revealSource(file: string, line?: number): void {
      set({ view: 'design', activeSourceFile: file, sourceReveal: { file, line, nonce: ++nonce } });
    },
    /**
     * Shows a BPMN element in the modeler. The process is the one whose file the problem names, or
     * else the one whose XML declares that element id.
     */
    revealElement(elementId: string, processId?: string): void {
      const processes = get().workspace?.processes ?? [];
      const target =
        (processId && processes.find((p) => p.id === processId)) ||
        processes.find((p) => p.bpmn.includes(`id="${elementId}"`));
      if (!target) return;
      set({ view: 'design', activeProcessId: target.id, reveal: { processId: target.id, elementId, nonce: ++nonce } });
    },
  };
}

export type UiActions = ReturnType<typeof uiActions>;
