/**
 * The tasks the acting participant may do now, filterable and sortable, each with its form and the
 * deadline of a timer on it; then the waiting timers of every instance (anyone may trigger them).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppManifest } from '../../../generators/index.js';
import { selectActingParticipant, selectWorkList, type WorkItem } from '../../store/selectors.js';
import { taskActKey } from '../../store/session-slice.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { FieldForm } from './FieldForm.js';
import { useAddressOptions, useFlowNames, useRoleName } from './use-form-options.js';
import { eventsByInstance, latestValues, type ProcessEvent, type StepValue } from './process-events.js';
import { useRoutingFor, withKnown } from './use-routing.js';
import { filterWorkItems, NO_WORK_FILTER, WORK_SORTS, type WorkFilter } from './work-list-filter.js';
import { formatDuration } from './format-duration.js';
import { timerState, type WaitingTimer } from './timer-status.js';
import { TimerList } from './TimerList.js';
import { useChainNow, useWaitingTimers } from './use-timers.js';
import { multiInstanceItem, type MultiInstanceProgress } from './multi-instance-progress.js';
import { WorkItemNotes } from './WorkItemNotes.js';

/** Key of the task a boundary timer is attached to, in one instance. */
const taskTimerKey = (processId: string, instanceId: bigint, taskId: string) => `${processId}#${instanceId}:${taskId}`;

export function WorkList({ manifest }: { manifest: AppManifest }) {
  const { t, i18n } = useTranslation();
  const enabled = useStudio(selectWorkList);
  const [filter, setFilter] = useState<WorkFilter>(NO_WORK_FILTER);
  const acts = useStudio((s) => s.acts);
  const participant = useStudio(selectActingParticipant);
  const { session } = useStudioActions();
  const addressOptions = useAddressOptions(manifest);
  const roleName = useRoleName(manifest);
  const flowNames = useFlowNames(manifest);
  const routingOf = useRoutingFor(manifest);
  // each instance's values from its earlier steps, for conditions that read them
  const processEvents = useStudio((s) => s.processEvents);
  const { known, eventsOf } = useMemo(() => {
    const byInstance = new Map<string, Record<string, StepValue>>();
    const lists = new Map<string, ProcessEvent[]>();
    for (const [processId, events] of Object.entries(processEvents))
      for (const [instanceId, list] of eventsByInstance(events)) {
        byInstance.set(`${processId}#${instanceId}`, latestValues(list));
        lists.set(`${processId}#${instanceId}`, list);
      }
    return { known: byInstance, eventsOf: (processId: string, instanceId: bigint) => lists.get(`${processId}#${instanceId}`) ?? [] };
  }, [processEvents]);
  // a multi-instance task's k of n; hidden from who did their part (multiInstanceItem)
  const progressed = useMemo(
    () =>
      enabled.flatMap((item): (WorkItem & { progress?: MultiInstanceProgress })[] => {
        const process = manifest.processes.find((p) => p.id === item.processId);
        if (!process) return [item];
        const act = acts[taskActKey(item.processId, item.instance.instanceId, item.task.elementId)];
        const events = eventsOf(item.processId, item.instance.instanceId);
        const { hidden, progress } = multiInstanceItem(manifest, process, item.task, events, participant?.address, act?.status === 'confirmed' ? act.txHash : undefined);
        return hidden ? [] : [{ ...item, progress }];
      }),
    [enabled, manifest, eventsOf, participant, acts],
  );
  const all = progressed;
  const timers = useWaitingTimers(manifest);
  const deadlines = useMemo(() => {
    const byTask = new Map<string, WaitingTimer[]>();
    for (const w of timers) {
      if (!w.timer.attachedToTaskId) continue;
      const key = taskTimerKey(w.processId, w.instanceId, w.timer.attachedToTaskId);
      byTask.set(key, [...(byTask.get(key) ?? []), w]);
    }
    return byTask;
  }, [timers]);
  const timersOf = (processId: string, instanceId: bigint, taskId: string) => deadlines.get(taskTimerKey(processId, instanceId, taskId)) ?? [];
  const processName = (id: string) => manifest.processes.find((p) => p.id === id)?.name ?? id;
  const dueOf = (item: (typeof all)[number]) => {
    const dues = timersOf(item.processId, item.instance.instanceId, item.task.elementId).flatMap((w) => (w.dueAt === undefined ? [] : [w.dueAt]));
    return dues.length ? Math.min(...dues) : undefined;
  };
  const items = filterWorkItems(all, filter, processName, i18n.language, dueOf);
  return (
    <section className="card" data-testid="work-list" aria-labelledby="work-list-title">
      <h2 id="work-list-title">
        {t('app.workTitle')} <span className="count-pill">{all.length}</span>
      </h2>
      <div className="work-tools" role="search">
        <input
          type="search"
          data-testid="work-filter"
          placeholder={t('appView.filterPlaceholder')}
          aria-label={t('appView.filterLabel')}
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
        />
        {manifest.processes.length > 1 && (
          <select
            data-testid="work-process"
            aria-label={t('appView.processFilter')}
            value={filter.processId}
            onChange={(e) => setFilter({ ...filter, processId: e.target.value })}
          >
            <option value="">{t('appView.allProcesses')}</option>
            {manifest.processes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
        <select
          data-testid="work-sort"
          aria-label={t('appView.sortLabel')}
          value={filter.sort}
          onChange={(e) => setFilter({ ...filter, sort: e.target.value as WorkFilter['sort'] })}
        >
          {WORK_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`appView.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {all.length === 0 && (
        <p className="empty-note" data-testid="work-list-empty">
          {t('app.noWork')}
        </p>
      )}
      {all.length > 0 && items.length === 0 && (
        <p className="empty-note" data-testid="work-list-no-match">
          {t('appView.noMatch')}
        </p>
      )}
      <div role="list" aria-labelledby="work-list-title" className="work-items">
        {items.map(({ processId, instance, task, progress }) => {
          const key = taskActKey(processId, instance.instanceId, task.elementId);
          return (
            <article
              key={`${key}:${participant?.id}`}
              role="listitem"
              aria-label={`${task.name} · ${processName(processId)} #${instance.instanceId.toString()}`}
              className="work-item"
              data-testid={`work-item-${task.elementId}`}
              data-instance={instance.instanceId.toString()}
            >
              <header>
                <h3>{task.name}</h3>
                <span className="muted">
                  {processName(processId)} · #{instance.instanceId.toString()}
                </span>
              </header>
              {task.documentation && <p className="task-doc">{task.documentation}</p>}
              <WorkItemNotes
                manifest={manifest}
                process={manifest.processes.find((p) => p.id === processId)}
                task={task}
                events={eventsOf(processId, instance.instanceId)}
                progress={progress}
                roleName={roleName}
              />
              <TaskDeadlines timers={timersOf(processId, instance.instanceId, task.elementId)} />
              <FieldForm
                testId={`task-form-${task.elementId}`}
                fields={task.fields}
                choice={task.choice}
                submitLabel={t('app.complete')}
                act={acts[key]}
                addressOptions={addressOptions}
                roleName={roleName}
                defaultFlowName={task.choice?.defaultFlowId && flowNames.get(processId)?.get(task.choice.defaultFlowId)}
                routing={withKnown(routingOf(processId, task.elementId), known.get(`${processId}#${instance.instanceId}`))}
                onSubmit={(data, choice) => void session.completeTask(processId, instance.instanceId, task.elementId, data, choice)}
              />
            </article>
          );
        })}
      </div>
      {timers.length > 0 && (
        <>
          <h3 className="timers-title">
            {t('appView.timers.title')} <span className="count-pill">{timers.length}</span>
          </h3>
          <TimerList manifest={manifest} timers={timers} testId="work-timers" showInstance />
        </>
      )}
    </section>
  );
}

/** The due times of the timers on a task: an interrupting one is its deadline, a non-interrupting one a reminder. */
function TaskDeadlines({ timers }: { timers: WaitingTimer[] }) {
  const { t, i18n } = useTranslation();
  const now = useChainNow();
  if (timers.length === 0) return null;
  return (
    <ul className="task-deadlines">
      {timers.map((w) => {
        const state = timerState(w.dueAt, now);
        return (
          <li key={w.timer.index} className={`task-deadline is-${state}`} data-testid="task-deadline" data-state={state}>
            {t(w.timer.interrupting ? 'appView.timers.deadline' : 'appView.timers.reminder', { name: w.timer.name })}{' '}
            {w.dueAt !== undefined && (
              <>
                <time dateTime={new Date(w.dueAt * 1000).toISOString()}>{new Date(w.dueAt * 1000).toLocaleString(i18n.language)}</time>
                {' · '}
                {state === 'overdue'
                  ? t('appView.timers.overdue', { duration: formatDuration(now - w.dueAt, i18n.language) })
                  : t('appView.timers.dueIn', { duration: formatDuration(w.dueAt - now, i18n.language) })}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
