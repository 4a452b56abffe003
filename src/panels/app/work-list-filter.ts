/**
 * Sorting and filtering of the work list: by process, by free text (task, process, instance
 * number, task documentation), newest or oldest instance first, by task name, or by deadline
 * (the due time of a timer on the task: earliest first, tasks without one last). Pure.
 */
import type { WorkItem } from '../../store/selectors.js';

export const WORK_SORTS = ['newest', 'oldest', 'task', 'due'] as const;
export type WorkSort = (typeof WORK_SORTS)[number];

export interface WorkFilter {
  /** A process id, or '' for every process. */
  processId: string;
  text: string;
  sort: WorkSort;
}

export const NO_WORK_FILTER: WorkFilter = { processId: '', text: '', sort: 'newest' };

export function filterWorkItems<T extends WorkItem>(
  items: T[],
  filter: WorkFilter,
  processName: (id: string) => string,
  locale?: string,
  dueOf: (item: T) => number | undefined = () => undefined,
): T[] {
  const needle = filter.text.trim().toLocaleLowerCase(locale);
  const kept = items.filter((item) => {
    if (filter.processId && item.processId !== filter.processId) return false;
    if (!needle) return true;
    const haystack = [item.task.name, item.task.elementId, item.task.documentation ?? '', processName(item.processId), `#${item.instance.instanceId}`]
      .join('\n')
      .toLocaleLowerCase(locale);
    return haystack.includes(needle);
  });
  const byInstance = (a: WorkItem, b: WorkItem) => (a.instance.instanceId < b.instance.instanceId ? -1 : a.instance.instanceId > b.instance.instanceId ? 1 : 0);
  const sorted = [...kept];
  if (filter.sort === 'newest') sorted.sort((a, b) => byInstance(b, a));
  else if (filter.sort === 'oldest') sorted.sort(byInstance);
  else if (filter.sort === 'task') sorted.sort((a, b) => a.task.name.localeCompare(b.task.name, locale) || byInstance(a, b));
  else {
    const due = (i: T) => dueOf(i) ?? Number.POSITIVE_INFINITY;
    sorted.sort((a, b) => (due(a) === due(b) ? byInstance(a, b) : due(a) - due(b)));
  }
  return sorted;
}

/** Whether a participant is a regulator: one of its roles is named or identified "Regulator" (or 监管). */
export function isRegulator(roleIds: string[], roles: { id: string; name: string }[]): boolean {
  return roleIds.some((id) => {
    const role = roles.find((r) => r.id === id);
    return [id, role?.name ?? ''].some((s) => /regulator|监管/i.test(s));
  });
}
