/**
 * The generator pipeline's public face. Pure: no DOM, no React, no bpmn-js; runs in Node, in a
 * worker and in the CLI.
 *
 *   workspace JSON --loadWorkspace--> Workspace --generateWorkspace--> ProcessIR[] + Solidity sources
 *   sources --(solc, outside this package)--> CompileResult --assembleManifest--> AppManifest
 */
export * from './problems.js';
export * from './model/workspace.js';
export * from './ir/process-ir.js';
export * from './manifest/app-manifest.js';
export * from './compile/compile-types.js';
export { loadWorkspace } from './model/load-workspace.js';
export { generateWorkspace, type GenerateOutput } from './generate-workspace.js';
export { assembleManifest } from './manifest/assemble-manifest.js';
export { buildStandardJsonInput, readStandardJsonOutput } from './compile/standard-json.js';
export { checkFieldOptions, formatDecimal, parseDecimal } from './model/field-options.js';
