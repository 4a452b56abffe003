/** Settings of the exported app: the JSON-RPC URL of the consortium node (saved in this browser). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppConfig } from './app-config.js';
import { rpcUrlProblem, saveRpcUrl } from './settings.js';

interface SettingsPanelProps {
  config: AppConfig;
  url: string;
  onSave(url: string): void;
  onClose(): void;
}

export function SettingsPanel({ config, url, onSave, onClose }: SettingsPanelProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(url);
  const [problem, setProblem] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = draft.trim();
    const bad = next ? rpcUrlProblem(next) : undefined;
    setProblem(bad);
    if (bad) return;
    saveRpcUrl(config, next);
    onSave(next || config.rpcUrl);
  };

  const reset = () => {
    saveRpcUrl(config, config.rpcUrl);
    setDraft(config.rpcUrl);
    setProblem(undefined);
    onSave(config.rpcUrl);
  };

  return (
    <section className="card settings-panel" data-testid="settings-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('standalone.settings.title')}</h2>
      <form className="field-form" onSubmit={submit} noValidate>
        <div className={`field${problem ? ' has-error' : ''}`}>
          <label htmlFor="settings-rpc-url">{t('standalone.settings.rpcUrl')}</label>
          <input id="settings-rpc-url" data-testid="settings-rpc-url" type="url" inputMode="url" value={draft} placeholder="https://node.example.com:8545" onChange={(e) => setDraft(e.target.value)} />
          {problem && (
            <span className="field-error" data-testid="settings-error">
              {problem}
            </span>
          )}
          <span className="card-note">
            {t('standalone.settings.rpcHelp', { chainId: config.chainId, network: config.networkName, configUrl: config.rpcUrl || t('standalone.settings.none') })}
          </span>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" data-testid="settings-save">
            {t('standalone.settings.save')}
          </button>
          <button type="button" className="btn" data-testid="settings-reset" onClick={reset} disabled={!config.rpcUrl}>
            {t('standalone.settings.reset')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('standalone.settings.close')}
          </button>
        </div>
      </form>
      <p className="muted">{t('standalone.settings.exported', { date: new Date(config.exportedAt).toLocaleString(i18n.language) })}</p>
    </section>
  );
}
