import { describe, expect, it } from 'vitest';
import type { AppManifest, ProcessManifest } from '../../../generators/index.js';
import { eventsByInstance, type ProcessEvent } from './process-events.js';
import type { ProcessGraph } from './process-graph.js';
import { instancesByState, pickThroughputMode, stepDurations, throughput, upstreamSteps, workHolders } from './dashboard-stats.js';

// Start -> Confirm -> split -> (Produce || Book) -> join -> merge -> Ship -> Inspect -> ok? end : Rework -> merge
const graph: ProcessGraph = {
  nodes: {
    Start: 'start', Confirm: 'task', Split: 'gateway', Produce: 'task', Book: 'task', Join: 'gateway', Merge: 'gateway',
    Ship: 'task', Inspect: 'task', Ok: 'gateway', Rework: 'task', End: 'end',
  },
  flows: [
    ['Start', 'Confirm'], ['Confirm', 'Split'], ['Split', 'Produce'], ['Split', 'Book'], ['Produce', 'Join'], ['Book', 'Join'],
    ['Join', 'Merge'], ['Merge', 'Ship'], ['Ship', 'Inspect'], ['Inspect', 'Ok'], ['Ok', 'End'], ['Ok', 'Rework'], ['Rework', 'Merge'],
  ].map(([source, target], i) => ({ id: `F${i}`, source, target })),
};

const task = (elementId: string, role: string) => ({ elementId, name: `${elementId} task`, role });
const process = {
  id: 'order',
  tasks: [task('Confirm', 'Sales'), task('Produce', 'Production'), task('Book', 'Carrier'), task('Ship', 'Carrier'), task('Inspect', 'Buyer'), task('Rework', 'Production')],
} as unknown as ProcessManifest;

const manifest = {
  roles: [{ id: 'Sales', name: '销售 Sales' }, { id: 'Carrier', name: 'Carrier' }, { id: 'Production', name: 'Production' }, { id: 'Buyer', name: 'Buyer' }],
  organizations: [{ id: 's', name: 'Supplier' }, { id: 'c', name: '物流 Logistics' }],
  participants: [
    { id: 'zhang', name: '张伟', organization: 's', roles: ['Sales'] },
    { id: 'li', name: '李伟', organization: 'c', roles: ['Carrier'] },
    { id: 'zhao', name: '赵敏', organization: 'c', roles: ['Carrier'] },
  ],
} as unknown as AppManifest;

let n = 0;
/** One event of instance `id` in block `block`. */
function ev(id: number, kind: ProcessEvent['kind'], elementId: string, block: number): ProcessEvent {
  const base = { instanceId: BigInt(id), elementId, blockNumber: block, txHash: `0x${block}`, logIndex: n++ };
  if (kind === 'started' || kind === 'completed' || kind === 'timerFired') return { ...base, kind, by: '0x1', timer: 0 } as ProcessEvent;
  if (kind === 'timerStarted') return { ...base, kind, timer: 0, dueAt: 0 };
  return { ...base, kind: 'ended' };
}

// block b was mined at 1000 * b seconds (block 100 on 1970-01-02, the others on day 0)
const times: Record<number, number> = Object.fromEntries(Array.from({ length: 101 }, (_, b) => [b, 1000 * b]));

describe('dashboard numbers', () => {
  it('counts instances by state and by the task they wait at', () => {
    const instances = [
      { instanceId: 1n, ended: true, enabledTasks: [] },
      { instanceId: 2n, ended: false, enabledTasks: [task('Produce', 'Production'), task('Book', 'Carrier')] },
      { instanceId: 3n, ended: false, enabledTasks: [task('Book', 'Carrier')] },
    ];
    expect(instancesByState(process, instances)).toEqual({
      running: 2,
      ended: 1,
      waitingAt: [{ elementId: 'Produce', name: 'Produce task', count: 1 }, { elementId: 'Book', name: 'Book task', count: 2 }],
    });
  });

  it('counts starts and ends per block range, or per day once events span days', () => {
    const events = [ev(1, 'started', 'Start', 2), ev(2, 'started', 'Start', 3), ev(1, 'completed', 'Confirm', 4), ev(1, 'ended', '', 30)];
    expect(pickThroughputMode(events, times)).toBe('blocks');
    // blocks 2..30 in at most 14 ranges of 3 blocks: starts in the first range, the end in the last
    const blocks = throughput(events, times, 'blocks');
    expect(blocks[0]).toEqual({ label: '2–4', started: 2, ended: 0 });
    expect(blocks.at(-1)).toEqual({ label: '29–30', started: 0, ended: 1 });
    expect(blocks.reduce((s, b) => s + b.started, 0)).toBe(2);

    const later = [...events, ev(3, 'started', 'Start', 100)];
    expect(pickThroughputMode(later, times)).toBe('day');
    expect(throughput(later, times, 'day')).toEqual([
      { label: '1970-01-01', started: 2, ended: 1 },
      { label: '1970-01-02', started: 1, ended: 0 },
    ]);
    // an event whose block time is unknown is left out of days, not put on day 0
    expect(throughput([ev(4, 'started', 'Start', 500)], times, 'day')).toEqual([]);
  });

  it('finds the steps upstream of a task through gateways only', () => {
    expect([...upstreamSteps(graph, 'Book')].sort()).toEqual(['Confirm', 'Split']);
    expect([...upstreamSteps(graph, 'Ship')].sort()).toEqual(['Book', 'Join', 'Merge', 'Produce', 'Rework']);
  });

  it('measures each step from the step that enabled it, across parallel branches and loops', () => {
    const events = [
      ev(1, 'started', 'Start', 1),
      ev(1, 'completed', 'Confirm', 3), // waited 2000 s
      ev(1, 'completed', 'Produce', 10), // 7000 s after Confirm
      ev(1, 'completed', 'Book', 4), // 1000 s after Confirm, not after Produce: it was enabled by Confirm
      ev(1, 'completed', 'Ship', 12), // after the join: the later of Produce and Book (block 10)
      ev(1, 'completed', 'Inspect', 13),
      ev(1, 'completed', 'Rework', 20),
      ev(1, 'completed', 'Ship', 21), // the second pass counts from Rework: 1000 s
      ev(2, 'started', 'Start', 30),
      ev(2, 'completed', 'Confirm', 36), // 6000 s: the slowest Confirm
    ];
    // chain order is block order
    events.sort((a, b) => a.blockNumber - b.blockNumber);
    const rows = stepDurations(process, graph, eventsByInstance(events), times);
    const byTask = Object.fromEntries(rows.map((r) => [r.elementId, r]));
    expect(byTask.Confirm).toMatchObject({ count: 2, averageSeconds: 4000, slowest: { seconds: 6000, instanceId: 2n } });
    expect(byTask.Book).toMatchObject({ count: 1, averageSeconds: 1000 });
    expect(byTask.Produce).toMatchObject({ count: 1, averageSeconds: 7000 });
    expect(byTask.Ship).toMatchObject({ count: 2, averageSeconds: 1500, slowest: { seconds: 2000, instanceId: 1n } });
    // a task never completed has no row; a completion whose block time is unknown is not a sample
    expect(byTask.Escalate).toBeUndefined();
    expect(stepDurations(process, graph, eventsByInstance(events), { ...times, 36: undefined as never })[0]).toMatchObject({ elementId: 'Confirm', count: 1 });
  });

  it('says which roles hold work now, with their participants and the oldest waiting task', () => {
    const events = [ev(1, 'started', 'Start', 1), ev(1, 'completed', 'Confirm', 3), ev(2, 'started', 'Start', 5), ev(2, 'completed', 'Confirm', 8), ev(3, 'started', 'Start', 9)];
    const instances = [
      { instanceId: 1n, ended: false, enabledTasks: [task('Produce', 'Production'), task('Book', 'Carrier')] },
      { instanceId: 2n, ended: false, enabledTasks: [task('Book', 'Carrier')] },
      { instanceId: 3n, ended: false, enabledTasks: [task('Confirm', 'Sales')] },
      { instanceId: 4n, ended: true, enabledTasks: [] },
    ];
    const holders = workHolders(manifest, process, graph, instances, eventsByInstance(events), times);
    expect(holders.map((h) => [h.roleName, h.waiting, h.instanceIds, h.oldestSince])).toEqual([
      ['Carrier', 2, [1n, 2n], 3000],
      ['Production', 1, [1n], 3000],
      ['销售 Sales', 1, [3n], 9000],
    ]);
    expect(holders[0].participants).toEqual([{ name: '李伟', organization: '物流 Logistics' }, { name: '赵敏', organization: '物流 Logistics' }]);
    expect(holders[1].participants).toEqual([]); // nobody holds the Production role
  });
});
