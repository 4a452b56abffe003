/**
 * Signing in: pick yourself among the deployment's participants, then unlock your key file with
 * its passphrase, or connect a browser wallet. A refusal (wrong passphrase, someone else's key, a
 * wallet on another chain) is said in words and keeps what was chosen: participant and file stay.
 * The key file is remembered in this browser (encrypted, as imported; never the passphrase) unless
 * the user unticks it, and a key file shipped with the app is offered for its participant.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppConfig } from './app-config.js';
import { onWalletChange, watchWallets, type InjectedWallet } from '../chain/injected-wallets.js';
import type { ParticipantSession, SessionState } from './participant-session.js';
import { forgetKey, lastParticipant, rememberedKey, rememberKey } from './remembered-key.js';
import { connectWallet, openKeyFile, type SignInProblem } from './sign-in.js';

export interface KeyFile {
  name: string;
  text: string;
  /** picked: chosen in the file input; remembered: kept in this browser; shipped: in the app folder. */
  origin?: 'picked' | 'remembered' | 'shipped';
}

interface SignInScreenProps {
  config: AppConfig;
  session: ParticipantSession;
  locked?: Extract<SessionState, { status: 'locked' }>;
  keyFile?: KeyFile;
  onKeyFile(file: KeyFile | undefined): void;
  onChangeParticipant(): void;
}

type Problem = SignInProblem | { kind: 'file-unreadable'; detail: string };

export function SignInScreen({ config, session, locked, keyFile, onKeyFile, onChangeParticipant }: SignInScreenProps) {
  const { t } = useTranslation();
  const participants = config.manifest.participants;
  const [participantId, setParticipantId] = useState(() => locked?.participantId ?? lastParticipant(config));
  const [remember, setRemember] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [wallets, setWallets] = useState<InjectedWallet[]>([]);
  const participant = participants.find((p) => p.id === participantId);

  useEffect(() => watchWallets(window as unknown as EventTarget & { ethereum?: InjectedWallet['provider'] }, setWallets), []);

  // the chosen participant's remembered key file, else the one shipped with the app
  const needsKey = !keyFile;
  useEffect(() => {
    if (!participantId || !needsKey) return;
    const saved = rememberedKey(config, participantId);
    if (saved) return onKeyFile({ ...saved, origin: 'remembered' });
    const shipped = config.keyFiles?.[participantId];
    if (!shipped) return;
    let live = true;
    void fetch(new URL(shipped, document.baseURI), { cache: 'no-cache' })
      .then((res) => (res.ok ? res.text() : Promise.reject(new Error(`HTTP ${res.status}`))))
      .then((text) => live && onKeyFile({ name: shipped, text, origin: 'shipped' }))
      .catch((e: unknown) => live && setProblem({ kind: 'file-unreadable', detail: `${shipped}: ${e instanceof Error ? e.message : String(e)}` }));
    return () => {
      live = false;
    };
    // onKeyFile is the parent's setter; the key file itself is what this effect sets
  }, [config, participantId, needsKey]);

  const forget = () => {
    if (!participantId) return;
    forgetKey(config, participantId);
    onKeyFile(undefined);
  };

  const chooseFile = async (file: File | undefined) => {
    setProblem(undefined);
    if (!file) return onKeyFile(undefined);
    try {
      onKeyFile({ name: file.name, text: await file.text(), origin: 'picked' });
    } catch (e) {
      setProblem({ kind: 'file-unreadable', detail: e instanceof Error ? e.message : String(e) });
    }
  };

  const unlock = async (e: FormEvent) => {
    e.preventDefault();
    if (!participant || !keyFile) return;
    setBusy(true);
    setProblem(undefined);
    const opened = await openKeyFile(participant, keyFile.text, passphrase);
    setBusy(false);
    if (!opened.ok) return setProblem(opened.problem);
    setPassphrase('');
    // unticked: a key file remembered before is forgotten too
    if (remember) rememberKey(config, participant.id, keyFile);
    else forgetKey(config, participant.id);
    session.signInWithKey(participant.id, opened.privateKey);
  };

  const useWallet = async (wallet: InjectedWallet) => {
    if (!participant) return;
    setBusy(true);
    setProblem(undefined);
    const connected = await connectWallet(participant, wallet.provider, config.chainId);
    setBusy(false);
    if (!connected.ok) return setProblem(connected.problem);
    await session.signInWithWallet(participant.id, connected.signer, wallet.name);
    const stop = onWalletChange(wallet.provider, () => {
      stop();
      const now = session.state();
      if (now.status === 'signed-in' && now.method === 'wallet') session.lock('wallet-changed');
    });
  };

  return (
    <section className="card sign-in" data-testid="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('standalone.signIn.title')}</h2>
      {locked && (
        <p className="notice is-warning" data-testid="sign-in-locked" data-reason={locked.reason}>
          {locked.reason === 'idle' ? t('standalone.signIn.lockedIdle') : t('standalone.signIn.walletChanged')}
        </p>
      )}
      {!locked && <p className="page-lead">{t('standalone.signIn.lead')}</p>}
      <fieldset className="sign-in-who" disabled={Boolean(locked) || busy}>
        <legend id="sign-in-who">{t('standalone.signIn.who')}</legend>
        <div className="switcher-options" role="radiogroup" aria-labelledby="sign-in-who">
          {participants.map((p) => (
            <button
              key={p.id}
              type="button"
              role="radio"
              aria-checked={participantId === p.id}
              className={`participant-chip${participantId === p.id ? ' is-active' : ''}`}
              data-testid={`sign-in-as-${p.id}`}
              disabled={!p.address}
              onClick={() => {
                // a remembered or shipped key is someone's own: another participant gets theirs
                if (p.id !== participantId && keyFile && keyFile.origin !== 'picked') onKeyFile(undefined);
                setParticipantId(p.id);
                setProblem(undefined);
              }}
            >
              <span className="participant-name">{p.name}</span>
              <span className="participant-meta">
                {config.manifest.organizations.find((o) => o.id === p.organization)?.name ?? p.organization}
                {!p.address && ` · ${t('standalone.signIn.noAddress')}`}
              </span>
            </button>
          ))}
        </div>
      </fieldset>
      {locked && (
        <button type="button" className="btn btn-ghost" data-testid="sign-in-change" onClick={onChangeParticipant}>
          {t('standalone.signIn.change')}
        </button>
      )}
      {participant && (
        <div className="sign-in-methods">
          <form className="field-form" data-testid="sign-in-key" onSubmit={(e) => void unlock(e)} noValidate>
            <div className="field">
              <label htmlFor="sign-in-file">{t('standalone.signIn.keyFile')}</label>
              <input id="sign-in-file" data-testid="sign-in-file" aria-describedby="sign-in-file-note" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void chooseFile(e.target.files?.[0])} />
              <span className="card-note" id="sign-in-file-note" data-testid="sign-in-file-note" data-origin={keyFile?.origin}>
                {keyFile ? t(`standalone.signIn.${keyFile.origin === 'remembered' ? 'rememberedFile' : keyFile.origin === 'shipped' ? 'shippedFile' : 'chosenFile'}`, { name: keyFile.name }) : t('standalone.signIn.keyFileHelp')}
              </span>
              {keyFile?.origin === 'remembered' && (
                <button type="button" className="btn btn-small btn-ghost" data-testid="sign-in-forget-key" onClick={forget}>
                  {t('standalone.signIn.forgetKey')}
                </button>
              )}
            </div>
            <div className="field">
              <label htmlFor="sign-in-passphrase">{t('standalone.signIn.passphrase')}</label>
              <input
                id="sign-in-passphrase"
                data-testid="sign-in-passphrase"
                type="password"
                autoComplete="current-password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
              />
            </div>
            <label className="check-line">
              <input type="checkbox" data-testid="sign-in-remember" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
              {t('standalone.signIn.rememberKey')}
            </label>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" data-testid="sign-in-unlock" disabled={busy || !keyFile || !passphrase}>
                {busy ? t('standalone.signIn.unlocking') : t('standalone.signIn.unlock')}
              </button>
            </div>
          </form>
          <div className="sign-in-wallets" data-testid="sign-in-wallets">
            <h3>{t('standalone.signIn.orWallet')}</h3>
            {wallets.length === 0 && <p className="muted">{t('standalone.signIn.noWallet')}</p>}
            {wallets.map((w) => (
              <button key={w.id} type="button" className="btn" data-testid={`sign-in-wallet-${w.id}`} disabled={busy} onClick={() => void useWallet(w)}>
                {w.icon && <img src={w.icon} alt="" width={16} height={16} />} {t('standalone.signIn.connectWallet', { name: w.name })}
              </button>
            ))}
          </div>
        </div>
      )}
      {problem && (
        <p className="notice is-error" role="alert" data-testid="sign-in-problem" data-kind={problem.kind}>
          {problem.kind === 'file-unreadable'
            ? t('standalone.signIn.fileUnreadable', { detail: problem.detail })
            : t(`standalone.signIn.problem.${problem.kind}`, { ...problem })}
        </p>
      )}
    </section>
  );
}
