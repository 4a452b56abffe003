/**
 * The exported app with a ledger copy, made in Node: the sample deployed on an in-process bundled
 * ledger with the development keys, its chain export and each participant's key as a keystore
 * file (encrypted with `passphrase`) zipped with the production build's runtime files by the same
 * function "Export app" uses, unzipped and served from memory under `prefix`.
 */
import type { Server } from 'node:http';
import { unzipSync } from 'fflate';
import type { APIRequestContext } from '@playwright/test';
import type { AppManifest } from '../../generators/index.js';
import { sampleOnLedger } from '../../src/chain/sample-on-ledger.js';
import { devWallet } from '../../src/cli/dev-keys.js';
import { encryptPrivateKey } from '../../src/keys/keystore-crypto.js';
import { appConfigFor } from '../../src/standalone/app-config.js';
import { buildAppZip } from '../../src/standalone/export-app-zip.js';
import { runtimeFiles, serveFiles } from './exported-app.js';

export async function serveLedgerCopyApp(
  request: APIRequestContext,
  passphrase: string,
  prefix: string,
  sampleName = 'order-fulfilment',
): Promise<{ server: Server; url: string; manifest: AppManifest }> {
  const sample = await sampleOnLedger(sampleName);
  const chainFile = (await sample.engine.request({ method: 'ledger_exportChain' })) as string;
  await sample.engine.idle();
  const keystores: Record<string, string> = {};
  for (const p of sample.manifest.participants.filter((p) => p.address)) keystores[p.id] = await encryptPrivateKey(devWallet(p.id).privateKey, passphrase);
  const { files } = await runtimeFiles(request);
  const config = appConfigFor(sample.manifest, { ...sample.deployment, network: 'bundled' }, { name: 'Bundled ledger' });
  const zip = buildAppZip(files, config, undefined, { chainFile, keystores });
  return { ...(await serveFiles(unzipSync(zip.bytes), zip.folder, prefix)), manifest: sample.manifest };
}
