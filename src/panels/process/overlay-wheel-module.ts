/**
 * bpmn-js module: the wheel keeps panning and zooming while the pointer is over an overlay (a gas
 * badge, a lint issue). diagram-js turns its wheel handling on when the pointer enters the
 * diagram's <svg> and off when it leaves it; overlays are HTML beside the svg, so a badge that a
 * pan carried under a still pointer switched the wheel off and the pan stopped mid-way.
 */
interface EventBus {
  on(event: string, listener: () => void): void;
}
interface Container {
  addEventListener(type: 'mouseover', listener: (event: { target: unknown }) => void): void;
  removeEventListener(type: 'mouseover', listener: (event: { target: unknown }) => void): void;
}
interface Canvas {
  getContainer(): Container;
}
interface ZoomScroll {
  toggle(enabled: boolean): boolean;
}

/** diagram-js's Overlays put every overlay under this element, inside the canvas's container. */
const OVERLAYS = '.djs-overlay-container';

export class OverlayWheel {
  static $inject = ['eventBus', 'canvas', 'zoomScroll'];

  constructor(eventBus: EventBus, canvas: Canvas, zoomScroll: ZoomScroll) {
    const container = canvas.getContainer();
    // the svg's mouseout (wheel off) comes before the overlay's mouseover: switch it on again
    const onOver = (event: { target: unknown }) => {
      const target = event.target as { closest?(selector: string): unknown } | null;
      if (target?.closest?.(OVERLAYS)) zoomScroll.toggle(true);
    };
    container.addEventListener('mouseover', onOver);
    eventBus.on('diagram.destroy', () => container.removeEventListener('mouseover', onOver));
  }
}

export const overlayWheelModule = {
  __init__: ['overlayWheel'],
  overlayWheel: ['type', OverlayWheel],
};
