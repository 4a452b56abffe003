/**
 * What the app reads about role bindings: which step nominates which role through which field, which
 * tasks the binding restricts and the getter that says who is bound; absent for processes without.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import { compileSolidity } from '../compile/solc-node.js';
import type { Workspace } from '../model/workspace.js';
import { assembleManifest } from './assemble-manifest.js';
import type { AppManifest } from './app-manifest.js';

const sample = (path: string): Workspace => loadWorkspace(JSON.parse(readFileSync(new URL(`../samples/${path}`, import.meta.url), 'utf8'))).workspace!;

async function manifestOf(workspace: Workspace): Promise<AppManifest> {
  const generated = await generateWorkspace(workspace);
  const { manifest, problems } = assembleManifest(workspace, generated, await compileSolidity(generated.sources));
  if (!manifest) throw new Error(problems.map((p) => p.message).join('\n'));
  return manifest;
}

let binding: AppManifest;
beforeAll(async () => {
  binding = await manifestOf(sample('carrier-binding/workspace.json'));
}, 60_000);

describe('the manifest of role bindings', () => {
  it('lists each binding with its nominating step, field, rule, the tasks it restricts and the getter', () => {
    const p = binding.processes[0];
    expect(p.roleBindings).toEqual([
      { index: 0, role: 'Manufacturer', nominatedBy: 'Start_OrderPlaced', fieldName: 'manufacturer', rebind: 'once', restrictsTaskIds: ['Task_Plan'], functionName: 'boundTo' },
      { index: 1, role: 'Carrier', nominatedBy: 'Task_Plan', fieldName: 'carrier', rebind: 'sameTask', restrictsTaskIds: ['Task_PickUp', 'Task_Deliver'], functionName: 'boundTo' },
    ]);
    // the getter is in the ABI as the app calls it
    expect(p.abi).toContainEqual(expect.objectContaining({ type: 'function', name: 'boundTo', inputs: [expect.objectContaining({ type: 'uint256' }), expect.objectContaining({ type: 'uint256' })] }));
  });

  it('marks the nominee fields with their role and the restricted tasks with their binding', () => {
    const p = binding.processes[0];
    expect(p.start.fields.find((f) => f.name === 'manufacturer')).toEqual({ name: 'manufacturer', identifier: 'manufacturer', type: 'address', required: true, label: 'Manufacturer', nominatesRole: 'Manufacturer' });
    expect(p.start.fields.find((f) => f.name === 'item')).not.toHaveProperty('nominatesRole');
    expect(p.tasks.map((t) => [t.elementId, t.binding])).toEqual([
      ['Task_Plan', 0], ['Task_PickUp', 1], ['Task_Deliver', 1], ['Task_Confirm', undefined],
    ]);
    expect(p.tasks.find((t) => t.elementId === 'Task_Confirm')).not.toHaveProperty('binding');
  });

  it('lists script tasks with their event and the fields they assign', async () => {
    const p = (await manifestOf(sample('quote-pricing/workspace.json'))).processes[0];
    expect(p.scripts).toEqual([{
      elementId: 'Script_Total', name: 'Compute total', eventName: 'ComputeTotalCompleted',
      fields: [
        { name: 'total', identifier: 'total', type: 'uint', required: false, label: 'Total (cents)' },
        { name: 'discounted', identifier: 'discounted', type: 'bool', required: false, label: 'Discounted' },
      ],
    }]);
    expect(p.abi).toContainEqual(expect.objectContaining({ type: 'event', name: 'ComputeTotalCompleted' }));
  }, 60_000);

  it('has no binding fields for a process that binds nothing', async () => {
    const p = (await manifestOf(sample('timer-escalation/workspace.json'))).processes[0];
    expect(p).not.toHaveProperty('roleBindings');
    expect(p).not.toHaveProperty('scripts');
    expect(p.tasks.some((t) => 'binding' in t)).toBe(false);
  }, 60_000);
});

describe('contract size', () => {
  it('warns, naming the process and its file, when a contract is over the 24,576-byte limit, and still assembles', async () => {
    // given the sample compiled, with its process contract's runtime code grown past the limit
    const workspace = sample('order-fulfilment/workspace.json');
    const generated = await generateWorkspace(workspace);
    const compiled = await compileSolidity(generated.sources);
    const file = generated.processes[0].file;
    const name = generated.processes[0].ir.contractName;
    const clean = assembleManifest(workspace, generated, compiled);
    expect(clean.problems).toEqual([]);
    const big = structuredClone(compiled);
    big.contracts[file][name].deployedBytecode = `0x${'60'.repeat(24_577)}`;
    // when assembled, then a warning says which contract, its size and what to do; the manifest is made
    const { manifest, problems } = assembleManifest(workspace, generated, big);
    expect(manifest).toBeDefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', file });
    expect(problems[0].message).toContain(`the contract of "Order fulfilment" (${name}) is 24,577 bytes, over the 24,576-byte limit (EIP-170)`);
  }, 60_000);
});
