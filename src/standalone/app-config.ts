/**
 * The exported app's config.json (written by "Export app", read by the standalone runtime):
 * what was deployed (manifest + deployment record) and where (the network's JSON-RPC URL, chain
 * id and name). Parsing never throws: problems come back as data with the JSON path they are at.
 * Pure; runs in Node tests and the browser.
 */
// the manifest module itself, not the generators barrel: that would pull the generator into the app
import { MANIFEST_VERSION, type AppManifest, type DeploymentRecord } from '../../generators/manifest/app-manifest.js';
import type { ViewPermissions } from '../store/view-permissions.js';

export const APP_CONFIG_VERSION = 1 as const;
export const APP_CONFIG_FILE = 'config.json';

export interface AppConfig {
  configVersion: typeof APP_CONFIG_VERSION;
  manifest: AppManifest;
  deployment: DeploymentRecord;
  /** The consortium node's JSON-RPC endpoint; empty when the deployment has none (bundled ledger). */
  rpcUrl: string;
  chainId: number;
  networkName: string;
  /** ISO time of the export, for the README and the settings screen. */
  exportedAt: string;
  /** A copy of the bundled ledger shipped in the zip (a chain export file), to run the app on. */
  ledgerCopy?: LedgerCopyInfo;
  /** Participants' keystore v3 files shipped in the zip (encrypted, never plaintext), by participant id. */
  keyFiles?: Record<string, string>;
  /**
   * Who may read which data and which processes each regulator regulates, as the workspace said at
   * export (docs/consortium-permissions.md): the app hides what the IDE's app hides. Absent (an
   * export made before it existed): every field shown, regulators see every process.
   */
  viewPermissions?: ViewPermissions;
}

export interface LedgerCopyInfo {
  /** Path of the chain export file in the zip, relative to index.html. */
  file: string;
  blocks: number;
  head: string;
  sha256: string;
}

/** Where the ledger copy and key files go in the zip. */
export const LEDGER_COPY_FILE = 'ledger/chain.ndjson';
export const keyFilePath = (participantId: string) => `keys/${encodeURIComponent(participantId)}.json`;

export interface ConfigProblem {
  path: string;
  message: string;
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] };

/** The config of a deployment, as "Export app" writes it. */
export function appConfigFor(
  manifest: AppManifest,
  deployment: DeploymentRecord,
  network: { rpcUrl?: string; name?: string },
  now: Date = new Date(),
  viewPermissions?: ViewPermissions,
): AppConfig {
  return {
    ...(viewPermissions ? { viewPermissions } : {}),
    configVersion: APP_CONFIG_VERSION,
    manifest,
    deployment,
    rpcUrl: network.rpcUrl ?? '',
    chainId: deployment.chainId,
    networkName: network.name ?? deployment.network,
    exportedAt: now.toISOString(),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAddress = (v: unknown) => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v);

/** Checks config.json text: every process of the manifest must have a deployed address on the config's chain. */
export function parseAppConfig(text: string): ConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `config.json is not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const problems: ConfigProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(value)) return { ok: false, problems: [{ path: '', message: 'config.json must hold an object' }] };
  if (value.configVersion !== APP_CONFIG_VERSION) problem('configVersion', `must be ${APP_CONFIG_VERSION} (this app reads version ${APP_CONFIG_VERSION} only)`);
  if (typeof value.rpcUrl !== 'string') problem('rpcUrl', 'must be a string (may be empty)');
  if (!Number.isSafeInteger(value.chainId) || (value.chainId as number) <= 0) problem('chainId', 'must be a positive whole number');
  if (typeof value.networkName !== 'string') problem('networkName', 'must be a string');

  const manifest = value.manifest;
  if (!isObject(manifest)) problem('manifest', 'is missing');
  else {
    if (manifest.manifestVersion !== MANIFEST_VERSION) problem('manifest.manifestVersion', `must be ${MANIFEST_VERSION}`);
    for (const key of ['processes', 'participants', 'roles', 'organizations'] as const)
      if (!Array.isArray(manifest[key])) problem(`manifest.${key}`, 'must be a list');
    if (!isObject(manifest.registry)) problem('manifest.registry', 'is missing');
  }
  const deployment = value.deployment;
  if (!isObject(deployment)) problem('deployment', 'is missing');
  else {
    if (!isObject(deployment.registry) || !isAddress(deployment.registry.address)) problem('deployment.registry.address', 'must be a contract address');
    if (deployment.chainId !== value.chainId) problem('deployment.chainId', `is ${String(deployment.chainId)}, but chainId is ${String(value.chainId)}`);
    const deployed = isObject(deployment.processes) ? deployment.processes : {};
    if (isObject(manifest) && Array.isArray(manifest.processes)) {
      for (const p of manifest.processes as { id?: unknown }[]) {
        const at = deployed[String(p.id)];
        if (!isObject(at) || !isAddress(at.address)) problem(`deployment.processes.${String(p.id)}.address`, `process "${String(p.id)}" has no deployed address`);
      }
    }
  }
  const relative = (v: unknown) => typeof v === 'string' && v !== '' && !/^([a-z]+:|\/)|\.\./i.test(v);
  if (value.ledgerCopy !== undefined) {
    const copy = value.ledgerCopy;
    if (!isObject(copy)) problem('ledgerCopy', 'must be an object');
    else {
      if (!relative(copy.file)) problem('ledgerCopy.file', 'must be a path inside the app folder');
      if (!Number.isSafeInteger(copy.blocks) || (copy.blocks as number) < 1) problem('ledgerCopy.blocks', 'must be a positive whole number');
      if (typeof copy.sha256 !== 'string' || typeof copy.head !== 'string') problem('ledgerCopy', 'must hold head and sha256');
    }
  }
  if (value.keyFiles !== undefined) {
    if (!isObject(value.keyFiles)) problem('keyFiles', 'must map participant ids to key file paths');
    else for (const [id, path] of Object.entries(value.keyFiles)) if (!relative(path)) problem(`keyFiles.${id}`, 'must be a path inside the app folder');
  }
  if (value.viewPermissions !== undefined) checkViewPermissions(value.viewPermissions, problem);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: value as unknown as AppConfig };
}

function checkViewPermissions(value: unknown, problem: (path: string, message: string) => void) {
  if (!isObject(value)) return problem('viewPermissions', 'must be an object');
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (value.dataAssets !== undefined) {
    if (!Array.isArray(value.dataAssets)) problem('viewPermissions.dataAssets', 'must be a list');
    else
      value.dataAssets.forEach((a, i) => {
        const at = `viewPermissions.dataAssets[${i}]`;
        if (!isObject(a) || typeof a.id !== 'string' || typeof a.kind !== 'string') return problem(at, 'must be a data asset with an id and a kind');
        if (a.fields !== undefined && !strings(a.fields)) problem(`${at}.fields`, 'must be a list of field names');
        if (a.readers !== undefined && (!isObject(a.readers) || (a.readers.roles !== undefined && !strings(a.readers.roles)) || (a.readers.participants !== undefined && !strings(a.readers.participants))))
          problem(`${at}.readers`, 'must hold lists of role and participant ids');
      });
  }
  if (value.regulates !== undefined) {
    if (!isObject(value.regulates)) problem('viewPermissions.regulates', 'must map participant ids to lists of process ids');
    else for (const [id, list] of Object.entries(value.regulates)) if (!strings(list)) problem(`viewPermissions.regulates.${id}`, 'must be a list of process ids');
  }
}
