/**
 * The bundled ledger's tools on the Deploy page: the head block and how blocks are mined, storage
 * usage and persistence, export of the chain to a checksummed file and import of one (after a
 * confirmation that says what is replaced), and snapshots (LedgerSnapshots). Shown for the
 * bundled ledger only. Every outcome is said in words; a refused import leaves the chain as it was.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectLedgerSnapshots } from '../../store/ledger-tools-slice.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { exportFileName, importConfirmation, importReason, previewExport, type ExportPreview, type Phrase } from './ledger-file.js';
import { LedgerMining } from './LedgerMining.js';
import { LedgerStorage } from './LedgerStorage.js';
import { LedgerSnapshots } from './LedgerSnapshots.js';

export type ToolMessage = { status: 'ok' | 'error'; text: string } | undefined;

export function LedgerTools() {
  const { t } = useTranslation();
  const { ledgerTools } = useStudioActions();
  const epoch = useStudio((s) => s.ledgerEpoch);
  const blockNumber = useStudio((s) => s.blockNumber);
  const snapshots = useStudio((s) => selectLedgerSnapshots(s).length);
  const busyElsewhere = useStudio((s) => s.ledgerStatus === 'starting' || s.deployStatus === 'deploying');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ToolMessage>();
  const [pending, setPending] = useState<{
    text: string;
    fileName: string;
    preview: ExportPreview;
    phrases: Phrase[];
  }>();
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<ToolMessage>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage(await work());
    } finally {
      setBusy(false);
    }
  };

  const exportChain = () =>
    run(async () => {
      const result = await ledgerTools.exportChain();
      if (!result.ok)
        return {
          status: 'error',
          text: t('ledgerTools.exportFailed', { error: result.error }),
        };
      const preview = previewExport(result.value);
      if (!preview.ok)
        return {
          status: 'error',
          text: t('ledgerTools.exportFailed', { error: preview.reason }),
        };
      const fileName = exportFileName(preview.preview);
      const url = URL.createObjectURL(new Blob([result.value], { type: 'application/x-ndjson' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return {
        status: 'ok',
        text: t('ledgerTools.exported', {
          file: fileName,
          block: preview.preview.headNumber,
        }),
      };
    });

  const chooseFile = async (file: File) => {
    setMessage(undefined);
    const text = await file.text();
    const preview = previewExport(text);
    if (!preview.ok) {
      setMessage({
        status: 'error',
        text: t('ledgerTools.importRefused', {
          file: file.name,
          reason: t(`ledgerTools.reason.${preview.reason}`),
        }),
      });
      return;
    }
    const phrases = importConfirmation({ headNumber: blockNumber ?? 0, snapshots }, preview.preview);
    setPending({
      text,
      fileName: file.name,
      preview: preview.preview,
      phrases,
    });
  };

  const importChain = () => {
    const chosen = pending;
    setPending(undefined);
    if (!chosen) return;
    void run(async () => {
      const result = await ledgerTools.importChain(chosen.text);
      return result.ok
        ? {
            status: 'ok',
            text: t('ledgerTools.imported', {
              file: chosen.fileName,
              block: result.value.blocks - 1,
            }),
          }
        : {
            status: 'error',
            text: t('ledgerTools.importRefused', {
              file: chosen.fileName,
              reason: importReason(result.error),
            }),
          };
    });
  };

  const disabled = busy || busyElsewhere;
  return (
    <div className="ledger-tools" data-testid="ledger-tools">
      <LedgerMining disabled={disabled} />
      <LedgerStorage epoch={epoch} blockNumber={blockNumber} />
      <div className="button-row">
        <button type="button" className="btn btn-small btn-ghost" data-testid="ledger-export" disabled={disabled} onClick={() => void exportChain()}>
          {t('ledgerTools.export')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" data-testid="ledger-import" disabled={disabled} onClick={() => fileInput.current?.click()}>
          {t('ledgerTools.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".ndjson,application/x-ndjson,text/plain"
          hidden
          data-testid="ledger-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // choosing the same file again must fire again
            if (file) void chooseFile(file);
          }}
        />
      </div>
      {pending && (
        <p className="notice is-warning" data-testid="ledger-import-confirmation">
          {pending.phrases.map((p) => t(p.key, p.values)).join(' ')}{' '}
          <button type="button" className="btn btn-small" data-testid="ledger-import-confirm" onClick={importChain}>
            {t('ledgerTools.importConfirm')}
          </button>{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setPending(undefined)}>
            {t('deploy.cancel')}
          </button>
        </p>
      )}
      <LedgerSnapshots disabled={disabled} onMessage={setMessage} />
      {busy && <p className="hint">{t('ledgerTools.working')}</p>}
      {message && (
        <p className={message.status === 'ok' ? 'hint' : 'notice is-error'} data-testid="ledger-tools-message" data-status={message.status} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
