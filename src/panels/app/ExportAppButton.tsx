/**
 * "Export app": the deployed workspace's collaboration app as a standalone static site (.zip with
 * the built runtime, config.json and README.txt) that runs from any static server against the
 * deployment's JSON-RPC node. The runtime files come from the production build; the dev server
 * has none and says so. The zip code (fflate) loads on first use.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedDeployment } from '../../persistence/studio-db.js';
import { saveBlob } from './save-file.js';

type ExportState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; fileName: string; files: number; bytes: number; noRpcUrl: boolean }
  | { status: 'needs-build' }
  | { status: 'failed'; error: string };

/** The JSON-RPC URL a deployment was made through (deployments to the bundled ledger have none). */
export function deploymentRpcUrl(record: SavedDeployment['record']): string | undefined {
  const url = (record as { rpcUrl?: unknown }).rpcUrl;
  return typeof url === 'string' && url ? url : undefined;
}

export function ExportAppButton({ deployment }: { deployment: SavedDeployment }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  const run = async () => {
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
      const config = appConfigFor(deployment.manifest, deployment.record, { rpcUrl });
      const zip = buildAppZip(runtime.files, config, runtime.entry);
      saveBlob(zip.fileName, new Blob([zip.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      setState({ status: 'done', fileName: zip.fileName, files: zip.entries.length, bytes: zip.bytes.length, noRpcUrl: !rpcUrl });
    } catch (e) {
      setState({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div className="export-app">
      <button type="button" className="btn" data-testid="export-app" disabled={state.status === 'working'} onClick={() => void run()}>
        {t('appExport.button')}
      </button>
      <span className={`act-status is-${state.status}`} data-testid="export-app-status" data-status={state.status} role="status">
        {state.status === 'working' && t('appExport.working')}
        {state.status === 'done' && t('appExport.done', { file: state.fileName, files: state.files, kb: Math.round(state.bytes / 1024) })}
        {state.status === 'needs-build' && t('appExport.needsBuild')}
        {state.status === 'failed' && t('appExport.failed', { error: state.error })}
      </span>
      {state.status === 'done' && state.noRpcUrl && (
        <p className="notice is-warning" data-testid="export-app-no-rpc">
          {t('appExport.noRpcUrl')}
        </p>
      )}
    </div>
  );
}
