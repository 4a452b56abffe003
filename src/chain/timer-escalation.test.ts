/**
 * The timer sample (generators/samples/timer-escalation) compiled, deployed on the in-process
 * ledger and driven through ethers, with the ledger's clock moved by the test: block timestamps come
 * from it (createLedgerEngine's `now`), so deadlines, early and repeated triggers are exercised as
 * on a real chain.
 */
import { Contract, Interface, type BrowserProvider, type Signer } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppManifest, DeploymentRecord, ProcessManifest } from '../../generators/index.js';
import type { LedgerEngine } from '../ledger/engine/index.js';
import { devWallet } from '../cli/dev-keys.js';
import type { ProcessClient } from './process-client.js';
import { sampleOnLedger } from './sample-on-ledger.js';

const PROCESS = 'order-escalation';
const OUTSIDER = 'outsider';
const HOURS = 3_600;
const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z

let clock = T0; // seconds; the ledger reads it in milliseconds
let manifest: AppManifest;
let process: ProcessManifest;
let engine: LedgerEngine;
let provider: BrowserProvider;
let deployment: DeploymentRecord;
let client: ProcessClient;
let iface: Interface;

const signer = (id: string): Signer => devWallet(id).connect(provider);
const contract = (as: string) => new Contract(deployment.processes[PROCESS].address, process.abi as never, signer(as));
const timer = (name: string) => process.timers!.find((t) => t.name === name)!;

beforeAll(async () => {
  const ledger = await sampleOnLedger('timer-escalation', { funded: [OUTSIDER, 'wang-fang', 'zhang-wei', 'li-wei'], now: () => clock * 1000 });
  expect(ledger.problems).toEqual([]);
  ({ manifest, engine, provider, deployment, client } = ledger);
  process = manifest.processes[0];
  iface = new Interface(process.abi as never);
}, 60_000);

afterAll(async () => {
  await engine?.idle();
});

/** Sends `trigger<Timer>(instanceId)` as `as`; returns the events it emitted. */
async function trigger(name: string, instanceId: bigint, as = OUTSIDER) {
  const tx = await contract(as).getFunction(timer(name).functionName)(instanceId);
  const receipt = await tx.wait();
  return receipt.logs.map((l: { topics: string[]; data: string }) => iface.parseLog(l)).filter(Boolean).map((e: { name: string; args: unknown[] }) => ({ name: e.name, args: [...e.args] }));
}

/** The custom error (name and arguments) `action` reverts with; fails when it does not revert. */
async function revertOf(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (err) {
    const data = (err as { data?: string; info?: { error?: { data?: string } } }).data ?? (err as { info?: { error?: { data?: string } } }).info?.error?.data;
    const parsed = data ? iface.parseError(data) : null;
    if (parsed) return `${parsed.name}(${[...parsed.args].join(', ')})`;
    throw err;
  }
  throw new Error('expected a revert');
}

async function startedTimers(txHash: string) {
  const receipt = await provider.getTransactionReceipt(txHash);
  return receipt!.logs.map((l) => iface.parseLog(l)).filter((e) => e?.name === 'TimerStarted').map((e) => [Number(e!.args.timer), Number(e!.args.dueAt)]);
}

const enabled = async (id: bigint) => (await client.getInstance(PROCESS, id)).enabledTasks.map((t) => t.name);

describe('timers on the ledger (the timer-escalation sample)', () => {
  it('lists every timer in the manifest with its trigger function, duration, task and kind', () => {
    expect(process.timers).toEqual([
      { index: 0, elementId: 'Timer_ConfirmDeadline', name: '48 hours passed', duration: 'PT48H', seconds: 172_800, functionName: 'trigger48HoursPassed', bit: 5, attachedToTaskId: 'Task_ConfirmOrder', interrupting: true },
      { index: 1, elementId: 'Timer_Reminder', name: 'A day passed', duration: 'P1D', seconds: 86_400, functionName: 'triggerADayPassed', bit: 6, attachedToTaskId: 'Task_Ship', interrupting: false },
      { index: 2, elementId: 'Timer_Settle', name: 'Goods settled', duration: 'PT30M', seconds: 1_800, functionName: 'triggerGoodsSettled', bit: 7, interrupting: true },
    ]);
  });

  it('escalates an order not confirmed within 48 hours: early and repeated triggers revert, anyone may trigger', async () => {
    clock = T0 + 10;
    const started = await client.startInstance(PROCESS, signer('wang-fang'), { item: '齿轮箱壳体 Gearbox housing' });
    const id = started.instanceId;
    expect(await startedTimers(started.txHash)).toEqual([[0, T0 + 10 + 48 * HOURS]]);
    expect(((await client.getInstance(PROCESS, id)).marking >> 5n) & 1n).toBe(1n); // the timer's bit shows in marking(id)

    clock = T0 + 10 + 48 * HOURS - 1;
    expect(await revertOf(trigger('48 hours passed', id))).toBe(`TimerNotDue(${id}, 48 hours passed, ${T0 + 10 + 48 * HOURS})`);

    clock = T0 + 10 + 48 * HOURS;
    const fired = await trigger('48 hours passed', id);
    expect(fired).toEqual([{ name: 'TimerFired', args: [id, devWallet(OUTSIDER).address, 0n] }]);
    expect(await enabled(id)).toEqual(['Escalate']);
    expect(await revertOf(trigger('48 hours passed', id))).toBe(`TimerNotWaiting(${id}, 48 hours passed)`);
    expect(await revertOf(client.completeTask(PROCESS, 'Confirm order', id, signer('zhang-wei'), {}))).toBe(`TaskNotEnabled(${id}, Confirm order)`);

    await client.completeTask(PROCESS, 'Escalate', id, signer('wang-fang'), {});
    expect((await client.getInstance(PROCESS, id)).ended).toBe(true);
    // the history tells the timer between the start and the escalation, with who fired it
    const history = await client.history(PROCESS, id);
    expect(history.map((e) => [e.kind, e.name])).toEqual([['started', 'Order placed'], ['timer', '48 hours passed'], ['completed', 'Escalate'], ['ended', 'Ended']]);
    expect(history[1]).toMatchObject({ elementId: 'Timer_ConfirmDeadline', by: devWallet(OUTSIDER).address });
  });

  it('withdraws the deadline when the order is confirmed in time; reminds once without withdrawing shipping; waits before inspection', async () => {
    clock = T0 + 100 * HOURS;
    const id = (await client.startInstance(PROCESS, signer('wang-fang'), { item: 'Bearings' })).instanceId;
    clock += HOURS;
    const confirmed = await client.completeTask(PROCESS, 'Confirm order', id, signer('zhang-wei'), {});
    expect(await startedTimers(confirmed.txHash)).toEqual([[1, clock + 24 * HOURS]]);
    clock += 48 * HOURS;
    expect(await revertOf(trigger('48 hours passed', id))).toBe(`TimerNotWaiting(${id}, 48 hours passed)`);

    // non-interrupting: the carrier still may ship, and Sales must remind; only once
    await trigger('A day passed', id);
    expect(await enabled(id)).toEqual(['Ship goods', 'Remind carrier']);
    expect(await revertOf(trigger('A day passed', id))).toBe(`TimerNotWaiting(${id}, A day passed)`);

    const shipped = await client.completeTask(PROCESS, 'Ship goods', id, signer('li-wei'), {});
    expect(await startedTimers(shipped.txHash)).toEqual([[2, clock + 1_800]]);
    expect(await enabled(id)).toEqual(['Remind carrier']); // the token waits at "Goods settled"
    clock += 1_799;
    expect(await revertOf(trigger('Goods settled', id, 'li-wei'))).toBe(`TimerNotDue(${id}, Goods settled, ${clock + 1})`);
    clock += 1;
    await trigger('Goods settled', id, 'li-wei');
    expect(await enabled(id)).toEqual(['Remind carrier', 'Inspect delivery']);
    await client.completeTask(PROCESS, 'Remind carrier', id, signer('zhang-wei'), {});
    await client.completeTask(PROCESS, 'Inspect delivery', id, signer('wang-fang'), {});
    expect((await client.getInstance(PROCESS, id)).ended).toBe(true);
  });

  it('explains timer reverts in words', async () => {
    // given a fresh instance whose 48-hour timer is waiting
    clock += 10;
    const id = (await client.startInstance(PROCESS, signer('wang-fang'), { item: 'Bearing 轴承' })).instanceId;
    const dueAt = clock + 48 * HOURS;
    // when it is triggered too early, then the explanation names the timer and when it can fire
    const early = await trigger('48 hours passed', id).then(() => undefined, (e: unknown) => e);
    expect(client.explainError(early)).toBe(`"48 hours passed" is not due yet in instance #${id}: it can fire from ${new Date(dueAt * 1000).toISOString()}.`);
    // when it fired and is triggered again, then it says the timer is no longer waiting
    clock = dueAt;
    await trigger('48 hours passed', id);
    const again = await trigger('48 hours passed', id).then(() => undefined, (e: unknown) => e);
    expect(client.explainError(again)).toContain('"48 hours passed" is not waiting in instance #');
  });
});
