/**
 * solc's standard JSON in and out, as pure data mapping: no solc, no DOM, no Node. The browser
 * worker and the Node facade both go through here, so a CompileResult means the same everywhere.
 */
import {
  DEFAULT_COMPILER_SETTINGS,
  type CompiledContract,
  type CompileResult,
  type CompilerDiagnostic,
  type CompilerSettings,
  type SourceFile,
} from './compile-types.js';
import { byteOffsetToLineColumn } from './source-position.js';

/** Only what the IDE and the ledger use: every extra output (AST, metadata, gas estimates) costs compile time. */
export const CONTRACT_OUTPUTS = ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] as const;

export interface CompileMeta {
  compilerVersion: string;
  settings: CompilerSettings;
  elapsedMs: number;
}

export function buildStandardJsonInput(
  sources: readonly SourceFile[],
  settings: CompilerSettings = DEFAULT_COMPILER_SETTINGS,
): object {
  const sourceMap: Record<string, { content: string }> = {};
  for (const source of sources) sourceMap[source.file] = { content: source.content };
  return {
    language: 'Solidity',
    sources: sourceMap,
    settings: {
      evmVersion: settings.evmVersion,
      optimizer: { enabled: settings.optimizer.enabled, runs: settings.optimizer.runs },
      ...(settings.viaIR ? { viaIR: true } : {}),
      outputSelection: { '*': { '*': [...CONTRACT_OUTPUTS] } },
    },
  };
}

/**
 * Maps solc's parsed standard JSON output to a CompileResult. Never throws: output that is not
 * what solc promises becomes an error diagnostic. `ok` is true when there is no error diagnostic.
 */
export function readStandardJsonOutput(
  output: unknown,
  sources: readonly SourceFile[],
  meta: CompileMeta,
): CompileResult {
  if (!isRecord(output)) {
    return compilerFailureResult('solc returned no standard JSON output object', meta);
  }
  const contents = new Map(sources.map((s) => [s.file, s.content]));
  const errors = Array.isArray(output.errors) ? output.errors : [];
  const diagnostics = errors.map((e) => readDiagnostic(e, contents));
  const contracts = readContracts(output.contracts);
  return {
    ok: !diagnostics.some((d) => d.severity === 'error'),
    diagnostics,
    contracts,
    compilerVersion: meta.compilerVersion,
    settings: meta.settings,
    elapsedMs: meta.elapsedMs,
  };
}

/** A compile that did not run (solc crashed, did not load, timed out), as data the UI can show. */
export function compilerFailureResult(message: string, meta: CompileMeta): CompileResult {
  return {
    ok: false,
    diagnostics: [{ severity: 'error', message, formatted: message }],
    contracts: {},
    compilerVersion: meta.compilerVersion,
    settings: meta.settings,
    elapsedMs: meta.elapsedMs,
  };
}

function readDiagnostic(raw: unknown, contents: ReadonlyMap<string, string>): CompilerDiagnostic {
  const e = isRecord(raw) ? raw : {};
  const severity = e.severity === 'warning' || e.severity === 'info' ? e.severity : 'error';
  const text = typeof e.message === 'string' ? e.message : 'solc reported a problem without a message';
  // solc's type says which phase failed (ParserError, TypeError, ...); for warnings it is just "Warning".
  const type = typeof e.type === 'string' && e.type !== 'Warning' && e.type !== 'Info' ? e.type : undefined;
  const message = type ? `${type}: ${text}` : text;
  const diagnostic: CompilerDiagnostic = {
    severity,
    message,
    formatted: typeof e.formattedMessage === 'string' ? e.formattedMessage : message,
  };
  if (typeof e.errorCode === 'string') diagnostic.errorCode = e.errorCode;
  const location = isRecord(e.sourceLocation) ? e.sourceLocation : undefined;
  if (location && typeof location.file === 'string') {
    diagnostic.file = location.file;
    const content = contents.get(location.file);
    const position =
      content !== undefined && typeof location.start === 'number'
        ? byteOffsetToLineColumn(content, location.start)
        : undefined;
    if (position) {
      diagnostic.line = position.line;
      diagnostic.column = position.column;
    }
  }
  return diagnostic;
}

function readContracts(raw: unknown): CompileResult['contracts'] {
  const contracts: CompileResult['contracts'] = {};
  if (!isRecord(raw)) return contracts;
  for (const [file, byName] of Object.entries(raw)) {
    if (!isRecord(byName)) continue;
    const artifacts: Record<string, CompiledContract> = {};
    for (const [name, artifact] of Object.entries(byName)) {
      if (!isRecord(artifact)) continue;
      const evm = isRecord(artifact.evm) ? artifact.evm : {};
      artifacts[name] = {
        abi: Array.isArray(artifact.abi) ? artifact.abi : [],
        bytecode: hexPrefixed(isRecord(evm.bytecode) ? evm.bytecode.object : undefined),
        deployedBytecode: hexPrefixed(isRecord(evm.deployedBytecode) ? evm.deployedBytecode.object : undefined),
      };
    }
    contracts[file] = artifacts;
  }
  return contracts;
}

/** solc gives bare hex ('' for interfaces and abstract contracts); ethers and the ledger want 0x. */
function hexPrefixed(object: unknown): string {
  const hex = typeof object === 'string' ? object : '';
  return hex.startsWith('0x') ? hex : `0x${hex}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
