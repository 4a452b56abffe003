/**
 * The user's workspaces: the list, creating, renaming, duplicating, deleting, switching,
 * importing and exporting. Switching saves the open workspace first and refuses to go on when
 * that save fails (nothing is lost); state that belonged to the previous workspace (build,
 * app session, deploy progress, selections) is reset so nothing of it shows in the next one.
 */
import type { Problem, Workspace } from '../../generators/index.js';
import type { ExportedFile } from '../persistence/export-workspace.js';
import { BUNDLED_NETWORK_ID } from '../persistence/studio-db.js';
import type { WorkspaceSummary } from '../persistence/workspace-library.js';
import { initialAuditState } from './audit-slice.js';
import { initialBuildState } from './build-slice.js';
import type { DeployActions } from './deploy-slice.js';
import { initialSessionState } from './session-slice.js';
import { errorMessage, type SliceContext, type StudioState } from './store-types.js';
import type { WorkspaceActions } from './workspace-slice.js';

export interface ImportReport {
  file: string;
  ok: boolean;
  /** The new workspace's name when the import worked. */
  name?: string;
  problems: Problem[];
}

export interface WorkspacesState {
  workspaceList: WorkspaceSummary[];
  workspacesOpen: boolean;
  /** An operation on the list is running (buttons wait). */
  workspacesBusy: boolean;
  workspacesError?: string;
  importReport?: ImportReport;
}

export const initialWorkspacesState: WorkspacesState = { workspaceList: [], workspacesOpen: false, workspacesBusy: false };

/** What belonged to the workspace that was open; preferences (language, panels shown) stay. */
const perWorkspaceState = (): Partial<StudioState> => ({
  ...initialBuildState,
  ...initialSessionState,
  ...initialAuditState,
  lintProblems: {},
  roleEditError: undefined,
  keyChanges: {},
  deployStatus: 'idle',
  deploySteps: [],
  deployError: undefined,
  deploySigner: undefined,
  activeProcessId: undefined,
  activeSourceFile: undefined,
  importProblems: {},
  reveal: undefined,
  sourceReveal: undefined,
});

// loaded on first use: the zip code is not needed to open the IDE (nor in the standalone app)
const library = () => import('../persistence/workspace-library.js');
const exporter = () => import('../persistence/export-workspace.js');

export function workspacesActions(
  { get, set, services }: SliceContext,
  { workspace, deploy }: { workspace: WorkspaceActions; deploy: Pick<DeployActions, 'selectNetwork'> },
) {
  const repo = services.repo;

  /** Runs a list operation: one at a time, errors shown in the dialog, the list read again after. */
  async function busy<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (get().workspacesBusy) return undefined;
    set({ workspacesBusy: true, workspacesError: undefined });
    try {
      return await work();
    } catch (e) {
      set({ workspacesError: errorMessage(e) });
      return undefined;
    } finally {
      const list = await library().then((lib) => lib.listWorkspaces(repo)).catch(() => get().workspaceList);
      set({ workspaceList: list, workspacesBusy: false });
    }
  }

  /** Saves the open workspace now; throws when it cannot be saved (the caller must not move on). */
  async function saveOpen(): Promise<void> {
    if (get().workspaceStatus !== 'ready' || get().saveState === 'saved') return;
    await workspace.saveNow();
    if (get().saveState === 'error') throw new Error(`the open workspace could not be saved: ${get().saveError}`);
  }

  function refuseWhileDeploying() {
    if (get().deployStatus === 'deploying') throw new Error('a deployment is running: wait until it ends');
  }

  /** Opens the current record (set beforehand) in place of the open workspace. */
  async function openCurrent(): Promise<void> {
    const previousNetwork = get().networkId;
    set(perWorkspaceState());
    await workspace.open();
    const { networkId } = get();
    // the connection follows another chain only when the network changed (the bundled ledger is shared)
    if (networkId !== previousNetwork || networkId !== BUNDLED_NETWORK_ID) await deploy.selectNetwork(networkId);
  }

  async function switchTo(id: string): Promise<void> {
    if (id === get().workspaceId && get().workspaceStatus === 'ready') return;
    refuseWhileDeploying();
    await saveOpen();
    await repo.setCurrentId(id);
    await openCurrent();
  }

  const actions = {
    async showDialog(open = true): Promise<void> {
      set({ workspacesOpen: open, workspacesError: undefined, importReport: undefined });
      if (open) set({ workspaceList: await (await library()).listWorkspaces(repo) });
    },

    refresh: () => busy(async () => undefined),

    switchTo: (id: string) => busy(() => switchTo(id)),

    /**
     * Creates a workspace, empty (one blank process) or from a sample (`sampleId`, else the default
     * one; a blank `name` keeps the sample's own), and opens it.
     */
    create: (kind: 'empty' | 'sample', name: string, processName: string, sampleId?: string) =>
      busy(async () => {
        const lib = await library();
        let made: Workspace;
        if (kind === 'empty') made = lib.emptyWorkspace(name, processName);
        else {
          const sample = (await services.loadSample(sampleId)) as Workspace;
          made = { ...sample, name: name.trim() || sample.name };
        }
        const record = await lib.createWorkspace(repo, made);
        await switchTo(record.id);
      }),

    /** The open workspace is renamed as an edit (undoable, autosaved); another one in storage. */
    rename: (id: string, name: string) =>
      busy(async () => {
        if (!name.trim()) throw new Error('a workspace needs a name');
        if (id === get().workspaceId && get().workspace) {
          workspace.edit((ws) => ({ ...ws, name }));
          await saveOpen();
        } else await (await library()).renameWorkspace(repo, id, name);
      }),

    duplicate: (id: string, name: string) =>
      busy(async () => {
        if (id === get().workspaceId) await saveOpen();
        await (await library()).duplicateWorkspace(repo, id, name);
      }),

    /** Deletes a workspace with its keys and deployment records; the open one gives way to the most recent other. */
    remove: (id: string) =>
      busy(async () => {
        if (!repo.remove) throw new Error('workspaces cannot be deleted here');
        const open = id === get().workspaceId;
        if (open) refuseWhileDeploying();
        // unlocked keys of the workspace leave memory with it
        services.keys(id).lock();
        await repo.remove(id);
        if (!open) return;
        const next = (await (await library()).listWorkspaces(repo))[0];
        if (next) await repo.setCurrentId(next.id);
        await openCurrent(); // with none left, the sample opens as a new workspace
      }),

    /** Imports a .json or .zip as a new workspace and opens it; a refused file changes nothing. */
    importFile: (file: string, bytes: Uint8Array) =>
      busy(async () => {
        const result = await (await library()).importWorkspace(repo, file, bytes);
        set({ importReport: { file, ok: result.ok, name: result.ok ? result.workspace.name : undefined, problems: result.problems } });
        if (result.record) await switchTo(result.record.id);
      }),

    /**
     * A stored workspace as a .json or a .zip with everything; the open one is saved first.
     * Undefined (with the reason in `workspacesError`) when it cannot be exported.
     */
    async exportFile(id: string, format: 'json' | 'zip'): Promise<ExportedFile | undefined> {
      try {
        if (id === get().workspaceId) await saveOpen();
        const record = await repo.get(id);
        if (!record) throw new Error(`workspace record "${id}" does not exist in IndexedDB`);
        const { exportWorkspaceJson, exportWorkspaceZip } = await exporter();
        return format === 'json' ? exportWorkspaceJson(record) : exportWorkspaceZip(record);
      } catch (e) {
        set({ workspacesError: errorMessage(e) });
        return undefined;
      }
    },

    /** One process of the open workspace as a .bpmn file. */
    async exportProcess(processId: string): Promise<ExportedFile> {
      const process = get().workspace?.processes.find((p) => p.id === processId);
      if (!process) throw new Error(`the open workspace has no process "${processId}"`);
      return (await exporter()).exportProcessBpmn(process);
    },
  };
  return actions;
}

export type WorkspacesActions = ReturnType<typeof workspacesActions>;
