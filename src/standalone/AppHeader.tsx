/** The exported app's top bar: workspace and network, who is signed in (organization, roles), language, settings. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { applyLanguage } from '../i18n/i18n.js';
import { LANGUAGES, type Language } from '../store/ui-slice.js';
import type { AppConfig } from './app-config.js';
import type { GasMode } from './free-gas.js';
import type { SessionState } from './participant-session.js';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

interface AppHeaderProps {
  config: AppConfig;
  signIn: SessionState;
  gasMode?: GasMode;
  /** Running on the ledger copy in this browser (not a node). */
  onLedgerCopy?: boolean;
  onSettings(): void;
  onLock(): void;
  onSignOut(): void;
  i18n: I18n;
}

export function AppHeader({ config, signIn, gasMode, onLedgerCopy, onSettings, onLock, onSignOut, i18n }: AppHeaderProps) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState(i18n.language as Language);
  const m = config.manifest;
  const participant = signIn.status === 'signed-in' ? m.participants.find((p) => p.id === signIn.participantId) : undefined;
  const orgName = (id: string) => m.organizations.find((o) => o.id === id)?.name ?? id;
  const roleName = (id: string) => m.roles.find((r) => r.id === id)?.name ?? id;
  return (
    <header className="topbar standalone-topbar">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span data-testid="app-workspace-name">{m.workspaceName}</span>
      </span>
      <span className="muted standalone-network" data-testid="app-network">
        {t('standalone.network', { network: config.networkName, chainId: config.chainId })}
        {onLedgerCopy && (
          <span className="chip" data-testid="app-on-ledger-copy">
            {t('standalone.onLedgerCopy')}
          </span>
        )}
        {gasMode === 'free' && <span className="chip free-gas">{t('standalone.freeGas')}</span>}
      </span>
      <span className="topbar-spacer" />
      {signIn.status === 'signed-in' && participant && (
        <span className="identity" data-testid="app-identity" data-participant={participant.id} data-address={signIn.address}>
          <span className="muted">{t('standalone.identity.signedInAs')}</span>{' '}
          <strong>{participant.name}</strong>{' '}
          <span className="muted">
            · {orgName(participant.organization)} · {participant.roles.map(roleName).join(', ') || t('app.noRoles')} ·{' '}
            {signIn.method === 'wallet' ? t('standalone.identity.viaWallet', { name: signIn.walletName }) : t('standalone.identity.viaKeyFile')}
          </span>
          {signIn.method === 'keystore' && (
            <button type="button" className="btn btn-small" data-testid="app-lock" onClick={onLock}>
              {t('standalone.identity.lock')}
            </button>
          )}
          <button type="button" className="btn btn-small" data-testid="app-sign-out" onClick={onSignOut}>
            {t('standalone.identity.signOut')}
          </button>
        </span>
      )}
      <select
        className="language-switch"
        data-testid="language-switch"
        aria-label={t('standalone.settings.language')}
        value={language}
        onChange={(e) => {
          const next = e.target.value as Language;
          applyLanguage(i18n, next);
          setLanguage(next);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="button" className="btn" data-testid="open-settings" onClick={onSettings}>
        {t('standalone.settings.open')}
      </button>
    </header>
  );
}
