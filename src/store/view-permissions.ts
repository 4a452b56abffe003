/**
 * What the app may show to whom: the data assets with their readers and the processes each
 * regulator regulates. In the IDE they come from the workspace being edited; in the exported app
 * (no workspace) from config.json's viewPermissions, written at export. View permissions only:
 * the chain still holds every value. Pure.
 */
import type { DataAsset, Workspace } from '../../generators/index.js';

export interface ViewPermissions {
  dataAssets?: DataAsset[];
  /** Participant id -> the ids of the processes it regulates; a participant not listed: no links (every process). */
  regulates?: Record<string, string[]>;
}

/** The workspace's view permissions, as "Export app" writes them. */
export function viewPermissionsOf(ws: Workspace): ViewPermissions {
  const regulates = Object.fromEntries(ws.participants.filter((p) => p.regulates !== undefined).map((p) => [p.id, [...p.regulates!]]));
  return {
    ...(ws.dataAssets?.length ? { dataAssets: ws.dataAssets } : {}),
    ...(Object.keys(regulates).length ? { regulates } : {}),
  };
}

/** Where the app reads them: the workspace in the IDE, else what the exported app was given. */
export interface ViewPermissionSource {
  workspace?: Workspace;
  viewPermissions?: ViewPermissions;
}

export const dataAssetsOf = (s: ViewPermissionSource): DataAsset[] | undefined => (s.workspace ? s.workspace.dataAssets : s.viewPermissions?.dataAssets);

export const regulatesOf = (s: ViewPermissionSource, participantId: string | undefined): string[] | undefined =>
  participantId === undefined
    ? undefined
    : s.workspace
      ? s.workspace.participants.find((p) => p.id === participantId)?.regulates
      : s.viewPermissions?.regulates?.[participantId];
