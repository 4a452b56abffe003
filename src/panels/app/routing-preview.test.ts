import { describe, expect, it } from 'vitest';
import type { FieldInScope } from '../../../generators/feel/check-feel.js';
import { blockingPreview, compileConditions, decidedGateways, previewRouting, type RoutingGraph } from './routing-preview.js';

const FIELDS: FieldInScope[] = [
  { name: 'amount', type: 'uint' },
  { name: 'count', type: 'uint' },
  { name: 'urgent', type: 'bool' },
  { name: 'region', type: 'string' },
];

/** Enter order -> merge -> "Amount?" (no default): amount > 10000 -> Bank approval, amount <= 10000 and urgent -> Fast track. */
function graph(withDefault = false): RoutingGraph {
  return {
    nodes: {
      Task_Enter: { name: 'Enter order' },
      Gateway_Merge: { name: 'Gateway_Merge', gateway: 'exclusive' },
      Gateway_Amount: { name: 'Amount?', gateway: 'exclusive', ...(withDefault ? { defaultFlow: 'Flow_Normal' } : {}) },
      Task_Bank: { name: 'Bank approval' },
      Task_Fast: { name: 'Fast track' },
      Task_Normal: { name: 'Normal handling' },
    },
    flows: [
      { id: 'Flow_1', source: 'Task_Enter', target: 'Gateway_Merge' },
      { id: 'Flow_2', source: 'Gateway_Merge', target: 'Gateway_Amount' },
      { id: 'Flow_Big', source: 'Gateway_Amount', target: 'Task_Bank', condition: 'amount > 10000' },
      { id: 'Flow_Urgent', source: 'Gateway_Amount', target: 'Task_Fast', name: '加急 fast', condition: 'amount <= 10000 and urgent' },
      ...(withDefault ? [{ id: 'Flow_Normal', source: 'Gateway_Amount', target: 'Task_Normal' }] : []),
    ],
  };
}

const preview = (g: RoutingGraph, values: Record<string, bigint | boolean | string | undefined>) => previewRouting(g, 'Task_Enter', FIELDS, compileConditions(g, FIELDS), values);

describe('previewRouting', () => {
  it('finds the gateway a step decides through a merge, and says where each value goes', () => {
    const g = graph();
    expect(decidedGateways(g, 'Task_Enter')).toEqual(['Gateway_Amount']);
    // when the amount typed is above 10000, the bank approval branch is taken
    const [big] = preview(g, { amount: 25_000n, urgent: false });
    expect(big.branches.map((b) => [b.condition, b.to, b.reads, b.state])).toEqual([
      ['amount > 10000', 'Bank approval', ['amount'], 'taken'],
      ['amount <= 10000 and urgent', '加急 fast', ['amount', 'urgent'], 'not-taken'],
    ]);
    expect(big.noBranch).toBe(false);
    // when it is small and urgent, the fast track
    expect(preview(g, { amount: 500n, urgent: true })[0].branches.map((b) => b.state)).toEqual(['not-taken', 'taken']);
  });

  it('reports that no branch would be taken when every condition fails and there is no default', () => {
    const [none] = preview(graph(), { amount: 500n, urgent: false });
    expect(none.noBranch).toBe(true);
    expect(blockingPreview([none])).toEqual({ gateway: none });
    // with a default flow the step goes there instead and is not refused
    const [withDefault] = preview(graph(true), { amount: 500n, urgent: false });
    expect(withDefault).toMatchObject({ noBranch: false, defaultTaken: true, defaultTo: 'Normal handling' });
    expect(blockingPreview([withDefault])).toBeUndefined();
  });

  it('never refuses on values it does not know yet', () => {
    const [unknown] = preview(graph(), { amount: 500n });
    expect(unknown.branches.map((b) => [b.state, b.detail])).toEqual([
      ['not-taken', undefined],
      ['unknown', 'urgent'],
    ]);
    expect(unknown.noBranch).toBe(false);
    expect(blockingPreview(preview(graph(), {}))).toBeUndefined();
  });

  it('says when a condition would revert on chain (division by zero), as the contract would', () => {
    const g: RoutingGraph = {
      nodes: { T: { name: 'T' }, G: { name: 'Per item?', gateway: 'exclusive', defaultFlow: 'F_d' }, A: { name: 'A' }, B: { name: 'B' } },
      flows: [
        { id: 'F_in', source: 'T', target: 'G' },
        { id: 'F_a', source: 'G', target: 'A', condition: 'amount / count > 100' },
        { id: 'F_d', source: 'G', target: 'B' },
      ],
    };
    const [g0] = previewRouting(g, 'T', FIELDS, compileConditions(g, FIELDS), { amount: 5n, count: 0n });
    expect(g0.branches[0]).toMatchObject({ state: 'reverts', detail: expect.stringContaining('Panic') });
    expect(blockingPreview([g0])?.branch?.flowId).toBe('F_a');
    expect(previewRouting(g, 'T', FIELDS, compileConditions(g, FIELDS), { amount: 500n, count: 2n })[0].branches[0].state).toBe('taken');
  });

  it('treats an inclusive split as taking every true branch, and an unconditional flow as always taken', () => {
    const g: RoutingGraph = {
      nodes: { T: { name: 'T' }, G: { name: 'Notify', gateway: 'inclusive' }, A: { name: 'A' }, B: { name: 'B' }, C: { name: 'C' } },
      flows: [
        { id: 'F_in', source: 'T', target: 'G' },
        { id: 'F_a', source: 'G', target: 'A', condition: 'amount > 1' },
        { id: 'F_b', source: 'G', target: 'B', condition: 'region = "华东"' },
      ],
    };
    const fields = compileConditions(g, FIELDS);
    expect(previewRouting(g, 'T', FIELDS, fields, { amount: 5n, region: '华东' })[0].branches.map((b) => b.state)).toEqual(['taken', 'taken']);
    expect(previewRouting(g, 'T', FIELDS, fields, { amount: 0n, region: '华北' })[0].noBranch).toBe(true);
    g.flows.push({ id: 'F_c', source: 'G', target: 'C' });
    expect(previewRouting(g, 'T', FIELDS, fields, { amount: 0n, region: '华北' })[0].noBranch).toBe(false);
  });

  it('shows conditions on earlier steps’ values but never refuses on them (they may lag the chain)', () => {
    const g = graph();
    const compiled = compileConditions(g, FIELDS);
    // given "urgent" came from an earlier step and only "amount" is on this form
    const [fromEarlier] = previewRouting(g, 'Task_Enter', FIELDS, compiled, { amount: 500n, urgent: false }, new Set(['amount']));
    // then the branch reading it is evaluated and says so, yet no refusal follows from it
    expect(fromEarlier.branches.map((b) => [b.state, b.earlier])).toEqual([
      ['not-taken', []],
      ['not-taken', ['urgent']],
    ]);
    expect(fromEarlier.noBranch).toBe(false);
    expect(blockingPreview([fromEarlier])).toBeUndefined();
    // when both are on the form, the same values are refused
    expect(previewRouting(g, 'Task_Enter', FIELDS, compiled, { amount: 500n, urgent: false }, new Set(['amount', 'urgent']))[0].noBranch).toBe(true);
  });
});
