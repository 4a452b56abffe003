/**
 * Role bindings as the app reads them: after the manufacturer nominates a carrier, the instance
 * says who is bound, and the work list offers the carrier's tasks to that carrier only (the
 * contract refuses the others, explained in words).
 */
import type { Signer } from 'ethers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppManifest } from '../../generators/index.js';
import { devWallet } from '../cli/dev-keys.js';
import { mayDoBound } from '../store/selectors.js';
import type { ProcessClient } from './process-client.js';
import { sampleOnLedger } from './sample-on-ledger.js';

let manifest: AppManifest;
let client: ProcessClient;
let signer: (id: string) => Signer;
const address = (id: string) => devWallet(id).address;

beforeAll(async () => {
  const ledger = await sampleOnLedger('carrier-binding', { funded: ['wang-fang', 'chen-jing', 'anna-weber', 'li-wei', 'tom-hale'] });
  expect(ledger.problems.filter((p) => p.severity === 'error')).toEqual([]);
  ({ manifest, client, signer } = ledger);
}, 90_000);

describe('role bindings in the app', () => {
  it('reads who is bound per instance, and only the bound carrier may take the carrier tasks', async () => {
    const p = manifest.processes[0];
    const nominee = (elementId: string) => [...p.start.fields, ...p.tasks.flatMap((t) => t.fields)].find((f) => f.nominatesRole && (elementId === p.start.elementId ? p.start.fields.includes(f) : p.tasks.find((t) => t.elementId === elementId)!.fields.includes(f)))!;
    // given an order for which the buyer nominates 陈静 as manufacturer
    const started = await client.startInstance(p.id, signer('wang-fang'), { item: '齿轮 gears', [nominee(p.start.elementId).name]: address('chen-jing') });
    const before = await client.getInstance(p.id, started.instanceId);
    const carrierBinding = p.roleBindings!.find((b) => b.role === 'Carrier')!.index;
    expect(before.bound?.[p.roleBindings!.find((b) => b.role === 'Manufacturer')!.index]).toBe(address('chen-jing'));
    expect(before.bound?.[carrierBinding]).toBeUndefined();
    // when she plans the shipment with 李伟 as the carrier
    await client.completeTask(p.id, 'Task_Plan', started.instanceId, signer('chen-jing'), { [nominee('Task_Plan').name]: address('li-wei') });
    const after = await client.getInstance(p.id, started.instanceId);
    // then the instance says so, and the pick-up is for 李伟 only, not for the other carrier
    expect(after.bound?.[carrierBinding]).toBe(address('li-wei'));
    const pickUp = after.enabledTasks.find((t) => t.elementId === 'Task_PickUp')!;
    expect(pickUp.binding).toBe(carrierBinding);
    expect(mayDoBound(after.bound, pickUp.binding, address('li-wei'))).toBe(true);
    expect(mayDoBound(after.bound, pickUp.binding, address('tom-hale').toLowerCase())).toBe(false);
    // and the contract agrees: the other carrier is refused in words
    const refused = await client.completeTask(p.id, 'Task_PickUp', started.instanceId, signer('tom-hale'), {}).then(() => undefined, (e: unknown) => e);
    expect(refused).toBeDefined();
    expect(client.explainError(refused)).toMatch(/the role Carrier is bound to .*only they may do "Pick up goods"/);
  }, 60_000);

  it('leaves a task of an unbound role to every holder of the role', () => {
    expect(mayDoBound(undefined, 1, address('tom-hale'))).toBe(true);
    expect(mayDoBound({}, 1, address('tom-hale'))).toBe(true);
    expect(mayDoBound({ 1: address('li-wei') }, undefined, address('tom-hale'))).toBe(true);
  });
});
