import { describe, expect, it } from 'vitest';
import type { FieldManifest } from '../../../generators/index.js';
import { latestValues, type ProcessEvent } from './process-events.js';
import { feelValues, fieldsInScope } from './use-routing.js';

const field = (name: string, type: FieldManifest['type'], required = true): FieldManifest => ({ name, identifier: name, type, required });

describe('feelValues', () => {
  it('gives each typed field the value the step will send, as FEEL sees it; a draft in error is not known', () => {
    const fields = [field('amount', 'uint'), field('urgent', 'bool'), field('note', 'string', false), field('count', 'int'), field('due', 'uint')];
    expect(feelValues(fields, { amount: ' 25000 ', urgent: true, note: '', count: '-3', due: 'soon' })).toEqual({ amount: 25_000n, urgent: true, note: '', count: -3n });
    // an empty required field is not known yet (the form will ask for it), an empty optional one is its zero
    expect(feelValues([field('amount', 'uint'), field('extra', 'uint', false)], { amount: '', extra: '' })).toEqual({ extra: 0n });
  });

  it('takes values from earlier steps, overridden by the form (a field in error is not known at all)', () => {
    const fields = [field('amount', 'uint')];
    expect(feelValues(fields, { amount: '7' }, { amount: 1n, region: '华东' })).toEqual({ amount: 7n, region: '华东' });
    expect(feelValues(fields, { amount: 'x' }, { amount: 1n })).toEqual({});
  });
});

describe('latestValues', () => {
  it('folds the values of an instance’s start and task events, the latest winning', () => {
    const base = { instanceId: 1n, blockNumber: 1, txHash: '0x', logIndex: 0, by: '0x1' };
    const events: ProcessEvent[] = [
      { ...base, kind: 'started', elementId: 'Start', values: { item: '齿轮', quantity: 120n } },
      { ...base, kind: 'timerStarted', elementId: 'T', timer: 0, dueAt: 5 },
      { ...base, kind: 'completed', elementId: 'Task', values: { quantity: 100n, ok: true } },
    ];
    expect(latestValues(events)).toEqual({ item: '齿轮', quantity: 100n, ok: true });
  });
});

describe('routing of typed fields', () => {
  it('compares an enum by its value text and a decimal exactly at its scale, from what the form holds', async () => {
    const { compileConditions, previewRouting } = await import('./routing-preview.js');
    const grade: FieldManifest = { name: '质量等级', identifier: 'grade', type: 'enum', required: true, values: ['合格', '返工', '报废'] };
    const weight: FieldManifest = { name: 'weight', identifier: 'weight', type: 'decimal', required: true, scale: 3, unit: 'kg' };
    const process = { start: { fields: [weight] }, tasks: [{ fields: [grade, weight] }] } as unknown as Parameters<typeof fieldsInScope>[0];
    const scope = fieldsInScope(process);
    expect(scope.map((f) => f.name)).toEqual(['weight', '质量等级']);
    const g = {
      nodes: { Task: { name: 'Inspect' }, Gw: { name: 'Grade?', gateway: 'exclusive' as const }, Ship: { name: 'Ship' }, Rework: { name: 'Rework' } },
      flows: [
        { id: 'F1', source: 'Task', target: 'Gw' },
        { id: 'F_Ship', source: 'Gw', target: 'Ship', condition: '质量等级 = "合格" and weight <= 12.5' },
        { id: 'F_Rework', source: 'Gw', target: 'Rework', condition: '质量等级 = "返工"' },
      ],
    };
    const compiled = compileConditions(g, scope);
    expect([...compiled.values()].every((c) => c.expr)).toBe(true);
    const states = (drafts: Record<string, string>) => previewRouting(g, 'Task', scope, compiled, feelValues([grade, weight], drafts))[0].branches.map((b) => b.state);
    // the select gives the value's index; "12.5" is 12500 at scale 3, exactly at the limit
    expect(states({ 质量等级: '0', weight: '12.5' })).toEqual(['taken', 'not-taken']);
    expect(states({ 质量等级: '0', weight: '12.501' })).toEqual(['not-taken', 'not-taken']);
    expect(states({ 质量等级: '1', weight: '3' })).toEqual(['not-taken', 'taken']);
    // a decimal with more digits than its scale is not a value the step could send: not known
    expect(feelValues([weight], { weight: '1.0001' })).toEqual({});
  });
});
