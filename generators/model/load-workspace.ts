/**
 * Validates an untrusted JSON value as a Workspace. Never throws: returns the problems with a
 * JSON path each (`participants[2].roles[0]: role "Carier" is not defined`), and the workspace
 * only when there are no errors. References between processes and roles are checked later,
 * when the BPMN is read (generateWorkspace), because they live inside the process files.
 */
import { error, hasErrors, type Problem } from '../problems.js';
import { FIELD_TYPES, PARTICIPANT_KINDS, SCHEMA_VERSION, TEMPLATE_TASK_TYPES, type Workspace } from './workspace.js';
import { checkPermissionsJson } from './consortium-permissions.js';

type Json = Record<string, unknown>;

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
/** Role bits 0..254; bit 255 is the registry's MEMBER bit. */
export const MAX_ROLES = 255;

export interface LoadResult {
  workspace?: Workspace;
  problems: Problem[];
}

export function loadWorkspace(value: unknown, file = 'workspace.json'): LoadResult {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push(error(message, { path, file }));

  if (!isObject(value)) {
    report('$', 'a workspace must be a JSON object');
    return { problems };
  }
  if (value.schemaVersion === undefined) report('schemaVersion', 'missing; this version of ChainFlow reads schemaVersion 1');
  else if (value.schemaVersion !== SCHEMA_VERSION)
    report('schemaVersion', `unsupported schemaVersion ${JSON.stringify(value.schemaVersion)}; this version reads ${SCHEMA_VERSION}`);
  requireString(value, 'name', 'name', report);
  if (value.chain !== undefined) {
    if (!isObject(value.chain)) report('chain', 'must be an object');
    else if (!Number.isSafeInteger(value.chain.chainId) || (value.chain.chainId as number) <= 0)
      report('chain.chainId', 'must be a positive integer');
  }

  if (value.networks !== undefined) {
    checkList(value, 'networks', report, (n, path) => {
      requireString(n, 'name', `${path}.name`, report);
      if (typeof n.rpcUrl !== 'string' || !/^https?:\/\/[^\s]+$/.test(n.rpcUrl)) report(`${path}.rpcUrl`, 'must be an http:// or https:// URL');
      if (!Number.isSafeInteger(n.chainId) || (n.chainId as number) <= 0) report(`${path}.chainId`, 'must be a positive integer');
      if (n.gas !== 'free' && n.gas !== 'market') report(`${path}.gas`, `must be "free" or "market"; got ${JSON.stringify(n.gas)}`);
      if (n.genesisHash !== undefined && (typeof n.genesisHash !== 'string' || !/^0x[0-9a-f]{64}$/i.test(n.genesisHash)))
        report(`${path}.genesisHash`, 'must be a block hash (0x and 64 hex digits)');
      if (n.registryAddress !== undefined && (typeof n.registryAddress !== 'string' || !ADDRESS.test(n.registryAddress)))
        report(`${path}.registryAddress`, `not a contract address (0x and 40 hex digits): ${JSON.stringify(n.registryAddress)}`);
    });
  }

  const orgIds = checkList(value, 'organizations', report, (org, path) => {
    requireString(org, 'name', `${path}.name`, report);
  });
  const roleIds = checkList(value, 'roles', report, (role, path) => {
    requireString(role, 'name', `${path}.name`, report);
  });
  checkList(value, 'participants', report, (p, path) => {
    requireString(p, 'name', `${path}.name`, report);
    if (!PARTICIPANT_KINDS.includes(p.kind as never))
      report(`${path}.kind`, `must be one of ${PARTICIPANT_KINDS.join(', ')}; got ${JSON.stringify(p.kind)}`);
    if (typeof p.organization !== 'string') report(`${path}.organization`, 'must name an organization');
    else if (!orgIds.has(p.organization)) report(`${path}.organization`, `organization "${p.organization}" is not defined`);
    if (!Array.isArray(p.roles)) report(`${path}.roles`, 'must be a list of role ids');
    else
      p.roles.forEach((r, i) => {
        if (typeof r !== 'string' || !roleIds.has(r)) report(`${path}.roles[${i}]`, `role ${JSON.stringify(r)} is not defined`);
      });
    if (p.address !== undefined && (typeof p.address !== 'string' || !ADDRESS.test(p.address)))
      report(`${path}.address`, `not an account address (0x and 40 hex digits): ${JSON.stringify(p.address)}`);
  });
  const processIds = checkList(value, 'processes', report, (proc, path) => {
    requireString(proc, 'name', `${path}.name`, report);
    if (typeof proc.bpmn !== 'string' || !proc.bpmn.trim()) report(`${path}.bpmn`, 'must hold the process as BPMN 2.0 XML');
  });
  checkRegulates(value, processIds, report);
  if (value.taskTemplates !== undefined) checkTaskTemplates(value, roleIds, report);
  checkPermissionsJson(value, report);
  if (Array.isArray(value.roles) && value.roles.length > MAX_ROLES)
    report('roles', `at most ${MAX_ROLES} roles fit the registry's role bit set (bit 255 marks membership); this workspace has ${value.roles.length}`);

  return hasErrors(problems) ? { problems } : { workspace: value as unknown as Workspace, problems };
}

/** A participant's `regulates`: a list of ids of this workspace's processes, each once. */
function checkRegulates(value: Json, processIds: Set<string>, report: (path: string, message: string) => void) {
  if (!Array.isArray(value.participants)) return;
  value.participants.forEach((p, i) => {
    if (!isObject(p) || p.regulates === undefined) return;
    const path = `participants[${i}].regulates`;
    if (!Array.isArray(p.regulates)) return report(path, 'must be a list of process ids');
    const seen = new Set<string>();
    p.regulates.forEach((id, k) => {
      if (typeof id !== 'string' || !processIds.has(id)) report(`${path}[${k}]`, `process ${JSON.stringify(id)} is not defined`);
      else if (seen.has(id)) report(`${path}[${k}]`, `process "${id}" is listed twice`);
      else seen.add(id);
    });
  });
}

/** The designer's task templates: what applying one needs, with the roles it names defined. */
function checkTaskTemplates(value: Json, roleIds: Set<string>, report: (path: string, message: string) => void) {
  const role = (id: unknown, path: string) => {
    if (id !== undefined && (typeof id !== 'string' || !roleIds.has(id))) report(path, `role ${JSON.stringify(id)} is not defined`);
  };
  checkList(value, 'taskTemplates', report, (tpl, path) => {
    requireString(tpl, 'label', `${path}.label`, report);
    requireString(tpl, 'name', `${path}.name`, report);
    if (!TEMPLATE_TASK_TYPES.includes(tpl.taskType as never))
      report(`${path}.taskType`, `must be one of ${TEMPLATE_TASK_TYPES.join(', ')}; got ${JSON.stringify(tpl.taskType)}`);
    role(tpl.role, `${path}.role`);
    if (!Array.isArray(tpl.fields)) return report(`${path}.fields`, 'must be a list');
    const names = new Set<string>();
    tpl.fields.forEach((f, i) => {
      const at = `${path}.fields[${i}]`;
      if (!isObject(f)) return report(at, 'must be an object');
      requireString(f, 'name', `${at}.name`, report);
      if (typeof f.name === 'string' && names.has(f.name)) report(`${at}.name`, `field "${f.name}" is listed twice`);
      if (typeof f.name === 'string') names.add(f.name);
      if (!FIELD_TYPES.includes(f.type as never)) report(`${at}.type`, `must be one of ${FIELD_TYPES.join(', ')}; got ${JSON.stringify(f.type)}`);
      role(f.role, `${at}.role`);
      if (f.values !== undefined && (!Array.isArray(f.values) || f.values.some((v) => typeof v !== 'string' || !v.trim())))
        report(`${at}.values`, 'must be a list of non-empty texts');
    });
    if (tpl.payload !== undefined && (!Array.isArray(tpl.payload) || tpl.payload.some((n) => typeof n !== 'string' || !n.trim())))
      report(`${path}.payload`, 'must be a list of field names');
    if (tpl.multiInstance !== undefined) {
      if (!isObject(tpl.multiInstance)) return report(`${path}.multiInstance`, 'must be an object');
      role(tpl.multiInstance.forEachOf, `${path}.multiInstance.forEachOf`);
      const n = tpl.multiInstance.cardinality;
      if (n !== undefined && (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 255)) report(`${path}.multiInstance.cardinality`, 'must be a whole number from 1 to 255');
    }
  });
}

/** Checks a list of objects with unique non-empty string ids; returns the ids seen. */
function checkList(
  parent: Json,
  key: string,
  report: (path: string, message: string) => void,
  each: (item: Json, path: string) => void,
): Set<string> {
  const ids = new Set<string>();
  const list = parent[key];
  if (!Array.isArray(list)) {
    report(key, 'must be a list');
    return ids;
  }
  list.forEach((item, i) => {
    const path = `${key}[${i}]`;
    if (!isObject(item)) return report(path, 'must be an object');
    if (typeof item.id !== 'string' || !item.id.trim()) report(`${path}.id`, 'must be a non-empty string');
    else if (ids.has(item.id)) report(`${path}.id`, `duplicate id "${item.id}"`);
    else ids.add(item.id);
    each(item, path);
  });
  return ids;
}

function requireString(obj: Json, key: string, path: string, report: (path: string, message: string) => void) {
  if (typeof obj[key] !== 'string' || !(obj[key] as string).trim()) report(path, 'must be a non-empty string');
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
