import { describe, expect, it } from 'vitest';
import type { AppManifest, ProcessManifest } from '../../../generators/index.js';
import type { DescribedStep } from './describe-steps.js';
import { mergeTimeline, requestedFrom, subprocessStates } from './element-events.js';

const step = (kind: DescribedStep['kind'], elementId: string, blockNumber: number, txHash: string): DescribedStep => ({ kind, elementId, name: elementId, blockNumber, txHash, values: [] });

describe('timeline of the newer elements', () => {
  it('puts a request or caught error after the step whose transaction emitted it, before that transaction ends the instance', () => {
    // given the history of three transactions
    const history = [step('started', 'Start', 1, '0x1'), step('completed', 'Review', 2, '0x2'), step('ended', '', 2, '0x2'), step('completed', 'Late', 4, '0x4')];
    // when a request from the start's transaction, an error caught in the review's and an event of a block without history entries are merged
    const merged = mergeTimeline(history, [step('requested', 'Diagnose', 1, '0x1'), step('errorCaught', 'Error_B', 2, '0x2'), step('requested', 'Other', 3, '0x3')]);
    // then each sits where it happened
    expect(merged.map((s) => s.elementId)).toEqual(['Start', 'Diagnose', 'Review', 'Error_B', '', 'Other', 'Late']);
  });

  it('names the devices holding a service task role, else every holder', () => {
    const manifest = { participants: [
      { id: 'g', name: '网关 Gateway', kind: 'device', organization: 'o', roles: ['Machine'] },
      { id: 'p', name: 'Operator', kind: 'person', organization: 'o', roles: ['Machine', 'Ops'] },
    ] } as AppManifest;
    expect(requestedFrom(manifest, 'Machine')).toEqual(['网关 Gateway']);
    expect(requestedFrom(manifest, 'Ops')).toEqual(['Operator']);
  });

  it('tells a subprocess the instance is inside, one it left, and one not entered', () => {
    const process = {
      subprocesses: [{ elementId: 'Sub_A', name: 'A', bit: 1 }, { elementId: 'Sub_Inner', name: 'Inner', bit: 2, parentId: 'Sub_A' }, { elementId: 'Sub_B', name: 'B', bit: 4 }, { elementId: 'Sub_C', name: 'C', bit: 6 }],
      tasks: [{ elementId: 'T_inner', subprocessId: 'Sub_Inner' }, { elementId: 'T_b', subprocessId: 'Sub_B' }],
      errorBoundaries: [{ index: 0, elementId: 'Err_C', name: 'e', subprocessId: 'Sub_C' }],
      timers: [],
    } as unknown as ProcessManifest;
    // A is running (bit 1), its inner one was left after T_inner, B was never entered, C was left by a caught error
    const states = subprocessStates(process, 1n << 1n, ['T_inner', 'Err_C']);
    expect(Object.fromEntries(states)).toEqual({ Sub_A: 'active', Sub_Inner: 'done', Sub_C: 'done' });
  });

  it('tells a subprocess left by an interrupting message boundary on it as done', () => {
    const process = {
      subprocesses: [{ elementId: 'Sub_A', name: 'A', bit: 1 }],
      tasks: [{ elementId: 'T_inner', subprocessId: 'Sub_A' }, { elementId: 'Cancel', kind: 'message', attachedToSubprocessId: 'Sub_A', interrupting: true }],
      timers: [],
    } as unknown as ProcessManifest;
    // withdrawn before any task inside was done: only the delivered message tells it was entered
    expect(Object.fromEntries(subprocessStates(process, 0n, ['Cancel']))).toEqual({ Sub_A: 'done' });
    expect(Object.fromEntries(subprocessStates(process, 0n, []))).toEqual({});
  });
});
