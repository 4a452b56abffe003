import { describe, expect, it } from 'vitest';
import type { WorkItem } from '../../store/selectors.js';
import { filterWorkItems, isRegulator, NO_WORK_FILTER } from './work-list-filter.js';

const item = (processId: string, id: bigint, name: string, documentation?: string) =>
  ({ processId, instance: { instanceId: id }, task: { elementId: `T_${name}`, name, documentation } }) as unknown as WorkItem;

const items = [item('order', 1n, 'Ship goods'), item('order', 3n, '确认订单', 'accept or reject'), item('claim', 2n, 'Assess claim')];
const names: Record<string, string> = { order: 'Order fulfilment', claim: '理赔 Claims' };
const ids = (list: WorkItem[]) => list.map((i) => `${i.processId}#${i.instance.instanceId}`);

describe('filterWorkItems', () => {
  it('puts the newest instance first by default, the oldest on request, or sorts by task name', () => {
    expect(ids(filterWorkItems(items, NO_WORK_FILTER, (p) => names[p]))).toEqual(['order#3', 'claim#2', 'order#1']);
    expect(ids(filterWorkItems(items, { ...NO_WORK_FILTER, sort: 'oldest' }, (p) => names[p]))).toEqual(['order#1', 'claim#2', 'order#3']);
    expect(filterWorkItems(items, { ...NO_WORK_FILTER, sort: 'task' }, (p) => names[p]).map((i) => i.task.name)[0]).toBe('Assess claim');
  });

  it('sorts by deadline: earliest due first, tasks without a deadline last (oldest instance first among them)', () => {
    const due: Record<string, number> = { 'order#3': 2_000, 'claim#2': 1_000 };
    const dueOf = (i: WorkItem) => due[`${i.processId}#${i.instance.instanceId}`];
    expect(ids(filterWorkItems([...items, item('order', 4n, 'Pay')], { ...NO_WORK_FILTER, sort: 'due' }, (p) => names[p], 'en', dueOf))).toEqual([
      'claim#2', 'order#3', 'order#1', 'order#4',
    ]);
  });

  it('keeps one process, or what matches the text in task, documentation, process name or instance number', () => {
    expect(ids(filterWorkItems(items, { ...NO_WORK_FILTER, processId: 'claim' }, (p) => names[p]))).toEqual(['claim#2']);
    expect(ids(filterWorkItems(items, { ...NO_WORK_FILTER, text: '确认' }, (p) => names[p]))).toEqual(['order#3']);
    expect(ids(filterWorkItems(items, { ...NO_WORK_FILTER, text: 'REJECT' }, (p) => names[p]))).toEqual(['order#3']);
    expect(ids(filterWorkItems(items, { ...NO_WORK_FILTER, text: '理赔' }, (p) => names[p]))).toEqual(['claim#2']);
    expect(ids(filterWorkItems(items, { ...NO_WORK_FILTER, text: '#1' }, (p) => names[p]))).toEqual(['order#1']);
    expect(filterWorkItems(items, { ...NO_WORK_FILTER, text: 'nothing like it' }, (p) => names[p])).toEqual([]);
  });
});

describe('isRegulator', () => {
  const roles = [{ id: 'Buyer', name: 'Buyer' }, { id: 'Regulator', name: 'Regulator' }, { id: 'r9', name: '市场监管' }];
  it('recognises the role by id or by name, in English or Chinese', () => {
    expect(isRegulator(['Regulator'], roles)).toBe(true);
    expect(isRegulator(['r9'], roles)).toBe(true);
    expect(isRegulator(['Buyer'], roles)).toBe(false);
    expect(isRegulator([], roles)).toBe(false);
  });
});
