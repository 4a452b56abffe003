/**
 * The app's timer support against the real contract: the timer-escalation sample deployed on the
 * in-process ledger with a clock the test moves. Events read for all instances at once give each
 * waiting timer's due time; triggerTimer fires it; early and repeated triggers are explained in words.
 */
import type { BrowserProvider, Signer } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppManifest, DeploymentRecord, ProcessManifest } from '../../../generators/index.js';
import type { LedgerEngine } from '../../ledger/engine/index.js';
import { devWallet } from '../../cli/dev-keys.js';
import type { ProcessClient } from '../../chain/process-client.js';
import { sampleOnLedger } from '../../chain/sample-on-ledger.js';
import { eventsByInstance, latestValues, readProcessEvents } from './process-events.js';
import { chainNow, timerState, waitingTimers } from './timer-status.js';
import { triggerTimer } from './trigger-timer.js';

const PROCESS = 'order-escalation';
const HOURS = 3_600;
const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z

let clock = T0;
let manifest: AppManifest;
let process: ProcessManifest;
let engine: LedgerEngine;
let provider: BrowserProvider;
let deployment: DeploymentRecord;
let client: ProcessClient;

const signer = (id: string): Signer => devWallet(id).connect(provider);

beforeAll(async () => {
  const ledger = await sampleOnLedger('timer-escalation', { funded: ['wang-fang', 'zhang-wei', 'li-wei'], now: () => clock * 1000 });
  expect(ledger.problems.filter((p) => p.severity === 'error')).toEqual([]);
  ({ manifest, engine, provider, deployment, client } = ledger);
  process = manifest.processes[0];
}, 90_000);

afterAll(async () => {
  await engine?.idle();
});

async function timersOf(instanceId: bigint) {
  const events = await readProcessEvents(process, deployment.processes[PROCESS].address, provider, deployment.processes[PROCESS].blockNumber, await provider.getBlockNumber());
  const instance = await client.getInstance(PROCESS, instanceId);
  return { events, waiting: waitingTimers(process, instance, eventsByInstance(events).get(instanceId.toString()) ?? []) };
}

describe('timers in the app (timer-escalation sample on the ledger)', () => {
  it('shows the deadline of a waiting timer, refuses an early trigger in words, fires it once due', async () => {
    // given an order started at T0 + 10: the 48-hour deadline of "Confirm order" waits
    clock = T0 + 10;
    const id = (await client.startInstance(PROCESS, signer('wang-fang'), { item: '轴承 Bearing' })).instanceId;
    const { events, waiting } = await timersOf(id);
    expect(events.filter((e) => e.instanceId === id).map((e) => e.kind)).toEqual(['started', 'timerStarted']);
    // the start event's field values come along (what later conditions read)
    expect(latestValues(events.filter((e) => e.instanceId === id))).toEqual({ item: '轴承 Bearing' });
    expect(waiting.map((w) => [w.timer.name, w.dueAt, w.taskName])).toEqual([['48 hours passed', T0 + 10 + 48 * HOURS, 'Confirm order']]);
    expect(timerState(waiting[0].dueAt, chainNow(clock * 1000))).toBe('waiting');

    // when anyone triggers it one second early, then the refusal says when it can fire
    clock = T0 + 10 + 48 * HOURS - 1;
    const at = deployment.processes[PROCESS].address;
    const early = await triggerTimer(process, at, 0, id, signer('li-wei')).then(() => undefined, (e: unknown) => e);
    expect(client.explainError(early)).toBe(`"48 hours passed" is not due yet in instance #${id}: it can fire from ${new Date((T0 + 10 + 48 * HOURS) * 1000).toISOString()}.`);

    // when it is due, then it is overdue by the chain's clock and a trigger fires it
    clock += 1;
    expect(timerState(waiting[0].dueAt, chainNow(clock * 1000))).toBe('overdue');
    const fired = await triggerTimer(process, at, 0, id, signer('li-wei'));
    expect(fired.gasUsed).toBeGreaterThan(0n);
    const after = await timersOf(id);
    expect(after.waiting).toEqual([]);
    const last = after.events.filter((e) => e.instanceId === id).at(-1)!;
    expect(last).toMatchObject({ kind: 'timerFired', timer: 0, elementId: 'Timer_ConfirmDeadline', by: devWallet('li-wei').address, txHash: fired.txHash });
    expect((await client.getInstance(PROCESS, id)).enabledTasks.map((t) => t.name)).toEqual(['Escalate']);

    // and a second trigger is refused: the timer no longer waits
    const again = await triggerTimer(process, at, 0, id, signer('li-wei')).then(() => undefined, (e: unknown) => e);
    expect(client.explainError(again)).toContain(`"48 hours passed" is not waiting in instance #${id}`);

    // and the escalation that follows ends the instance: every step is among the events, in order
    await client.completeTask(PROCESS, 'Escalate', id, signer('wang-fang'), {});
    const all = (await timersOf(id)).events.filter((e) => e.instanceId === id);
    expect(all.map((e) => [e.kind, e.elementId])).toEqual([
      ['started', 'Start_OrderPlaced'], ['timerStarted', 'Timer_ConfirmDeadline'], ['timerFired', 'Timer_ConfirmDeadline'], ['completed', 'Task_Escalate'], ['ended', ''],
    ]);
  });

  it('gives a timer restarted by a later step its latest deadline, and none to a timer of another instance', async () => {
    // given two orders; the second is confirmed an hour later, which starts its one-day reminder
    clock = T0 + 200 * HOURS;
    const a = (await client.startInstance(PROCESS, signer('wang-fang'), { item: 'A' })).instanceId;
    const b = (await client.startInstance(PROCESS, signer('wang-fang'), { item: 'B' })).instanceId;
    clock += HOURS;
    await client.completeTask(PROCESS, 'Confirm order', b, signer('zhang-wei'), {});
    // then a still waits for its 48-hour deadline, b only for the reminder of "Ship goods"
    expect((await timersOf(a)).waiting.map((w) => [w.timer.name, w.dueAt])).toEqual([['48 hours passed', T0 + 248 * HOURS]]);
    expect((await timersOf(b)).waiting.map((w) => [w.timer.name, w.dueAt, w.taskName])).toEqual([['A day passed', T0 + 225 * HOURS, 'Ship goods']]);
  });

  it('refuses an unknown timer index before sending anything', async () => {
    await expect(triggerTimer(process, deployment.processes[PROCESS].address, 9, 1n, signer('li-wei'))).rejects.toThrow('has no timer #9');
  });

  it('reads the same events from a node that refuses log ranges over 2 blocks (as Besu does over --rpc-max-logs-range)', async () => {
    // given a provider that refuses any eth_getLogs spanning more than 2 blocks, with Besu's words
    const limited = {
      getLogs: (f: { address: string; fromBlock: number; toBlock: number }) =>
        f.toBlock - f.fromBlock + 1 > 2 ? Promise.reject(new Error('Requested range exceeds maximum RPC range limit')) : provider.getLogs(f),
    };
    const { address, blockNumber } = deployment.processes[PROCESS];
    const head = await provider.getBlockNumber();
    expect(head - blockNumber).toBeGreaterThan(4);
    // when the app reads every event of the process through it, then nothing is missing or reordered
    const windowed = await readProcessEvents(process, address, limited, blockNumber, head);
    const whole = await readProcessEvents(process, address, provider, blockNumber, head);
    expect(windowed.length).toBeGreaterThan(5);
    expect(windowed).toEqual(whole);
  });
});
