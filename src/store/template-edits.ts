/**
 * Edits of the consortium's task templates (workspace.taskTemplates). Pure: the workspace slice
 * applies them as undoable edits. Saving under a label the workspace already has replaces that
 * template (same id), so "save again" updates it instead of piling up copies.
 */
import type { TaskTemplateDef, Workspace } from '../../generators/index.js';
import { uniqueId } from './workspace-edits.js';

/** Adds `template` (its id is chosen here), or replaces the one with the same label; returns the id. */
export function saveTaskTemplate(ws: Workspace, template: Omit<TaskTemplateDef, 'id'>): { workspace: Workspace; id: string } {
  const list = ws.taskTemplates ?? [];
  const label = template.label.trim();
  const same = list.find((t) => t.label.trim() === label);
  const id = same?.id ?? uniqueId(label, list.map((t) => t.id), 'template');
  const saved: TaskTemplateDef = { ...template, label, id };
  const taskTemplates = same ? list.map((t) => (t.id === id ? saved : t)) : [...list, saved];
  return { workspace: { ...ws, taskTemplates }, id };
}

export function removeTaskTemplate(ws: Workspace, id: string): Workspace {
  if (!ws.taskTemplates?.some((t) => t.id === id)) return ws;
  const taskTemplates = ws.taskTemplates.filter((t) => t.id !== id);
  if (taskTemplates.length) return { ...ws, taskTemplates };
  const { taskTemplates: _, ...rest } = ws;
  return rest;
}

/**
 * Roles an edit elsewhere removed leave the templates: the task's role is dropped (its lane decides
 * again), a participant field keeps no role, a multi-instance "one per participant of" a removed
 * role becomes a count of 2, so the workspace still loads and applying the template still works.
 */
export function pruneTaskTemplates(ws: Workspace): Workspace {
  if (!ws.taskTemplates?.length) return ws;
  const roles = new Set(ws.roles.map((r) => r.id));
  const gone = (role: string | undefined) => role !== undefined && !roles.has(role);
  let changed = false;
  const taskTemplates = ws.taskTemplates.map((t) => {
    const lostFields = t.fields.some((f) => gone(f.role));
    const lostMulti = gone(t.multiInstance?.forEachOf);
    if (!gone(t.role) && !lostFields && !lostMulti) return t;
    changed = true;
    const next: TaskTemplateDef = { ...t };
    if (gone(t.role)) delete next.role;
    if (lostFields) next.fields = t.fields.map(({ role, ...f }) => (gone(role) ? f : { ...f, role }));
    if (lostMulti) {
      const { forEachOf: _, ...multi } = t.multiInstance!;
      next.multiInstance = { ...multi, cardinality: 2 };
    }
    return next;
  });
  return changed ? { ...ws, taskTemplates } : ws;
}
