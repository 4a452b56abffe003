/**
 * Vite config of the IDE. Workers are ES modules (ledger, compiler, Monaco's editor worker).
 * The soljson plugin (src/compiler) serves and emits solc for the compiler worker.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { soljsonPlugin } from './src/compiler/vite-plugin-soljson.js';
import { tinySecp256k1Plugin } from './src/ledger/vite-plugin-tiny-secp256k1.js';
import { standaloneFilesPlugin } from './src/standalone/vite-plugin-standalone-files.js';

/**
 * index.html carries the production Content-Security-Policy. The dev server injects React
 * Refresh's preamble as an inline script, so in dev only script-src also allows inline scripts.
 */
function devCspPlugin(): Plugin {
  return {
    name: 'chainflow:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  // tinySecp256k1Plugin: the ledger worker's sender recovery loads tiny-secp256k1's WASM
  // (src/ledger/vite-plugin-tiny-secp256k1.ts); worker bundles take worker.plugins, the dev server plugins
  plugins: [react(), soljsonPlugin(), devCspPlugin(), standaloneFilesPlugin(), tinySecp256k1Plugin()],
  worker: { format: 'es', plugins: () => [tinySecp256k1Plugin()] },
  optimizeDeps: {
    // Pre-bundled at start-up: the dev server then serves a few files instead of hundreds. The
    // @ethereumjs packages are only reached from the ledger worker, which the dependency scan does
    // not follow; found later they would re-optimize and reload the page mid-session.
    include: [
      'bpmn-js/lib/Modeler',
      'bpmn-auto-layout',
      'ethers',
      'idb',
      'i18next',
      'react-i18next',
      '@ethereumjs/block',
      '@ethereumjs/common',
      '@ethereumjs/mpt',
      '@ethereumjs/statemanager',
      '@ethereumjs/tx',
      '@ethereumjs/util',
      '@ethereumjs/vm',
    ],
    // served as is, so tinySecp256k1Plugin applies (pre-bundling would bypass it)
    exclude: ['tiny-secp256k1'],
  },
  // Built files refer to each other by relative URLs, so the exported app (app.html and its assets)
  // runs from any path of a static server; served at the root, as the IDE is, nothing changes.
  experimental: { renderBuiltUrl: () => ({ relative: true }) },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // the compiler harness is a second page, used by e2e/compiler.spec.ts to test the worker alone;
      // app.html is the standalone collaboration app that "Export app" zips (src/standalone)
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        app: fileURLToPath(new URL('./app.html', import.meta.url)),
        compilerHarness: fileURLToPath(new URL('./src/compiler/compiler-harness.html', import.meta.url)),
      },
    },
  },
});
