/**
 * Waiting timers with their due time, marked overdue once the chain's clock passed it, each with a
 * Trigger button: anyone may fire a due timer (the contract checks the deadline; an early or
 * repeated trigger comes back explained in words in the act status).
 */
import { useTranslation } from 'react-i18next';
import type { AppManifest } from '../../../generators/index.js';
import { timerActKey } from '../../store/session-slice.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { ActStatus } from './FieldForm.js';
import { formatDuration } from './format-duration.js';
import { timerState, type WaitingTimer } from './timer-status.js';
import { useChainNow } from './use-timers.js';
import './timers.css';

interface TimerListProps {
  manifest: AppManifest;
  timers: WaitingTimer[];
  testId: string;
  /** Name the process and instance on each row (lists across instances). */
  showInstance?: boolean;
}

export function TimerList({ manifest, timers, testId, showInstance }: TimerListProps) {
  const { t } = useTranslation();
  const now = useChainNow();
  if (timers.length === 0) return null;
  return (
    <ul className="timer-list" data-testid={testId}>
      {timers.map((w) => (
        <TimerRow key={`${w.processId}#${w.instanceId}:${w.timer.index}`} manifest={manifest} waiting={w} now={now} showInstance={showInstance} />
      ))}
      <li className="timer-note muted">{t('appView.timers.anyone')}</li>
    </ul>
  );
}

function TimerRow({ manifest, waiting, now, showInstance }: { manifest: AppManifest; waiting: WaitingTimer; now: number; showInstance?: boolean }) {
  const { t, i18n } = useTranslation();
  const { processId, instanceId, timer, dueAt, taskName } = waiting;
  const key = timerActKey(processId, instanceId, timer.index);
  const act = useStudio((s) => s.acts[key]);
  const { session } = useStudioActions();
  const state = timerState(dueAt, now);
  const processName = manifest.processes.find((p) => p.id === processId)?.name ?? processId;
  const what = taskName ? t(timer.interrupting ? 'appView.timers.deadlineOf' : 'appView.timers.reminderOf', { task: taskName }) : t('appView.timers.waitsHere');
  return (
    <li className={`timer-row is-${state}`} data-testid={`timer-${timer.elementId}`} data-instance={instanceId.toString()} data-state={state}>
      <div className="timer-what">
        <span className="timer-name">{timer.name}</span>
        <span className="muted">
          {what}
          {showInstance && ` · ${processName} #${instanceId}`}
        </span>
      </div>
      <div className="timer-due">
        {dueAt === undefined ? (
          <span className="muted">{t('appView.timers.dueUnknown')}</span>
        ) : (
          <>
            <time dateTime={new Date(dueAt * 1000).toISOString()} data-testid="timer-due">
              {t('appView.timers.due', { time: new Date(dueAt * 1000).toLocaleString(i18n.language) })}
            </time>
            <span className={`state-pill is-${state}`} data-testid="timer-state">
              {state === 'overdue'
                ? t('appView.timers.overdue', { duration: formatDuration(now - dueAt, i18n.language) })
                : t('appView.timers.dueIn', { duration: formatDuration(dueAt - now, i18n.language) })}
            </span>
          </>
        )}
      </div>
      <div className="timer-actions">
        <button
          type="button"
          className={`btn btn-small${state === 'overdue' ? ' btn-primary' : ''}`}
          data-testid="timer-trigger"
          disabled={act?.status === 'pending'}
          aria-label={t('appView.timers.triggerNamed', { name: timer.name, id: instanceId.toString() })}
          onClick={() => void session.triggerTimer(processId, instanceId, timer.index)}
        >
          {t('appView.timers.trigger')}
        </button>
      </div>
      <ActStatus act={act} testId="timer-act" />
    </li>
  );
}
