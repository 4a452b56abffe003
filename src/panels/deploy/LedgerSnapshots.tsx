/**
 * Named snapshots of the bundled ledger (evm_snapshot / evm_revert) for experiments. Reverting
 * asks first and says what goes: the blocks after the snapshot (deleted from the browser's
 * storage too) and the later snapshots. Snapshots are stored with the chain, so the list is read
 * from the ledger when shown and whenever the chain is replaced (a reload or a restarted worker
 * finds them again).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectLedgerSnapshots, type LedgerSnapshot } from '../../store/ledger-tools-slice.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { revertConfirmation } from './ledger-file.js';
import type { ToolMessage } from './LedgerTools.js';

export function LedgerSnapshots({ disabled, onMessage }: { disabled: boolean; onMessage: (m: ToolMessage) => void }) {
  const { t, i18n } = useTranslation();
  const { ledgerTools } = useStudioActions();
  const snapshots = useStudio(selectLedgerSnapshots);
  const headNumber = useStudio((s) => s.blockNumber ?? 0);
  const epoch = useStudio((s) => s.ledgerEpoch);
  useEffect(() => void ledgerTools.loadSnapshots(), [ledgerTools, epoch]);
  const [name, setName] = useState('');
  const [asking, setAsking] = useState<LedgerSnapshot>();
  const [working, setWorking] = useState(false);

  const take = async () => {
    setWorking(true);
    const result = await ledgerTools.snapshot(name);
    setWorking(false);
    if (result.ok) setName('');
    onMessage(
      result.ok
        ? {
            status: 'ok',
            text: t('ledgerTools.snapshotTaken', {
              name: result.value.name,
              block: result.value.blockNumber,
            }),
          }
        : {
            status: 'error',
            text: t('ledgerTools.snapshotFailed', { error: result.error }),
          },
    );
  };

  const revert = async (snapshot: LedgerSnapshot) => {
    setAsking(undefined);
    setWorking(true);
    const result = await ledgerTools.revert(snapshot.id);
    setWorking(false);
    onMessage(
      !result.ok
        ? {
            status: 'error',
            text: t('ledgerTools.revertFailed', {
              name: snapshot.name,
              error: result.error,
            }),
          }
        : result.value
          ? {
              status: 'ok',
              text: t('ledgerTools.reverted', {
                name: snapshot.name,
                block: snapshot.blockNumber,
              }),
            }
          : {
              status: 'error',
              text: t('ledgerTools.revertGone', { name: snapshot.name }),
            },
    );
  };

  const off = disabled || working;
  return (
    <div className="ledger-snapshots" data-testid="ledger-snapshots">
      <div className="button-row">
        <input
          data-testid="ledger-snapshot-name"
          placeholder={t('ledgerTools.snapshotName')}
          aria-label={t('ledgerTools.snapshotName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="button" className="btn btn-small btn-ghost" data-testid="ledger-snapshot" disabled={off} onClick={() => void take()}>
          {t('ledgerTools.takeSnapshot')}
        </button>
      </div>
      <p className="hint">{t('ledgerTools.snapshotsNote')}</p>
      {snapshots.length > 0 && (
        <ul className="ledger-snapshot-list" style={{ listStyle: 'none', padding: 0 }}>
          {snapshots.map((s, i) => (
            <li key={s.id} data-testid="ledger-snapshot-item" data-name={s.name} data-block={s.blockNumber}>
              <strong>{s.name}</strong> · {t('ledgerTools.atBlock', { block: s.blockNumber })} · {new Date(s.takenAt).toLocaleTimeString(i18n.language)}{' '}
              {asking?.id === s.id ? (
                <span className="notice is-warning" data-testid="ledger-revert-confirmation">
                  {revertConfirmation(s, headNumber, snapshots.length - 1 - i)
                    .map((p) => t(p.key, p.values))
                    .join(' ')}{' '}
                  <button type="button" className="btn btn-small" data-testid="ledger-revert-confirm" onClick={() => void revert(s)}>
                    {t('ledgerTools.revertConfirm')}
                  </button>{' '}
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => setAsking(undefined)}>
                    {t('deploy.cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" className="btn btn-small btn-ghost" data-testid="ledger-revert" disabled={off} onClick={() => setAsking(s)}>
                  {t('ledgerTools.revert')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
