import { describe, expect, it } from 'vitest';
import { collectStandaloneFiles, type BundleItem } from './standalone-files.js';

const chunk = (fileName: string, extra: Partial<Extract<BundleItem, { type: 'chunk' }>> = {}): BundleItem => ({
  type: 'chunk',
  fileName,
  facadeModuleId: null,
  imports: [],
  dynamicImports: [],
  code: 'x'.repeat(10),
  ...extra,
});
const asset = (fileName: string, source: string | Uint8Array = 'a'): BundleItem => ({ type: 'asset', fileName, source });
const meta = (css: string[] = [], assets: string[] = []) => ({ importedCss: new Set(css), importedAssets: new Set(assets) });

/** A build with the IDE (index.html) and the app (app.html) sharing React and a lazy diagram chunk. */
function bundle(appModules: string[] = ['/repo/src/standalone/main.tsx']): Record<string, BundleItem> {
  const items = [
    asset('index.html'),
    asset('app.html', '<html>'),
    chunk('assets/main.js', { facadeModuleId: '/repo/index.html', imports: ['assets/react.js'], dynamicImports: ['assets/monaco.js'] }),
    chunk('assets/monaco.js', { moduleIds: ['/repo/node_modules/monaco-editor/esm/editor.js'] }),
    chunk('assets/app.js', { facadeModuleId: '/repo/app.html', imports: ['assets/react.js'], dynamicImports: ['assets/diagram.js'], moduleIds: appModules, viteMetadata: meta(['assets/app.css']) }),
    chunk('assets/react.js', { moduleIds: ['/repo/node_modules/react/index.js'] }),
    chunk('assets/diagram.js', { moduleIds: ['/repo/node_modules/bpmn-js/lib/NavigatedViewer.js'], viteMetadata: meta(['assets/bpmn.css'], ['assets/bpmn.woff2']) }),
    asset('assets/app.css'),
    asset('assets/bpmn.css'),
    asset('assets/bpmn.woff2', new Uint8Array(7)),
    asset('soljson.js'),
  ];
  return Object.fromEntries(items.map((i) => [i.fileName, i]));
}

describe('collectStandaloneFiles', () => {
  it('follows the app page’s imports, lazy chunks, CSS and assets, and nothing of the IDE', () => {
    const list = collectStandaloneFiles(bundle());
    expect(list.entry).toBe('app.html');
    expect(list.files.map((f) => f.path)).toEqual([
      'app.html',
      'assets/app.js',
      'assets/react.js',
      'assets/diagram.js',
      'assets/app.css',
      'assets/bpmn.css',
      'assets/bpmn.woff2',
    ]);
    expect(list.files.find((f) => f.path === 'assets/bpmn.woff2')!.bytes).toBe(7);
    expect(list.forbidden).toEqual([]);
  });

  it('names the IDE-only modules the app would load, and where', () => {
    const list = collectStandaloneFiles(bundle(['/repo/src/standalone/main.tsx', '/repo/src/ledger/worker/ledger.worker.ts', '/repo/node_modules/pinyin-pro/dist/index.mjs']));
    expect(list.forbidden).toEqual([
      'bundled ledger (/repo/src/ledger/worker/ledger.worker.ts) in assets/app.js',
      'Solidity generator (/repo/node_modules/pinyin-pro/dist/index.mjs) in assets/app.js',
    ]);
  });

  it('says what is missing from the build', () => {
    const noPage = bundle();
    delete noPage['app.html'];
    expect(() => collectStandaloneFiles(noPage)).toThrow('app.html is not in the build output');
    const broken = bundle();
    delete broken['assets/react.js'];
    expect(() => collectStandaloneFiles(broken)).toThrow('assets/react.js is referenced but not in the build output');
  });
});
