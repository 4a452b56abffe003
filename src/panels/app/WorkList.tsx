/** The tasks the acting participant may do now, filterable and sortable, each with its form. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppManifest } from '../../../generators/index.js';
import { selectActingParticipant, selectWorkList } from '../../store/selectors.js';
import { taskActKey } from '../../store/session-slice.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { FieldForm } from './FieldForm.js';
import { useAddressOptions, useFlowNames } from './use-form-options.js';
import { filterWorkItems, NO_WORK_FILTER, WORK_SORTS, type WorkFilter } from './work-list-filter.js';

export function WorkList({ manifest }: { manifest: AppManifest }) {
  const { t, i18n } = useTranslation();
  const all = useStudio(selectWorkList);
  const [filter, setFilter] = useState<WorkFilter>(NO_WORK_FILTER);
  const acts = useStudio((s) => s.acts);
  const participant = useStudio(selectActingParticipant);
  const { session } = useStudioActions();
  const addressOptions = useAddressOptions(manifest);
  const flowNames = useFlowNames(manifest);
  const processName = (id: string) => manifest.processes.find((p) => p.id === id)?.name ?? id;
  const items = filterWorkItems(all, filter, processName, i18n.language);
  return (
    <section className="card" data-testid="work-list">
      <h2>
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
      {items.map(({ processId, instance, task }) => {
        const key = taskActKey(processId, instance.instanceId, task.elementId);
        return (
          <article
            key={`${key}:${participant?.id}`}
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
            <FieldForm
              testId={`task-form-${task.elementId}`}
              fields={task.fields}
              choice={task.choice}
              submitLabel={t('app.complete')}
              act={acts[key]}
              addressOptions={addressOptions}
              defaultFlowName={task.choice?.defaultFlowId && flowNames.get(processId)?.get(task.choice.defaultFlowId)}
              onSubmit={(data, choice) => void session.completeTask(processId, instance.instanceId, task.elementId, data, choice)}
            />
          </article>
        );
      })}
    </section>
  );
}
