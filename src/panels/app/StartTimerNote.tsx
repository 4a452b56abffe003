/** Under a timer-started process's start form: its schedule and the round due now, in words. */
import { useTranslation } from 'react-i18next';
import type { StartTimerManifest } from '../../../generators/index.js';
import { formatDuration } from './format-duration.js';
import { startTimerStatus } from './start-timer.js';

export function StartTimerNote({ timer, testId }: { timer: StartTimerManifest; testId: string }) {
  const { t, i18n } = useTranslation();
  // block time follows the clock on the bundled ledger and on a live chain; the contract has the last word
  const status = startTimerStatus(timer, Math.floor(Date.now() / 1000));
  const at = (seconds: number) => new Date(seconds * 1000).toLocaleString(i18n.language);
  const lines = [
    status.periodSeconds === 0
      ? t('app.startTimerOnce', { at: at(status.firstDueAt) })
      : t('app.startTimerCycle', { period: formatDuration(status.periodSeconds, i18n.language), at: at(status.firstDueAt) }),
    ...(status.rounds !== undefined ? [t('app.startTimerRounds', { count: status.rounds })] : []),
    status.dueSince === undefined ? t('app.startTimerNotYet', { at: at(status.firstDueAt) }) : t('app.startTimerDueSince', { at: at(status.dueSince) }),
    ...(status.nextAt !== undefined && status.dueSince !== undefined ? [t('app.startTimerNext', { at: at(status.nextAt) })] : []),
  ];
  return (
    <p className="muted" data-testid={testId} data-due={status.dueSince === undefined ? 'no' : 'yes'} title={timer.expression}>
      {lines.join(' ')}
    </p>
  );
}
