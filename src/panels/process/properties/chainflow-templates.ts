/**
 * The consortium's own task templates as the modeler sees them. The React wrapper calls `set`
 * whenever the workspace's templates change; the properties panel re-renders so the template
 * select follows.
 */
import type { TaskTemplateDef } from '../../../../generators/model/workspace.js';

interface EventBus {
  fire(event: string, data?: unknown): void;
}

const NONE: readonly TaskTemplateDef[] = [];

export class ChainflowTemplates {
  static $inject = ['eventBus'];
  private templates: readonly TaskTemplateDef[] = NONE;

  constructor(private readonly eventBus: EventBus) {}

  list(): readonly TaskTemplateDef[] {
    return this.templates;
  }

  set(templates: readonly TaskTemplateDef[] | undefined): void {
    const next = templates ?? NONE;
    if (next === this.templates) return;
    this.templates = next;
    this.eventBus.fire('propertiesPanel.providersChanged');
  }
}
