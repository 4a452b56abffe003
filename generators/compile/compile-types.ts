/** Compiler results as data: the IDE, the CLI and the tests read these, never solc's raw JSON. */
export const SOLC_VERSION = '0.8.37' as const;

export interface CompilerSettings {
  evmVersion: 'cancun';
  optimizer: { enabled: boolean; runs: number };
  /** Compile through the IR pipeline (solc's viaIR); absent: the legacy pipeline. */
  viaIR?: boolean;
}

/**
 * Legacy pipeline, optimizer 200 runs: measured on every bench:gas row (bench/gas-benchmarks.ts,
 * COMPILER_SETTINGS_MEASURED) against runs 1 and 1000 and viaIR. viaIR deploys up to 15% cheaper
 * and runs instances 0.3-0.6% cheaper, but compiles 3.5-5x slower, which the IDE pays on every
 * edit; runs 1 saves at most 1.4% of deployment for up to 0.3% more per instance, runs 1000
 * costs 7-11% more deployment for under 0.05% less per instance.
 */
export const DEFAULT_COMPILER_SETTINGS: CompilerSettings = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
};

export interface SourceFile {
  /** File name, e.g. `OrderFulfilment.sol`. */
  file: string;
  content: string;
}

export interface CompilerDiagnostic {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** solc's formatted message with the source excerpt. */
  formatted: string;
  file?: string;
  /** 1-based line and column of the start of the problem in the generated source. */
  line?: number;
  column?: number;
  errorCode?: string;
}

export interface CompiledContract {
  abi: unknown[];
  /** 0x-prefixed creation bytecode. */
  bytecode: string;
  deployedBytecode: string;
}

export interface CompileResult {
  ok: boolean;
  diagnostics: CompilerDiagnostic[];
  /** file -> contract name -> artifact. */
  contracts: Record<string, Record<string, CompiledContract>>;
  compilerVersion: string;
  settings: CompilerSettings;
  /** Wall time of the compile call, in milliseconds. */
  elapsedMs: number;
}
