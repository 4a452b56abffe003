/**
 * The step and timer events of every deployed process contract, read incrementally (only blocks
 * not read yet) on each refresh: timers' due times and the dashboards come from them. Also the
 * chain's clock (the latest block's timestamp), which decides whether a timer is overdue.
 * Loads never overlap: a request during a load runs once more after it, so no block is read twice.
 */
import type { ProcessEvent } from '../panels/app/process-events.js';
import type { SavedDeployment } from '../persistence/studio-db.js';
import { errorMessage, type SliceContext } from './store-types.js';

export interface ProcessEventsState {
  /** Process id -> its contract's events so far, in chain order. */
  processEvents: Record<string, ProcessEvent[]>;
  /** The last block read; undefined until the first read. */
  eventsThrough?: number;
  /** Timestamp (seconds) of that block. */
  chainTime?: number;
  eventsError?: string;
}

export const initialProcessEventsState: ProcessEventsState = { processEvents: {} };

export function processEventsActions({ get, set, services }: SliceContext) {
  /** What the events were read from; another deployment or ledger starts over. */
  let source: { deployment: SavedDeployment; epoch: number } | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  async function readNewBlocks(): Promise<void> {
    const { deployment, ledgerEpoch: epoch } = get();
    if (!deployment || get().deploymentOnLedger === 'missing') return;
    const deployed = deployment.manifest.processes.filter((p) => deployment.record.processes[p.id]);
    if (deployed.length === 0) return;
    if (source?.deployment !== deployment || source.epoch !== epoch) {
      source = { deployment, epoch };
      set({ processEvents: {}, eventsThrough: undefined, chainTime: undefined, eventsError: undefined });
    }
    const stale = () => source?.deployment !== deployment || source.epoch !== epoch || get().ledgerEpoch !== epoch;
    try {
      const [{ readProcessEvents }, provider] = await Promise.all([import('../panels/app/process-events.js'), services.chain.provider()]);
      const head = await provider.getBlockNumber();
      const after = get().eventsThrough;
      const lists = await Promise.all(
        deployed.map((p) => {
          const at = deployment.record.processes[p.id];
          return readProcessEvents(p, at.address, provider, Math.max(after === undefined ? 0 : after + 1, at.blockNumber), head);
        }),
      );
      const block = await provider.getBlock(head);
      if (stale()) return;
      set((s) => ({
        processEvents: Object.fromEntries(deployed.map((p, i) => [p.id, lists[i].length ? [...(s.processEvents[p.id] ?? []), ...lists[i]] : (s.processEvents[p.id] ?? [])])),
        eventsThrough: head,
        chainTime: block?.timestamp ?? s.chainTime,
        eventsError: undefined,
      }));
    } catch (e) {
      if (!stale()) set({ eventsError: errorMessage(e) });
    }
  }

  return {
    /** Reads the events of the blocks mined since the last read (all of them the first time). */
    loadEvents(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await readNewBlocks();
        } while (again);
      })().finally(() => (running = undefined));
      return running;
    },
  };
}
