import { describe, expect, it } from 'vitest';
import { diagramGroups } from './diagram-text.js';

describe('diagramGroups', () => {
  it('groups the named elements by progress, in diagram order, leaving unnamed ones out', () => {
    const nodes = {
      Start: { name: '订单已提交 Order placed' },
      Task_Confirm: { name: 'Confirm order' },
      Gateway_1: { name: 'Gateway_1', gateway: 'exclusive' },
      Task_Produce: { name: 'Produce goods' },
      Task_Ship: { name: 'Ship goods' },
    };
    const progress = { Start: 'done', Task_Confirm: 'done', Gateway_1: 'done', Task_Produce: 'active' } as const;
    expect(diagramGroups(nodes, (id) => progress[id as keyof typeof progress] ?? 'pending')).toEqual({
      done: ['订单已提交 Order placed', 'Confirm order'],
      active: ['Produce goods'],
      pending: ['Ship goods'],
    });
  });
});
