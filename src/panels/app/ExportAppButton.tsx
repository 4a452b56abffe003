/**
 * "Export app": the deployed workspace's collaboration app as a standalone static site (.zip with
 * the built runtime, config.json and README.txt) that runs from any static server against the
 * deployment's JSON-RPC node, or, for a deployment on the bundled ledger, optionally against a
 * copy of it shipped in the zip (the ledger's checksummed chain export) with each participant's
 * key as a keystore file encrypted with a passphrase chosen here. The runtime files come from the
 * production build; the dev server has none and says so. The zip code (fflate) loads on first use.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedDeployment } from '../../persistence/studio-db.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { viewPermissionsOf } from '../../store/view-permissions.js';
import { selectWorkspace } from '../../store/selectors.js';
import { saveBlob } from './save-file.js';

type ExportState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; fileName: string; files: number; bytes: number; noRpcUrl: boolean; copy?: { blocks: number; keys: number } }
  | { status: 'needs-build' }
  | { status: 'failed'; error: string };

/** The JSON-RPC URL a deployment was made through (deployments to the bundled ledger have none). */
export function deploymentRpcUrl(record: SavedDeployment['record']): string | undefined {
  const url = (record as { rpcUrl?: unknown }).rpcUrl;
  return typeof url === 'string' && url ? url : undefined;
}

/** The bundled ledger's chain export (its custom JSON-RPC method). */
async function exportChain(connect: () => Promise<unknown>): Promise<string> {
  const provider = (await connect()) as { send?: (method: string, params: unknown[]) => Promise<unknown> } | undefined;
  if (typeof provider?.send !== 'function') throw new Error('the ledger cannot be exported from here');
  const text = await provider.send('ledger_exportChain', []);
  if (typeof text !== 'string') throw new Error('the ledger answered ledger_exportChain with no chain file');
  return text;
}

const MIN_KEY_PASSPHRASE = 8;

export function ExportAppButton({ deployment }: { deployment: SavedDeployment }) {
  const { t } = useTranslation();
  const actions = useStudioActions();
  const workspace = useStudio(selectWorkspace);
  const id = useId();
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const onBundledLedger = !deploymentRpcUrl(deployment.record);
  const [withLedger, setWithLedger] = useState(false);
  const [keysPassphrase, setKeysPassphrase] = useState('');
  const [passphraseProblem, setPassphraseProblem] = useState(false);

  const run = async () => {
    const copy = onBundledLedger && withLedger;
    setPassphraseProblem(copy && keysPassphrase.length < MIN_KEY_PASSPHRASE);
    if (copy && keysPassphrase.length < MIN_KEY_PASSPHRASE) return;
    setState({ status: 'working' });
    try {
      const [{ fetchRuntimeFiles }, { buildAppZip }, { appConfigFor }] = await Promise.all([
        import('../../standalone/fetch-runtime-files.js'),
        import('../../standalone/export-app-zip.js'),
        import('../../standalone/app-config.js'),
      ]);
      const runtime = await fetchRuntimeFiles(document.baseURI, fetch, import.meta.env.DEV);
      if (!runtime.ok) {
        setState(runtime.reason === 'needs-build' ? { status: 'needs-build' } : { status: 'failed', error: runtime.detail });
        return;
      }
      const rpcUrl = deploymentRpcUrl(deployment.record);
      // what the IDE's app hides from whom, the exported app hides too (the workspace's data assets and regulator links)
      const config = appConfigFor(deployment.manifest, deployment.record, { rpcUrl }, new Date(), workspace ? viewPermissionsOf(workspace) : undefined);
      const extras: { chainFile?: string; keystores?: Record<string, string> } = {};
      if (copy) {
        extras.chainFile = await exportChain(() => actions.deploy.connect());
        extras.keystores = {};
        // each participant's key, encrypted for the file (opens the unlock dialog when the keys are locked)
        for (const p of deployment.manifest.participants.filter((p) => p.address)) {
          const exported = await actions.keys.exportKey(p.id, keysPassphrase);
          if (!exported.ok) throw new Error(`the key of ${p.name}: ${exported.detail}`);
          extras.keystores[p.id] = exported.json;
        }
      }
      const zip = buildAppZip(runtime.files, config, runtime.entry, extras);
      saveBlob(zip.fileName, new Blob([zip.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      setKeysPassphrase('');
      setState({
        status: 'done',
        fileName: zip.fileName,
        files: zip.entries.length,
        bytes: zip.bytes.length,
        noRpcUrl: !rpcUrl && !copy,
        copy: copy ? { blocks: extras.chainFile!.split('\n').filter(Boolean).length - 2, keys: Object.keys(extras.keystores ?? {}).length } : undefined,
      });
    } catch (e) {
      setState({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div className="export-app">
      {onBundledLedger && (
        <div className="export-app-options">
          <label className="check-line">
            <input type="checkbox" data-testid="export-app-with-ledger" checked={withLedger} aria-describedby={`${id}-help`} onChange={(e) => setWithLedger(e.target.checked)} />
            {t('appExport.withLedger')}
          </label>
          {withLedger && (
            <div className={`field${passphraseProblem ? ' has-error' : ''}`}>
              <label htmlFor={`${id}-pass`}>{t('appExport.keysPassphrase')}</label>
              <input
                id={`${id}-pass`}
                data-testid="export-app-keys-passphrase"
                type="password"
                autoComplete="new-password"
                value={keysPassphrase}
                aria-invalid={passphraseProblem || undefined}
                onChange={(e) => setKeysPassphrase(e.target.value)}
              />
              {passphraseProblem && (
                <span className="field-error" role="alert">
                  {t('appExport.weakPassphrase')}
                </span>
              )}
            </div>
          )}
          <span className="card-note" id={`${id}-help`}>
            {t('appExport.withLedgerHelp')}
          </span>
        </div>
      )}
      <button type="button" className="btn" data-testid="export-app" disabled={state.status === 'working'} onClick={() => void run()}>
        {t('appExport.button')}
      </button>
      <span className={`act-status is-${state.status}`} data-testid="export-app-status" data-status={state.status} role="status">
        {state.status === 'working' && t('appExport.working')}
        {state.status === 'done' && t('appExport.done', { file: state.fileName, files: state.files, kb: Math.round(state.bytes / 1024) })}
        {state.status === 'needs-build' && t('appExport.needsBuild')}
        {state.status === 'failed' && t('appExport.failed', { error: state.error })}
      </span>
      {state.status === 'done' && state.copy && (
        <p className="notice" data-testid="export-app-copy">
          {t('appExport.withLedgerDone', state.copy)}
        </p>
      )}
      {state.status === 'done' && state.noRpcUrl && (
        <p className="notice is-warning" data-testid="export-app-no-rpc">
          {t('appExport.noRpcUrl')}
        </p>
      )}
    </div>
  );
}
