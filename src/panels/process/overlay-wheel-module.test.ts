import { describe, expect, it } from 'vitest';
import { OverlayWheel } from './overlay-wheel-module.js';

type Listener = (event: { target: unknown }) => void;

function fakeCanvas() {
  const listeners = new Map<string, (() => void)[]>();
  const eventBus = {
    on: (event: string, listener: () => void) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    fire: (event: string) => listeners.get(event)?.forEach((l) => l()),
  };
  let over: Listener | undefined;
  const container = {
    addEventListener: (_: 'mouseover', l: Listener) => void (over = l),
    removeEventListener: (_: 'mouseover', l: Listener) => void (over = over === l ? undefined : over),
  };
  const toggles: boolean[] = [];
  const zoomScroll = { toggle: (enabled: boolean) => (toggles.push(enabled), enabled) };
  new OverlayWheel(eventBus, { getContainer: () => container }, zoomScroll);
  /** The pointer enters an element inside (or outside) the overlays. */
  const enter = (inOverlay: boolean) => over?.({ target: { closest: (s: string) => (inOverlay && s === '.djs-overlay-container' ? {} : null) } });
  return { eventBus, toggles, enter, listening: () => over !== undefined };
}

describe('OverlayWheel', () => {
  it('turns the wheel on when the pointer comes over an overlay, and only then', () => {
    // given a canvas whose wheel handling the svg's mouseout turned off
    const c = fakeCanvas();
    // when the pointer enters a shape's part or the palette (not an overlay)
    c.enter(false);
    c.enter(false);
    // then nothing changes; when it enters a gas badge, the wheel is on again
    expect(c.toggles).toEqual([]);
    c.enter(true);
    expect(c.toggles).toEqual([true]);
  });

  it('stops listening when the modeler is destroyed', () => {
    const c = fakeCanvas();
    c.eventBus.fire('diagram.destroy');
    expect(c.listening()).toBe(false);
  });
});
