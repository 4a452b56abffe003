/**
 * Selectors, defined once at module level so components re-render only when what they read
 * changes. Selectors that derive new arrays or objects are memoized on their inputs.
 */
import type { CompilerDiagnostic, Problem } from '../../generators/index.js';
import type { InstanceState } from '../chain/chain-api.js';
import type { StudioState } from './store-types.js';
import { mergeDuplicateProblems } from './merge-problems.js';

/** Memoizes `combine` on the identity of what `inputs` picks from the state. */
function memo<I extends unknown[], R>(inputs: (s: StudioState) => [...I], combine: (...args: I) => R) {
  let last: { args: I; result: R } | undefined;
  return (s: StudioState): R => {
    const args = inputs(s);
    if (last && args.length === last.args.length && args.every((a, i) => Object.is(a, last!.args[i]))) return last.result;
    last = { args, result: combine(...args) };
    return last.result;
  };
}

export const selectWorkspace = (s: StudioState) => s.workspace;
export const selectWorkspaceStatus = (s: StudioState) => s.workspaceStatus;
export const selectSaveState = (s: StudioState) => s.saveState;
export const selectView = (s: StudioState) => s.view;
export const selectLanguage = (s: StudioState) => s.language;
export const selectBuildStatus = (s: StudioState) => s.buildStatus;
export const selectSources = (s: StudioState) => s.sources;
export const selectDeployment = (s: StudioState) => s.deployment;

export const selectProcesses = (s: StudioState) => s.workspace?.processes;
/** The process in front: the chosen one while it exists (an undo may remove it), else the first. */
export const selectActiveProcessId = (s: StudioState) => {
  const processes = s.workspace?.processes;
  return processes?.some((p) => p.id === s.activeProcessId) ? s.activeProcessId : processes?.[0]?.id;
};
export const selectActiveSourceFile = (s: StudioState) =>
  s.sources.some((f) => f.file === s.activeSourceFile) ? s.activeSourceFile : s.sources[0]?.file;

/**
 * The file name the generator gives a process (generators' processFileName, checked equal in
 * process-edits.test.ts): repeated here because the standalone app uses these selectors and must
 * not load the generator.
 */
export function processFile(document: { id: string; name: string }, index: number): string {
  return `processes[${index}] ${document.name || document.id}.bpmn`;
}

/** One row of the Problems list, whatever step found it. */
export interface ProblemRow {
  source: 'workspace' | 'diagram' | 'lint' | 'generator' | 'compiler' | 'build';
  severity: 'error' | 'warning' | 'info';
  message: string;
  file?: string;
  elementId?: string;
  path?: string;
  line?: number;
  column?: number;
  processId?: string;
  /** A stable code of what the problem means (e.g. the lint rule), used to merge duplicates. */
  code?: string;
  /** Other steps that reported the same problem (merge-problems.ts). */
  alsoFrom?: ProblemRow['source'][];
}

const fromProblem = (source: ProblemRow['source'], processId?: string) => (p: Problem): ProblemRow => ({
  source,
  severity: p.severity,
  message: p.message,
  file: p.file,
  elementId: p.elementId,
  path: p.path,
  processId,
});

const fromDiagnostic = (d: CompilerDiagnostic): ProblemRow => ({
  source: 'compiler',
  severity: d.severity,
  message: d.message,
  file: d.file,
  line: d.line,
  column: d.column,
});

export const selectProblemRows = memo(
  (s: StudioState) => [s.loadProblems, s.importProblems, s.lintProblems, s.generatorProblems, s.compileDiagnostics, s.buildError, s.workspace?.processes],
  (load, imports, lint, generator, compiler, buildError, processes): ProblemRow[] => {
    // the modeler's problems are per process: a removed process has none, and a renamed or
    // moved one's are under its file name of now
    const ofProcesses = (source: ProblemRow['source'], byProcess: Record<string, Problem[]>) =>
      Object.entries(byProcess).flatMap(([processId, list]) => {
        const index = processes?.findIndex((p) => p.id === processId) ?? -1;
        if (index < 0) return [];
        const file = processFile(processes![index], index);
        return list.map((p) => ({ ...fromProblem(source, processId)(p), file }));
      });
    // the same problem found by lint and by the generator is listed once
    return mergeDuplicateProblems([
      ...(buildError ? [{ source: 'build', severity: 'error', message: buildError } as ProblemRow] : []),
      ...load.map(fromProblem('workspace')),
      ...ofProcesses('diagram', imports),
      ...ofProcesses('lint', lint),
      ...generator.map(fromProblem('generator')),
      ...compiler.map(fromDiagnostic),
    ]);
  },
);

export const selectProblemCounts = memo(
  (s: StudioState) => [selectProblemRows(s)],
  (rows) => ({
    errors: rows.filter((r) => r.severity === 'error').length,
    warnings: rows.filter((r) => r.severity === 'warning').length,
  }),
);

/** The participant the app panel acts as: the chosen one, else the first of the deployed manifest. */
export const selectActingParticipant = memo(
  (s: StudioState) => [s.actingParticipantId, s.deployment, s.workspace],
  (id, deployment, workspace) => {
    const list = deployment?.manifest.participants ?? workspace?.participants ?? [];
    return list.find((p) => p.id === id) ?? list[0];
  },
);

/**
 * Whether what is deployed differs from the current design: other sources, or other members
 * (participants, their roles, organizations or addresses) than the registry was deployed with.
 */
export const selectDeploymentOutdated = memo(
  (s: StudioState) => [s.deployment, s.manifest, s.designHash],
  (deployment, manifest, hash) => {
    if (!deployment || !manifest || !hash) return false;
    if (deployment.record.sourceHash !== hash) return true;
    const members = (m: typeof manifest) =>
      JSON.stringify(m.participants.map((p) => [p.id, p.address, p.organization, [...p.roles].sort()]));
    return members(deployment.manifest) !== members(manifest);
  },
);

/** An enabled task the acting participant may do, with the instance it belongs to. */
export interface WorkItem {
  processId: string;
  instance: InstanceState;
  task: InstanceState['enabledTasks'][number];
}

/** A task of a role bound in this instance is only for the bound participant; unbound, for every holder. */
export function mayDoBound(bound: Record<number, string> | undefined, binding: number | undefined, address: string | undefined): boolean {
  if (binding === undefined) return true;
  const who = bound?.[binding];
  return who === undefined || (address !== undefined && who.toLowerCase() === address.toLowerCase());
}

export const selectWorkList = memo(
  (s: StudioState) => [s.instances, selectActingParticipant(s)],
  (instances, participant): WorkItem[] => {
    if (!participant) return [];
    return Object.entries(instances).flatMap(([processId, list]) =>
      list
        .filter((i) => !i.ended)
        .flatMap((instance) =>
          instance.enabledTasks
            .filter((task) => participant.roles.includes(task.role) && mayDoBound(instance.bound, task.binding, participant.address))
            .map((task) => ({ processId, instance, task })),
        ),
    );
  },
);
