/**
 * The keys' lock in the IDE frame: the top bar's lock button, the passphrase dialog (first use
 * sets the passphrase, later it unlocks) and the activity that postpones the idle lock.
 * Reading the design and the chain needs no keys: the dialog opens on first use and when
 * something must be signed, never in the way of merely looking.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio, useStudioActions } from '../store/studio-context.js';
import { Icon } from './Icon.js';
import { Modal } from './Modal.js';

export function LockButton() {
  const { t } = useTranslation();
  const lock = useStudio((s) => s.keysLock);
  const ready = useStudio((s) => s.workspaceStatus === 'ready');
  const { keys } = useStudioActions();
  if (!ready) return null;
  const unlocked = lock === 'unlocked';
  return (
    <>
      <KeyProgress />
      <button
        type="button"
        className={`btn btn-small btn-ghost keys-lock is-${lock}`}
        data-testid="keys-lock"
        data-state={lock}
        title={unlocked ? t('keys.lockNow') : t('keys.unlock')}
        onClick={() => (unlocked ? keys.lock() : keys.showUnlock())}
      >
        <Icon name={unlocked ? 'unlock' : 'lock'} />
        {t(`keys.lock.${lock}`)}
      </button>
    </>
  );
}

/** Keys being encrypted (scrypt runs in the keystore worker): how far, while it lasts. */
function KeyProgress() {
  const { t } = useTranslation();
  const progress = useStudio((s) => s.keyProgress);
  if (!progress) return null;
  const label = t('keys.progress', { done: Math.floor(progress.done), total: progress.total });
  return (
    <span className="key-progress" role="status" data-testid="key-progress" data-done={progress.done.toFixed(2)} data-total={progress.total}>
      <progress max={progress.total} value={progress.done} aria-label={label} />
      <span>{label}</span>
    </span>
  );
}

/** User activity postpones the idle lock. */
export function useKeyActivity() {
  const { keys } = useStudioActions();
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < 1000) return; // enough to restart a minutes-long countdown
      last = now;
      keys.activity();
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    events.forEach((e) => addEventListener(e, onActivity, { passive: true }));
    return () => events.forEach((e) => removeEventListener(e, onActivity));
  }, [keys]);
}

export function UnlockDialog() {
  const { t } = useTranslation();
  const open = useStudio((s) => s.unlockPrompt);
  const lock = useStudio((s) => s.keysLock);
  const busy = useStudio((s) => s.unlockBusy);
  const error = useStudio((s) => s.unlockError);
  const plaintext = useStudio((s) => s.plaintextKeys);
  const { keys } = useStudioActions();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const setup = lock === 'unset';

  useEffect(() => {
    if (!open) {
      setPassphrase('');
      setConfirm('');
      setMismatch(false);
    }
  }, [open]);

  if (!open || lock === 'unknown' || lock === 'unlocked') return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (setup && passphrase !== confirm) return setMismatch(true);
    setMismatch(false);
    void (setup ? keys.setPassphrase(passphrase) : keys.unlock(passphrase));
  };

  return (
    <Modal title={t(setup ? 'keys.setupTitle' : 'keys.unlockTitle')} testId="unlock-dialog" mode={setup ? 'setup' : 'unlock'} onCancel={() => keys.cancelUnlock()}>
      <form className="modal-form" onSubmit={submit}>
        <p>{t(setup ? 'keys.setupLead' : 'keys.unlockLead')}</p>
        {setup && plaintext > 0 && <p className="notice">{t('keys.migrateNote', { count: plaintext })}</p>}
        <label className="field">
          <span>{t('keys.passphrase')}</span>
          <input
            type="password"
            autoFocus
            autoComplete={setup ? 'new-password' : 'current-password'}
            data-testid="unlock-passphrase"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        {setup && (
          <label className="field">
            <span>{t('keys.confirm')}</span>
            <input type="password" autoComplete="new-password" data-testid="unlock-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          </label>
        )}
        {(mismatch || error) && (
          <p className="notice is-error" role="alert" data-testid="unlock-error" data-error={mismatch ? 'mismatch' : error}>
            {mismatch ? t('keys.mismatch') : t(`keys.errors.${error}`)}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="btn btn-primary" data-testid="unlock-submit" disabled={busy || !passphrase}>
            {busy ? t('keys.working') : t(setup ? 'keys.setPassphrase' : 'keys.unlock')}
          </button>
          <button type="button" className="btn btn-ghost" data-testid="unlock-cancel" onClick={() => keys.cancelUnlock()}>
            {t('keys.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
