/**
 * Entry point: opens the IDE's IndexedDB, creates the studio store with the real services,
 * renders the shell and opens the workspace (the sample on first start).
 */
import { loadSampleWorkspace } from './app/sample-workspaces.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App.js';
import { createBuildServices } from './app/build-services.js';
import { createGasServices } from './gas-estimate/gas-services.js';
import { createChainServices } from './app/chain-services.js';
import { applyLanguage, createI18n, preferredLanguage } from './i18n/i18n.js';
import { createKeyring } from './keys/key-store.js';
import { createKeystoreClient } from './keys/worker/keystore-client.js';
import { openStudioDb } from './persistence/studio-db.js';
import { createWorkspaceRepository } from './persistence/workspace-repository.js';
import { createStudioStore } from './store/create-studio-store.js';
import { StudioProvider } from './store/studio-context.js';

const root = createRoot(document.getElementById('root')!);
const language = preferredLanguage();
const i18n = createI18n(language);
document.documentElement.lang = language;

try {
  const db = await openStudioDb();
  const studio = createStudioStore(
    {
      repo: createWorkspaceRepository(db),
      // scrypt (keystore v3) runs in a worker: creating many keys would otherwise freeze the page
      keys: createKeyring(db, { crypto: createKeystoreClient() }),
      loadSample: loadSampleWorkspace,
      build: createBuildServices(),
      gas: createGasServices(),
      chain: createChainServices(),
      applyLanguage: (lang) => applyLanguage(i18n, lang),
    },
    { language },
  );
  // an edit made just before the page goes away is saved now rather than after the debounce
  addEventListener('pagehide', () => studio.flush());
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StudioProvider studio={studio}>
          <App />
        </StudioProvider>
      </I18nextProvider>
    </StrictMode>,
  );
  void studio.actions.workspace.open();
} catch (e) {
  // Without IndexedDB (e.g. some private windows) nothing could be saved: say so instead of losing work.
  root.render(
    <div className="screen-message" role="alert" data-testid="storage-unavailable">
      {i18n.t('openFailed.title')}: {e instanceof Error ? e.message : String(e)}
    </div>,
  );
}
