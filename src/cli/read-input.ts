/**
 * CLI input: a workspace JSON file, or a plain .bpmn file that gets a workspace made around it
 * (each lane, or cf:role, becomes a role played by one development participant). A workspace's
 * process may name its BPMN by file (`"bpmnFile": "order.bpmn"`, relative to the workspace).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { error, loadWorkspace, type Problem, type Workspace } from '../../generators/index.js';
import { readBpmn } from '../../generators/bpmn/read-bpmn.js';
import type { BpmnLane, BpmnProcess, ModdleElement } from '../../generators/bpmn/moddle-types.js';

export async function readInput(path: string): Promise<{ workspace?: Workspace; problems: Problem[] }> {
  const file = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { problems: [error(`cannot read: ${(e as Error).message}`, { file })] };
  }
  if (/\.(bpmn|xml)$/i.test(path)) return workspaceAroundBpmn(text, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problems: [error(`not valid JSON: ${(e as Error).message}`, { file })] };
  }
  const problems: Problem[] = [];
  if (json && typeof json === 'object' && Array.isArray((json as { processes?: unknown }).processes)) {
    for (const [i, p] of ((json as { processes: Record<string, unknown>[] }).processes).entries()) {
      if (p && typeof p.bpmnFile === 'string' && p.bpmn === undefined) {
        try {
          p.bpmn = readFileSync(resolve(dirname(path), p.bpmnFile), 'utf8');
        } catch (e) {
          problems.push(error(`cannot read bpmnFile: ${(e as Error).message}`, { file, path: `processes[${i}].bpmnFile` }));
        }
      }
    }
  }
  const loaded = loadWorkspace(json, file);
  return { workspace: loaded.workspace, problems: [...problems, ...loaded.problems] };
}

async function workspaceAroundBpmn(xml: string, file: string): Promise<{ workspace?: Workspace; problems: Problem[] }> {
  const read = await readBpmn(xml, file);
  if (!read.definitions) return { problems: read.problems };
  const roleNames = new Set<string>();
  const visitLanes = (lanes: BpmnLane[] | undefined) => {
    for (const lane of lanes ?? []) {
      const name = lane.role?.trim() || lane.name?.trim();
      if (name) roleNames.add(name);
      visitLanes(lane.childLaneSet?.lanes);
    }
  };
  for (const root of read.definitions.rootElements ?? []) {
    if (root.$type !== 'bpmn:Process') continue;
    const process = root as BpmnProcess;
    for (const set of process.laneSets ?? []) visitLanes(set.lanes);
    for (const el of process.flowElements ?? []) {
      const role = (el as ModdleElement & { role?: string }).role?.trim();
      if (role) roleNames.add(role);
    }
  }
  const roles = [...roleNames].map((name) => ({ id: name, name }));
  const name = file.replace(/\.(bpmn|xml)$/i, '');
  const workspace: Workspace = {
    schemaVersion: 1,
    name,
    organizations: [{ id: 'dev', name: 'Development' }],
    roles,
    participants: roles.map((r) => ({ id: `dev-${r.id}`, name: `${r.name} (dev)`, kind: 'person', organization: 'dev', roles: [r.id] })),
    processes: [{ id: name, name, bpmn: xml }],
  };
  return { workspace, problems: [] };
}
