/**
 * The consortium views' own state: which view of the Participants page is open (lists, canvas,
 * permission matrix) and the outcome of the last task-role change made in the matrix. Changing a
 * task's role rewrites cf:role in the process's BPMN with bpmn-moddle (task-role-xml.ts) and
 * applies it as a workspace edit, so the modeler, autosave and the build see it like any edit.
 */
import { setElementRole } from './task-role-xml.js';
import type { SliceContext } from './store-types.js';
import type { WorkspaceActions } from './workspace-slice.js';

export const PARTICIPANTS_TABS = ['lists', 'canvas', 'permissions'] as const;
export type ParticipantsTab = (typeof PARTICIPANTS_TABS)[number];

export interface ConsortiumState {
  participantsTab: ParticipantsTab;
  /** Why the last role change in the permission matrix failed (names the file and element). */
  roleEditError?: string;
}

export const initialConsortiumState: ConsortiumState = {
  participantsTab: 'lists',
};

/** `workspace` applies the edit: whatever follows workspace edits (autosave, build, history) sees it. */
export function consortiumActions({ get, set }: SliceContext, workspace: Pick<WorkspaceActions, 'setProcessXml'>) {
  return {
    setParticipantsTab(tab: ParticipantsTab): void {
      set({ participantsTab: tab });
    },

    /**
     * Gives a task (or start event) its own cf:role, or clears it (`role` undefined) so its lane
     * decides. Resolves to false with `roleEditError` set when the file cannot be changed. An edit
     * made to the same process meanwhile is not overwritten: the change is made again on top of it.
     */
    async setTaskRole(processId: string, elementId: string, role: string | undefined): Promise<boolean> {
      for (let attempt = 0; attempt < 3; attempt++) {
        const process = get().workspace?.processes.find((p) => p.id === processId);
        if (!process) return false;
        const result = await setElementRole(process.bpmn, elementId, role, process.name);
        if (!result.ok) {
          set({ roleEditError: result.message });
          return false;
        }
        const now = get().workspace?.processes.find((p) => p.id === processId);
        if (now?.bpmn !== process.bpmn) continue;
        set({ roleEditError: undefined });
        workspace.setProcessXml(processId, result.xml);
        return true;
      }
      set({ roleEditError: `${processId}: the process kept changing; try again` });
      return false;
    },
  };
}

export type ConsortiumActions = ReturnType<typeof consortiumActions>;
