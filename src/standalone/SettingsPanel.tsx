/**
 * Settings of the exported app: which chain it runs on, saved in this browser: a consortium node
 * (its JSON-RPC URL), or the copy of the bundled ledger kept in this browser (from the chain file
 * shipped in the zip, or one the user picks: an import replaces this browser's copy).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppConfig } from './app-config.js';
import type { LedgerCopySource } from './ledger-copy.js';
import { rpcUrlProblem, saveRpcUrl, saveSource, type ChainSource } from './settings.js';

export type SettingsChoice = { source: 'rpc'; url: string } | { source: 'ledger-copy'; copy: LedgerCopySource };

interface SettingsPanelProps {
  config: AppConfig;
  url: string;
  source: ChainSource;
  onSave(choice: SettingsChoice): void;
  onClose(): void;
}

export function SettingsPanel({ config, url, source, onSave, onClose }: SettingsPanelProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(url);
  const [mode, setMode] = useState<ChainSource>(source);
  const [chainFile, setChainFile] = useState<{ name: string; text: string }>();
  const [problem, setProblem] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'ledger-copy') {
      // an import replaces the steps done on this browser's copy: only when the user says so
      if (chainFile && !window.confirm(t('standalone.settings.replaceConfirm'))) return;
      saveSource(config, 'ledger-copy');
      onSave({ source: 'ledger-copy', copy: chainFile ? { kind: 'file', text: chainFile.text } : { kind: 'stored' } });
      return;
    }
    const next = draft.trim();
    const bad = next ? rpcUrlProblem(next) : undefined;
    setProblem(bad);
    if (bad) return;
    saveRpcUrl(config, next);
    saveSource(config, 'rpc');
    onSave({ source: 'rpc', url: next || config.rpcUrl });
  };

  const reset = () => {
    saveRpcUrl(config, config.rpcUrl);
    saveSource(config, 'rpc');
    setDraft(config.rpcUrl);
    setProblem(undefined);
    onSave({ source: 'rpc', url: config.rpcUrl });
  };

  const restartCopy = () => {
    if (!window.confirm(t('standalone.settings.replaceConfirm'))) return;
    saveSource(config, 'ledger-copy');
    onSave({ source: 'ledger-copy', copy: { kind: 'shipped' } });
  };

  const pickFile = async (file: File | undefined) => {
    setProblem(undefined);
    try {
      setChainFile(file ? { name: file.name, text: await file.text() } : undefined);
    } catch (e) {
      setProblem(t('standalone.settings.chainFileUnreadable', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section className="card settings-panel" data-testid="settings-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('standalone.settings.title')}</h2>
      <form className="field-form" onSubmit={submit} noValidate>
        <fieldset className="settings-source">
          <legend>{t('standalone.settings.source')}</legend>
          <label className="radio-line">
            <input type="radio" name="settings-source" value="rpc" data-testid="settings-source-rpc" checked={mode === 'rpc'} onChange={() => setMode('rpc')} />
            {t('standalone.settings.sourceRpc')}
          </label>
          <label className="radio-line">
            <input type="radio" name="settings-source" value="ledger-copy" data-testid="settings-source-ledger" checked={mode === 'ledger-copy'} onChange={() => setMode('ledger-copy')} />
            {t('standalone.settings.sourceLedger')}
          </label>
        </fieldset>
        {mode === 'rpc' && (
          <div className={`field${problem ? ' has-error' : ''}`}>
            <label htmlFor="settings-rpc-url">{t('standalone.settings.rpcUrl')}</label>
            <input
              id="settings-rpc-url"
              data-testid="settings-rpc-url"
              type="url"
              inputMode="url"
              value={draft}
              placeholder="https://node.example.com:8545"
              aria-invalid={problem ? true : undefined}
              aria-describedby="settings-rpc-help"
              onChange={(e) => setDraft(e.target.value)}
            />
            {problem && (
              <span className="field-error" data-testid="settings-error" role="alert">
                {problem}
              </span>
            )}
            <span className="card-note" id="settings-rpc-help">
              {t('standalone.settings.rpcHelp', { chainId: config.chainId, network: config.networkName, configUrl: config.rpcUrl || t('standalone.settings.none') })}
            </span>
          </div>
        )}
        {mode === 'ledger-copy' && (
          <div className="field">
            <p className="card-note" data-testid="settings-ledger-help">
              {config.ledgerCopy ? t('standalone.settings.ledgerHelp', { blocks: config.ledgerCopy.blocks }) : t('standalone.settings.ledgerNone')}
            </p>
            <label htmlFor="settings-chain-file">{t('standalone.settings.chainFile')}</label>
            <input id="settings-chain-file" data-testid="settings-chain-file" type="file" accept=".ndjson,.jsonl,.json,.txt" aria-describedby="settings-chain-help" onChange={(e) => void pickFile(e.target.files?.[0])} />
            <span className="card-note" id="settings-chain-help">
              {chainFile ? t('standalone.settings.chainFileChosen', { name: chainFile.name }) : t('standalone.settings.chainFileHelp')}
            </span>
            {problem && (
              <span className="field-error" role="alert">
                {problem}
              </span>
            )}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" data-testid="settings-save">
            {mode === 'ledger-copy' && chainFile ? t('standalone.settings.importChain') : t('standalone.settings.save')}
          </button>
          {mode === 'rpc' && (
            <button type="button" className="btn" data-testid="settings-reset" onClick={reset} disabled={!config.rpcUrl}>
              {t('standalone.settings.reset')}
            </button>
          )}
          {mode === 'ledger-copy' && config.ledgerCopy && (
            <button type="button" className="btn" data-testid="settings-restart-copy" onClick={restartCopy}>
              {t('standalone.settings.restartCopy')}
            </button>
          )}
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('standalone.settings.close')}
          </button>
        </div>
      </form>
      <p className="muted">{t('standalone.settings.exported', { date: new Date(config.exportedAt).toLocaleString(i18n.language) })}</p>
    </section>
  );
}
