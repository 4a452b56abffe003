/**
 * The bundled ledger's tools in the IDE: storage usage and persistence, export and import of the
 * chain, named snapshots with revert, and interval mining. Snapshots are stored with the chain (a
 * reload or a restarted worker keeps them); the list here is a copy read from the ledger
 * (loadSnapshots), kept with the ledgerEpoch it belongs to. The mining interval lives in the
 * worker's memory only: a reset, a network switch or a reload (a new worker) leaves it behind.
 * Import and revert replace the chain under the IDE, so both end like a reset does: a new epoch
 * (cached process clients, instances and histories are dropped) and a fresh deployment check.
 */
import type { SnapshotInfo, StorageInfo } from '../ledger/client/ledger-api.js';
import { BUNDLED } from './network-edits.js';
import { errorMessage, type SliceContext } from './store-types.js';
import type { BundledLedgerTools } from './studio-services.js';

/** `id` is evm_revert's; revert goes back to `blockNumber`; `takenAt` is ISO 8601. */
export type LedgerSnapshot = SnapshotInfo;

export interface LedgerToolsState {
  /** Snapshots of the running ledger, oldest first; only valid while `epoch` is the ledgerEpoch. */
  ledgerSnapshots: { epoch: number; list: LedgerSnapshot[] };
  /** 0 = automine; only valid while `epoch` is the ledgerEpoch (a new worker automines). */
  ledgerMining: { epoch: number; intervalMs: number };
}

export const initialLedgerToolsState: LedgerToolsState = {
  ledgerSnapshots: { epoch: 0, list: [] },
  ledgerMining: { epoch: 0, intervalMs: 0 },
};

/** Results as data: the UI says what happened, in the user's language. */
export type ToolResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** One empty list: a selector must return the same value for the same state (React re-renders otherwise). */
const NO_SNAPSHOTS: LedgerSnapshot[] = [];

/** The snapshots that still exist on the running ledger. */
export const selectLedgerSnapshots = (s: LedgerToolsState & { ledgerEpoch: number }): LedgerSnapshot[] =>
  s.ledgerSnapshots.epoch === s.ledgerEpoch ? s.ledgerSnapshots.list : NO_SNAPSHOTS;

export const selectMiningInterval = (s: LedgerToolsState & { ledgerEpoch: number }): number =>
  s.ledgerMining.epoch === s.ledgerEpoch ? s.ledgerMining.intervalMs : 0;

export function ledgerToolsActions({ get, set, services }: SliceContext) {
  const tools = async (): Promise<BundledLedgerTools> => {
    if (get().networkId !== BUNDLED) throw new Error('the ledger tools work on the bundled ledger only');
    if (!services.chain.bundledLedger) throw new Error('the bundled ledger has no tools here');
    return services.chain.bundledLedger();
  };
  const attempt = async <T>(run: (ledger: BundledLedgerTools) => Promise<T>): Promise<ToolResult<T>> => {
    try {
      return { ok: true, value: await run(await tools()) };
    } catch (e) {
      return { ok: false, error: errorMessage(e) };
    }
  };

  /** After the chain changed under the IDE: a new epoch, what survives carried into it, and a fresh look. */
  const chainReplaced = async (ledger: BundledLedgerTools, snapshots: LedgerSnapshot[]) => {
    const blockNumber = await ledger.blockNumber();
    set((s) => ({
      ledgerEpoch: s.ledgerEpoch + 1,
      ledgerSnapshots: { epoch: s.ledgerEpoch + 1, list: snapshots },
      ledgerMining: {
        epoch: s.ledgerEpoch + 1,
        intervalMs: selectMiningInterval(s),
      },
      blockNumber,
      deploymentOnLedger: 'unknown',
      instances: {},
      histories: {},
    }));
    // the deploy slice's check (hasCode through the same provider) says whether the deployment is here
    const deployment = get().deployment;
    if (deployment) {
      const present = await services.chain.hasCode(deployment.record.registry.address).catch(() => undefined);
      if (present !== undefined && get().deployment === deployment) set({ deploymentOnLedger: present ? 'present' : 'missing' });
    }
  };

  return {
    storageInfo: (): Promise<ToolResult<StorageInfo>> => attempt((l) => l.storageInfo()),
    requestPersistence: (): Promise<ToolResult<boolean | null>> => attempt((l) => l.requestPersistence()),
    /** The chain as checksummed NDJSON text, with the head block number it was taken at. */
    exportChain: (): Promise<ToolResult<string>> => attempt((l) => l.exportChain()),

    /** Replaces the chain by an export's; a refused file leaves the chain as it was (the engine checks first). */
    importChain: (text: string): Promise<ToolResult<{ blocks: number }>> =>
      attempt(async (ledger) => {
        const { blocks } = await ledger.importChain(text);
        await chainReplaced(ledger, await ledger.snapshots()); // none: an import drops them
        return { blocks };
      }),

    /** Reads the snapshots from the ledger (they outlive the page and the worker). */
    loadSnapshots: (): Promise<ToolResult<LedgerSnapshot[]>> =>
      attempt(async (ledger) => {
        const epoch = get().ledgerEpoch;
        const list = await ledger.snapshots();
        if (get().ledgerEpoch === epoch) set({ ledgerSnapshots: { epoch, list } });
        return list;
      }),

    snapshot: (name: string): Promise<ToolResult<LedgerSnapshot>> =>
      attempt(async (ledger) => {
        const taken = await ledger.snapshot(name);
        set((s) => ({
          ledgerSnapshots: {
            epoch: s.ledgerEpoch,
            list: [...selectLedgerSnapshots(s), taken],
          },
        }));
        return taken;
      }),

    /**
     * Goes back to a snapshot: blocks after it are deleted from the store too. As in Hardhat the
     * snapshot is used up, and so is every later one; earlier ones stay.
     */
    revert: (id: string): Promise<ToolResult<boolean>> =>
      attempt(async (ledger) => {
        const list = selectLedgerSnapshots(get());
        const at = list.findIndex((s) => s.id === id);
        if (at < 0) throw new Error(`snapshot ${id} is not on the running ledger`);
        const existed = await ledger.revert(id);
        if (existed) await chainReplaced(ledger, await ledger.snapshots());
        else {
          // Gone from the ledger (e.g. an older store lost it): show what the ledger really holds.
          const held = await ledger.snapshots();
          set((s) => ({ ledgerSnapshots: { epoch: s.ledgerEpoch, list: held } }));
        }
        return existed;
      }),

    /** 0 = automine; n > 0 = one block every n ms while transactions wait. */
    setIntervalMining: (intervalMs: number): Promise<ToolResult<number>> =>
      attempt(async (ledger) => {
        await ledger.setIntervalMining(intervalMs);
        set((s) => ({ ledgerMining: { epoch: s.ledgerEpoch, intervalMs } }));
        return intervalMs;
      }),
  };
}

export type LedgerToolsActions = ReturnType<typeof ledgerToolsActions>;
