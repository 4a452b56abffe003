/**
 * Reading a file the user imports (.json or a .zip made by export-workspace.ts) into what a new
 * workspace record needs. Pure and never throws: a file that cannot be imported comes back as
 * problems, each naming the file (`archive.zip/workspace.json`) and the JSON path, and nothing
 * is stored (the caller stores only an `ok` result, always as a new record).
 */
import { strFromU8, unzipSync } from 'fflate';
import { loadWorkspace } from '../../generators/model/load-workspace.js';
import type { Workspace } from '../../generators/index.js';
import { error, type Problem } from '../../generators/problems.js';
import { ARCHIVE_FORMAT, ARCHIVE_INDEX, ARCHIVE_WORKSPACE, type ArchiveIndex } from './export-workspace.js';
import { BUNDLED_NETWORK_ID, type SavedDeployment } from './studio-db.js';
import type { RecordExtras } from './workspace-repository.js';

export type ImportResult =
  | { ok: true; json: string; workspace: Workspace; extras: RecordExtras; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Archives beyond this (uncompressed) are refused before anything is inflated. */
export const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;

const fail = (problems: Problem[]): ImportResult => ({ ok: false, problems });

export function readImport(fileName: string, bytes: Uint8Array): ImportResult {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.zip')) return readArchive(fileName, bytes);
  if (lower.endsWith('.json')) return readJsonWorkspace(fileName, decode(bytes));
  return fail([error('only a workspace .json or a .zip exported by ChainFlow Studio can be imported', { file: fileName })]);
}

function decode(bytes: Uint8Array): string {
  // a byte order mark some editors write is not part of the JSON
  return strFromU8(bytes).replace(/^\uFEFF/, '');
}

function parseJson(text: string, file: string): { value?: unknown; problems: Problem[] } {
  try {
    return { value: JSON.parse(text), problems: [] };
  } catch (e) {
    return { problems: [error(`not valid JSON: ${(e as Error).message}`, { file, path: '$' })] };
  }
}

function readJsonWorkspace(file: string, text: string, bpmnFiles: Map<string, string> = new Map()): ImportResult {
  const parsed = parseJson(text, file);
  if (parsed.problems.length) return fail(parsed.problems);
  const loaded = loadWorkspace(parsed.value, file);
  if (!loaded.workspace) return fail(loaded.problems);
  if (!bpmnFiles.size) return { ok: true, json: text, workspace: loaded.workspace, extras: {}, problems: loaded.problems };
  const workspace: Workspace = {
    ...loaded.workspace,
    processes: loaded.workspace.processes.map((p) => (bpmnFiles.has(p.id) ? { ...p, bpmn: bpmnFiles.get(p.id)! } : p)),
  };
  return { ok: true, json: JSON.stringify(workspace, null, 2), workspace, extras: {}, problems: loaded.problems };
}

function readArchive(zipName: string, bytes: Uint8Array): ImportResult {
  let entries: Record<string, Uint8Array>;
  let total = 0;
  try {
    entries = unzipSync(bytes, { filter: (f) => (total += f.originalSize) <= MAX_ARCHIVE_BYTES && !f.name.endsWith('/') });
  } catch (e) {
    return fail([error(`not a readable .zip archive: ${(e as Error).message}`, { file: zipName })]);
  }
  if (total > MAX_ARCHIVE_BYTES) return fail([error(`the archive unpacks to more than ${MAX_ARCHIVE_BYTES / 2 ** 20} MB`, { file: zipName })]);
  const at = (entry: string) => `${zipName}/${entry}`;
  const text = (entry: string) => decode(entries[entry]);

  const problems: Problem[] = [];
  let index: ArchiveIndex | undefined;
  if (entries[ARCHIVE_INDEX]) {
    const parsed = parseJson(text(ARCHIVE_INDEX), at(ARCHIVE_INDEX));
    problems.push(...parsed.problems);
    if (parsed.value !== undefined) index = checkIndex(parsed.value, at(ARCHIVE_INDEX), entries, problems);
  }
  const workspaceEntry = index?.workspace ?? ARCHIVE_WORKSPACE;
  if (!entries[workspaceEntry]) problems.push(error(`the archive has no ${workspaceEntry}`, { file: zipName }));
  if (problems.length) return fail(problems);

  const bpmnFiles = new Map((index?.processes ?? []).map((p) => [p.id, text(p.file)]));
  const result = readJsonWorkspace(at(workspaceEntry), text(workspaceEntry), bpmnFiles);
  if (!result.ok) return result;
  index?.processes.forEach((p, i) => {
    if (!result.workspace.processes.some((w) => w.id === p.id))
      problems.push(error(`process "${p.id}" is not in ${workspaceEntry}`, { file: at(ARCHIVE_INDEX), path: `processes[${i}].id` }));
  });

  const extras: RecordExtras = {};
  for (const d of index?.deployments ?? []) {
    const parsed = parseJson(text(d.file), at(d.file));
    problems.push(...parsed.problems);
    if (parsed.value === undefined) continue;
    const deployment = checkDeployment(parsed.value, at(d.file), problems);
    if (!deployment) continue;
    if (d.status === 'partial') extras.partialDeployments = { ...extras.partialDeployments, [d.networkId]: deployment };
    else if (d.networkId === BUNDLED_NETWORK_ID) extras.deployment = deployment;
    else extras.deployments = { ...extras.deployments, [d.networkId]: deployment };
  }
  if (index?.networkId) extras.networkId = index.networkId;
  if (problems.length) return fail(problems);
  return { ...result, extras };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkIndex(value: unknown, file: string, entries: Record<string, Uint8Array>, problems: Problem[]): ArchiveIndex | undefined {
  const before = problems.length;
  const report = (path: string, message: string) => problems.push(error(message, { file, path }));
  if (!isObject(value)) return void report('$', 'must be a JSON object');
  if (value.format !== ARCHIVE_FORMAT) report('format', `must be "${ARCHIVE_FORMAT}"; got ${JSON.stringify(value.format)}`);
  if (value.version !== 1) report('version', `unsupported version ${JSON.stringify(value.version)}; this version reads 1`);
  if (value.workspace !== undefined && typeof value.workspace !== 'string') report('workspace', 'must name a file of the archive');
  const fileOf = (item: unknown, path: string) => {
    if (!isObject(item)) return void report(path, 'must be an object');
    if (typeof item.file !== 'string') report(`${path}.file`, 'must name a file of the archive');
    else if (!entries[item.file]) report(`${path}.file`, `"${item.file}" is not in the archive`);
    return item;
  };
  for (const key of ['processes', 'deployments'] as const) {
    if (!Array.isArray(value[key])) {
      report(key, 'must be a list');
      continue;
    }
    (value[key] as unknown[]).forEach((item, i) => {
      const entry = fileOf(item, `${key}[${i}]`);
      if (!entry) return;
      if (key === 'processes' && typeof entry.id !== 'string') report(`${key}[${i}].id`, 'must be a process id');
      if (key === 'deployments') {
        if (typeof entry.networkId !== 'string' || !entry.networkId) report(`${key}[${i}].networkId`, 'must be a network id');
        if (entry.status !== 'complete' && entry.status !== 'partial') report(`${key}[${i}].status`, 'must be "complete" or "partial"');
      }
    });
  }
  return problems.length === before ? (value as unknown as ArchiveIndex) : undefined;
}

/** Enough of a deployment to show and use it: the record's network and registry, and a manifest. */
function checkDeployment(value: unknown, file: string, problems: Problem[]): SavedDeployment | undefined {
  const before = problems.length;
  const report = (path: string, message: string) => problems.push(error(message, { file, path }));
  if (!isObject(value)) return void report('$', 'must be a JSON object with "record" and "manifest"');
  const { record, manifest } = value;
  if (!isObject(record)) report('record', 'must be a deployment record');
  else {
    if (typeof record.network !== 'string') report('record.network', 'must name the network');
    if (!isObject(record.registry) || typeof record.registry.address !== 'string') report('record.registry.address', 'must be the registry address');
  }
  if (!isObject(manifest) || !Array.isArray(manifest.processes)) report('manifest', 'must be the app manifest deployed');
  return problems.length === before ? (value as unknown as SavedDeployment) : undefined;
}
