/**
 * The app's reading of the newer BPMN elements against the real contracts on the in-process ledger:
 * the credit-check sample (subprocess, error boundary, 2-of-3 multi-instance approval) and the
 * maintenance-order sample (service request, sent messages). What the work list and the timeline
 * show is computed from these events, so they are checked on real logs here.
 */
import { Contract } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleOnLedger, type SampleOnLedger } from '../../chain/sample-on-ledger.js';
import { eventsByInstance, readProcessEvents, type ProcessEvent } from './process-events.js';
import { hasDoneItsPart, instanceTotal, multiInstanceProgress } from './multi-instance-progress.js';
import { elementSteps, mergeTimeline, subprocessStates } from './element-events.js';
import { describeSteps } from './describe-steps.js';
import { workHolders } from './dashboard-stats.js';
import { auditRows } from './audit-package.js';
import { instanceTimeline, timelineTitle } from './instance-timeline.js';
import { createI18n } from '../../i18n/i18n.js';

const samples: SampleOnLedger[] = [];
afterAll(async () => {
  for (const s of samples) await s.engine.idle();
});

async function eventsOf(ledger: SampleOnLedger, processId: string, instanceId: bigint): Promise<ProcessEvent[]> {
  const p = ledger.manifest.processes.find((x) => x.id === processId)!;
  const head = await ledger.provider.getBlockNumber();
  const all = await readProcessEvents(p, ledger.deployment.processes[processId].address, ledger.provider, 0, head);
  return eventsByInstance(all).get(instanceId.toString()) ?? [];
}

describe('credit-check sample on the ledger: subprocess, error boundary, multi-instance', () => {
  const P = 'invoice-financing';
  let ledger: SampleOnLedger;
  beforeAll(async () => {
    ledger = await sampleOnLedger('credit-check', { funded: ['zhou-min', 'olga-berg', 'chen-gang', 'maria-rossi'] });
    samples.push(ledger);
    expect(ledger.problems.filter((p) => p.severity === 'error')).toEqual([]);
  }, 90_000);

  it('counts the approvals of the current activation (k of n), knows who did their part, and ends the count when two are enough', async () => {
    // given an instance past its credit check
    const { client, signer, manifest } = ledger;
    const process = manifest.processes.find((p) => p.id === P)!;
    const approve = process.tasks.find((t) => t.elementId === 'Task_Approve')!;
    const id = (await client.startInstance(P, signer('zhou-min'), { invoiceNo: 'INV-1 发票', amount: 1000 })).instanceId;
    await client.completeTask(P, 'Task_Review', id, signer('olga-berg'), { score: 700 });
    expect(subprocessStates(process, (await client.getInstance(P, id)).marking, ['Task_Review'])).toEqual(new Map([['Sub_CreditCheck', 'active']]));
    await client.completeTask(P, 'Task_ConfirmLimit', id, signer('olga-berg'), {});
    const total = instanceTotal(approve, manifest);
    expect(total).toBe(3);

    // when one officer approves
    await client.completeTask(P, 'Task_Approve', id, signer('olga-berg'), { comment: '同意' });
    let progress = multiInstanceProgress(approve, await eventsOf(ledger, P, id), total);

    // then 1 of 3 is done, by her; she has done her part, the others have not
    expect(progress).toMatchObject({ completed: 1, total: 3, condition: { enough: 2 } });
    const olga = await signer('olga-berg').getAddress();
    const chen = await signer('chen-gang').getAddress();
    expect(hasDoneItsPart(approve, progress, olga)).toBe(true);
    expect(hasDoneItsPart(approve, progress, chen)).toBe(false);
    // and the contract agrees with the count
    const contract = new Contract(ledger.deployment.processes[P].address, process.abi as never, ledger.provider);
    const [completed, onChainTotal] = (await contract.completedInstances(id, approve.multiInstance!.index)) as [bigint, bigint];
    expect([Number(completed), Number(onChainTotal)]).toEqual([1, 3]);
    // the subprocess was left
    expect(subprocessStates(process, (await client.getInstance(P, id)).marking, ['Task_Review', 'Task_ConfirmLimit']).get('Sub_CreditCheck')).toBe('done');

    // when a second approves, two are enough: the activation is over and the task is no longer enabled
    await client.completeTask(P, 'Task_Approve', id, signer('chen-gang'), { comment: 'ok' });
    progress = multiInstanceProgress(approve, await eventsOf(ledger, P, id), total);
    expect(progress.completed).toBe(0);
    expect((await client.getInstance(P, id)).enabledTasks.map((t) => t.elementId)).toEqual(['Task_Disburse']);
  }, 60_000);

  it('lists as holding the shared approval only the officers who have not done their part yet', async () => {
    // given an instance whose 2-of-3 approval one officer has done
    const { client, signer, manifest } = ledger;
    const process = manifest.processes.find((p) => p.id === P)!;
    const approve = process.tasks.find((t) => t.elementId === 'Task_Approve')!;
    const id = (await client.startInstance(P, signer('zhou-min'), { invoiceNo: 'INV-3 发票', amount: 2000 })).instanceId;
    await client.completeTask(P, 'Task_Review', id, signer('olga-berg'), { score: 720 });
    await client.completeTask(P, 'Task_ConfirmLimit', id, signer('olga-berg'), {});
    const holdersNow = async () => {
      const instance = await client.getInstance(P, id);
      const events = new Map([[id.toString(), await eventsOf(ledger, P, id)]]);
      const holders = workHolders(manifest, process, { nodes: {}, flows: [] }, [{ ...instance, instanceId: id }], events, {});
      return holders.find((h) => h.role === approve.role);
    };
    const officers = manifest.participants.filter((p) => p.roles.includes(approve.role)).map((p) => p.name);
    expect(officers).toHaveLength(3);
    expect((await holdersNow())?.participants.map((p) => p.name)).toEqual(officers);

    // when olga approves
    await client.completeTask(P, 'Task_Approve', id, signer('olga-berg'), { comment: '同意' });

    // then the approval still waits, held by the two officers who may still act, not by her
    const olga = manifest.participants.find((p) => p.id === 'olga-berg')!.name;
    const holder = await holdersNow();
    expect(holder).toMatchObject({ waiting: 1, instanceIds: [id] });
    expect(holder!.participants.map((p) => p.name)).toEqual(officers.filter((n) => n !== olga));
  }, 60_000);

  it('reads the caught error as a timeline entry naming the error code and the subprocess it withdrew', async () => {
    const { client, signer, manifest } = ledger;
    const process = manifest.processes.find((p) => p.id === P)!;
    const id = (await client.startInstance(P, signer('zhou-min'), { invoiceNo: 'INV-2', amount: 90000 })).instanceId;
    const review = await client.completeTask(P, 'Task_Review', id, signer('olga-berg'), { score: 410 });
    const events = await eventsOf(ledger, P, id);
    expect(events.find((e) => e.kind === 'errorCaught')).toMatchObject({ elementId: 'Error_CreditRejected', errorCode: 'CREDIT_REJECTED', txHash: review.txHash });
    const steps = elementSteps(manifest, process, events, {});
    expect(steps).toEqual([expect.objectContaining({ kind: 'errorCaught', name: 'Credit rejected', errorCode: 'CREDIT_REJECTED', subprocess: '信用审查 Credit check', txHash: review.txHash })]);
    const instance = await client.getInstance(P, id);
    expect(subprocessStates(process, instance.marking, ['Error_CreditRejected']).get('Sub_CreditCheck')).toBe('done');
    expect(instance.enabledTasks.map((t) => t.elementId)).toEqual(['Task_Acknowledge']);
  }, 60_000);
});

describe('maintenance-order sample on the ledger: service request and sent messages', () => {
  const P = 'maintenance-order';
  let ledger: SampleOnLedger;
  beforeAll(async () => {
    ledger = await sampleOnLedger('maintenance-order', { funded: ['chen-jing', 'zhao-lei', 'press-7-gateway', 'parts-desk'] });
    samples.push(ledger);
  }, 90_000);

  it('reads the request to the device with its values and the sent part order with its payload', async () => {
    const { client, signer, manifest } = ledger;
    const process = manifest.processes.find((p) => p.id === P)!;
    const start = await client.startInstance(P, signer('press-7-gateway'), { machineId: 'PRESS-7 压机', vibration: 42 });
    await client.completeTask(P, 'Service_Diagnose', start.instanceId, signer('press-7-gateway'), { faultCode: 'BRG-3', partNeeded: true });
    const events = await eventsOf(ledger, P, start.instanceId);
    expect(events.find((e) => e.kind === 'requested')).toMatchObject({ elementId: 'Service_Diagnose', txHash: start.txHash, values: { machineId: 'PRESS-7 压机', vibration: 42n } });
    expect(events.find((e) => e.kind === 'sent')).toMatchObject({ elementId: 'Send_OrderPart', values: { machineId: 'PRESS-7 压机', faultCode: 'BRG-3' } });
    const [request] = elementSteps(manifest, process, events, {});
    expect(request).toMatchObject({ kind: 'requested', name: 'Run diagnostics', requestedFrom: ['压力机7号 传感器网关'] });
    expect(request.values.map((v) => [v.field, v.raw])).toEqual([['machineId', 'PRESS-7 压机'], ['vibration', '42']]);
    // the history's script entry of the send task reads as a sent message, and the request follows the start in the timeline
    const described = describeSteps(manifest, process, await client.history(P, start.instanceId), {});
    expect(described.find((s) => s.elementId === 'Send_OrderPart')).toMatchObject({ kind: 'sent', values: [{ field: 'machineId', raw: 'PRESS-7 压机' }, { field: 'faultCode', raw: 'BRG-3' }] });
    const timeline = mergeTimeline(described, elementSteps(manifest, process, events, {}));
    expect(timeline.slice(0, 2).map((s) => s.kind)).toEqual(['started', 'requested']);
    // and the audit package has the same rows in the same order, in the timeline's words
    const t = createI18n('en').t;
    const steps = instanceTimeline(manifest, process, await client.history(P, start.instanceId), events, {});
    const rows = auditRows(manifest, [{ processId: P, instanceId: start.instanceId, steps }], (s) => timelineTitle(s, t));
    expect(rows.map((r) => [r.step, r.elementId])).toEqual(timeline.map((s) => [s.kind, s.elementId]));
    expect(rows.map((r) => r.what)).toEqual(expect.arrayContaining(['Requested from 压力机7号 传感器网关: Run diagnostics']));
    expect(rows.find((r) => r.step === 'sent')).toMatchObject({ elementId: 'Send_OrderPart', data: { Machine: 'PRESS-7 压机', 'Fault code': 'BRG-3' }, what: 'Order spare part sent with:' });
  }, 60_000);
});
