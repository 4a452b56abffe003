/** Compiler results as data: the IDE, the CLI and the tests read these, never solc's raw JSON. */
export const SOLC_VERSION = '0.8.37' as const;

export interface CompilerSettings {
  evmVersion: 'cancun';
  optimizer: { enabled: boolean; runs: number };
}

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
