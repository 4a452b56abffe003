import { describe, expect, it } from 'vitest';
import type { BusinessObject } from './cf-model.js';
import { settingsForType } from './field-type-settings.js';

/** A cf:field as bpmn-js hands it to the panel: properties behind get(). */
const field = (props: Record<string, unknown>) => ({ get: (k: string) => props[k] }) as unknown as BusinessObject;

describe('settingsForType', () => {
  it('drops the settings the new type does not have, in the same update', () => {
    // given an enum with values, when it becomes a string, then its values go
    expect(settingsForType('string', field({ type: 'enum', values: [field({ value: 'A' })] }))).toEqual({ type: 'string', values: [] });
    // given a decimal, when it becomes a participant, then the scale goes
    expect(settingsForType('participant', field({ type: 'decimal', scale: 3 }))).toEqual({ type: 'participant', scale: undefined });
    // given a participant with a role filter, when it becomes a uint, then the filter goes
    expect(settingsForType('uint', field({ type: 'participant', role: 'Inspector' }))).toEqual({ type: 'uint', role: undefined });
  });

  it('gives a new decimal a scale of 2 and keeps one it has', () => {
    expect(settingsForType('decimal', field({ type: 'uint' }))).toEqual({ type: 'decimal', scale: 2 });
    expect(settingsForType('decimal', field({ type: 'decimal', scale: 5 }))).toEqual({ type: 'decimal' });
  });
});
