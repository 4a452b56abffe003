/**
 * Vite plugin (runs in Node, inside Vite): after the client build, writes standalone-files.json
 * beside index.html: the files of the standalone app (app.html and all it loads), which the IDE's
 * "Export app" fetches and zips. Fails the build when the app would load an IDE-only part
 * (Monaco, the modeler, solc, the bundled ledger). Nothing happens in `vite dev`.
 */
import type { Plugin } from 'vite';
import { collectStandaloneFiles, STANDALONE_ENTRY, STANDALONE_FILES, type BundleItem } from './standalone-files.js';

export function standaloneFilesPlugin(entryHtml = STANDALONE_ENTRY): Plugin {
  return {
    name: 'chainflow:standalone-files',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        if (this.environment.config.consumer !== 'client' || !bundle[entryHtml]) return;
        const { forbidden, ...list } = collectStandaloneFiles(bundle as unknown as Record<string, BundleItem>, entryHtml);
        if (forbidden.length > 0) this.error(`the standalone app (${entryHtml}) would load IDE-only code:\n  ${forbidden.join('\n  ')}`);
        this.emitFile({ type: 'asset', fileName: STANDALONE_FILES, source: `${JSON.stringify(list, null, 2)}\n` });
      },
    },
  };
}
