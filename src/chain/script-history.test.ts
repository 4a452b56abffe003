/**
 * A script task in the instance history: it runs inside the step that reaches it and its
 * `<Script>Completed` event becomes a timeline entry with the values it assigned.
 */
import { expect, it } from 'vitest';
import { sampleOnLedger } from './sample-on-ledger.js';

it('tells a script task with the values it computed, between the steps around it', async () => {
  const { manifest, client, signer, engine } = await sampleOnLedger('quote-pricing', { funded: ['wang-fang', 'zhang-wei'] });
  const p = manifest.processes[0];
  // given a request for 10 units, priced at 500 with a rebate of 20 per unit
  const { instanceId } = await client.startInstance(p.id, signer('wang-fang'), { quantity: '10' });
  await client.completeTask(p.id, 'Task_Price', instanceId, signer('zhang-wei'), { unitPrice: '500', rebate: '20' });
  // then the history has the script's run after the pricing, with total = 10 * (500 - 20)
  const history = await client.history(p.id, instanceId);
  expect(history.map((e) => e.kind)).toEqual(['started', 'completed', 'script']);
  expect(history[2]).toMatchObject({ elementId: 'Script_Total', name: 'Compute total', data: expect.objectContaining({ total: '4800' }) });
  expect(history[2].by).toBeUndefined();
  await engine.idle();
}, 90_000);
