import { describe, expect, it } from 'vitest';
import { instanceProgress } from './instance-progress.js';
import type { ProcessGraph } from './process-graph.js';

// The order-fulfilment sample's shape: start, confirm, accept?, split, produce | book, join, merge, ship, inspect, ok?
const graph: ProcessGraph = {
  nodes: {
    Start: 'start', Confirm: 'task', Accept: 'gateway', Rejected: 'end', Split: 'gateway', Produce: 'task', Book: 'task',
    Join: 'gateway', Merge: 'gateway', Ship: 'task', Inspect: 'task', Ok: 'gateway', Fulfilled: 'end', Rework: 'task',
  },
  flows: [
    ['F1', 'Start', 'Confirm'], ['F2', 'Confirm', 'Accept'], ['FAccept', 'Accept', 'Split'], ['FReject', 'Accept', 'Rejected'],
    ['F3', 'Split', 'Produce'], ['F4', 'Split', 'Book'], ['F5', 'Produce', 'Join'], ['F6', 'Book', 'Join'], ['F7', 'Join', 'Merge'],
    ['F8', 'Merge', 'Ship'], ['F9', 'Ship', 'Inspect'], ['F10', 'Inspect', 'Ok'], ['FOk', 'Ok', 'Fulfilled'], ['FRework', 'Ok', 'Rework'],
    ['FBack', 'Rework', 'Merge'],
  ].map(([id, source, target]) => ({ id, source, target })),
};

describe('instanceProgress', () => {
  it('marks the started and completed steps done, the enabled tasks active, the flows between them done', () => {
    // given an order that was confirmed and accepted, with produce and book now enabled
    const p = instanceProgress(graph, { doneSteps: ['Start', 'Confirm'], enabledTasks: ['Produce', 'Book'], ended: false });
    // then
    expect([...p.active].sort()).toEqual(['Book', 'Produce']);
    for (const id of ['Start', 'F1', 'Confirm', 'F2', 'Accept', 'FAccept', 'Split', 'F3', 'F4']) expect(p.of(id)).toBe('done');
    for (const id of ['FReject', 'Rejected', 'Join', 'Ship', 'Fulfilled']) expect(p.of(id)).toBe('pending');
  });

  it('reaches the end event only once the instance has ended', () => {
    // given a rejected order (confirm, then the default flow to the end)
    const ended = instanceProgress(graph, { doneSteps: ['Start', 'Confirm'], enabledTasks: [], ended: true });
    // then the reject path is done and the accept path is not
    expect(ended.of('FReject')).toBe('done');
    expect(ended.of('Rejected')).toBe('done');
    expect(ended.of('FAccept')).toBe('pending');
    expect(ended.of('Fulfilled')).toBe('pending');
  });

  it('shows a task again waiting after a rework loop as active, not done', () => {
    // given ship and inspect done, rework done, ship enabled again
    const p = instanceProgress(graph, {
      doneSteps: ['Start', 'Confirm', 'Book', 'Produce', 'Ship', 'Inspect', 'Rework'],
      enabledTasks: ['Ship'],
      ended: false,
    });
    expect(p.of('Ship')).toBe('active');
    expect(p.of('FRework')).toBe('done');
    expect(p.of('FBack')).toBe('done');
    expect(p.of('Fulfilled')).toBe('pending');
  });

  it('ignores the marking of an ended instance', () => {
    const p = instanceProgress(graph, { doneSteps: ['Start'], enabledTasks: ['Confirm'], ended: true });
    expect(p.active.size).toBe(0);
  });
});
