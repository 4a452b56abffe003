import { describe, expect, it } from 'vitest';
import { GasBadges } from './gas-badges-module.js';

function fakeModeler() {
  const listeners = new Map<string, (() => void)[]>();
  const calls: string[] = [];
  const eventBus = {
    on: (event: string, listener: () => void) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    fire: (event: string) => listeners.get(event)?.forEach((l) => l()),
  };
  const overlays = { add: () => (calls.push('add'), 'id'), remove: () => void calls.push('remove') };
  const registry = { get: () => undefined };
  return { eventBus, calls, badges: new GasBadges(eventBus, overlays, registry) };
}

describe('GasBadges', () => {
  it('draws nothing once the modeler is destroyed (an estimate that lands after the panel closed)', () => {
    // given badges on a live modeler
    const m = fakeModeler();
    m.badges.show([]);
    expect(m.calls).toEqual(['remove']);
    // when the panel closes and an estimate lands afterwards
    m.eventBus.fire('diagram.destroy');
    m.badges.show([{ elementId: 'Task_A', text: '31.5k', title: '', gas: 31_500 }]);
    // then the destroyed canvas is not touched
    expect(m.calls).toEqual(['remove']);
  });
});
