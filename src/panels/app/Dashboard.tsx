/**
 * Dashboards per process: instances by state, throughput, step durations and who is holding work
 * now (the supply-chain visibility view), each as a bar chart beside a table of the same numbers.
 * Live: the store reads new events on every block.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppManifest } from '../../../generators/index.js';
import { BarChart } from './BarChart.js';
import type { ThroughputMode } from './dashboard-stats.js';
import { formatDuration } from './format-duration.js';
import { useChainNow } from './use-timers.js';
import { useDashboard } from './use-dashboard.js';
import './dashboard.css';

export function Dashboard({ manifest }: { manifest: AppManifest }) {
  const { t } = useTranslation();
  const [processId, setProcessId] = useState(manifest.processes[0]?.id);
  const process = manifest.processes.find((p) => p.id === processId) ?? manifest.processes[0];
  if (!process) return null;
  return (
    <section className="card dashboard" data-testid="dashboard" data-process={process.id}>
      <header className="dashboard-header">
        <h2>{process.name}</h2>
        {manifest.processes.length > 1 && (
          <label>
            {t('appView.dashboard.process')}{' '}
            <select data-testid="dashboard-process" value={process.id} onChange={(e) => setProcessId(e.target.value)}>
              {manifest.processes.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <ProcessDashboard key={process.id} manifest={manifest} processId={process.id} />
    </section>
  );
}

function ProcessDashboard({ manifest, processId }: { manifest: AppManifest; processId: string }) {
  const { t, i18n } = useTranslation();
  const process = manifest.processes.find((p) => p.id === processId)!;
  const [mode, setMode] = useState<ThroughputMode | 'auto'>('auto');
  const d = useDashboard(manifest, process, mode);
  const now = useChainNow();
  const duration = (s: number) => formatDuration(s, i18n.language);
  if (!d.ready) return <p className="muted">{t('appView.dashboard.loading')}</p>;
  if (d.instanceCount === 0) return <p className="empty-note">{t('appView.dashboard.noInstances')}</p>;
  return (
    <div className="dashboard-grid">
      {d.timesMissing && <p className="muted dashboard-wide">{t('appView.dashboard.timesMissing')}</p>}

      <section aria-labelledby="dash-state" data-testid="dash-state">
        <h3 id="dash-state">{t('appView.dashboard.byState')}</h3>
        <dl className="dash-counts">
          <div>
            <dt>{t('appView.dashboard.running')}</dt>
            <dd data-testid="dash-running">{d.states.running}</dd>
          </div>
          <div>
            <dt>{t('appView.dashboard.ended')}</dt>
            <dd data-testid="dash-ended">{d.states.ended}</dd>
          </div>
        </dl>
        {d.states.waitingAt.length > 0 && (
          <>
            <h4>{t('appView.dashboard.waitingAt')}</h4>
            <BarChart
              title={t('appView.dashboard.waitingAt')}
              series={[{ name: t('appView.dashboard.running'), className: 'bar-running' }]}
              rows={d.states.waitingAt.map((w) => ({ label: w.name, values: [w.count] }))}
            />
            <table className="dash-table">
              <tbody>
                {d.states.waitingAt.map((w) => (
                  <tr key={w.elementId} data-testid={`dash-waiting-${w.elementId}`}>
                    <th scope="row">{w.name}</th>
                    <td>{w.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="dash-throughput" data-testid="dash-throughput" data-mode={d.throughputMode}>
        <h3 id="dash-throughput">{t('appView.dashboard.throughput')}</h3>
        <div role="radiogroup" aria-label={t('appView.dashboard.period')} className="dash-modes">
          {(['day', 'blocks'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={d.throughputMode === m}
              className={`btn btn-small${d.throughputMode === m ? ' is-active' : ''}`}
              onClick={() => setMode(m)}
              data-testid={`dash-mode-${m}`}
            >
              {t(m === 'day' ? 'appView.dashboard.perDay' : 'appView.dashboard.perBlocks')}
            </button>
          ))}
        </div>
        <BarChart
          title={t('appView.dashboard.throughput')}
          series={[
            { name: t('appView.dashboard.started'), className: 'bar-started' },
            { name: t('appView.dashboard.endedSeries'), className: 'bar-ended' },
          ]}
          rows={d.throughput.map((b) => ({ label: b.label, values: [b.started, b.ended] }))}
        />
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">{t('appView.dashboard.period')}</th>
              <th scope="col">{t('appView.dashboard.started')}</th>
              <th scope="col">{t('appView.dashboard.endedSeries')}</th>
            </tr>
          </thead>
          <tbody>
            {d.throughput.map((b) => (
              <tr key={b.label} data-testid="dash-throughput-row" data-started={b.started} data-ended={b.ended}>
                <th scope="row">{b.label}</th>
                <td>{b.started}</td>
                <td>{b.ended}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="dash-durations" data-testid="dash-durations">
        <h3 id="dash-durations">{t('appView.dashboard.durations')}</h3>
        <p className="muted">{t('appView.dashboard.durationsLead')}</p>
        {d.durations.length === 0 ? (
          <p className="empty-note">{t('appView.dashboard.noDurations')}</p>
        ) : (
          <>
            <BarChart
              title={t('appView.dashboard.durations')}
              series={[
                { name: t('appView.dashboard.average'), className: 'bar-average' },
                { name: t('appView.dashboard.slowest'), className: 'bar-slowest' },
              ]}
              rows={d.durations.map((r) => ({ label: r.name, values: [r.averageSeconds, r.slowest.seconds] }))}
              format={duration}
            />
            <table className="dash-table">
              <thead>
                <tr>
                  <th scope="col">{t('appView.dashboard.task')}</th>
                  <th scope="col">{t('appView.dashboard.count')}</th>
                  <th scope="col">{t('appView.dashboard.average')}</th>
                  <th scope="col">{t('appView.dashboard.slowest')}</th>
                </tr>
              </thead>
              <tbody>
                {d.durations.map((r) => (
                  <tr key={r.elementId} data-testid={`dash-duration-${r.elementId}`} data-count={r.count}>
                    <th scope="row">{r.name}</th>
                    <td>{r.count}</td>
                    <td>{duration(r.averageSeconds)}</td>
                    <td>{t('appView.dashboard.slowestIn', { duration: duration(r.slowest.seconds), id: r.slowest.instanceId.toString() })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="dash-holders" data-testid="dash-holders">
        <h3 id="dash-holders">{t('appView.dashboard.holders')}</h3>
        <p className="muted">{t('appView.dashboard.holdersLead')}</p>
        {d.holders.length === 0 ? (
          <p className="empty-note">{t('appView.dashboard.noHolders')}</p>
        ) : (
          <>
            <BarChart
              title={t('appView.dashboard.holders')}
              series={[{ name: t('appView.dashboard.waiting'), className: 'bar-running' }]}
              rows={d.holders.map((h) => ({ label: h.roleName, values: [h.waiting] }))}
            />
            <table className="dash-table">
              <thead>
                <tr>
                  <th scope="col">{t('appView.dashboard.role')}</th>
                  <th scope="col">{t('appView.dashboard.waiting')}</th>
                  <th scope="col">{t('appView.dashboard.who')}</th>
                  <th scope="col">{t('appView.dashboard.oldest')}</th>
                </tr>
              </thead>
              <tbody>
                {d.holders.map((h) => (
                  <tr key={h.role} data-testid={`dash-holder-${h.role}`} data-waiting={h.waiting}>
                    <th scope="row">{h.roleName}</th>
                    <td>
                      {h.waiting} <span className="muted">({h.instanceIds.map((id) => `#${id}`).join(', ')})</span>
                    </td>
                    <td>
                      {h.participants.length ? (
                        h.participants.map((p) => `${p.name} (${p.organization})`).join(', ')
                      ) : (
                        <span className="muted">{t('appView.dashboard.nobody')}</span>
                      )}
                    </td>
                    <td>{h.oldestSince === undefined ? '—' : duration(now - h.oldestSince)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
