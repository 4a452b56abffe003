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

/** Modules the standalone app must never load: the IDE's editor, modeler, compiler and ledger. */
export const FORBIDDEN_MODULES: { pattern: RegExp; what: string }[] = [
  { pattern: /[\\/]monaco-editor[\\/]/, what: 'Monaco editor' },
  { pattern: /[\\/]bpmn-js[\\/]lib[\\/]Modeler/, what: 'bpmn-js modeler' },
  { pattern: /[\\/]bpmn-js-properties-panel[\\/]/, what: 'BPMN properties panel' },
  { pattern: /[\\/]solc[\\/]|soljson/, what: 'solc compiler' },
  { pattern: /[\\/]src[\\/]compiler[\\/]/, what: 'compiler worker' },
  { pattern: /[\\/]src[\\/]ledger[\\/]/, what: 'bundled ledger' },
  { pattern: /[\\/]@ethereumjs[\\/]/, what: 'EVM (@ethereumjs)' },
  { pattern: /[\\/]generators[\\/]generate-workspace|[\\/]pinyin-pro[\\/]/, what: 'Solidity generator' },
];

const sizeOf = (item: BundleItem) =>
  item.type === 'chunk' ? new TextEncoder().encode(item.code ?? '').length : typeof item.source === 'string' ? new TextEncoder().encode(item.source).length : item.source.length;

/**
 * The files of the app whose page is `entryHtml`, and the forbidden modules any of its chunks
 * holds (each "what (module id) in file"). Throws when the page or its entry chunk is missing.
 */
export function collectStandaloneFiles(bundle: Record<string, BundleItem>, entryHtml = STANDALONE_ENTRY): StandaloneFileList & { forbidden: string[] } {
  const html = bundle[entryHtml];
  if (!html || html.type !== 'asset') throw new Error(`${entryHtml} is not in the build output: add it to build.rolldownOptions.input`);
  const entry = Object.values(bundle).find(
    (item): item is Extract<BundleItem, { type: 'chunk' }> =>
      item.type === 'chunk' && Boolean(item.facadeModuleId) && item.facadeModuleId!.replace(/\\/g, '/').endsWith(`/${entryHtml}`),
  );
  if (!entry) throw new Error(`no entry chunk for ${entryHtml} in the build output`);

  const seen = new Set<string>([entryHtml]);
  const queue = [entry.fileName];
  const forbidden: string[] = [];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const item = bundle[name];
    if (!item) throw new Error(`${name} is referenced but not in the build output`);
    if (item.type !== 'chunk') continue;
    for (const id of item.moduleIds ?? [])
      for (const f of FORBIDDEN_MODULES) if (f.pattern.test(id)) forbidden.push(`${f.what} (${id}) in ${name}`);
    queue.push(...item.imports, ...item.dynamicImports, ...(item.viteMetadata?.importedCss ?? []), ...(item.viteMetadata?.importedAssets ?? []));
  }
  const files = [...seen].map((path) => ({ path, bytes: sizeOf(bundle[path]) }));
  return { entry: entryHtml, files, forbidden };
}
