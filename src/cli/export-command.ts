/**
 * `export`: writes the compiled workspace as a sources bundle (default) or a Hardhat 3 project
 * into --out. The folder must be new or empty (or --force given), so an export never overwrites a
 * project someone has worked on. Exit codes as the other commands: 0 written, 1 the model has
 * errors, 2 a bad command line.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatProblem, hasErrors, type Problem } from '../../generators/index.js';
import { EXPORT_FORMATS, exportWorkspace, type ExportFormat } from '../../generators/export/index.js';
import { buildWorkspace } from './node-toolchain.js';
import { readInput } from './read-input.js';

export const EXPORT_USAGE = 'npm run cli -- export <workspace.json | process.bpmn> --out DIR [--format sources|hardhat] [--force] [--json]';

export interface ExportSummary {
  ok: true;
  out: string;
  format: ExportFormat;
  /** Relative paths, sorted. */
  files: string[];
}

/** Checks the flags; a string is what is wrong with them. */
export function exportOptions(flags: Record<string, string | true>): { out: string; format: ExportFormat; force: boolean; json: boolean } | string {
  if (typeof flags.out !== 'string') return 'export needs --out DIR';
  const format = flags.format ?? 'sources';
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) return `--format must be ${EXPORT_FORMATS.join(' or ')}, not "${format === true ? '' : format}"`;
  return { out: flags.out, format: format as ExportFormat, force: flags.force !== undefined, json: flags.json === true };
}

export async function exportCommand(input: string, flags: Record<string, string | true>): Promise<number> {
  const options = exportOptions(flags);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\nusage: ${EXPORT_USAGE}\n`);
    return 2;
  }
  const { out, format, json } = options;
  if (!options.force && existsSync(out) && readdirSync(out).length > 0) {
    process.stderr.write(`${out}: the folder is not empty; export into a new folder, or add --force to overwrite (nothing was written)\n`);
    return 2;
  }
  const read = await readInput(input);
  const built = read.workspace ? await buildWorkspace(read.workspace) : undefined;
  const problems = [...read.problems, ...(built?.problems ?? [])];
  printProblems(problems);
  if (!read.workspace || !built?.manifest || !built.compiled || hasErrors(problems)) {
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, problems }, null, 2)}\n`);
    return 1;
  }
  const files = exportWorkspace(format, { workspace: read.workspace, generated: built.generated, compiled: built.compiled, manifest: built.manifest });
  for (const [path, content] of Object.entries(files)) {
    const target = join(out, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  const summary: ExportSummary = { ok: true, out, format, files: Object.keys(files).sort() };
  if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else process.stdout.write(`exported ${format === 'hardhat' ? 'a Hardhat project' : 'the sources'} of "${read.workspace.name}" into ${out} (${summary.files.length} files)\n`);
  return 0;
}

function printProblems(problems: Problem[]) {
  for (const p of problems) process.stderr.write(`${p.severity === 'warning' ? 'warning: ' : ''}${formatProblem(p)}\n`);
}
