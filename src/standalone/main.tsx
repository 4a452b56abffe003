/**
 * Entry of the exported collaboration app (app.html; index.html of an exported zip): reads
 * ./config.json beside the page, then renders the same app runtime as the IDE's App panel against
 * the configured JSON-RPC node. Imports nothing of the IDE's editor, modeler, compiler or ledger
 * (the build refuses it: vite-plugin-standalone-files.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, preferredLanguage } from '../i18n/i18n.js';
import { APP_CONFIG_FILE, parseAppConfig, type ConfigProblem } from './app-config.js';
import { createParticipantSession } from './participant-session.js';
import { StandaloneApp } from './StandaloneApp.js';
import '../app/app.css';
import '../app/pages.css';
import '../app/app-panel.css';
import './standalone.css';

const root = createRoot(document.getElementById('root')!);
const i18n = createI18n(preferredLanguage());
document.documentElement.lang = i18n.language;

async function loadConfig(): Promise<{ ok: true; config: import('./app-config.js').AppConfig } | { ok: false; problems: ConfigProblem[] }> {
  try {
    const res = await fetch(new URL(APP_CONFIG_FILE, document.baseURI), { cache: 'no-cache' });
    if (!res.ok) return { ok: false, problems: [{ path: APP_CONFIG_FILE, message: `HTTP ${res.status} ${res.statusText}` }] };
    return parseAppConfig(await res.text());
  } catch (e) {
    return { ok: false, problems: [{ path: APP_CONFIG_FILE, message: e instanceof Error ? e.message : String(e) }] };
  }
}

const loaded = await loadConfig();
root.render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {loaded.ok ? (
        <StandaloneApp config={loaded.config} session={createParticipantSession()} i18n={i18n} />
      ) : (
        <div className="screen-message" role="alert" data-testid="config-failed">
          <div>
            <p>{i18n.t('standalone.configFailed')}</p>
            <ul className="problem-lines">
              {loaded.problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>{i18n.t('standalone.configProblem', { path: p.path || APP_CONFIG_FILE, message: p.message })}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </I18nextProvider>
  </StrictMode>,
);
