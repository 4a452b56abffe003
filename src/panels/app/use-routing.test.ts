import { describe, expect, it } from 'vitest';
import type { FieldManifest } from '../../../generators/index.js';
import { latestValues, type ProcessEvent } from './process-events.js';
import { feelValues } from './use-routing.js';

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
