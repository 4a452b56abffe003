/**
 * The studio store: one per IDE instance, handed down through React context (studio-context.tsx).
 * State is a zustand vanilla store made of one slice per concept; actions are plain functions
 * grouped per slice. Reactions wired here: autosave and rebuild after workspace edits (debounced),
 * reloading instances on every new block, and following the open workspace's key store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { auditActions, initialAuditState } from './audit-slice.js';
import { buildActions, initialBuildState } from './build-slice.js';
import { consortiumActions, initialConsortiumState } from './consortium-slice.js';
import { debounce } from './debounce.js';
import { designerActions, initialDesignerState } from './designer-slice.js';
import { deployActions, initialDeployState } from './deploy-slice.js';
import { explorerActions, initialExplorerState } from './explorer-slice.js';
import { gasActions, initialGasState } from './gas-slice.js';
import { historyActions, initialHistoryState, recordingSet } from './history-slice.js';
import { initialKeysState, keysActions } from './keys-slice.js';
import { initialLedgerToolsState, ledgerToolsActions } from './ledger-tools-slice.js';
import { initialProcessEventsState } from './process-events-slice.js';
import { initialSessionState, sessionActions } from './session-slice.js';
import type { SliceContext, StudioState } from './store-types.js';
import type { StudioServices } from './studio-services.js';
import { initialUiState, uiActions, type Language } from './ui-slice.js';
import { initialWorkspaceState, workspaceActions } from './workspace-slice.js';
import { DEFAULT_HISTORY_OPTIONS, type HistoryOptions } from './workspace-history.js';
import { initialWorkspacesState, workspacesActions } from './workspaces-slice.js';

export interface StudioOptions {
  language?: Language;
  autosaveMs?: number;
  buildDebounceMs?: number;
  /** Wait after a build before the gas estimate's dry run starts (a quick next edit skips it). */
  gasDebounceMs?: number;
  /** Undo history: how many steps, and how close in time edits of one thing coalesce. */
  history?: Partial<HistoryOptions>;
}

export function createStudioActions(ctx: SliceContext) {
  const workspace = workspaceActions(ctx);
  const deploy = deployActions(ctx);
  return {
    workspace,
    build: buildActions(ctx),
    deploy,
    session: sessionActions(ctx),
    ui: uiActions(ctx),
    keys: keysActions(ctx),
    explorer: explorerActions(ctx),
    ledgerTools: ledgerToolsActions(ctx),
    designer: designerActions(ctx),
    audit: auditActions(ctx),
    consortium: consortiumActions(ctx, workspace),
    history: historyActions(ctx, { workspace, deploy }),
    workspaces: workspacesActions(ctx, { workspace, deploy }),
    gas: gasActions(ctx),
  };
}

export type StudioActions = ReturnType<typeof createStudioActions>;

export interface Studio {
  store: StoreApi<StudioState>;
  actions: StudioActions;
  /** Saves a pending edit now (page hide). */
  flush(): void;
  dispose(): void;
}

export function createStudioStore(services: StudioServices, options: StudioOptions = {}): Studio {
  const store = createStore<StudioState>()(() => ({
    ...initialWorkspaceState,
    ...initialBuildState,
    ...initialDeployState,
    ...initialSessionState,
    ...initialUiState(options.language),
    ...initialKeysState,
    ...initialExplorerState,
    ...initialDesignerState,
    ...initialAuditState,
    ...initialConsortiumState,
    ...initialProcessEventsState,
    ...initialHistoryState,
    ...initialWorkspacesState,
    ...initialLedgerToolsState,
    ...initialGasState,
  }));
  // every workspace change goes through this set, so undo sees edits of every slice
  const set = recordingSet(store, { ...DEFAULT_HISTORY_OPTIONS, ...options.history });
  const actions = createStudioActions({ get: store.getState, set, services });

  const save = debounce(() => void actions.workspace.saveNow(), options.autosaveMs ?? 500);
  const build = debounce(() => void actions.build.run(), options.buildDebounceMs ?? 400);
  const refresh = debounce(() => void actions.session.refresh(), 50);
  const estimateGas = debounce(() => void actions.gas.estimate(), options.gasDebounceMs ?? 600);

  const unsubscribe = store.subscribe((state, prev) => {
    // before the workspace's first key request, so the passphrase dialog hears it
    if (state.workspaceId !== prev.workspaceId) actions.keys.attach();
    if (state.workspace !== prev.workspace && state.workspace) {
      if (state.workspaceId === prev.workspaceId) save();
      build();
    }
    if (state.blockNumber !== prev.blockNumber || state.deployment !== prev.deployment) refresh();
    if (state.manifest !== prev.manifest || (state.buildStatus === 'failed' && prev.buildStatus !== 'failed')) estimateGas();
  });

  return {
    store,
    actions,
    flush: () => save.flush(),
    dispose() {
      unsubscribe();
      save.cancel();
      build.cancel();
      refresh.cancel();
      estimateGas.cancel();
      services.gas?.cancel();
      actions.deploy.dispose();
      actions.keys.dispose();
    },
  };
}
