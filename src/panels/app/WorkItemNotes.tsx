/**
 * What a work item says about the newer BPMN elements: a multi-instance task's k of n (who did
 * their part, the completion condition in words), what a service task's request asked of the
 * device, and for a message the participant delivers (receive task, message catch or boundary
 * event) whose message it is and what delivering it does to the task it is attached to.
 */
import { useTranslation } from 'react-i18next';
import type { AppManifest, ProcessManifest, TaskManifest } from '../../../generators/index.js';
import { participantOf } from './describe-steps.js';
import { stepValues } from './element-events.js';
import type { MultiInstanceProgress } from './multi-instance-progress.js';
import type { ProcessEvent } from './process-events.js';

export function WorkItemNotes({ manifest, process, task, events, progress, roleName }: {
  manifest: AppManifest;
  process: ProcessManifest | undefined;
  task: TaskManifest;
  /** This instance's events, chain order. */
  events: readonly ProcessEvent[];
  progress?: MultiInstanceProgress;
  roleName(id: string): string;
}) {
  const { t } = useTranslation();
  if (progress) return <MultiProgress manifest={manifest} progress={progress} testId="multi-progress" />;
  if (task.kind === 'service') {
    const request = [...events].reverse().find((e) => e.kind === 'requested' && e.elementId === task.elementId);
    const values = request?.kind === 'requested' ? stepValues(task.requestFields ?? [], request.values, manifest) : [];
    return (
      <p className="work-note" data-testid="service-request">
        {t('appView.elements.serviceAsked')}{' '}
        {values.length > 0 ? values.map((v) => `${v.label}: ${v.text ?? v.raw}`).join(' · ') : t('appView.elements.noRequestValues')}
      </p>
    );
  }
  if (task.kind === 'receive' || task.kind === 'message') {
    const attached = (task.attachedToTaskId && process?.tasks.find((x) => x.elementId === task.attachedToTaskId))
      || (task.attachedToSubprocessId && process?.subprocesses?.find((x) => x.elementId === task.attachedToSubprocessId));
    return (
      <p className="work-note" data-testid="message-expected">
        {t('appView.elements.messageFrom', { role: roleName(task.role) })}
        {task.fields.length === 0 && ` ${t('appView.elements.noPayload')}`}
        {attached && ` ${t(task.interrupting === false ? 'appView.elements.alongside' : 'appView.elements.interrupts', { task: attached.name })}`}
      </p>
    );
  }
  return null;
}

/** "1 of 3 done · 2 are enough · done by Olga Berg". */
export function MultiProgress({ manifest, progress, testId, name }: { manifest: AppManifest; progress: MultiInstanceProgress; testId: string; name?: string }) {
  const { t } = useTranslation();
  const names = progress.doneBy.map((a) => participantOf(manifest, a)?.name ?? a);
  const c = progress.condition;
  return (
    <p className="work-note multi-progress" data-testid={testId} data-completed={progress.completed} data-total={progress.total}>
      {name && <strong>{name}: </strong>}
      {t('appView.elements.kOfN', { completed: progress.completed, total: progress.total })}
      {c && ` · ${'enough' in c ? t('appView.elements.enough', { count: c.enough }) : t('appView.elements.finishesWhen', { condition: c.text })}`}
      {names.length > 0 && ` · ${t('appView.elements.doneBy', { names: names.join(', ') })}`}
    </p>
  );
}
