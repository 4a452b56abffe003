/**
 * What the app reads about a timer start event (inspection-round sample): the schedule as modeled
 * and in block time, and the view function that says when the next start is due, present in the ABI
 * with the StartNotDue error; a process without a timer start has no `timer` key.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import { compileSolidity } from '../compile/solc-node.js';
import { assembleManifest } from './assemble-manifest.js';
import type { AppManifest } from './app-manifest.js';

async function manifestOf(sample: string): Promise<AppManifest> {
  const workspace = loadWorkspace(JSON.parse(readFileSync(new URL(`../samples/${sample}/workspace.json`, import.meta.url), 'utf8'))).workspace!;
  const generated = await generateWorkspace(workspace);
  const out = assembleManifest(workspace, generated, await compileSolidity(generated.sources));
  if (!out.manifest) throw new Error(out.problems.map((p) => p.message).join('\n'));
  return out.manifest;
}

let manifest: AppManifest;
beforeAll(async () => {
  manifest = await manifestOf('inspection-round');
}, 60_000);

describe('the manifest of a timer start event', () => {
  it('gives the schedule, who may start and the function that says when the next start is due', () => {
    const start = manifest.processes[0].start;
    expect(start).toMatchObject({ elementId: 'Start_Daily', name: '每日巡检', roles: [], functionName: 'startInstance' });
    expect(start.timer).toEqual({ definition: 'timeCycle', expression: 'R/2026-01-01T08:00:00+08:00/P1D', firstDueAt: 1_767_225_600, periodSeconds: 86_400, nextDueFunction: 'nextStartDueAt' });
  });

  it('finds that function and the StartNotDue error in the ABI', () => {
    const abi = manifest.processes[0].abi as { type: string; name: string; stateMutability?: string }[];
    expect(abi).toContainEqual(expect.objectContaining({ type: 'function', name: manifest.processes[0].start.timer!.nextDueFunction, stateMutability: 'view' }));
    expect(abi).toContainEqual(expect.objectContaining({ type: 'error', name: 'StartNotDue' }));
  });

  it('leaves the key out for a none start event', async () => {
    expect(Object.keys((await manifestOf('timer-escalation')).processes[0].start)).not.toContain('timer');
  }, 60_000);
});
