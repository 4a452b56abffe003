/** The store's state as one type, and what each slice's action factory receives. */
import type { AuditState } from './audit-slice.js';
import type { BuildState } from './build-slice.js';
import type { ConsortiumState } from './consortium-slice.js';
import type { DeployState } from './deploy-slice.js';
import type { DesignerState } from './designer-slice.js';
import type { ExplorerState } from './explorer-slice.js';
import type { GasState } from './gas-slice.js';
import type { HistoryState } from './history-slice.js';
import type { KeysState } from './keys-slice.js';
import type { LedgerToolsState } from './ledger-tools-slice.js';
import type { ProcessEventsState } from './process-events-slice.js';
import type { SessionState } from './session-slice.js';
import type { StudioServices } from './studio-services.js';
import type { UiState } from './ui-slice.js';
import type { WorkspaceState } from './workspace-slice.js';
import type { WorkspacesState } from './workspaces-slice.js';

export type StudioState = WorkspaceState & BuildState & DeployState & SessionState & UiState & KeysState & ExplorerState & DesignerState & AuditState & ConsortiumState & ProcessEventsState & HistoryState & WorkspacesState & LedgerToolsState & GasState;

export type SetState = (partial: Partial<StudioState> | ((state: StudioState) => Partial<StudioState>)) => void;
export type GetState = () => StudioState;

export interface SliceContext {
  get: GetState;
  set: SetState;
  services: StudioServices;
}

/** Message of anything thrown, for showing it; errors from our own modules say where already. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : JSON.stringify(e);
}
