/**
 * The head block and how the bundled ledger mines: automine (a block per transaction, the
 * default) or a block every N seconds while transactions wait. The interval lives in the ledger
 * worker's memory: a reload or reset goes back to automine, and so does this control.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectMiningInterval } from '../../store/ledger-tools-slice.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { parseIntervalSeconds } from './ledger-file.js';

export function LedgerMining({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const { ledgerTools } = useStudioActions();
  const blockNumber = useStudio((s) => s.blockNumber);
  const intervalMs = useStudio(selectMiningInterval);
  const [seconds, setSeconds] = useState('5');
  const [error, setError] = useState<string>();
  const valid = parseIntervalSeconds(seconds);

  const apply = async (ms: number) => {
    const result = await ledgerTools.setIntervalMining(ms);
    setError(result.ok ? undefined : result.error);
  };

  return (
    <div className="button-row" data-testid="ledger-mining" data-interval-ms={intervalMs}>
      <span>
        {t('ledgerTools.block')} <strong data-testid="ledger-block-number">{blockNumber ?? '—'}</strong>
      </span>
      <span>{intervalMs === 0 ? t('ledgerTools.automine') : t('ledgerTools.everySeconds', { seconds: intervalMs / 1000 })}</span>
      {intervalMs === 0 ? (
        <>
          <label>
            {t('ledgerTools.intervalLabel')}{' '}
            <input
              data-testid="ledger-interval-seconds"
              inputMode="numeric"
              size={5}
              value={seconds}
              aria-invalid={valid === undefined}
              onChange={(e) => setSeconds(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            data-testid="ledger-interval-apply"
            disabled={disabled || valid === undefined}
            onClick={() => void apply(valid! * 1000)}
          >
            {t('ledgerTools.useInterval')}
          </button>
          {valid === undefined && <span className="error-text">{t('ledgerTools.intervalInvalid')}</span>}
        </>
      ) : (
        <button type="button" className="btn btn-small btn-ghost" data-testid="ledger-automine" disabled={disabled} onClick={() => void apply(0)}>
          {t('ledgerTools.useAutomine')}
        </button>
      )}
      {error && <span className="error-text">{error}</span>}
    </div>
  );
}
