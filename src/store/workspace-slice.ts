/**
 * The workspace being edited: opening it (or reporting why it cannot be opened), edits, keys and
 * saving. Autosave itself is a reaction wired in create-studio-store.ts.
 */
import type { Problem, TaskTemplateDef, Workspace } from '../../generators/index.js';
import { assignAddresses } from '../keys/assign-addresses.js';
import { createFromSample, openCurrentWorkspace, type OpenResult } from '../persistence/open-workspace.js';
import { errorMessage, type SliceContext } from './store-types.js';
import { addProcess, removeProcess, renameProcess } from './process-edits.js';
import { setProcessXml } from './workspace-edits.js';
import { EMPTY_HISTORY } from './workspace-history.js';
import { prunePermissions } from './permission-edits.js';
import { pruneTaskTemplates, removeTaskTemplate, saveTaskTemplate } from './template-edits.js';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface WorkspaceState {
  workspaceStatus: 'loading' | 'ready' | 'invalid' | 'failed';
  workspaceId?: string;
  workspace?: Workspace;
  /** Set when the stored workspace failed validation: its text, untouched, and why. */
  invalidWorkspace?: { json: string; problems: Problem[] };
  /** Problems found when opening (warnings of a workspace that did open). */
  loadProblems: Problem[];
  openError?: string;
  saveState: SaveState;
  saveError?: string;
  keysError?: string;
}

export const initialWorkspaceState: WorkspaceState = {
  workspaceStatus: 'loading',
  loadProblems: [],
  saveState: 'saved',
};

export function workspaceActions({ get, set, services }: SliceContext) {
  function applyOpen(result: OpenResult) {
    if (result.kind === 'opened') services.chain.useNetwork?.(result.workspace.networks?.find((n) => n.id === result.networkId));
    if (result.kind === 'invalid') {
      set({
        workspaceStatus: 'invalid',
        workspaceId: result.id,
        workspace: undefined,
        invalidWorkspace: { json: result.json, problems: result.problems },
        saveState: 'saved',
        deployment: undefined,
        workspaceHistory: EMPTY_HISTORY,
      });
      return;
    }
    set({
      workspaceStatus: 'ready',
      workspaceId: result.id,
      workspace: result.workspace,
      invalidWorkspace: undefined,
      loadProblems: result.problems,
      // the deployment is the deploy slice's state; it is stored beside the workspace, per network
      networkId: result.networkId,
      deployment: result.deployment,
      partialDeployment: result.partialDeployment,
      networkCheck: undefined,
      deploymentOnLedger: 'unknown',
      saveState: 'saved',
      // undo never crosses into what was open before
      workspaceHistory: EMPTY_HISTORY,
    });
  }

  const actions = {
    async open(): Promise<void> {
      try {
        applyOpen(await openCurrentWorkspace(services.repo, services.loadSample));
      } catch (e) {
        set({ workspaceStatus: 'failed', openError: errorMessage(e) });
        return;
      }
      if (get().workspaceStatus === 'ready') await actions.syncKeys();
    },

    /** Leaves an invalid record as it is and starts over with a new workspace made from the sample. */
    async startFromSample(): Promise<void> {
      try {
        applyOpen(await createFromSample(services.repo, services.loadSample));
      } catch (e) {
        set({ workspaceStatus: 'failed', openError: errorMessage(e) });
        return;
      }
      if (get().workspaceStatus === 'ready') await actions.syncKeys();
    },

    /** Applies a pure edit; a no-op edit (same object back) changes nothing and saves nothing. */
    edit(change: (ws: Workspace) => Workspace): void {
      const before = get().workspace;
      if (!before) return;
      // references to what the edit removed (a role, a participant, a process) leave the permissions and templates
      const after = pruneTaskTemplates(prunePermissions(change(before)));
      if (after === before) return;
      set({ workspace: after, saveState: 'pending' });
      const ids = (ws: Workspace) => ws.participants.map((p) => p.id).join('\n');
      if (ids(before) !== ids(after)) void actions.syncKeys();
    },

    /** Saves a task template (replacing one with the same label); undoable; returns its id. */
    saveTaskTemplate(template: Omit<TaskTemplateDef, 'id'>): string | undefined {
      let id: string | undefined;
      actions.edit((ws) => {
        const saved = saveTaskTemplate(ws, template);
        id = saved.id;
        return saved.workspace;
      });
      return id;
    },

    removeTaskTemplate(id: string): void {
      actions.edit((ws) => removeTaskTemplate(ws, id));
    },

    setProcessXml(processId: string, xml: string): void {
      actions.edit((ws) => setProcessXml(ws, processId, xml));
    },

    /**
     * Adds a blank process (one start event) and shows it; returns its id, or undefined for a
     * blank name. Undoable like any workspace edit.
     */
    addProcess(name: string): string | undefined {
      const ws = get().workspace;
      if (!ws) return undefined;
      const { workspace: next, id } = addProcess(ws, name);
      if (!id) return undefined;
      actions.edit(() => next);
      set({ activeProcessId: id });
      return id;
    },

    renameProcess(id: string, name: string): void {
      actions.edit((ws) => renameProcess(ws, id, name));
    },

    /** Removes a process document (its diagram with it); the next process is shown. Undoable. */
    removeProcess(id: string): void {
      const before = get().workspace?.processes ?? [];
      const index = before.findIndex((p) => p.id === id);
      actions.edit((ws) => removeProcess(ws, id));
      const after = get().workspace?.processes ?? [];
      if (index >= 0 && get().activeProcessId === id) set({ activeProcessId: after[Math.min(index, after.length - 1)]?.id });
    },

    /** Creates keys that are missing and writes the participants' addresses into the workspace. */
    async syncKeys(): Promise<void> {
      const { workspace, workspaceId } = get();
      if (!workspace || !workspaceId) return;
      try {
        const keys = await services.keys(workspaceId).ensureKeys(workspace);
        const current = get().workspace;
        if (!current || get().workspaceId !== workspaceId) return;
        const next = assignAddresses(current, keys);
        set(next === current ? { keysError: undefined } : { workspace: next, saveState: 'pending', keysError: undefined });
      } catch (e) {
        set({ keysError: errorMessage(e) });
      }
    },

    async saveNow(): Promise<void> {
      const { workspace, workspaceId, workspaceStatus } = get();
      if (!workspace || !workspaceId || workspaceStatus !== 'ready') return;
      set({ saveState: 'saving' });
      try {
        await services.repo.saveJson(workspaceId, JSON.stringify(workspace, null, 2), workspace.name);
        // an edit made while saving leaves the state 'pending' so the next autosave picks it up
        if (get().workspace === workspace) set({ saveState: 'saved', saveError: undefined });
        else set({ saveState: 'pending' });
      } catch (e) {
        set({ saveState: 'error', saveError: errorMessage(e) });
      }
    },
  };
  return actions;
}

export type WorkspaceActions = ReturnType<typeof workspaceActions>;
