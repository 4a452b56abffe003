/**
 * The app session: acting as one participant of the deployed workspace, reading its instances,
 * starting instances and completing tasks with that participant's own key.
 */
import type { HistoryEntry, InstanceState } from '../chain/chain-api.js';
import type { SavedDeployment } from '../persistence/studio-db.js';
import { processEventsActions } from './process-events-slice.js';
import { selectActingParticipant } from './selectors.js';
import { errorMessage, type SliceContext } from './store-types.js';
import type { ProcessClient } from './studio-services.js';
import type { ViewPermissions } from './view-permissions.js';

export type ActState =
  | { status: 'pending' }
  | { status: 'confirmed'; txHash: string; gasUsed: bigint; instanceId?: bigint }
  | { status: 'failed'; error: string };

export interface SessionState {
  actingParticipantId?: string;
  /** The exported app's view permissions (config.json); the IDE reads the workspace's instead. */
  viewPermissions?: ViewPermissions;
  /** Process id -> its instances, newest first. */
  instances: Record<string, InstanceState[]>;
  instancesStatus: 'idle' | 'loading' | 'ready' | 'failed';
  instancesError?: string;
  /** historyKey(processId, instanceId) -> entries in chain order. */
  histories: Record<string, HistoryEntry[]>;
  /** startActKey / taskActKey -> the state of the last attempt. */
  acts: Record<string, ActState>;
  /** The act the participant did last, for the status line (cleared when switching participant). */
  lastActKey?: string;
  /** Block number -> its timestamp in seconds, for the blocks histories mention. */
  blockTimes: Record<number, number>;
  /** The ledger epoch blockTimes were read in (a reset ledger reuses block numbers). */
  blockTimesEpoch: number;
}

export const initialSessionState: SessionState = {
  instances: {},
  instancesStatus: 'idle',
  histories: {},
  acts: {},
  blockTimes: {},
  blockTimesEpoch: 0,
};

export const historyKey = (processId: string, instanceId: bigint) => `${processId}#${instanceId}`;
/** A start is per participant: each one sees only what they did. */
export const startActKey = (processId: string, participantId: string | undefined) => `start:${processId}:${participantId}`;
export const taskActKey = (processId: string, instanceId: bigint, elementId: string) =>
  `task:${processId}#${instanceId}:${elementId}`;
/** Anyone may fire a due timer: one act per timer of an instance, whoever pressed Trigger. */
export const timerActKey = (processId: string, instanceId: bigint, timerIndex: number) => `timer:${processId}#${instanceId}:${timerIndex}`;

export function sessionActions(ctx: SliceContext) {
  const { get, set, services } = ctx;
  const events = processEventsActions(ctx);
  let cached: { deployment: SavedDeployment; epoch: number; client: Promise<ProcessClient> } | undefined;

  /** The process client of the current deployment on the current ledger (made once for both). */
  function client(): Promise<ProcessClient> {
    const { deployment, ledgerEpoch } = get();
    if (!deployment) return Promise.reject(new Error('nothing is deployed yet: press Deploy first'));
    if (cached?.deployment !== deployment || cached.epoch !== ledgerEpoch) {
      const made = services.chain.processClient(deployment.manifest, deployment.record);
      made.catch(() => (cached = undefined));
      cached = { deployment, epoch: ledgerEpoch, client: made };
    }
    return cached.client;
  }

  function setAct(key: string, act: ActState) {
    set((s) => ({ acts: { ...s.acts, [key]: act }, lastActKey: key }));
  }

  async function signer() {
    const participant = selectActingParticipant(get());
    const workspaceId = get().workspaceId;
    if (!participant || !workspaceId) throw new Error('choose the participant to act as first');
    const provider = await services.chain.provider();
    const wallet = await services.keys(workspaceId).getSigner(participant.id, provider);
    // on the bundled ledger the worker signs (faster: no signing on the page, no sender recovery)
    return services.chain.participantSigner ? services.chain.participantSigner(wallet) : wallet;
  }

  const actions = {
    /** Acts as another participant; the previous one's status line is theirs, so it goes. */
    selectParticipant(participantId: string): void {
      if (participantId === get().actingParticipantId) return;
      set({ actingParticipantId: participantId, lastActKey: undefined });
    },

    /** Reads the timestamps of blocks not read yet (a block's time never changes). */
    async loadBlockTimes(numbers: number[]): Promise<void> {
      const epoch = get().ledgerEpoch;
      const known = get().blockTimesEpoch === epoch ? get().blockTimes : {};
      const missing = [...new Set(numbers)].filter((n) => known[n] === undefined);
      if (missing.length === 0) return;
      try {
        const provider = await services.chain.provider();
        const blocks = await Promise.all(missing.map((n) => provider.getBlock(n)));
        if (get().ledgerEpoch !== epoch) return;
        const times = Object.fromEntries(blocks.flatMap((b, i) => (b ? [[missing[i], b.timestamp]] : [])));
        set((s) => ({ blockTimes: { ...(s.blockTimesEpoch === epoch ? s.blockTimes : {}), ...times }, blockTimesEpoch: epoch }));
      } catch (e) {
        set({ instancesError: errorMessage(e) });
      }
    },

    /** Reloads every process's instances from the chain. */
    async refresh(): Promise<void> {
      const deployment = get().deployment;
      if (!deployment || get().deploymentOnLedger === 'missing') return;
      set({ instancesStatus: 'loading' });
      try {
        const c = await client();
        const lists = await Promise.all(deployment.manifest.processes.map((p) => c.listInstances(p.id)));
        if (get().deployment !== deployment) return;
        const instances: Record<string, InstanceState[]> = {};
        deployment.manifest.processes.forEach((p, i) => {
          instances[p.id] = [...lists[i]].sort((a, b) => (a.instanceId < b.instanceId ? 1 : -1));
        });
        set({ instances, instancesStatus: 'ready', instancesError: undefined });
      } catch (e) {
        set({ instancesStatus: 'failed', instancesError: errorMessage(e) });
      }
      await events.loadEvents();
    },

    /** Reads the process contracts' step and timer events of blocks not read yet (see process-events-slice). */
    loadEvents: events.loadEvents,

    async loadHistory(processId: string, instanceId: bigint): Promise<void> {
      try {
        const entries = await (await client()).history(processId, instanceId);
        set((s) => ({ histories: { ...s.histories, [historyKey(processId, instanceId)]: entries } }));
        await actions.loadBlockTimes(entries.map((e) => e.blockNumber));
      } catch (e) {
        set({ instancesError: errorMessage(e) });
      }
    },

    async startInstance(processId: string, data: Record<string, unknown>, choice?: number): Promise<void> {
      const key = startActKey(processId, selectActingParticipant(get())?.id);
      setAct(key, { status: 'pending' });
      let c: ProcessClient | undefined;
      try {
        c = await client();
        const result = await c.startInstance(processId, await signer(), data, choice);
        setAct(key, { status: 'confirmed', txHash: result.txHash, gasUsed: result.gasUsed, instanceId: result.instanceId });
        await actions.refresh();
      } catch (e) {
        setAct(key, { status: 'failed', error: c ? c.explainError(e) : errorMessage(e) });
      }
    },

    async completeTask(
      processId: string,
      instanceId: bigint,
      elementId: string,
      data: Record<string, unknown>,
      choice?: number,
    ): Promise<void> {
      const key = taskActKey(processId, instanceId, elementId);
      setAct(key, { status: 'pending' });
      let c: ProcessClient | undefined;
      try {
        c = await client();
        const result = await c.completeTask(processId, elementId, instanceId, await signer(), data, choice);
        setAct(key, { status: 'confirmed', txHash: result.txHash, gasUsed: result.gasUsed });
        await Promise.all([actions.refresh(), actions.loadHistory(processId, instanceId)]);
      } catch (e) {
        setAct(key, { status: 'failed', error: c ? c.explainError(e) : errorMessage(e) });
      }
    },

    /** Fires a due timer of an instance, signed by the acting participant (anyone may). */
    async triggerTimer(processId: string, instanceId: bigint, timerIndex: number): Promise<void> {
      const key = timerActKey(processId, instanceId, timerIndex);
      setAct(key, { status: 'pending' });
      let c: ProcessClient | undefined;
      try {
        const deployment = get().deployment;
        const process = deployment?.manifest.processes.find((p) => p.id === processId);
        const at = deployment?.record.processes[processId];
        if (!process || !at) throw new Error(`process "${processId}" is not deployed; deploy again`);
        c = await client();
        const { triggerTimer } = await import('../panels/app/trigger-timer.js');
        const result = await triggerTimer(process, at.address, timerIndex, instanceId, await signer());
        setAct(key, { status: 'confirmed', txHash: result.txHash, gasUsed: result.gasUsed });
        await Promise.all([actions.refresh(), actions.loadHistory(processId, instanceId)]);
      } catch (e) {
        setAct(key, { status: 'failed', error: c ? c.explainError(e) : errorMessage(e) });
      }
    },
  };
  return actions;
}

export type SessionActions = ReturnType<typeof sessionActions>;
