import { describe, expect, it } from 'vitest';
import type { TaskManifest } from '../../../generators/index.js';
import { activationFinished, describeCompletion, hasDoneItsPart, instanceTotal, multiInstanceItem, multiInstanceProgress, taskProgress } from './multi-instance-progress.js';
import type { ProcessEvent } from './process-events.js';

const task = (multi: Partial<NonNullable<TaskManifest['multiInstance']>> = {}): TaskManifest => ({
  elementId: 'Task_Approve', name: 'Approve', role: 'Bank', functionName: 'approve', eventName: 'ApproveCompleted', bit: 3, fields: [],
  multiInstance: { index: 0, sequential: false, cardinality: 3, countFunction: 'completedInstances', ...multi },
});
let block = 1;
const done = (by: string, elementId = 'Task_Approve'): ProcessEvent => ({ kind: 'completed', instanceId: 1n, elementId, by, blockNumber: block++, txHash: `0x${block}`, logIndex: 0 });
const fired = (timer: number): ProcessEvent => ({ kind: 'timerFired', instanceId: 1n, elementId: 'T', timer, by: '0xany', blockNumber: block++, txHash: `0x${block}`, logIndex: 0 });

describe('multi-instance progress', () => {
  it('counts the completions of the current activation and who made them', () => {
    // given a 2-of-3 task with one approval, after an earlier activation that finished with two
    const t = task({ completionCondition: 'nrOfCompletedInstances >= 2' });
    const events = [done('0xA'), done('0xB'), done('0xOther', 'Task_Disburse'), done('0xC')];
    // when the progress is read
    const p = multiInstanceProgress(t, events, 3);
    // then only the current activation counts
    expect(p).toEqual({ completed: 1, total: 3, doneBy: ['0xC'], condition: { enough: 2 } });
    expect(hasDoneItsPart(t, p, '0xc')).toBe(true);
    expect(hasDoneItsPart(t, p, '0xA')).toBe(false);
  });

  it('without a condition an activation ends when all n are done', () => {
    const p = multiInstanceProgress(task(), [done('0xA'), done('0xB'), done('0xC'), done('0xD')], 3);
    expect(p.doneBy).toEqual(['0xD']);
    expect(p.condition).toBeUndefined();
  });

  it('a sequential task lets the same participant do the next instance', () => {
    const t = task({ sequential: true });
    const p = multiInstanceProgress(t, [done('0xA')], 3);
    expect(hasDoneItsPart(t, p, '0xA')).toBe(false);
  });

  it('an interrupting timer on the task ends the activation; a reminder does not', () => {
    const t = task();
    const process = { tasks: [t], timers: [
      { index: 0, elementId: 'Deadline', name: 'd', duration: 'PT1H', seconds: 3600, functionName: 'f', bit: 5, attachedToTaskId: 'Task_Approve', interrupting: true },
      { index: 1, elementId: 'Reminder', name: 'r', duration: 'PT1H', seconds: 3600, functionName: 'g', bit: 6, attachedToTaskId: 'Task_Approve', interrupting: false },
    ] };
    expect(taskProgress({ participants: [] }, process, t, [done('0xA'), fired(1)])?.completed).toBe(1);
    expect(taskProgress({ participants: [] }, process, t, [done('0xA'), fired(0), done('0xB')])?.doneBy).toEqual(['0xB']);
  });

  it('an interrupting message on the subprocess holding the task ends the activation; a non-interrupting one does not', () => {
    // given the task inside subprocess Sub with two message boundaries on Sub
    const t = { ...task(), subprocessId: 'Sub' };
    const message = (elementId: string, interrupting: boolean): TaskManifest => ({ elementId, name: elementId, role: 'Buyer', functionName: 'f', eventName: 'E', bit: 7, fields: [], kind: 'message', attachedToSubprocessId: 'Sub', interrupting });
    const process = { tasks: [t, message('Cancel', true), message('Change', false)] };
    // when the change is delivered, the count goes on; when the cancellation is, a later completion starts anew
    expect(taskProgress({ participants: [] }, process, t, [done('0xA'), done('0xC', 'Change')])?.completed).toBe(1);
    expect(taskProgress({ participants: [] }, process, t, [done('0xA'), done('0xC', 'Cancel'), done('0xB')])?.doneBy).toEqual(['0xB']);
  });

  it('evaluates the completion condition over the counters as the contract does', () => {
    expect(activationFinished('nrOfCompletedInstances >= 2', 1, 3)).toBe(false);
    expect(activationFinished('nrOfCompletedInstances >= 2', 2, 3)).toBe(true);
    expect(activationFinished('nrOfActiveInstances < 2', 2, 3)).toBe(true);
    expect(activationFinished('nrOfActiveInstances < 2', 1, 3)).toBe(false);
    expect(activationFinished(undefined, 3, 3)).toBe(true);
  });

  it('reads common conditions in words and shows any other as modeled', () => {
    expect(describeCompletion('nrOfCompletedInstances >= 2')).toEqual({ enough: 2 });
    expect(describeCompletion('nrOfCompletedInstances > 1')).toEqual({ enough: 2 });
    expect(describeCompletion('nrOfCompletedInstances / nrOfInstances >= 0.5')).toEqual({ text: 'nrOfCompletedInstances / nrOfInstances >= 0.5' });
    expect(describeCompletion('  ')).toBeUndefined();
  });

  it('a forEachOf task has one instance per holder of the role', () => {
    const participants = [{ roles: ['Bank'] }, { roles: ['Bank', 'Supplier'] }, { roles: ['Supplier'] }] as never;
    expect(instanceTotal(task({ cardinality: 0, forEachOf: 'Bank' }), { participants })).toBe(2);
    expect(instanceTotal(task(), { participants })).toBe(3);
  });

  it('hides the work item from who did their part, and from everyone while a confirmed completion is not read yet', () => {
    const t = task({ completionCondition: 'nrOfCompletedInstances >= 2' });
    const process = { tasks: [t], timers: [] };
    const first = done('0xA');
    // given A's completion is read: A no longer sees the item, B sees 1 of 3
    expect(multiInstanceItem({ participants: [] }, process, t, [first], '0xA', first.txHash).hidden).toBe(true);
    expect(multiInstanceItem({ participants: [] }, process, t, [first], '0xB')).toMatchObject({ hidden: false, progress: { completed: 1 } });
    // given a completion confirmed but its event not read yet: nobody sees the item until it is
    expect(multiInstanceItem({ participants: [] }, process, t, [], '0xA', '0xnot-read').hidden).toBe(true);
    // a task that is not multi-instance is never hidden here
    expect(multiInstanceItem({ participants: [] }, process, { ...t, multiInstance: undefined }, [], '0xA', '0xnot-read')).toEqual({ hidden: false });
  });
});
