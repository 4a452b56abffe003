/**
 * The process designer's own state: the modeler's lint problems per process (bpmnlint with the
 * project's rules, see src/panels/process/lint) and whether the properties panel is open.
 */
import type { Problem } from '../../generators/index.js';
import type { SliceContext } from './store-types.js';

export interface DesignerState {
  /** Process id -> problems of the last lint run of that process in the modeler. */
  lintProblems: Record<string, Problem[]>;
  propertiesOpen: boolean;
}

export const initialDesignerState: DesignerState = {
  lintProblems: {},
  propertiesOpen: true,
};

const sameProblems = (a: Problem[] | undefined, b: Problem[]) =>
  a !== undefined && a.length === b.length && a.every((p, i) => p.message === b[i].message && p.elementId === b[i].elementId && p.severity === b[i].severity && p.file === b[i].file);

export function designerActions({ get, set }: SliceContext) {
  return {
    /** Replaces a process's lint problems; an unchanged list keeps its identity (no re-render). */
    setLintProblems(processId: string, problems: Problem[]): void {
      if (sameProblems(get().lintProblems[processId], problems)) return;
      set((s) => ({ lintProblems: { ...s.lintProblems, [processId]: problems } }));
    },
    toggleProperties(open?: boolean): void {
      set((s) => ({ propertiesOpen: open ?? !s.propertiesOpen }));
    },
  };
}

export type DesignerActions = ReturnType<typeof designerActions>;
