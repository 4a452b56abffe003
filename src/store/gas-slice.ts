/**
 * Gas on the diagram: after each good build, a dry run of the compiled design on a throwaway
 * ledger (src/gas-estimate, in its own worker) measures each task, each instance creation and each
 * conforming path. The last figures stay on screen while a new estimate runs (with their age); a
 * design that does not build has no figures, and says why.
 */
import { formatProblem } from '../../generators/problems.js';
import type { AppManifest, Workspace } from '../../generators/index.js';
import type { GasEstimate } from '../gas-estimate/gas-types.js';
import type { SliceContext } from './store-types.js';

export const GAS_STATUSES = ['idle', 'estimating', 'ok', 'refused', 'failed'] as const;
export type GasStatus = (typeof GAS_STATUSES)[number];

export interface GasState {
  gasStatus: GasStatus;
  /** The last figures (kept while a newer estimate runs); none once the design does not build. */
  gasEstimate?: GasEstimate;
  /** When `gasEstimate` was measured (ms since the epoch). */
  gasMeasuredAt?: number;
  /** The compiled design `gasEstimate` is of. */
  gasManifest?: AppManifest;
  /** Why there are no figures: the model's first errors (refused) or what broke (failed). */
  gasReason?: string[];
}

export const initialGasState: GasState = { gasStatus: 'idle' };

export function gasActions({ get, set, services }: SliceContext) {
  return {
    /** Estimates the current build (after a good build), or says why not (after a failed one). */
    async estimate(): Promise<void> {
      const gas = services.gas;
      const { buildStatus, manifest, builtFrom } = get();
      if (!gas) return;
      if (buildStatus === 'failed') {
        gas.cancel();
        set({ gasStatus: 'refused', gasEstimate: undefined, gasManifest: undefined, gasReason: whyNoBuild(get()) });
        return;
      }
      if (buildStatus !== 'ok' || !manifest || !builtFrom) return;
      if (get().gasManifest === manifest && get().gasStatus === 'ok') return;
      set({ gasStatus: 'estimating' });
      const reply = await gas.estimate(builtFrom as Workspace, manifest);
      // a newer build came meanwhile: its own estimate follows
      if (get().manifest !== manifest || reply.type === 'cancelled') return;
      if (reply.type === 'failed') set({ gasStatus: 'failed', gasReason: [reply.error] });
      else if (reply.outcome.ok) set({ gasStatus: 'ok', gasEstimate: reply.outcome.estimate, gasMeasuredAt: Date.now(), gasManifest: manifest, gasReason: undefined });
      else set({ gasStatus: 'refused', gasEstimate: undefined, gasManifest: undefined, gasReason: reply.outcome.refused });
    },
  };
}

function whyNoBuild(s: { generatorProblems: Parameters<typeof formatProblem>[0][]; compileDiagnostics: { severity: string; formatted: string; message: string }[]; buildError?: string }): string[] {
  const model = s.generatorProblems.filter((p) => p.severity === 'error').map(formatProblem);
  const compiler = s.compileDiagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  const reasons = [...model, ...compiler, ...(s.buildError ? [s.buildError] : [])];
  return reasons.length ? reasons.slice(0, 5) : ['the design did not build'];
}

export type GasActions = ReturnType<typeof gasActions>;
