/** Exports of a compiled workspace as file maps: the sources bundle and the Hardhat 3 project. */
export * from './export-types.js';
export { exportSources, explorerCompilerVersion } from './export-sources.js';
export { exportHardhat, HARDHAT_TEMPLATE } from './export-hardhat.js';

import type { CompiledWorkspace, ExportedFiles, ExportFormat } from './export-types.js';
import { exportSources } from './export-sources.js';
import { exportHardhat } from './export-hardhat.js';

export function exportWorkspace(format: ExportFormat, input: CompiledWorkspace): ExportedFiles {
  return format === 'hardhat' ? exportHardhat(input) : exportSources(input);
}
