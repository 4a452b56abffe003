/**
 * The generated collaboration app: act as one participant of the deployed workspace, start
 * instances, do the tasks that participant may do now, and follow every instance.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppManifest } from '../../../generators/index.js';
import { selectActingParticipant, selectDeployment, selectDeploymentOutdated, selectWorkList } from '../../store/selectors.js';
import { startActKey, taskActKey } from '../../store/session-slice.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { ActStatus, FieldForm } from './FieldForm.js';
import { InstanceList } from './InstanceList.js';
import { InstanceView, type OpenInstance } from './InstanceView.js';
import { ParticipantSwitcher } from './ParticipantSwitcher.js';
import { RegulatorSection } from './RegulatorSection.js';
import { sequenceFlowNames } from './flow-names.js';
import { filterWorkItems, isRegulator, NO_WORK_FILTER, WORK_SORTS, type WorkFilter } from './work-list-filter.js';

export default function AppPanel() {
  const { t } = useTranslation();
  const deployment = useStudio(selectDeployment);
  const onLedger = useStudio((s) => s.deploymentOnLedger);
  const outdated = useStudio(selectDeploymentOutdated);
  const lastAct = useStudio((s) => (s.lastActKey ? s.acts[s.lastActKey] : undefined));
  const participant = useStudio(selectActingParticipant);
  const actions = useStudioActions();
  const [opened, setOpened] = useState<OpenInstance>();

  useEffect(() => {
    void actions.deploy.checkDeployment().then(() => actions.session.refresh());
  }, [actions, deployment]);

  if (!deployment) {
    return (
      <div className="page" data-testid="app-panel">
        <header className="page-header">
          <h1>{t('app.title')}</h1>
        </header>
        <section className="card empty-card" data-testid="app-not-deployed">
          <p>{t('app.notDeployed')}</p>
          <button type="button" className="btn btn-primary" onClick={() => actions.ui.setView('deploy')}>
            {t('app.goDeploy')}
          </button>
        </section>
      </div>
    );
  }

  const manifest = deployment.manifest;
  const regulator = participant ? isRegulator(participant.roles, manifest.roles) : false;
  return (
    <div className="page" data-testid="app-panel">
      <header className="page-header">
        <h1>{t('app.title')}</h1>
        <p className="page-lead">{t('app.lead', { name: manifest.workspaceName })}</p>
      </header>
      {outdated && <p className="notice is-warning">{t('app.outdated')}</p>}
      {onLedger === 'missing' && (
        <p className="notice is-warning" data-testid="app-missing">
          {t('deploy.missingOnLedger')}
        </p>
      )}
      <ParticipantSwitcher manifest={manifest} />
      {lastAct && (
        <div className="last-act">
          <ActStatus act={lastAct} testId="last-act" />
        </div>
      )}
      {opened && <InstanceView key={`${opened.processId}#${opened.instanceId}`} manifest={manifest} open={opened} onClose={() => setOpened(undefined)} />}
      <div className="page-columns app-columns">
        <div>
          {regulator ? (
            <RegulatorSection />
          ) : (
            <>
              <StartSection manifest={manifest} />
              <WorkList manifest={manifest} />
            </>
          )}
        </div>
        <InstanceList manifest={manifest} opened={opened} onOpen={setOpened} />
      </div>
    </div>
  );
}

function useAddressOptions(manifest: AppManifest) {
  return manifest.participants.filter((p) => p.address).map((p) => ({ address: p.address!, label: p.name }));
}

/** Process id -> flow id -> flow name, for naming default paths. */
function useFlowNames(manifest: AppManifest): Map<string, Map<string, string>> {
  return useMemo(() => new Map(manifest.processes.map((p) => [p.id, sequenceFlowNames(p.bpmn)])), [manifest]);
}

function StartSection({ manifest }: { manifest: AppManifest }) {
  const { t } = useTranslation();
  const participant = useStudio(selectActingParticipant);
  const acts = useStudio((s) => s.acts);
  const { session } = useStudioActions();
  const addressOptions = useAddressOptions(manifest);
  const flowNames = useFlowNames(manifest);
  if (!participant) return null;
  const startable = manifest.processes.filter(
    (p) => p.start.roles.length === 0 || p.start.roles.some((r) => participant.roles.includes(r)),
  );
  return (
    <section className="card" data-testid="start-section">
      <h2>{t('app.startTitle')}</h2>
      {startable.length === 0 && <p className="empty-note">{t('app.cannotStart')}</p>}
      {startable.map((p) => (
        <div key={`${p.id}:${participant.id}`} className="start-process" data-testid={`start-${p.id}`}>
          <h3>
            {p.name} <span className="muted">· {p.start.name}</span>
          </h3>
          <FieldForm
            testId={`start-form-${p.id}`}
            fields={p.start.fields}
            choice={p.start.choice}
            submitLabel={t('app.start')}
            act={acts[startActKey(p.id, participant.id)]}
            addressOptions={addressOptions}
            defaultFlowName={p.start.choice?.defaultFlowId && flowNames.get(p.id)?.get(p.start.choice.defaultFlowId)}
            onSubmit={(data, choice) => void session.startInstance(p.id, data, choice)}
          />
        </div>
      ))}
    </section>
  );
}

function WorkList({ manifest }: { manifest: AppManifest }) {
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
