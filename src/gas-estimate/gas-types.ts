/**
 * What a gas estimate of a design is: measured by a dry run of the compiled contracts on a
 * throwaway in-memory ledger, driven by the process's conforming paths (generators/testing).
 * Plain data (numbers, strings): it crosses the worker boundary and goes into the store as is.
 */

/** Gas of the runs of one element (min, median, max over every time a path ran it). */
export interface GasFigure {
  min: number;
  median: number;
  max: number;
  /** How many transactions the figure is made of. */
  samples: number;
}

/** One conforming path, start to end, as measured. */
export interface PathGas {
  /** Step names in order ("Order placed → Confirm order → …"). */
  steps: string[];
  /** Gas of the whole instance: creation plus every task, as one user of the process pays it. */
  instanceGas: number;
  /** False when the path waits for a timer: only the steps before it ran (instanceGas is partial). */
  complete: boolean;
}

export interface ProcessGas {
  /** Workspace process id. */
  processId: string;
  contractName: string;
  /** Creation of the process contract (the registry, once per consortium, is apart). */
  deployGas: number;
  /** attachProcess: pushing every member's roles into the process. */
  attachGas: number;
  /** Per element id: the start event (instance creation) and each task. */
  elements: Record<string, GasFigure>;
  paths: PathGas[];
  /** Over the complete paths' instanceGas; absent when no path is complete. */
  perInstance?: GasFigure;
  /** Elements and flows no conforming path reaches ("task Ship goods"). */
  uncovered: string[];
  /** A step that failed on the ledger though the reference interpreter accepts it (a bug to report). */
  failures: string[];
}

export interface GasEstimate {
  registryDeployGas: number;
  processes: ProcessGas[];
  /** Wall-clock time of the dry run. */
  elapsedMs: number;
}

export type GasOutcome =
  | { ok: true; estimate: GasEstimate }
  /** The generator refuses the model: no figures, and why (first problems, located). */
  | { ok: false; refused: string[] };
