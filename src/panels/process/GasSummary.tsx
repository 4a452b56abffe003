/**
 * Below the canvas: the gas of the process in front, from the last dry run (store: gas-slice.ts):
 * its age or "estimating…", deployment and min/median/max per instance over the conforming paths,
 * and on demand the table of paths. A design that does not build says why instead.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/studio-context.js';
import { ageOf, formatGas } from './gas-view.js';

export function GasSummary({ processId }: { processId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const status = useStudio((s) => s.gasStatus);
  const estimate = useStudio((s) => s.gasEstimate);
  const measuredAt = useStudio((s) => s.gasMeasuredAt);
  const reason = useStudio((s) => s.gasReason);
  const [open, setOpen] = useState(false);
  const now = useNow(measuredAt !== undefined);
  const language = i18n.language;
  const gas = (n: number) => formatGas(n, language);
  const process = estimate?.processes.find((p) => p.processId === processId);

  if (status === 'idle' && !estimate) return null;
  const age = measuredAt !== undefined ? ageOf(measuredAt, now) : undefined;
  return (
    <section className="gas-summary" data-testid="gas-summary" data-status={status} data-elapsed-ms={estimate?.elapsedMs} aria-label={t('designer3.gas.title')}>
      <div className="gas-summary-line">
        <strong>{t('designer3.gas.title')}</strong>
        {status === 'estimating' && <span className="hint" data-testid="gas-estimating">{t('designer3.gas.estimating')}</span>}
        {status === 'refused' && <span className="is-warning" data-testid="gas-refused">{t('designer3.gas.refused')} {reason?.[0]}</span>}
        {status === 'failed' && <span className="is-warning" data-testid="gas-failed">{t('designer3.gas.failed', { reason: reason?.[0] ?? '' })}</span>}
        {process && (
          <>
            <span data-testid="gas-deploy" data-gas={process.deployGas}>{t('designer3.gas.deploy', { gas: gas(process.deployGas) })}</span>
            {process.perInstance ? (
              <span data-testid="gas-per-instance" data-median={process.perInstance.median}>
                {t('designer3.gas.perInstance', { min: gas(process.perInstance.min), median: gas(process.perInstance.median), max: gas(process.perInstance.max) })}
              </span>
            ) : (
              <span className="hint">{t('designer3.gas.noCompletePath')}</span>
            )}
            <span className="hint">{t('designer3.gas.registry', { gas: gas(estimate!.registryDeployGas) })}</span>
            {age && <span className="hint" data-testid="gas-age">{t(`designer3.gas.${age.key}`, { n: age.n })}</span>}
            <button type="button" className="btn-toggle" aria-expanded={open} data-testid="gas-paths-toggle" onClick={() => setOpen(!open)}>
              {t('designer3.gas.paths', { n: process.paths.length })}
            </button>
          </>
        )}
      </div>
      {process && open && (
        <>
          <table className="gas-paths" data-testid="gas-paths">
            <thead>
              <tr>
                <th>{t('designer3.gas.path')}</th>
                <th className="num">{t('designer3.gas.instanceGas')}</th>
              </tr>
            </thead>
            <tbody>
              {process.paths.map((p, i) => (
                <tr key={i} data-testid="gas-path-row">
                  <td>{p.steps.join(' → ')}</td>
                  <td className="num">
                    {gas(p.instanceGas)}
                    {!p.complete && <span className="hint"> ({t('designer3.gas.partial')})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {process.uncovered.length > 0 && <p className="gas-summary-line hint">{t('designer3.gas.uncovered', { list: process.uncovered.join(', ') })}</p>}
          {process.failures.length > 0 && <p className="gas-summary-line is-warning">{t('designer3.gas.failures', { list: process.failures.join('; ') })}</p>}
        </>
      )}
    </section>
  );
}

/** The current time, ticking every 5 s while `ticking` (for the age of a figure). */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
