/**
 * Exports for developers, from the last good build: the sources with ABI, bytecode and the solc
 * standard JSON input (for source verification on an explorer), or a Hardhat 3 project with an
 * Ignition module and tests from each process's conforming paths. Each is a .zip download.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../generators/export/export-types.js';
import { saveBlob } from '../app/save-file.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';

type State = { status: 'idle' } | { status: 'working'; format: ExportFormat } | { status: 'done'; file: string; files: number } | { status: 'failed'; error: string };

/** A file name from the workspace name: its letters and digits (Chinese kept), dashes between. */
export function exportFileName(workspaceName: string, format: ExportFormat): string {
  const base = workspaceName.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'workspace';
  return `${base}-${format === 'hardhat' ? 'hardhat' : 'sources'}.zip`;
}

export function DeveloperExport() {
  const { t } = useTranslation();
  const { build } = useStudioActions();
  const ready = useStudio((s) => s.buildStatus === 'ok' && Boolean(s.manifest));
  const name = useStudio((s) => s.workspace?.name ?? 'workspace');
  const [state, setState] = useState<State>({ status: 'idle' });

  const run = async (format: ExportFormat) => {
    setState({ status: 'working', format });
    try {
      const [files, { zipSync, strToU8 }] = await Promise.all([build.exportFiles(format), import('fflate')]);
      const root = exportFileName(name, format).replace(/\.zip$/, '');
      const zip = zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${root}/${path}`, strToU8(text)])), { level: 6 });
      const file = `${root}.zip`;
      saveBlob(file, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      setState({ status: 'done', file, files: Object.keys(files).length });
    } catch (e) {
      setState({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section className="card" data-testid="developer-export">
      <h2>{t('networks.exportTitle')}</h2>
      <p className="card-note">{t('networks.exportLead')}</p>
      <div className="button-row">
        <button type="button" className="btn" data-testid="export-sources" disabled={!ready || state.status === 'working'} onClick={() => void run('sources')}>
          {t('networks.exportSources')}
        </button>
        <button type="button" className="btn" data-testid="export-hardhat" disabled={!ready || state.status === 'working'} onClick={() => void run('hardhat')}>
          {t('networks.exportHardhat')}
        </button>
        <span className="hint" role="status" data-testid="developer-export-status" data-status={state.status}>
          {state.status === 'working' && t('networks.exporting')}
          {state.status === 'done' && t('networks.exported', { file: state.file, files: state.files })}
          {state.status === 'failed' && <span className="error-text">{state.error}</span>}
        </span>
      </div>
    </section>
  );
}
