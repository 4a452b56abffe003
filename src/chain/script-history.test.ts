/**
 * A script task in the instance history: it runs inside the step that reaches it and its
 * `<Script>Completed` event becomes a timeline entry with the values it assigned.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadWorkspace } from '../../generators/index.js';
import { createLedgerEngine } from '../ledger/engine/index.js';
import { createInProcessProvider } from '../ledger/client/in-process-provider.js';
import { createEthersProvider } from '../ledger/client/ethers-provider.js';
import { buildWorkspace } from '../cli/node-toolchain.js';
import { DEPLOYER_ID, devWallet, withDevAddresses } from '../cli/dev-keys.js';
import { deployWorkspace } from './deploy-workspace.js';
import { createProcessClient } from './process-client.js';

it('tells a script task with the values it computed, between the steps around it', async () => {
  const sample = loadWorkspace(JSON.parse(readFileSync(new URL('../../generators/samples/quote-pricing/workspace.json', import.meta.url), 'utf8')));
  const manifest = (await buildWorkspace(withDevAddresses(sample.workspace!))).manifest!;
  const alloc = Object.fromEntries([DEPLOYER_ID, 'wang-fang', 'zhang-wei'].map((id) => [devWallet(id).address, 10n ** 24n]));
  const engine = await createLedgerEngine({ chainId: 1337, alloc });
  const provider = createEthersProvider(createInProcessProvider(engine), 1337);
  const client = createProcessClient(manifest, await deployWorkspace(manifest, devWallet(DEPLOYER_ID).connect(provider), { network: 'test' }), provider);
  const p = manifest.processes[0];
  // given a request for 10 units, priced at 500 with a rebate of 20 per unit
  const { instanceId } = await client.startInstance(p.id, devWallet('wang-fang').connect(provider), { quantity: '10' });
  await client.completeTask(p.id, 'Task_Price', instanceId, devWallet('zhang-wei').connect(provider), { unitPrice: '500', rebate: '20' });
  // then the history has the script's run after the pricing, with total = 10 * (500 - 20)
  const history = await client.history(p.id, instanceId);
  expect(history.map((e) => e.kind)).toEqual(['started', 'completed', 'script']);
  expect(history[2]).toMatchObject({ elementId: 'Script_Total', name: 'Compute total', data: expect.objectContaining({ total: '4800' }) });
  expect(history[2].by).toBeUndefined();
  await engine.idle();
}, 90_000);
