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

  it('lets the bundled ledger load on demand, with its worker, the worker’s chunks and WASM found by URL', () => {
    // given the app loads the ledger client lazily and the client starts a worker by URL
    const build = bundle();
    const app = build['assets/app.js'] as Extract<BundleItem, { type: 'chunk' }>;
    app.dynamicImports.push('assets/ledger-client.js');
    build['assets/ledger-client.js'] = chunk('assets/ledger-client.js', {
      moduleIds: ['/repo/src/ledger/client/create-ledger-client.ts'],
      code: 'new Worker(new URL(`ledger.worker-a1.js`,import.meta.url))',
    });
    build['assets/ledger.worker-a1.js'] = asset('assets/ledger.worker-a1.js', 'import{r}from"./runtime-w1.js";import(`./lib-w2.js`)');
    build['assets/runtime-w1.js'] = asset('assets/runtime-w1.js', 'export const r=1');
    build['assets/lib-w2.js'] = asset('assets/lib-w2.js', 'new URL(`secp256k1-w3.wasm`,import.meta.url)');
    build['assets/secp256k1-w3.wasm'] = asset('assets/secp256k1-w3.wasm', new Uint8Array(3));
    // when the files are collected
    const list = collectStandaloneFiles(build);
    // then the worker and everything it loads are in, and loading the ledger lazily is allowed
    expect(list.files.map((f) => f.path)).toEqual(expect.arrayContaining(['assets/ledger-client.js', 'assets/ledger.worker-a1.js', 'assets/runtime-w1.js', 'assets/lib-w2.js', 'assets/secp256k1-w3.wasm']));
    expect(list.files.map((f) => f.path)).not.toContain('assets/monaco.js');
    expect(list.forbidden).toEqual([]);

    // but the same client imported statically by the page is refused
    app.imports.push('assets/ledger-client.js');
    expect(collectStandaloneFiles(build).forbidden).toEqual(['bundled ledger (/repo/src/ledger/client/create-ledger-client.ts) in assets/ledger-client.js']);
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
