/**
 * Every instance of the deployed processes with its state; a row opens the instance view
 * (a button: focusable, Enter or Space opens it).
 */
import { useTranslation } from 'react-i18next';
import type { AppManifest } from '../../../generators/index.js';
import type { InstanceState } from '../../chain/chain-api.js';
import { useStudio } from '../../store/studio-context.js';
import type { OpenInstance } from './InstanceView.js';

interface InstanceListProps {
  manifest: AppManifest;
  opened?: OpenInstance;
  onOpen(open: OpenInstance): void;
}

export function InstanceList({ manifest, opened, onOpen }: InstanceListProps) {
  const { t } = useTranslation();
  const instances = useStudio((s) => s.instances);
  const status = useStudio((s) => s.instancesStatus);
  const error = useStudio((s) => s.instancesError);
  const rows = manifest.processes.flatMap((p) => (instances[p.id] ?? []).map((i) => ({ process: p, instance: i })));
  return (
    <section className="card" data-testid="instance-list" aria-labelledby="instance-list-title">
      <h2 id="instance-list-title">
        {t('app.instancesTitle')} <span className="count-pill">{rows.length}</span>
      </h2>
      {error && <p className="notice is-error">{error}</p>}
      {rows.length === 0 && status !== 'loading' && <p className="empty-note">{t('app.noInstances')}</p>}
      <ul className="instance-rows" aria-labelledby="instance-list-title">
        {rows.map(({ process, instance }) => (
          <InstanceRow
            key={`${process.id}#${instance.instanceId}`}
            processName={process.name}
            instance={instance}
            isOpen={opened?.processId === instance.processId && opened.instanceId === instance.instanceId}
            onOpen={() => onOpen({ processId: instance.processId, instanceId: instance.instanceId })}
          />
        ))}
      </ul>
    </section>
  );
}

function InstanceRow({ processName, instance, isOpen, onOpen }: { processName: string; instance: InstanceState; isOpen: boolean; onOpen(): void }) {
  const { t } = useTranslation();
  const id = instance.instanceId.toString();
  return (
    <li className={`instance-row${isOpen ? ' is-open' : ''}`} data-testid={`instance-${instance.processId}-${id}`} data-state={instance.ended ? 'ended' : 'running'}>
      <button type="button" className="instance-summary" aria-pressed={isOpen} title={t('appView.open', { id })} onClick={onOpen}>
        <span className="instance-id">#{id}</span>
        <span className="instance-process">{processName}</span>
        <span className={`state-pill is-${instance.ended ? 'ended' : 'running'}`} data-testid="instance-state">
          {instance.ended ? t('app.ended') : t('app.running')}
        </span>
        {!instance.ended && <span className="instance-tasks">{instance.enabledTasks.map((task) => task.name).join(', ')}</span>}
      </button>
    </li>
  );
}
