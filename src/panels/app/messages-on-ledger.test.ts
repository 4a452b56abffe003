/**
 * The app's work list with messages, against the real contract: the maintenance-order sample on the
 * in-process ledger. A receive task is a work item of the SENDING role (the supplier), a service task
 * of its device, a message boundary of its sender (the planner); the timeline shows the sent messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEngine } from '../../ledger/engine/index.js';
import { sampleOnLedger, type SampleOnLedger } from '../../chain/sample-on-ledger.js';
import type { InstanceState } from '../../chain/chain-api.js';
import { selectWorkList } from '../../store/selectors.js';
import type { StudioState } from '../../store/store-types.js';

const PROCESS = 'maintenance-order';
let ledger: SampleOnLedger;
let engine: LedgerEngine;

beforeAll(async () => {
  ledger = await sampleOnLedger('maintenance-order', { funded: ['chen-jing', 'zhao-lei', 'press-7-gateway', 'parts-desk'] });
  expect(ledger.problems.filter((p) => p.severity === 'error')).toEqual([]);
  engine = ledger.engine;
}, 90_000);

afterAll(async () => {
  await engine?.idle();
});

/** The work list the app shows `participantId` for this one instance (the store's own selector). */
function workOf(participantId: string, instance: InstanceState): string[] {
  const state = { instances: { [PROCESS]: [instance] }, actingParticipantId: participantId, workspace: ledger.workspace, deployment: undefined } as unknown as StudioState;
  return selectWorkList(state).map((w) => w.task.name);
}

describe('messages in the app (maintenance-order sample on the ledger)', () => {
  it('lists each wait state for the role that completes it: the device, the supplier who sends the part, the planner who may stop', async () => {
    const { client, signer } = ledger;
    const id = (await client.startInstance(PROCESS, signer('press-7-gateway'), { machineId: 'PRESS-7', vibration: 42 })).instanceId;
    let instance = await client.getInstance(PROCESS, id);
    expect(workOf('press-7-gateway', instance)).toEqual(['Run diagnostics']);
    expect(workOf('chen-jing', instance)).toEqual([]);

    await client.completeTask(PROCESS, 'Service_Diagnose', id, signer('press-7-gateway'), { faultCode: 'BRG-3', partNeeded: true });
    instance = await client.getInstance(PROCESS, id);
    expect(workOf('parts-desk', instance)).toEqual(['Receive spare part']);
    expect(workOf('chen-jing', instance)).toEqual([]);

    // a planner cannot deliver the supplier's message; the supplier can
    const refused = await client.completeTask(PROCESS, 'Receive_Part', id, signer('chen-jing'), { deliveryNote: 'x' }).then(() => undefined, (e: unknown) => e);
    expect(client.explainError(refused)).toContain('Supplier');
    await client.completeTask(PROCESS, 'Receive_Part', id, signer('parts-desk'), { deliveryNote: 'DN-1' });
    instance = await client.getInstance(PROCESS, id);
    expect(workOf('zhao-lei', instance)).toEqual(['Repair machine']);
    expect(workOf('chen-jing', instance)).toEqual(['Stop order']);

    // the timeline tells the part order that was sent, with its payload
    const history = await client.history(PROCESS, id);
    expect(history.find((h) => h.elementId === 'Send_OrderPart')).toMatchObject({ kind: 'script', name: 'Order spare part', data: { machineId: 'PRESS-7', faultCode: 'BRG-3' } });
  }, 60_000);
});
