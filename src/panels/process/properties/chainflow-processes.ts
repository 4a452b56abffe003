/**
 * The workspace's processes as the modeler sees them (for the call activity's process picker).
 * The React wrapper calls `set` when the processes or the shown one change; the panel re-renders
 * only when ids, names or the shown process really changed (not on every diagram edit).
 */
import type { ProcessChoice } from './called-process-settings.js';

interface EventBus {
  fire(event: string, data?: unknown): void;
}

export class ChainflowProcesses {
  static $inject = ['eventBus'];
  private processes: readonly ProcessChoice[] = [];
  private shown: string | undefined;

  constructor(private readonly eventBus: EventBus) {}

  list(): readonly ProcessChoice[] {
    return this.processes;
  }

  /** The id of the process the modeler shows (a call activity cannot call it). */
  current(): string | undefined {
    return this.shown;
  }

  set(processes: readonly ProcessChoice[], current: string | undefined): void {
    const same =
      current === this.shown && processes.length === this.processes.length && processes.every((p, i) => p.id === this.processes[i]!.id && p.name === this.processes[i]!.name);
    if (same) return;
    this.processes = processes.map(({ id, name }) => ({ id, name }));
    this.shown = current;
    this.eventBus.fire('propertiesPanel.providersChanged');
  }
}
