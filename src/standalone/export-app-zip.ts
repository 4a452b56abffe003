/**
 * The exported app as a .zip: the built runtime files (the standalone page as index.html, its
 * assets), config.json and README.txt, all in one folder. Pure (fflate, no DOM): the IDE's
 * "Export app" feeds it the files it fetched, the tests the build output.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { APP_CONFIG_FILE, keyFilePath, LEDGER_COPY_FILE, type AppConfig } from './app-config.js';
import { parseChainFile } from './chain-file.js';
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

/** What the zip may carry besides the runtime: a copy of the bundled ledger and the participants' keys. */
export interface AppZipExtras {
  /** The bundled ledger's chain export (ledger_exportChain), checksummed. */
  chainFile?: string;
  /** Keystore v3 JSON by participant id: encrypted keys only, a plaintext key is refused. */
  keystores?: Record<string, string>;
}

/** Whether a text is an encrypted keystore v3 (never a bare private key or a plaintext wallet). */
export function isEncryptedKeystore(json: string): boolean {
  try {
    const parsed = JSON.parse(json) as { version?: unknown; crypto?: { ciphertext?: unknown }; Crypto?: { ciphertext?: unknown }; privateKey?: unknown };
    const crypto = parsed.crypto ?? parsed.Crypto;
    return parsed.version === 3 && typeof crypto?.ciphertext === 'string' && parsed.privateKey === undefined;
  } catch {
    return false;
  }
}

/**
 * The config with the extras it ships. @throws Error saying which extra is unusable: a chain
 * file that is not a ledger export of the deployment's chain, a key that is not encrypted, a key
 * of someone who is not a participant.
 */
export function withExtras(config: AppConfig, extras: AppZipExtras): AppConfig {
  const next: AppConfig = { ...config };
  if (extras.chainFile !== undefined) {
    const parsed = parseChainFile(extras.chainFile);
    if (!parsed.ok) throw new Error(`the ledger copy cannot be shipped: ${parsed.problem}`);
    if (parsed.info.chainId !== config.chainId) throw new Error(`the ledger copy is of chain ${parsed.info.chainId}, but the deployment is on chain ${config.chainId}`);
    next.ledgerCopy = { file: LEDGER_COPY_FILE, blocks: parsed.info.blocks, head: parsed.info.head, sha256: parsed.info.sha256 };
  }
  if (extras.keystores && Object.keys(extras.keystores).length > 0) {
    const keyFiles: Record<string, string> = {};
    for (const [id, json] of Object.entries(extras.keystores)) {
      if (!config.manifest.participants.some((p) => p.id === id)) throw new Error(`a key file for "${id}", who is not a participant of the deployment`);
      if (!isEncryptedKeystore(json)) throw new Error(`the key of "${id}" is not an encrypted keystore v3: keys are never shipped in plaintext`);
      keyFiles[id] = keyFilePath(id);
    }
    next.keyFiles = keyFiles;
  }
  return next;
}

export function buildAppZip(files: RuntimeFile[], plainConfig: AppConfig, entry = STANDALONE_ENTRY, extras: AppZipExtras = {}): AppZip {
  const config = withExtras(plainConfig, extras);
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
    if (f.path.startsWith('ledger/') || f.path.startsWith('keys/')) continue;
    if (f.path === STANDALONE_FILES || f.path === APP_CONFIG_FILE || f.path === 'index.html' || f.path === 'README.txt') continue;
    if (f.path === entry) put('index.html', strToU8(entryPage(new TextDecoder().decode(f.data), paths, config.manifest.workspaceName)));
    else put(f.path, f.data);
  }
  if (config.ledgerCopy && extras.chainFile !== undefined) put(config.ledgerCopy.file, strToU8(extras.chainFile));
  for (const [id, path] of Object.entries(config.keyFiles ?? {})) put(path, strToU8(extras.keystores![id]));
  put(APP_CONFIG_FILE, strToU8(`${JSON.stringify(config, null, 2)}\n`));
  put('README.txt', strToU8(appReadme(config, folder)));
  return { fileName: `${folder}.zip`, folder, bytes: zipSync(tree, { level: 6 }), entries: Object.keys(tree) };
}
