/**
 * The consortium's roles as the modeler sees them. The React wrapper calls `set` whenever the
 * workspace's roles change; the properties panel re-renders so the role selects follow.
 */
import type { Role } from '../../../../generators/model/workspace.js';

interface EventBus {
  fire(event: string, data?: unknown): void;
}

export class ChainflowRoles {
  static $inject = ['eventBus'];
  private roles: readonly Role[] = [];

  constructor(private readonly eventBus: EventBus) {}

  list(): readonly Role[] {
    return this.roles;
  }

  set(roles: readonly Role[]): void {
    if (roles === this.roles) return;
    this.roles = roles;
    this.eventBus.fire('propertiesPanel.providersChanged');
  }
}
