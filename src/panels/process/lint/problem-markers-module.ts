/**
 * bpmn-js module that colours the elements problems are about: a marker class on each
 * (`cf-problem-error` / `cf-problem-warning`, styled in process-panel.css), whatever step found
 * the problem (lint, generator, import). It also hands bpmn-js-bpmnlint's results to the IDE:
 * `config.chainflowLint.onIssues` hears every completed lint run.
 */
import type { LintReport } from 'bpmnlint';

export interface ElementMarker {
  elementId: string;
  severity: 'error' | 'warning' | 'info';
}

export interface ChainflowLintConfig {
  onIssues(issues: Record<string, (LintReport & { rule?: string; actualElementId?: string })[]>): void;
}

interface EventBus {
  on(event: string | string[], listener: (event: { issues?: Record<string, LintReport[]> }) => void): void;
}
interface Canvas {
  addMarker(element: string, marker: string): void;
  removeMarker(element: string, marker: string): void;
}
interface ElementRegistry {
  get(id: string): object | undefined;
}

const CLASS = { error: 'cf-problem-error', warning: 'cf-problem-warning' } as const;

export class ProblemMarkers {
  static $inject = ['eventBus', 'canvas', 'elementRegistry', 'config.chainflowLint'];
  private markers: ElementMarker[] = [];
  private applied: { id: string; cls: string }[] = [];

  constructor(
    eventBus: EventBus,
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    config: ChainflowLintConfig | undefined,
  ) {
    eventBus.on('import.done', () => this.apply());
    // a diagram-js listener must not return a value: a returned value stops the event, and the
    // canvas would then keep the old diagram's root elements (saveXML fails on them later)
    eventBus.on('diagram.clear', () => {
      this.applied = [];
    });
    eventBus.on('linting.completed', (event) => config?.onIssues(event.issues ?? {}));
  }

  /** Replaces the marked elements; an element with an error and a warning shows the error. */
  show(markers: ElementMarker[]): void {
    this.markers = markers;
    this.apply();
  }

  private apply(): void {
    for (const { id, cls } of this.applied) if (this.elementRegistry.get(id)) this.canvas.removeMarker(id, cls);
    const worst = new Map<string, keyof typeof CLASS>();
    for (const m of this.markers) {
      if (m.severity === 'error' || !worst.has(m.elementId)) worst.set(m.elementId, m.severity === 'error' ? 'error' : 'warning');
    }
    this.applied = [];
    for (const [id, severity] of worst) {
      if (!this.elementRegistry.get(id)) continue;
      this.canvas.addMarker(id, CLASS[severity]);
      this.applied.push({ id, cls: CLASS[severity] });
    }
  }
}

export const problemMarkersModule = {
  __init__: ['problemMarkers'],
  problemMarkers: ['type', ProblemMarkers],
};
