/**
 * Undo/redo of the whole workspace as a history of snapshots. Workspaces are immutable values
 * (every edit returns a new object sharing what did not change), so a snapshot costs a pointer.
 * Pure: the store decides when an edit happened and what time it is.
 *
 * Rules:
 * - rapid edits of the same thing (typing a name, one process's XML changing as the user drags)
 *   form one step when each follows the previous within `coalesceMs`;
 * - a change of derived fields only is not a step: participants' addresses follow the key store
 *   (src/keys; the store derives them again after an undo) and a network's genesis hash is what
 *   its node answered on the first connection;
 * - at most `limit` steps are kept; the oldest go first.
 */
import type { Workspace } from '../../generators/index.js';

export interface HistoryStep {
  /** The workspace before the step: what undo returns to. */
  workspace: Workspace;
  /** What the step changed (editKey); consecutive steps with the same key may coalesce. */
  key: string;
  /** When the step was last extended; -Infinity for a step that must not grow (a redo). */
  at: number;
}

export interface WorkspaceHistory {
  past: HistoryStep[];
  /** Workspaces undone, the next redo first. */
  future: Workspace[];
}

export interface HistoryOptions {
  limit: number;
  coalesceMs: number;
}

export const EMPTY_HISTORY: WorkspaceHistory = { past: [], future: [] };
export const DEFAULT_HISTORY_OPTIONS: HistoryOptions = { limit: 200, coalesceMs: 1000 };

const LISTS = ['organizations', 'roles', 'participants', 'processes', 'networks'] as const;

/** Fields of list items that the IDE writes from what it observes, not from what the user does. */
const DERIVED: Record<string, string> = { participants: 'address', networks: 'genesisHash' };

/** Equal but for the derived field. */
function sameButDerived(a: object, b: object, derived: string | undefined): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  if (derived) keys.delete(derived);
  return [...keys].every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/**
 * Names what an edit changed: `name`, `participants:wang-fang` (one item of a list changed),
 * `participants` (items added, removed or several changed), joined with `+` when several parts
 * changed. Undefined when nothing but derived fields (addresses, genesis hashes) changed.
 */
export function editKey(before: Workspace, after: Workspace): string | undefined {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const parts: string[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (b[field] === a[field]) continue;
    if (!(LISTS as readonly string[]).includes(field) || !Array.isArray(b[field]) || !Array.isArray(a[field])) {
      parts.push(field);
      continue;
    }
    const was = b[field] as { id: string }[];
    const now = a[field] as { id: string }[];
    if (was.length !== now.length) {
      parts.push(field);
      continue;
    }
    const changed = now.map((item, i) => i).filter((i) => was[i] !== now[i]);
    if (DERIVED[field] && changed.every((i) => was[i].id === now[i].id && sameButDerived(was[i], now[i], DERIVED[field]))) continue;
    parts.push(changed.length === 1 && was[changed[0]].id === now[changed[0]].id ? `${field}:${now[changed[0]].id}` : field);
  }
  return parts.length ? parts.sort().join('+') : undefined;
}

/** The history after an edit from `before` to `after` at time `now`. */
export function recordEdit(
  history: WorkspaceHistory,
  before: Workspace,
  after: Workspace,
  now: number,
  options: HistoryOptions = DEFAULT_HISTORY_OPTIONS,
): WorkspaceHistory {
  const key = editKey(before, after);
  if (key === undefined) return history;
  const last = history.past[history.past.length - 1];
  // after an undo the next edit starts a new step: the undone state must stay reachable
  if (last && history.future.length === 0 && last.key === key && now - last.at <= options.coalesceMs) {
    return { past: [...history.past.slice(0, -1), { ...last, at: now }], future: [] };
  }
  return { past: [...history.past, { workspace: before, key, at: now }].slice(-options.limit), future: [] };
}

/** One step back from `current`; undefined when there is nothing to undo. */
export function undoStep(history: WorkspaceHistory, current: Workspace): { history: WorkspaceHistory; workspace: Workspace } | undefined {
  const step = history.past[history.past.length - 1];
  if (!step) return undefined;
  return { workspace: step.workspace, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

/** One step forward again; undefined when nothing was undone. */
export function redoStep(history: WorkspaceHistory, current: Workspace): { history: WorkspaceHistory; workspace: Workspace } | undefined {
  const [next, ...rest] = history.future;
  if (!next) return undefined;
  return { workspace: next, history: { past: [...history.past, { workspace: current, key: 'redo', at: -Infinity }], future: rest } };
}
