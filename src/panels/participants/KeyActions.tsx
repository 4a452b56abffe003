/**
 * A participant's key: export it as a keystore v3 file for a real wallet, import one, or rotate
 * it. Import and rotate change the participant's account; when deployed, the registry moves the
 * roles to the new address (keys slice). Each action opens a small dialog.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../app/Modal.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';

type Dialog = 'export' | 'import' | 'rotate';

export function KeyActions({ participantId, name }: { participantId: string; name: string }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>();
  const change = useStudio((s) => s.keyChanges[participantId]);
  const close = () => setDialog(undefined);
  const working = change?.status === 'working';
  return (
    <>
      <span className="key-actions">
        {(['export', 'import', 'rotate'] as const).map((d) => (
          <button key={d} type="button" className="btn btn-small btn-ghost" data-testid={`key-${d}-${participantId}`} disabled={working} onClick={() => setDialog(d)}>
            {t(`keys.${d}`)}
          </button>
        ))}
      </span>
      {change && (
        <span className={`key-change${change.status === 'failed' ? ' error-text' : ''}`} data-testid={`key-change-${participantId}`} data-status={change.status}>
          {change.status === 'working' && t('keys.changing')}
          {change.status === 'done' &&
            (change.registryTxHash
              ? t('keys.changedRegistry', { address: change.address, tx: `${change.registryTxHash.slice(0, 10)}…` })
              : t('keys.changed', { address: change.address }))}
          {change.status === 'failed' && t('keys.changeFailed', { message: change.error ? t(`keys.errors.${change.error}`) : change.message })}
        </span>
      )}
      {dialog === 'export' && <ExportDialog participantId={participantId} name={name} onClose={close} />}
      {dialog === 'import' && <ImportDialog participantId={participantId} name={name} onClose={close} />}
      {dialog === 'rotate' && <RotateDialog participantId={participantId} name={name} onClose={close} />}
    </>
  );
}

interface DialogProps {
  participantId: string;
  name: string;
  onClose(): void;
}

function ExportDialog({ participantId, name, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { keys } = useStudioActions();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await keys.exportKey(participantId, passphrase);
      if (!result.ok) return setError(t(`keys.errors.${result.error}`));
      // the file name wallets expect: UTC--<time>--<address without 0x>
      const fileName = `UTC--${new Date().toISOString().replace(/:/g, '-')}--${result.address.slice(2).toLowerCase()}.json`;
      const url = URL.createObjectURL(new Blob([result.json], { type: 'application/json' }));
      Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('keys.exportTitle', { name })} testId="key-export-dialog" onCancel={onClose}>
      <form className="modal-form" onSubmit={(e) => void submit(e)}>
        <p>{t('keys.exportLead')}</p>
        <label className="field">
          <span>{t('keys.filePassphrase')}</span>
          <input type="password" autoFocus autoComplete="new-password" data-testid="key-file-passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        {error && <p className="notice is-error" data-testid="key-dialog-error">{error}</p>}
        <div className="button-row">
          <button type="submit" className="btn btn-primary" data-testid="key-export-submit" disabled={busy || !passphrase}>
            {busy ? t('keys.working') : t('keys.download')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('keys.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function ImportDialog({ participantId, name, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { keys } = useStudioActions();
  const [file, setFile] = useState<File>();
  const [passphrase, setPassphrase] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const json = await file.text();
    onClose(); // the outcome shows beside the participant's account
    await keys.importKey(participantId, json, passphrase);
  };

  return (
    <Modal title={t('keys.importTitle', { name })} testId="key-import-dialog" onCancel={onClose}>
      <form className="modal-form" onSubmit={(e) => void submit(e)}>
        <p>{t('keys.importLead')}</p>
        <label className="field">
          <span>{t('keys.keyFile')}</span>
          <input type="file" accept=".json,application/json" data-testid="key-import-file" onChange={(e) => setFile(e.target.files?.[0])} />
        </label>
        <label className="field">
          <span>{t('keys.filePassphrase')}</span>
          <input type="password" autoComplete="off" data-testid="key-file-passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" data-testid="key-import-submit" disabled={!file || !passphrase}>
            {t('keys.import')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('keys.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function RotateDialog({ participantId, name, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { keys } = useStudioActions();
  return (
    <Modal title={t('keys.rotateTitle', { name })} testId="key-rotate-dialog" onCancel={onClose}>
      <p>{t('keys.rotateLead')}</p>
      <div className="button-row">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="key-rotate-confirm"
          onClick={() => {
            onClose();
            void keys.rotateKey(participantId);
          }}
        >
          {t('keys.rotate')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('keys.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/** The lock state and the idle-lock setting, above the participants. */
export function KeysSettings() {
  const { t } = useTranslation();
  const lock = useStudio((s) => s.keysLock);
  const minutes = useStudio((s) => s.idleLockMinutes);
  const { keys } = useStudioActions();
  const choices = [5, 15, 30, 60, 0];
  return (
    <div className="button-row" data-testid="keys-settings">
      <span>{t(`keys.lock.${lock}`)}</span>
      <label>
        {t('keys.idleLock')}{' '}
        <select data-testid="idle-lock-minutes" value={minutes} onChange={(e) => void keys.setIdleMinutes(Number(e.target.value))}>
          {(choices.includes(minutes) ? choices : [...choices, minutes]).map((m) => (
            <option key={m} value={m}>
              {m === 0 ? t('keys.idleNever') : t('keys.idleMinutes', { count: m })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
