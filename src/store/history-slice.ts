/**
 * Undo/redo across the whole workspace (participants, consortium, processes' XML, networks).
 * Every change of `workspace` in the store is recorded, whichever slice made it: the store's
 * `set` is wrapped (recordingSet) so the snapshot goes into the same state update as the edit.
 * Opening a workspace starts a new history. The bpmn-js modeler keeps its own finer undo inside
 * the canvas; an undo here that changes a process's XML makes the modeler import it again.
 */
import type { StoreApi } from 'zustand/vanilla';
import { BUNDLED_NETWORK_ID } from '../persistence/studio-db.js';
import type { DeployActions } from './deploy-slice.js';
import type { SetState, SliceContext, StudioState } from './store-types.js';
import type { WorkspaceActions } from './workspace-slice.js';
import {
  DEFAULT_HISTORY_OPTIONS,
  EMPTY_HISTORY,
  recordEdit,
  redoStep,
  undoStep,
  type HistoryOptions,
  type WorkspaceHistory,
} from './workspace-history.js';

export interface HistoryState {
  workspaceHistory: WorkspaceHistory;
}

export const initialHistoryState: HistoryState = { workspaceHistory: EMPTY_HISTORY };

/**
 * The state update with the history it implies: an update that replaces the workspace of the same
 * open workspace records a step; one that opens another workspace starts over; one that sets
 * `workspaceHistory` itself (undo, redo, open) is taken as it is.
 */
export function withHistory(
  state: StudioState,
  update: Partial<StudioState>,
  now: number,
  options: HistoryOptions = DEFAULT_HISTORY_OPTIONS,
): Partial<StudioState> {
  if (!('workspace' in update) || update.workspace === state.workspace || 'workspaceHistory' in update) return update;
  const opened = 'workspaceId' in update && update.workspaceId !== state.workspaceId;
  if (opened || !state.workspace || !update.workspace) return { ...update, workspaceHistory: EMPTY_HISTORY };
  return { ...update, workspaceHistory: recordEdit(state.workspaceHistory, state.workspace, update.workspace, now, options) };
}

/** The store's setState as slices use it, recording workspace changes in the history. */
export function recordingSet(
  store: StoreApi<StudioState>,
  options: HistoryOptions = DEFAULT_HISTORY_OPTIONS,
  now: () => number = () => performance.now(),
): SetState {
  return (partial) =>
    store.setState((state) => withHistory(state, typeof partial === 'function' ? partial(state) : partial, now(), options));
}

export function historyActions(
  { get, set }: SliceContext,
  { workspace, deploy }: { workspace: Pick<WorkspaceActions, 'syncKeys'>; deploy: Pick<DeployActions, 'selectNetwork'> },
) {
  function apply(step: ReturnType<typeof undoStep>): boolean {
    const before = get().workspace;
    if (!step || !before || get().workspaceStatus !== 'ready') return false;
    set({ workspace: step.workspace, workspaceHistory: step.history, saveState: 'pending' });
    // addresses follow the keys, not the history: derive them again (not a step of its own)
    if (before.participants !== step.workspace.participants) void workspace.syncKeys();
    // the network in use may be one the step removed
    const { networkId } = get();
    if (networkId !== BUNDLED_NETWORK_ID && !step.workspace.networks?.some((n) => n.id === networkId)) {
      void deploy.selectNetwork(BUNDLED_NETWORK_ID);
    }
    return true;
  }

  return {
    /** Goes one step back; false when there is nothing to undo. */
    undo(): boolean {
      const { workspace: current, workspaceHistory } = get();
      return current ? apply(undoStep(workspaceHistory, current)) : false;
    },
    /** Goes one undone step forward again; false when nothing was undone. */
    redo(): boolean {
      const { workspace: current, workspaceHistory } = get();
      return current ? apply(redoStep(workspaceHistory, current)) : false;
    },
  };
}

export type HistoryActions = ReturnType<typeof historyActions>;
