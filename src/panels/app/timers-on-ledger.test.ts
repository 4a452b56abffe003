/**
 * The app's timer support against the real contract: the timer-escalation sample deployed on the
 * in-process ledger with a clock the test moves. Events read for all instances at once give each
 * waiting timer's due time; triggerTimer fires it; early and repeated triggers are explained in words.
 */
import { readFileSync } from 'node:fs';
import type { BrowserProvider, Signer } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type AppManifest, type DeploymentRecord, type ProcessManifest } from '../../../generators/index.js';
import { createLedgerEngine, type LedgerEngine } from '../../ledger/engine/index.js';
import { createInProcessProvider } from '../../ledger/client/in-process-provider.js';
import { createEthersProvider } from '../../ledger/client/ethers-provider.js';
import { buildWorkspace } from '../../cli/node-toolchain.js';
import { DEPLOYER_ID, devWallet, withDevAddresses } from '../../cli/dev-keys.js';
import { deployWorkspace } from '../../chain/deploy-workspace.js';
import { createProcessClient, type ProcessClient } from '../../chain/process-client.js';
import { eventsByInstance, readProcessEvents } from './process-events.js';
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
  const sample = loadWorkspace(JSON.parse(readFileSync(new URL('../../../generators/samples/timer-escalation/workspace.json', import.meta.url), 'utf8')));
  const built = await buildWorkspace(withDevAddresses(sample.workspace!));
  expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);
  manifest = built.manifest!;
  process = manifest.processes[0];
  const alloc: Record<string, bigint> = {};
  for (const id of [DEPLOYER_ID, 'wang-fang', 'zhang-wei', 'li-wei']) alloc[devWallet(id).address] = 10n ** 24n;
  engine = await createLedgerEngine({ chainId: 1337, alloc, now: () => clock * 1000 });
  provider = createEthersProvider(createInProcessProvider(engine), 1337);
  deployment = await deployWorkspace(manifest, signer(DEPLOYER_ID), { network: 'test' });
  client = createProcessClient(manifest, deployment, provider);
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
});
