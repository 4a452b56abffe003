/**
 * The build pipeline in the page: generate Solidity from the workspace, compile it, assemble the
 * app manifest. A run whose workspace was edited meanwhile is dropped (a newer run follows).
 * When a run fails, what the user last saw stays: sources from the last generation that produced
 * any, and the manifest of the last run that compiled.
 */
import { hasErrors } from '../../generators/problems.js';
import type { AppManifest, CompilerDiagnostic, Problem, SourceFile } from '../../generators/index.js';
import { errorMessage, type SliceContext } from './store-types.js';
import type { CompiledWorkspace, ExportedFiles, ExportFormat } from '../../generators/export/export-types.js';
import type { ElementLines } from '../../generators/solidity/print-solidity.js';

export type BuildStatus = 'idle' | 'generating' | 'compiling' | 'ok' | 'failed';

export interface BuildState {
  buildStatus: BuildStatus;
  generatorProblems: Problem[];
  compileDiagnostics: CompilerDiagnostic[];
  /** Sources shown in the Code panel. */
  sources: SourceFile[];
  /** True when the last run produced no sources and `sources` are from an earlier run. */
  sourcesAreStale: boolean;
  /** Per file of `sources` (same run), the lines of the function that implements each BPMN element. */
  elementLines: Record<string, ElementLines[]>;
  /** Process id -> the file of `sources` holding its contract (same run). */
  processSources: Record<string, string>;
  /** Manifest of the last run that compiled without errors, with its design hash. */
  manifest?: AppManifest;
  designHash?: string;
  /** The workspace object the last run (good or not) was made from: equal to `workspace` once the build caught up. */
  builtFrom?: unknown;
  /** An exception from a pipeline step (a bug, or a step not available), as opposed to problems. */
  buildError?: string;
  buildElapsedMs?: number;
}

export const initialBuildState: BuildState = {
  buildStatus: 'idle',
  generatorProblems: [],
  compileDiagnostics: [],
  sources: [],
  sourcesAreStale: false,
  elementLines: {},
  processSources: {},
};

export function buildActions({ get, set, services }: SliceContext) {
  /** What the last good run made, for the developer exports (kept out of state: large, never drawn). */
  let lastGood: CompiledWorkspace | undefined;

  return {
    /**
     * The developer exports of the last good build (sources + ABI + standard JSON input, or a
     * Hardhat 3 project) as a file map.
     */
    async exportFiles(format: ExportFormat): Promise<ExportedFiles> {
      if (!lastGood || get().buildStatus !== 'ok' || get().manifest !== lastGood.manifest) throw new Error('export needs a successful build of the current design');
      if (!services.build.exportFiles) throw new Error('exports are made in the studio');
      return services.build.exportFiles(format, lastGood);
    },

    async run(): Promise<void> {
      const workspace = get().workspace;
      if (!workspace) return;
      const stale = () => get().workspace !== workspace;
      const started = performance.now();
      set({ buildStatus: 'generating', buildError: undefined });
      try {
        const generated = await services.build.generate(workspace);
        if (stale()) return;
        if (hasErrors(generated.problems) || generated.sources.length === 0) {
          set({
            builtFrom: workspace,
            buildStatus: 'failed',
            generatorProblems: generated.problems,
            compileDiagnostics: [],
            sourcesAreStale: get().sources.length > 0,
            buildElapsedMs: performance.now() - started,
          });
          return;
        }
        set({ buildStatus: 'compiling', generatorProblems: generated.problems });
        const compiled = await services.build.compile(generated.sources);
        if (stale()) return;
        const base = {
          generatorProblems: generated.problems,
          compileDiagnostics: compiled.diagnostics,
          sources: generated.sources,
          sourcesAreStale: false,
          elementLines: generated.elementLines ?? {},
          processSources: Object.fromEntries(generated.processes.map((p) => [p.ir.documentId, p.file])),
        };
        if (!compiled.ok) {
          set({ ...base, builtFrom: workspace, buildStatus: 'failed', buildElapsedMs: performance.now() - started });
          return;
        }
        const assembled = await services.build.assemble(workspace, generated, compiled);
        if (stale()) return;
        const manifest = assembled.manifest;
        if (!manifest || hasErrors(assembled.problems)) {
          set({
            ...base,
            builtFrom: workspace,
            generatorProblems: [...generated.problems, ...assembled.problems],
            buildStatus: 'failed',
            buildElapsedMs: performance.now() - started,
          });
          return;
        }
        const hash = await services.build.designHash(manifest);
        if (stale()) return;
        lastGood = { workspace, generated, compiled, manifest };
        set({
          ...base,
          // warnings of the assembly (a contract over the size limit) stay on screen with the build
          generatorProblems: [...generated.problems, ...assembled.problems],
          builtFrom: workspace,
          buildStatus: 'ok',
          manifest,
          designHash: hash,
          buildElapsedMs: performance.now() - started,
        });
      } catch (e) {
        if (stale()) return;
        set({
          builtFrom: workspace,
          buildStatus: 'failed',
          buildError: errorMessage(e),
          sourcesAreStale: get().sources.length > 0,
          buildElapsedMs: performance.now() - started,
        });
      }
    },
  };
}

export type BuildActions = ReturnType<typeof buildActions>;
