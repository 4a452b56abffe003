/**
 * The exported app as a .zip: the built runtime files (the standalone page as index.html, its
 * assets), config.json and README.txt, all in one folder. Pure (fflate, no DOM): the IDE's
 * "Export app" feeds it the files it fetched, the tests the build output.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { AppConfig } from './app-config.js';
import { APP_CONFIG_FILE } from './app-config.js';
import { appReadme } from './app-readme.js';
import { STANDALONE_ENTRY, STANDALONE_FILES } from './standalone-files.js';

export interface RuntimeFile {
  /** Path in the build output, e.g. "app.html", "assets/app-x1y2.js". */
  path: string;
  data: Uint8Array;
}

export interface AppZip {
  fileName: string;
  folder: string;
  bytes: Uint8Array;
  /** Paths inside the zip, for the status line and tests. */
  entries: string[];
}

/** A folder and file name from the workspace name (Chinese letters kept). */
export function appSlug(workspaceName: string): string {
  return workspaceName.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'workspace';
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The entry page as index.html of the export: references to built files made relative (so the
 * folder can be served under any path) and the workspace's name as its title.
 */
export function entryPage(html: string, paths: string[], title: string): string {
  let page = html;
  for (const path of paths) page = page.split(`"/${path}"`).join(`"./${path}"`);
  return page.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
}

export function buildAppZip(files: RuntimeFile[], config: AppConfig, entry = STANDALONE_ENTRY): AppZip {
  const page = files.find((f) => f.path === entry);
  if (!page) throw new Error(`the runtime files do not include ${entry}: export from a production build`);
  const slug = appSlug(config.manifest.workspaceName);
  const folder = `${slug}-app`;
  const mtime = new Date(config.exportedAt);
  const tree: Zippable = {};
  const put = (path: string, data: Uint8Array) => {
    tree[`${folder}/${path}`] = [data, { mtime }];
  };
  const paths = files.map((f) => f.path);
  for (const f of files) {
    if (f.path === STANDALONE_FILES || f.path === APP_CONFIG_FILE || f.path === 'index.html' || f.path === 'README.txt') continue;
    if (f.path === entry) put('index.html', strToU8(entryPage(new TextDecoder().decode(f.data), paths, config.manifest.workspaceName)));
    else put(f.path, f.data);
  }
  put(APP_CONFIG_FILE, strToU8(`${JSON.stringify(config, null, 2)}\n`));
  put('README.txt', strToU8(appReadme(config, folder)));
  return { fileName: `${folder}.zip`, folder, bytes: zipSync(tree, { level: 6 }), entries: Object.keys(tree) };
}
