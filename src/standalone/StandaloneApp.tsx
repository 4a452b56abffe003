/**
 * The exported app's frame: header (workspace, network, who is signed in, language, settings),
 * then, in turn: connecting to the node, what is wrong with it, signing in, and the collaboration
 * app itself (AppRuntime, the IDE's App panel body) once a participant is signed in.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { applyLanguage } from '../i18n/i18n.js';
import { AppRuntime } from '../panels/app/AppRuntime.js';
import type { Studio } from '../store/create-studio-store.js';
import { StudioProvider } from '../store/studio-context.js';
import type { Language } from '../store/ui-slice.js';
import type { AppConfig } from './app-config.js';
import { AppHeader } from './AppHeader.js';
import { connectToChain, type Connection } from './chain-connection.js';
import { createAppStudio } from './create-app-studio.js';
import type { ParticipantSession } from './participant-session.js';
import { browserLedgerDeps, connectToLedgerCopy, type LedgerCopySource } from './ledger-copy.js';
import { effectiveRpcUrl, effectiveSource, type ChainSource } from './settings.js';
import { SettingsPanel } from './SettingsPanel.js';
import { SignInScreen, type KeyFile } from './SignInScreen.js';

interface StandaloneAppProps {
  config: AppConfig;
  session: ParticipantSession;
  i18n: I18n;
}

export function StandaloneApp({ config, session, i18n }: StandaloneAppProps) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(() => effectiveRpcUrl(config));
  const [source, setSource] = useState<ChainSource>(() => effectiveSource(config));
  // a chain file to import or a restart from the shipped copy: used by the next connection only
  const copyRequest = useRef<LedgerCopySource>({ kind: 'stored' });
  const [attempt, setAttempt] = useState(0);
  const [connection, setConnection] = useState<Connection>();
  const [studio, setStudio] = useState<Studio>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [keyFile, setKeyFile] = useState<KeyFile>();
  const signIn = useSyncExternalStore(session.subscribe, session.state);

  useEffect(() => {
    let live = true;
    let made: Connection | undefined;
    setConnection(undefined);
    const copy = copyRequest.current;
    copyRequest.current = { kind: 'stored' };
    const connecting = source === 'ledger-copy' ? connectToLedgerCopy(config, copy, browserLedgerDeps(document.baseURI)) : connectToChain(config, url);
    void connecting.then((c) => {
      made = c;
      if (live) setConnection(c);
      else if (c.ok) c.close();
    });
    return () => {
      live = false;
      if (made?.ok) made.close();
    };
  }, [config, url, source, attempt]);

  useEffect(() => {
    if (!connection?.ok) return;
    const made = createAppStudio({
      config,
      provider: connection.provider,
      gasMode: connection.gasMode,
      session,
      language: i18n.language as Language,
      applyLanguage: (language) => applyLanguage(i18n, language),
    });
    setStudio(made);
    return () => {
      made.dispose();
      setStudio(undefined);
    };
  }, [config, connection, session, i18n]);

  // pointer, key and wheel events postpone the idle lock of a decrypted key
  useEffect(() => {
    const touch = () => session.touch();
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    events.forEach((e) => addEventListener(e, touch, { passive: true }));
    return () => events.forEach((e) => removeEventListener(e, touch));
  }, [session]);

  const signOut = () => {
    session.signOut();
    setKeyFile(undefined);
  };

  return (
    <div className="standalone" data-testid="standalone-app">
      <AppHeader
        config={config}
        signIn={signIn}
        gasMode={connection?.ok ? connection.gasMode : undefined}
        onLedgerCopy={source === 'ledger-copy'}
        onSettings={() => setSettingsOpen((open) => !open)}
        onLock={() => session.lock('idle')}
        onSignOut={signOut}
        i18n={i18n}
      />
      <main className="page standalone-main">
        {settingsOpen && (
          <SettingsPanel
            config={config}
            url={url}
            source={source}
            onSave={(choice) => {
              if (choice.source === 'rpc') setUrl(choice.url);
              else copyRequest.current = choice.copy;
              setSource(choice.source);
              setAttempt((n) => n + 1);
              setSettingsOpen(false);
            }}
            onClose={() => setSettingsOpen(false)}
          />
        )}
        {!connection && (
          <p className="screen-message" data-testid="app-connecting">
            {source === 'ledger-copy' ? t('standalone.connectingCopy') : t('standalone.connecting', { url })}
          </p>
        )}
        {connection && !connection.ok && (
          <section className="card connection-problem" role="alert" data-testid="connection-problem" data-kind={connection.problem.kind}>
            <p>{t(`standalone.connection.${connection.problem.kind}`, { ...connection.problem, chainId: config.chainId, network: config.networkName })}</p>
            <div className="button-row">
              <button type="button" className="btn btn-primary" onClick={() => setSettingsOpen(true)} data-testid="open-settings-problem">
                {t('standalone.openSettings')}
              </button>
              <button type="button" className="btn" onClick={() => setAttempt((n) => n + 1)} data-testid="retry-connection">
                {t('standalone.retry')}
              </button>
            </div>
          </section>
        )}
        {connection?.ok && signIn.status !== 'signed-in' && (
          <SignInScreen config={config} session={session} locked={signIn.status === 'locked' ? signIn : undefined} keyFile={keyFile} onKeyFile={setKeyFile} onChangeParticipant={signOut} />
        )}
        {connection?.ok && signIn.status === 'signed-in' && studio && (
          <StudioProvider studio={studio}>
            <AppRuntime manifest={config.manifest} />
          </StudioProvider>
        )}
      </main>
    </div>
  );
}
