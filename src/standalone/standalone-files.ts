/**
 * Which built files make up the standalone app: the app page and everything it loads, found by
 * following the bundle's chunk graph from its entry (static and dynamic imports, the CSS and assets
 * each chunk pulls in). Also the guard that keeps the IDE's heavy parts out of it. Pure: the Vite
 * plugin (vite-plugin-standalone-files.ts) feeds it the bundle, the tests a fake one.
 */

/** Build output listing the standalone app's files, written beside index.html. */
export const STANDALONE_FILES = 'standalone-files.json';
/** The standalone app's page in the build (index.html of the exported zip). */
export const STANDALONE_ENTRY = 'app.html';

export interface StandaloneFileList {
  entry: string;
  /** Every file the app loads, entry first, with its size in bytes. */
  files: { path: string; bytes: number }[];
}

/** The parts of a Rollup/Rolldown output item this needs. */
export type BundleItem =
  | {
      type: 'chunk';
      fileName: string;
      facadeModuleId: string | null;
      isEntry?: boolean;
      imports: string[];
      dynamicImports: string[];
      moduleIds?: readonly string[];
      code?: string;
      viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
    }
  | { type: 'asset'; fileName: string; source: string | Uint8Array };

/**
 * Modules the standalone app must never load: the IDE's editor, modeler, compiler and ledger.
 * `lazyOk`: allowed in a chunk the app loads only on demand (dynamic import), never in what the
 * page loads at start: the bundled ledger runs an exported ledger copy when the user picks it.
 */
export const FORBIDDEN_MODULES: { pattern: RegExp; what: string; lazyOk?: boolean }[] = [
  { pattern: /[\\/]monaco-editor[\\/]/, what: 'Monaco editor' },
  { pattern: /[\\/]bpmn-js[\\/]lib[\\/]Modeler/, what: 'bpmn-js modeler' },
  { pattern: /[\\/]bpmn-js-properties-panel[\\/]/, what: 'BPMN properties panel' },
  { pattern: /[\\/]solc[\\/]|soljson/, what: 'solc compiler' },
  { pattern: /[\\/]src[\\/]compiler[\\/]/, what: 'compiler worker' },
  { pattern: /[\\/]src[\\/]ledger[\\/]/, what: 'bundled ledger', lazyOk: true },
  { pattern: /[\\/]@ethereumjs[\\/]/, what: 'EVM (@ethereumjs)', lazyOk: true },
  { pattern: /[\\/]generators[\\/]generate-workspace|[\\/]pinyin-pro[\\/]/, what: 'Solidity generator' },
];

const sizeOf = (item: BundleItem) =>
  item.type === 'chunk' ? new TextEncoder().encode(item.code ?? '').length : typeof item.source === 'string' ? new TextEncoder().encode(item.source).length : item.source.length;

/** File names a built file's code refers to by URL (workers, WASM, chunks a worker imports). */
const REFERENCED = /[\w$-]+(?:\.[\w$-]+)*\.(?:js|mjs|wasm|css|woff2?|ttf|eot|svg|png)\b/g;

function referencedFiles(code: string, byBaseName: Map<string, string>): string[] {
  const found: string[] = [];
  for (const name of code.match(REFERENCED) ?? []) {
    const file = byBaseName.get(name);
    if (file) found.push(file);
  }
  return found;
}

/**
 * The files of the app whose page is `entryHtml`, and the forbidden modules any of its chunks
 * holds (each "what (module id) in file"). A `lazyOk` module is only forbidden in a chunk the page
 * loads at start (its static imports). Besides the chunk graph, files referenced by URL in code
 * (`new URL("x.js", import.meta.url)` of a worker, the worker's own chunks and WASM) are followed.
 * Throws when the page or its entry chunk is missing.
 */
export function collectStandaloneFiles(bundle: Record<string, BundleItem>, entryHtml = STANDALONE_ENTRY): StandaloneFileList & { forbidden: string[] } {
  const html = bundle[entryHtml];
  if (!html || html.type !== 'asset') throw new Error(`${entryHtml} is not in the build output: add it to build.rolldownOptions.input`);
  const entry = Object.values(bundle).find(
    (item): item is Extract<BundleItem, { type: 'chunk' }> =>
      item.type === 'chunk' && Boolean(item.facadeModuleId) && item.facadeModuleId!.replace(/\\/g, '/').endsWith(`/${entryHtml}`),
  );
  if (!entry) throw new Error(`no entry chunk for ${entryHtml} in the build output`);
  const byBaseName = new Map(
    Object.keys(bundle)
      .filter((name) => !/\.(html|json)$/.test(name))
      .map((name) => [name.split('/').pop()!, name]),
  );

  // what the page loads at start: the entry chunk and its static imports
  const atStart = new Set<string>();
  const pending = [entry.fileName];
  while (pending.length > 0) {
    const name = pending.pop()!;
    const item = bundle[name];
    if (atStart.has(name) || item?.type !== 'chunk') continue;
    atStart.add(name);
    pending.push(...item.imports);
  }

  const seen = new Set<string>([entryHtml]);
  const queue = [entry.fileName];
  const forbidden: string[] = [];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const item = bundle[name];
    if (!item) throw new Error(`${name} is referenced but not in the build output`);
    if (item.type !== 'chunk') {
      if (name.endsWith('.js') && typeof item.source === 'string') queue.push(...referencedFiles(item.source, byBaseName));
      continue;
    }
    for (const id of item.moduleIds ?? [])
      for (const f of FORBIDDEN_MODULES) if (f.pattern.test(id) && (!f.lazyOk || atStart.has(name))) forbidden.push(`${f.what} (${id}) in ${name}`);
    queue.push(...item.imports, ...item.dynamicImports, ...(item.viteMetadata?.importedCss ?? []), ...(item.viteMetadata?.importedAssets ?? []));
    queue.push(...referencedFiles(item.code ?? '', byBaseName).filter((f) => f !== name));
  }
  const files = [...seen].map((path) => ({ path, bytes: sizeOf(bundle[path]) }));
  return { entry: entryHtml, files, forbidden };
}
