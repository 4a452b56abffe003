/** Every instance of the deployed processes, with its state and, opened, its history. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppManifest, ProcessManifest } from '../../../generators/index.js';
import type { HistoryEntry, InstanceState } from '../../chain/chain-api.js';
import { historyKey } from '../../store/session-slice.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';

export function InstanceList({ manifest }: { manifest: AppManifest }) {
  const { t } = useTranslation();
  const instances = useStudio((s) => s.instances);
  const status = useStudio((s) => s.instancesStatus);
  const error = useStudio((s) => s.instancesError);
  const rows = manifest.processes.flatMap((p) => (instances[p.id] ?? []).map((i) => ({ process: p, instance: i })));
  return (
    <section className="card" data-testid="instance-list">
      <h2>
        {t('app.instancesTitle')} <span className="count-pill">{rows.length}</span>
      </h2>
      {error && <p className="notice is-error">{error}</p>}
      {rows.length === 0 && status !== 'loading' && <p className="empty-note">{t('app.noInstances')}</p>}
      <ul className="instance-rows">
        {rows.map(({ process, instance }) => (
          <InstanceRow key={`${process.id}#${instance.instanceId}`} manifest={manifest} processName={process.name} instance={instance} />
        ))}
      </ul>
    </section>
  );
}

function InstanceRow({ manifest, processName, instance }: { manifest: AppManifest; processName: string; instance: InstanceState }) {
  const { t, i18n } = useTranslation();
  const process = manifest.processes.find((p) => p.id === instance.processId);
  const [open, setOpen] = useState(false);
  const key = historyKey(instance.processId, instance.instanceId);
  const history = useStudio((s) => s.histories[key]);
  const blockNumber = useStudio((s) => s.blockNumber);
  const { session } = useStudioActions();
  const id = instance.instanceId.toString();

  useEffect(() => {
    if (open) void session.loadHistory(instance.processId, instance.instanceId);
  }, [open, blockNumber, session, instance.processId, instance.instanceId]);

  const who = (address?: string) =>
    manifest.participants.find((p) => p.address?.toLowerCase() === address?.toLowerCase())?.name ?? address ?? '';

  return (
    <li className="instance-row" data-testid={`instance-${instance.processId}-${id}`} data-state={instance.ended ? 'ended' : 'running'}>
      <button type="button" className="instance-summary" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="instance-id">#{id}</span>
        <span className="instance-process">{processName}</span>
        <span className={`state-pill is-${instance.ended ? 'ended' : 'running'}`} data-testid="instance-state">
          {instance.ended ? t('app.ended') : t('app.running')}
        </span>
        {!instance.ended && (
          <span className="instance-tasks">{instance.enabledTasks.map((task) => task.name).join(', ')}</span>
        )}
      </button>
      {open && (
        <ol className="timeline" data-testid={`history-${instance.processId}-${id}`}>
          {(history ?? []).map((entry, i) => (
            <li key={i} className={`timeline-entry is-${entry.kind}`} data-testid="history-entry" data-kind={entry.kind}>
              <span className="timeline-title">
                {entry.kind === 'ended' ? t('app.history.ended') : `${t(`app.history.${entry.kind}`)}: ${entry.name}`}
              </span>
              <span className="timeline-meta">
                {entry.by && `${who(entry.by)} · `}
                {t('deploy.block', { number: entry.blockNumber })}
              </span>
              {Object.keys(entry.data).length > 0 && (
                <dl className="timeline-data">
                  {Object.entries(entry.data).map(([k, v]) => {
                    const shown = describeValue(process, entry, k, v, i18n.language);
                    return (
                      <div key={k}>
                        <dt>{shown.label}</dt>
                        <dd>{shown.value}</dd>
                      </div>
                    );
                  })}
                </dl>
              )}
            </li>
          ))}
          {!history && <li className="muted">{t('app.loadingHistory')}</li>}
        </ol>
      )}
    </li>
  );
}

/** A history value as a person reads it: field labels, dates for timestamps, the chosen path's name. */
function describeValue(
  process: ProcessManifest | undefined,
  entry: HistoryEntry,
  key: string,
  value: unknown,
  locale: string,
): { label: string; value: string } {
  const step = entry.kind === 'started' ? process?.start : process?.tasks.find((t) => t.elementId === entry.elementId);
  if (key === 'choice' && step?.choice) {
    const option = step.choice.options.find((o) => String(o.index) === String(value));
    return { label: '→', value: option?.name ?? formatValue(value) };
  }
  const field = step?.fields.find((f) => f.name === key);
  if (field?.type === 'timestamp' && /^\d+$/.test(String(value))) {
    return { label: field.label ?? key, value: new Date(Number(value) * 1000).toLocaleString(locale) };
  }
  return { label: field?.label ?? key, value: formatValue(value) };
}

function formatValue(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'string') return v;
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
}
