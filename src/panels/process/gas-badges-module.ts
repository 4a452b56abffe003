/**
 * bpmn-js module that pins a small gas badge above each element that has a figure (the start
 * event: instance creation; each task), as bpmn-js overlays of type `cf-gas`. The badges are
 * kept and put back after every import (another process shown, an outside change). `stale`
 * dims them while a newer estimate runs.
 */
import { overlayWheelModule } from './overlay-wheel-module.js';

export interface GasBadge {
  elementId: string;
  /** Short figure on the badge ("52.1k"). */
  text: string;
  /** The full figures, on hover. */
  title: string;
  /** The median gas, for tests and tools (data-gas). */
  gas: number;
}

interface EventBus {
  on(event: string, listener: () => void): void;
}
interface Overlays {
  add(element: string, type: string, overlay: { position: { top?: number; right?: number; left?: number; bottom?: number }; html: HTMLElement; scale?: { min?: number; max?: number } }): string;
  remove(filter: { type: string }): void;
}
interface ElementRegistry {
  get(id: string): object | undefined;
}

const TYPE = 'cf-gas';

export class GasBadges {
  static $inject = ['eventBus', 'overlays', 'elementRegistry'];
  private badges: GasBadge[] = [];
  private stale = false;
  /** The modeler was destroyed (the panel closed): an estimate that lands later draws nothing. */
  private destroyed = false;

  constructor(
    eventBus: EventBus,
    private readonly overlays: Overlays,
    private readonly elementRegistry: ElementRegistry,
  ) {
    eventBus.on('import.done', () => this.apply());
    eventBus.on('diagram.destroy', () => (this.destroyed = true));
  }

  /** Replaces the badges; an element missing from the diagram is skipped. */
  show(badges: GasBadge[], stale = false): void {
    this.badges = badges;
    this.stale = stale;
    this.apply();
  }

  private apply(): void {
    if (this.destroyed) return;
    this.overlays.remove({ type: TYPE });
    for (const b of this.badges) {
      if (!this.elementRegistry.get(b.elementId)) continue;
      const html = document.createElement('div');
      html.className = `cf-gas-badge${this.stale ? ' is-stale' : ''}`;
      html.textContent = `${b.text} gas`;
      html.title = b.title;
      html.dataset.testid = `gas-badge-${b.elementId}`;
      html.dataset.gas = String(b.gas);
      // above the element's right end (bpmnlint's issue overlays sit at its top left); readable
      // on a diagram fitted small, never larger than at 100 %
      this.overlays.add(b.elementId, TYPE, { position: { top: -20, right: 64 }, html, scale: { min: 0.8, max: 1 } });
    }
  }
}

export const gasBadgesModule = {
  // badges are overlays: the wheel must keep panning when one passes under the pointer
  __depends__: [overlayWheelModule],
  __init__: ['gasBadges'],
  gasBadges: ['type', GasBadges],
};
