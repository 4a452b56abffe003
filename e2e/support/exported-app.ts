/**
 * What the specs of the exported collaboration app share: a sample deployed from Node to a local
 * JSON-RPC node, the app zipped from the production build's runtime files with the same function
 * "Export app" uses, served from memory under a sub-path like any static server would, and a
 * participant signing in with a keystore file.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { Wallet, type JsonRpcProvider } from 'ethers';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { loadWorkspace, type AppManifest, type DeploymentRecord } from '../../generators/index.js';
import { deployWorkspace } from '../../src/chain/deploy-workspace.js';
import { buildWorkspace } from '../../src/cli/node-toolchain.js';
import { devWallet, withDevAddresses } from '../../src/cli/dev-keys.js';
import { encryptPrivateKey } from '../../src/keys/keystore-crypto.js';
import { appConfigFor } from '../../src/standalone/app-config.js';
import { buildAppZip, type RuntimeFile } from '../../src/standalone/export-app-zip.js';
import type { StandaloneFileList } from '../../src/standalone/standalone-files.js';
import { freePort } from './local-node.js';

/** Hardhat's first funded development account: the consortium operator that deploys. */
export const OPERATOR_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

/** Builds a sample (participants on their development keys) and deploys it to the node behind `provider`. */
export async function deploySample(sampleWorkspace: URL, provider: JsonRpcProvider, rpcUrl: string): Promise<{ manifest: AppManifest; deployment: DeploymentRecord }> {
  const sample = loadWorkspace(JSON.parse(await readFile(sampleWorkspace, 'utf8')));
  const built = await buildWorkspace(withDevAddresses(sample.workspace!));
  expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const manifest = built.manifest!;
  const deployment = await deployWorkspace(manifest, new Wallet(OPERATOR_KEY, provider), { network: 'local-consortium', rpcUrl });
  return { manifest, deployment };
}

/** The standalone app's files as the production build (served by `vite preview`) lists them. */
export async function runtimeFiles(request: APIRequestContext): Promise<{ list: StandaloneFileList; files: RuntimeFile[] }> {
  const list = (await (await request.get('/standalone-files.json')).json()) as StandaloneFileList;
  const files = await Promise.all(list.files.map(async ({ path }) => ({ path, data: new Uint8Array(await (await request.get(`/${path}`)).body()) })));
  return { list, files };
}

const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', json: 'application/json', svg: 'image/svg+xml', txt: 'text/plain' };

/** Serves an unzipped folder under `prefix` from memory. */
export async function serveFiles(files: Record<string, Uint8Array>, folder: string, prefix: string): Promise<{ server: Server; url: string }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = path === prefix ? 'index.html' : path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    const body = rel !== undefined ? files[`${folder}/${rel}`] : undefined;
    if (!body) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[rel!.split('.').pop()!] ?? 'application/octet-stream' }).end(Buffer.from(body));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${port}${prefix}` };
}

/** Zips the app for a deployment exactly as "Export app" does, unzips it and serves it under `prefix`. */
export async function serveExportedApp(
  request: APIRequestContext,
  app: { manifest: AppManifest; deployment: DeploymentRecord; rpcUrl: string; name?: string },
  prefix: string,
): Promise<{ server: Server; url: string }> {
  const { files } = await runtimeFiles(request);
  const zip = buildAppZip(files, appConfigFor(app.manifest, app.deployment, { rpcUrl: app.rpcUrl, name: app.name ?? 'Local consortium node' }));
  return serveFiles(unzipSync(zip.bytes), zip.folder, prefix);
}

/** A participant's development key as the keystore v3 file the IDE exports, under `passphrase`. */
export async function keyFile(participantId: string, passphrase: string) {
  const json = await encryptPrivateKey(devWallet(participantId).privateKey, passphrase);
  return { name: `UTC--${participantId}.json`, mimeType: 'application/json', buffer: Buffer.from(json) };
}

/** Signs in on the app's sign-in screen with a key file (whatever the outcome). */
export async function signInWithKeyFile(page: Page, participantId: string, filePassphrase: string, typed = filePassphrase) {
  const form = page.getByTestId('sign-in');
  await form.getByTestId(`sign-in-as-${participantId}`).click();
  await form.getByTestId('sign-in-file').setInputFiles(await keyFile(participantId, filePassphrase));
  await form.getByTestId('sign-in-passphrase').fill(typed);
  await form.getByTestId('sign-in-unlock').click();
}
