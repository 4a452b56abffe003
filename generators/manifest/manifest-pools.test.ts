/**
 * What the app reads about a collaboration of executable pools (the supply-chain-finance sample): one
 * process contract; each pool a scope naming its BPMN process (the initiator's marked), inside the
 * collaboration's scope; every pool's tasks are work items for their own lane roles; the receivers
 * of messages between pools fire by themselves, so they are no work items.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import { compileSolidity } from '../compile/solc-node.js';
import { assembleManifest } from './assemble-manifest.js';
import type { AppManifest } from './app-manifest.js';

let manifest: AppManifest;
beforeAll(async () => {
  const workspace = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/supply-chain-finance/workspace.json', import.meta.url), 'utf8'))).workspace!;
  const generated = await generateWorkspace(workspace);
  const out = assembleManifest(workspace, generated, await compileSolidity(generated.sources));
  if (!out.manifest) throw new Error(out.problems.map((p) => p.message).join('\n'));
  manifest = out.manifest;
}, 60_000);

describe('the manifest of a collaboration of executable pools', () => {
  it('is one process whose pools are scopes inside the collaboration, the initiator marked', () => {
    expect(manifest.processes).toHaveLength(1);
    const [p] = manifest.processes;
    expect(p.contractName).toBe('SupplyChainFinance');
    expect(p.subprocesses!.map((s) => [s.elementId, s.parentId, s.pool])).toEqual([
      ['SupplyChainFinance_instance', undefined, { collaboration: true }],
      ['Pool_Manufacturer', 'SupplyChainFinance_instance', { processId: 'Manufacturing', initiator: true }],
      ['Pool_Carrier', 'SupplyChainFinance_instance', { processId: 'Carriage', initiator: false }],
      ['Pool_Bank', 'SupplyChainFinance_instance', { processId: 'Financing', initiator: false }],
    ]);
  });

  it('lists every pool\'s tasks for their lane roles, and no receiver of a message between pools', () => {
    const [p] = manifest.processes;
    expect(p.start.roles).toEqual(['Manufacturer']);
    expect(p.tasks.map((t) => [t.elementId, t.role, t.subprocessId])).toEqual([
      ['Task_ArrangeShipment', 'Manufacturer', 'Pool_Manufacturer'],
      ['Task_Load', 'Carrier', 'Pool_Carrier'],
      ['Task_Deliver', 'Carrier', 'Pool_Carrier'],
      ['Task_Assess', 'Bank', 'Pool_Bank'],
      ['Task_Disburse', 'Bank', 'Pool_Bank'],
    ]);
  });
});
