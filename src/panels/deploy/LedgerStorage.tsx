/**
 * Storage of the bundled ledger: usage of quota and whether the browser keeps it persistently
 * (ledger_storageInfo), and a button that asks the browser for persistent storage
 * (navigator.storage.persist(), page-side) and says what it answered. New blocks re-read it at
 * most every STORAGE_REFRESH_MS (a burst of blocks would otherwise ask the worker and
 * navigator.storage.estimate() once per block); a new chain or a persistence answer, at once.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageInfo } from '../../ledger/client/ledger-api.js';
import { useStudioActions } from '../../store/studio-context.js';
import { formatBytes } from './ledger-file.js';
import { createThrottle } from './ledger-refresh.js';

export const STORAGE_REFRESH_MS = 2000;

/** "3.2 MB of 1.1 GB, persistent", re-read when the chain changes; asks for persistence on a click. */
export function LedgerStorage({ epoch, blockNumber }: { epoch: number; blockNumber?: number }) {
  const { t, i18n } = useTranslation();
  const { ledgerTools } = useStudioActions();
  const [info, setInfo] = useState<StorageInfo>();
  const [error, setError] = useState<string>();
  const [asked, setAsked] = useState<boolean | null>();

  const mounted = useRef(true);
  const read = useRef(() => undefined as void);
  read.current = () =>
    void ledgerTools.storageInfo().then((r) => {
      if (!mounted.current) return;
      if (r.ok) setInfo(r.value);
      setError(r.ok ? undefined : r.error);
    });
  const throttle = useMemo(() => createThrottle(() => read.current(), STORAGE_REFRESH_MS), []);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      throttle.cancel();
    };
  }, [throttle]);
  useEffect(() => throttle.now(), [throttle, epoch, asked]);
  useEffect(() => throttle.request(), [throttle, blockNumber]);

  const ask = () => void ledgerTools.requestPersistence().then((r) => setAsked(r.ok ? r.value : null));
  const size = (n: number | null) => (n === null ? t('ledgerTools.unknown') : formatBytes(n, i18n.language));
  const persistence = info?.persisted === true ? 'persistent' : info?.persisted === false ? 'notPersistent' : 'unknownPersistence';
  return (
    <p className="hint" data-testid="ledger-storage" data-persisted={String(info?.persisted ?? 'unknown')}>
      {error && t('ledgerTools.storageFailed', { error })}
      {info &&
        t('ledgerTools.storage', {
          usage: size(info.usage),
          quota: size(info.quota),
          persistence: t(`ledgerTools.${persistence}`),
          ledger: formatBytes(info.ledgerBytes, i18n.language),
          blocks: info.blocks,
        })}{' '}
      {info && info.persisted !== true && (
        <button type="button" className="btn btn-small btn-ghost" data-testid="ledger-persist" onClick={ask}>
          {t('ledgerTools.askPersist')}
        </button>
      )}
      {asked !== undefined && (
        <span data-testid="ledger-persist-result">
          {' '}
          {t(asked === true ? 'ledgerTools.persistGranted' : asked === false ? 'ledgerTools.persistRefused' : 'ledgerTools.persistUnavailable')}
        </span>
      )}
    </p>
  );
}
