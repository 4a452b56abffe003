/**
 * One instance as the chain tells it: the diagram with done / active / pending elements, a
 * timeline of every step (who, when, block, transaction, data, chosen path), the current data
 * whether it has ended, and its waiting timers (due time, overdue, Trigger) with the timers fired so
 * far. Reloads its history on every new block.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppManifest } from '../../../generators/index.js';
import { historyKey } from '../../store/session-slice.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { currentData, participantOf, type DescribedStep, type StepValue } from './describe-steps.js';
import { instanceProgress } from './instance-progress.js';
import { readProcessGraph } from './process-graph.js';
import { eventsByInstance, type ProcessEvent } from './process-events.js';
import { waitingTimers } from './timer-status.js';
import { TimerList } from './TimerList.js';
import { hiddenFields, hideValues } from './readable-fields.js';
import { isRegulator } from './work-list-filter.js';
import { regulatedProcessIds } from './regulated-processes.js';
import { selectActingParticipant } from '../../store/selectors.js';
import { dataAssetsOf, regulatesOf } from '../../store/view-permissions.js';
import { subprocessStates } from './element-events.js';
import { instanceTimeline, timelineTitle } from './instance-timeline.js';
import { taskProgress } from './multi-instance-progress.js';
import { MultiProgress } from './WorkItemNotes.js';
import './app-instance.css';

const InstanceDiagram = lazy(() => import('./InstanceDiagram.js'));
const NO_HISTORY: never[] = [];

export interface OpenInstance {
  processId: string;
  instanceId: bigint;
}

export function InstanceView({ manifest, open, onClose }: { manifest: AppManifest; open: OpenInstance; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { processId, instanceId } = open;
  const process = manifest.processes.find((p) => p.id === processId);
  const instance = useStudio((s) => s.instances[processId]?.find((i) => i.instanceId === instanceId));
  const history = useStudio((s) => s.histories[historyKey(processId, instanceId)]);
  const blockTimes = useStudio((s) => s.blockTimes);
  const blockNumber = useStudio((s) => s.blockNumber);
  const processEvents = useStudio((s) => s.processEvents[processId]);
  const { session } = useStudioActions();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [processId, instanceId]);
  useEffect(() => {
    void session.loadHistory(processId, instanceId);
  }, [session, processId, instanceId, blockNumber]);

  const graph = useMemo(() => (process ? readProcessGraph(process.bpmn) : undefined), [process]);
  const entries = history ?? NO_HISTORY;
  // fields of data assets the acting participant may not read are left out (docs/consortium-permissions.md)
  const acting = useStudio(selectActingParticipant);
  const dataAssets = useStudio(dataAssetsOf);
  const regulates = useStudio((s) => regulatesOf(s, acting?.id));
  const hidden = useMemo(() => {
    if (!process || !acting) return new Set<string>();
    const regulator = isRegulator(acting.roles, manifest.roles) && regulatedProcessIds(regulates, [process.id]).length > 0;
    return hiddenFields(dataAssets, process, { id: acting.id, roles: acting.roles }, regulator);
  }, [process, acting, dataAssets, regulates, manifest.roles]);
  const timerEvents = useMemo(() => eventsByInstance(processEvents ?? []).get(instanceId.toString()) ?? [], [processEvents, instanceId]);
  // the history's steps, with the service requests and caught errors only the events tell
  const steps = useMemo(
    () =>
      process
        ? hideValues(instanceTimeline(manifest, process, entries, timerEvents, blockTimes), hidden)
        : [],
    [manifest, process, entries, blockTimes, timerEvents, hidden],
  );
  const ended = instance?.ended ?? entries.some((e) => e.kind === 'ended');
  const subprocesses = useMemo(
    () => (process ? subprocessStates(process, ended ? 0n : (instance?.marking ?? 0n), steps.map((x) => x.elementId)) : new Map<string, 'active' | 'done'>()),
    [process, instance, ended, steps],
  );
  const multi = useMemo(
    () => (process && instance && !ended ? instance.enabledTasks.flatMap((task) => { const p = taskProgress(manifest, process, task, timerEvents); return p ? [{ task, progress: p }] : []; }) : []),
    [manifest, process, instance, ended, timerEvents],
  );
  const timers = useMemo(() => (process && instance ? waitingTimers(process, instance, timerEvents) : []), [process, instance, timerEvents]);
  const progress = useMemo(
    () =>
      graph &&
      instanceProgress(graph, {
        // a caught error's boundary and a subprocess left are passed, as a done task is
        doneSteps: [...steps.filter((e) => e.kind !== 'ended' && e.kind !== 'requested').map((e) => e.elementId), ...[...subprocesses].flatMap(([id, st]) => (st === 'done' ? [id] : []))],
        // a waiting timer holds a token as a task does: it is where the instance is now; so does a subprocess it is inside
        enabledTasks: [
          ...(instance?.enabledTasks.map((task) => task.elementId) ?? []),
          ...timers.map((w) => w.timer.elementId),
          ...[...subprocesses].flatMap(([id, st]) => (st === 'active' ? [id] : [])),
        ],
        ended,
      }),
    [graph, steps, instance, ended, timers, subprocesses],
  );
  if (!process) return null;
  const endEntry = entries.find((e) => e.kind === 'ended');
  const id = instanceId.toString();

  return (
    <section
      className="card instance-view"
      data-testid={`instance-view-${processId}-${id}`}
      data-state={ended ? 'ended' : 'running'}
      aria-labelledby="instance-view-title"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header className="instance-view-header">
        <h2 id="instance-view-title" ref={heading} tabIndex={-1}>
          {t('appView.instanceTitle', { process: process.name, id })}
        </h2>
        <span className={`state-pill is-${ended ? 'ended' : 'running'}`} data-testid="instance-view-state">
          {ended ? t('app.ended') : t('app.running')}
        </span>
        <span className="muted">
          {ended && endEntry
            ? t('appView.endedAt', { number: endEntry.blockNumber })
            : instance && instance.enabledTasks.length > 0 && t('appView.waitingFor', { tasks: instance.enabledTasks.map((x) => x.name).join(', ') })}
        </span>
        <button type="button" className="btn" data-testid="instance-view-close" onClick={onClose}>
          {t('appView.close')}
        </button>
      </header>
      <Legend />
      {progress && (
        <Suspense fallback={<p className="muted">{t('appView.diagramLoading')}</p>}>
          <InstanceDiagram xml={process.bpmn} progress={progress} />
        </Suspense>
      )}
      {timers.length > 0 && (
        <>
          <h3>{t('appView.timers.title')}</h3>
          <TimerList manifest={manifest} timers={timers} testId="instance-timers" />
        </>
      )}
      <FiredTimers manifest={manifest} processId={processId} events={timerEvents} />
      {multi.length > 0 && (
        <>
          <h3>{t('appView.elements.multiTitle')}</h3>
          {multi.map(({ task, progress: p }) => (
            <MultiProgress key={task.elementId} manifest={manifest} progress={p} name={task.name} testId={`instance-multi-${task.elementId}`} />
          ))}
        </>
      )}
      {subprocesses.size > 0 && (
        <>
          <h3>{t('appView.elements.subprocesses')}</h3>
          <ul className="subprocess-states" data-testid="subprocess-states">
            {[...subprocesses].map(([id, st]) => (
              <li key={id} data-element={id} data-state={st}>
                {t(st === 'active' ? 'appView.elements.subprocessActive' : 'appView.elements.subprocessDone', { name: process.subprocesses?.find((x) => x.elementId === id)?.name || id })}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="instance-view-columns">
        <div>
          <h3>{t('appView.timeline')}</h3>
          {!history && <p className="muted">{t('app.loadingHistory')}</p>}
          {history && steps.length === 0 && <p className="empty-note">{t('appView.noSteps')}</p>}
          <ol className="timeline" data-testid={`history-${processId}-${id}`}>
            {steps.map((step, i) => (
              <TimelineEntry key={`${step.txHash}:${i}`} step={step} locale={i18n.language} />
            ))}
          </ol>
        </div>
        <CurrentData steps={steps} locale={i18n.language} />
      </div>
      {hidden.size > 0 && (
        <p className="card-note" data-testid="hidden-fields-note" data-count={hidden.size}>
          {t('consortium2.app.hidden', { count: hidden.size })}
        </p>
      )}
    </section>
  );
}

/** The timers that fired in this instance, who fired them and in which block. */
function FiredTimers({ manifest, processId, events }: { manifest: AppManifest; processId: string; events: ProcessEvent[] }) {
  const { t } = useTranslation();
  const process = manifest.processes.find((p) => p.id === processId);
  const fired = events.filter((e) => e.kind === 'timerFired');
  if (!process || fired.length === 0) return null;
  return (
    <ul className="fired-timers" data-testid="fired-timers">
      {fired.map((e) => (
        <li key={`${e.txHash}:${e.logIndex}`} data-element={e.elementId} data-tx={e.txHash}>
          {t('appView.timers.fired', {
            name: process.timers?.find((x) => x.elementId === e.elementId)?.name ?? e.elementId,
            who: participantOf(manifest, e.kind === 'timerFired' ? e.by : undefined)?.name ?? '',
            number: e.blockNumber,
          })}
        </li>
      ))}
    </ul>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="progress-legend" aria-label={t('appView.diagram')}>
      {(['done', 'active', 'pending'] as const).map((k) => (
        <li key={k}>
          <span className={`legend-swatch is-${k}`} aria-hidden="true" />
          {t(`appView.legend.${k}`)}
        </li>
      ))}
    </ul>
  );
}

function TimelineEntry({ step, locale }: { step: DescribedStep; locale: string }) {
  const { t } = useTranslation();
  return (
    <li
      className={`timeline-entry is-${step.kind}`}
      data-testid="history-entry"
      data-kind={step.kind}
      data-element={step.elementId}
      data-block={step.blockNumber}
      data-tx={step.txHash}
    >
      <span className="timeline-title">{timelineTitle(step, t)}</span>
      <span className="timeline-meta">
        {step.by && (
          <span data-testid="history-by">
            {t('appView.by', { name: step.by.name })}
            {step.by.organization && ` (${step.by.organization})`}
          </span>
        )}
        {step.timestamp !== undefined && <time dateTime={new Date(step.timestamp * 1000).toISOString()}>{formatTime(step.timestamp, locale)}</time>}
        <span>{t('appView.block', { number: step.blockNumber })}</span>
        <TxHash hash={step.txHash} />
      </span>
      {step.chosenFlow && <span className="timeline-choice">{t('appView.chose', { name: step.chosenFlow })}</span>}
      {step.values.length > 0 && (
        <dl className="timeline-data">
          {step.values.map((v) => (
            <div key={v.field}>
              <dt>{v.label}</dt>
              <dd>{showValue(v, locale)}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

function TxHash({ hash }: { hash: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard?.writeText(hash).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <span className="tx-hash">
      <abbr title={hash} aria-label={`${t('appView.tx')} ${hash}`}>
        {hash.slice(0, 10)}…{hash.slice(-6)}
      </abbr>
      <button type="button" className="btn btn-small" onClick={copy} aria-label={`${t('appView.copy')} ${hash}`}>
        {copied ? t('appView.copied') : t('appView.copy')}
      </button>
    </span>
  );
}

function CurrentData({ steps, locale }: { steps: DescribedStep[]; locale: string }) {
  const { t } = useTranslation();
  const data = currentData(steps);
  return (
    <div data-testid="current-data">
      <h3>{t('appView.currentData')}</h3>
      {data.length === 0 ? (
        <p className="empty-note">{t('appView.noData')}</p>
      ) : (
        <dl className="current-data">
          {data.map((v) => (
            <div key={v.field} data-field={v.field}>
              <dt>{v.label}</dt>
              <dd>{showValue(v, locale)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function formatTime(seconds: number, locale: string): string {
  return new Date(seconds * 1000).toLocaleString(locale);
}

/** A value as a person reads it: dates for timestamps, ✓/✗ for booleans, the rest as written. */
function showValue(v: StepValue, locale: string): string {
  if (v.text !== undefined) return v.text;
  if (v.type === 'timestamp' && /^\d+$/.test(v.raw)) return formatTime(Number(v.raw), locale);
  if (v.type === 'bool') return v.raw === 'true' ? '✓' : '✗';
  return v.raw;
}
