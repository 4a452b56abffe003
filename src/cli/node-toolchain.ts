/**
 * The whole design pipeline in Node: generate, compile with solc, assemble the manifest.
 * The CLI, the tests and the benchmarks go through here, so they exercise what the IDE does.
 */
import {
  assembleManifest, generateWorkspace, hasErrors,
  type AppManifest, type CompileResult, type GenerateOutput, type Problem, type Workspace,
} from '../../generators/index.js';
import { compileSolidity } from '../../generators/compile/solc-node.js';

export interface BuiltWorkspace {
  problems: Problem[];
  generated: GenerateOutput;
  compiled?: CompileResult;
  manifest?: AppManifest;
}

export async function buildWorkspace(workspace: Workspace): Promise<BuiltWorkspace> {
  const generated = await generateWorkspace(workspace);
  const problems = [...generated.problems];
  if (hasErrors(problems)) return { problems, generated };
  const compiled = await compileSolidity(generated.sources);
  for (const d of compiled.diagnostics) {
    if (d.severity === 'info') continue;
    problems.push({ severity: d.severity, message: `solc: ${d.message}`, file: d.file, path: d.line ? `line ${d.line}:${d.column}` : undefined });
  }
  if (!compiled.ok) return { problems, generated, compiled };
  const assembled = assembleManifest(workspace, generated, compiled);
  problems.push(...assembled.problems);
  return { problems, generated, compiled, manifest: assembled.manifest };
}
