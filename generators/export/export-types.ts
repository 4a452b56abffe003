/**
 * What the exports take and give. Exports are pure: they return a file map (relative POSIX path ->
 * text), and the caller writes it (the CLI to a folder, the IDE into a zip), so they run the same
 * in Node, in a worker and in tests.
 */
import type { AppManifest } from '../manifest/app-manifest.js';
import type { CompileResult } from '../compile/compile-types.js';
import type { GenerateOutput } from '../generate-workspace.js';
import type { Workspace } from '../model/workspace.js';

export const EXPORT_FORMATS = ['sources', 'hardhat'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Relative POSIX path -> file content. */
export type ExportedFiles = Record<string, string>;

/** A workspace that generated and compiled without errors: what the IDE deploys. */
export interface CompiledWorkspace {
  workspace: Workspace;
  generated: GenerateOutput;
  compiled: CompileResult;
  manifest: AppManifest;
}

/** JSON as npm and solc tooling write it: two spaces, a final newline. */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
