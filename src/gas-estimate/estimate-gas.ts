/**
 * The gas estimate of a compiled design (pure engine; Node tests and the gas worker run it): for
 * each process, its conforming paths (generators/testing/conforming-paths.ts, found on the
 * reference interpreter) are run on a throwaway ledger (dry-run.ts). One warm-up instance runs
 * first, because the first instance of a process also pays one-time storage writes no later one
 * pays (the figures are those of the second instance, as bench:gas reports them). A path that
 * waits for a timer runs up to the timer only.
 */
import type { AppManifest, ProcessManifest, Workspace } from '../../generators/index.js';
import { generateWorkspace } from '../../generators/generate-workspace.js';
import { formatProblem, hasErrors } from '../../generators/problems.js';
import { findConformingPaths, type ConformingPath, type PathStep } from '../../generators/testing/conforming-paths.js';
import type { StepResult, TraceStep } from '../cli/run-trace.js';
import { devWallet } from '../cli/dev-keys.js';
import { startDryRun, type DryRun } from './dry-run.js';
import type { GasFigure, GasOutcome, PathGas, ProcessGas } from './gas-types.js';

export interface EstimateOptions {
  /** Asked between paths; when true the estimate stops with a CancelledError. */
  isCancelled?: () => boolean;
  now?: () => number;
}

export class CancelledError extends Error {
  constructor() {
    super('the gas estimate was cancelled');
  }
}

/** min/median/max of gas values (median of an even count: the mean of the middle two, rounded). */
export function figureOf(values: readonly number[]): GasFigure | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2);
  return { min: s[0], median, max: s[s.length - 1], samples: s.length };
}

/**
 * The trace steps of a path in `process`, up to its first timer (runTrace cannot wait for one):
 * choices become the chosen flow's id, nominated and named participants their development address.
 */
export function pathToTrace(process: ProcessManifest, path: ConformingPath): { steps: TraceStep[]; complete: boolean } {
  const steps: TraceStep[] = [];
  for (const step of path.steps) {
    if (step.kind === 'trigger') return { steps, complete: false };
    const choice = step.kind === 'start' ? process.start.choice : process.tasks[step.task]?.choice;
    const data: Record<string, unknown> = { ...step.data };
    for (const [field, participantId] of Object.entries(step.nominees)) data[field] = devWallet(participantId).address;
    const choose = step.choice === undefined || !choice ? undefined : step.choice === 0 ? choice.defaultFlowId : choice.options.find((o) => o.index === step.choice)?.flowId;
    steps.push({ task: step.kind === 'start' ? 'start' : step.elementId, as: step.as, data, ...(choose === undefined ? {} : { choose }) });
  }
  return { steps, complete: true };
}

export async function estimateGas(workspace: Workspace, manifest: AppManifest, options: EstimateOptions = {}): Promise<GasOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const checkCancelled = () => {
    if (options.isCancelled?.()) throw new CancelledError();
  };
  const generated = await generateWorkspace(workspace);
  if (hasErrors(generated.problems)) return { ok: false, refused: generated.problems.filter((p) => p.severity === 'error').slice(0, 5).map(formatProblem) };
  checkCancelled();
  const dry = await startDryRun(workspace, manifest);
  const processes: ProcessGas[] = [];
  for (const { ir } of generated.processes) {
    const process = dry.manifest.processes.find((p) => p.id === ir.documentId);
    if (!process) continue; // generated but not in the manifest: the build is older than the workspace
    checkCancelled();
    const found = findConformingPaths(ir, { participants: dry.manifest.participants.map((p) => ({ id: p.id, roles: p.roles })) });
    processes.push(await measureProcess(dry, process, found.paths, found.uncovered.map((t) => `${t.kind} ${t.label}`), checkCancelled));
  }
  return { ok: true, estimate: { registryDeployGas: dry.registryDeployGas, processes, elapsedMs: Math.round(now() - started) } };
}

async function measureProcess(dry: DryRun, process: ProcessManifest, paths: ConformingPath[], uncovered: string[], checkCancelled: () => void): Promise<ProcessGas> {
  const samples = new Map<string, number[]>();
  const measured: PathGas[] = [];
  const failures: string[] = [];
  const traces = paths.map((path) => ({ path, ...pathToTrace(process, path) }));
  // the warm-up instance: pays the process's one-time storage writes, not counted
  if (traces[0]?.steps.length) await dry.run(process.id, traces[0].steps);
  for (const { path, steps, complete } of traces) {
    checkCancelled();
    if (steps.length === 0) continue;
    const results = await dry.run(process.id, steps);
    const failed = results.find((r) => r.status !== 'ok');
    if (failed) {
      failures.push(`step ${failed.index} "${stepName(path.steps[failed.index - 1])}": ${failed.reason ?? 'reverted'}`);
      continue;
    }
    results.forEach((r, k) => {
      const elementId = k === 0 ? process.start.elementId : steps[k].task;
      samples.set(elementId, [...(samples.get(elementId) ?? []), r.gasUsed!]);
    });
    measured.push({ steps: path.steps.map(stepName), instanceGas: sumGas(results), complete });
  }
  const elements = Object.fromEntries([...samples].map(([id, values]) => [id, figureOf(values)!]));
  const perInstance = figureOf(measured.filter((p) => p.complete).map((p) => p.instanceGas));
  return { processId: process.id, contractName: process.contractName, ...dry.processGas[process.id], elements, paths: measured, ...(perInstance ? { perInstance } : {}), uncovered, failures };
}

const stepName = (s: PathStep | undefined) => (s ? s.name || s.elementId : '?');
const sumGas = (results: StepResult[]) => results.reduce((sum, r) => sum + (r.gasUsed ?? 0), 0);
