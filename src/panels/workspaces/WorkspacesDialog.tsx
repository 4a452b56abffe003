/**
 * The workspaces dialog: the list (most recently changed first), new workspaces (empty or from
 * a sample), import of a .json or .zip (always as a new workspace; a refused file lists where
 * it is wrong), and the open workspace's processes as .bpmn downloads.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatProblem } from '../../../generators/problems.js';
import { Modal } from '../../app/Modal.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { download } from './download.js';
import { WorkspaceRow } from './WorkspaceRow.js';
import { DEFAULT_SAMPLE, SAMPLE_IDS, type SampleId } from '../../app/sample-workspaces.js';
import './workspaces.css';

export function WorkspacesDialog() {
  const { t } = useTranslation();
  const list = useStudio((s) => s.workspaceList);
  const currentId = useStudio((s) => s.workspaceId);
  const busy = useStudio((s) => s.workspacesBusy);
  const error = useStudio((s) => s.workspacesError);
  const report = useStudio((s) => s.importReport);
  const processes = useStudio((s) => s.workspace?.processes);
  // the open workspace's name as it is now, also before its autosave reaches the list
  const openName = useStudio((s) => s.workspace?.name);
  const { workspaces } = useStudioActions();
  const [name, setName] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const close = () => void workspaces.showDialog(false);
  const [sample, setSample] = useState<SampleId>(DEFAULT_SAMPLE);
  // a sample keeps its own name unless one is typed
  const create = (kind: 'empty' | 'sample') =>
    void workspaces.create(kind, name.trim() || (kind === 'empty' ? t('workspaces.defaultName') : ''), t('workspaces.defaultProcess'), kind === 'sample' ? sample : undefined).then(() => setName(''));

  return (
    <Modal title={t('workspaces.title')} testId="workspaces-dialog" onCancel={close}>
      <p className="ws-lead">{t('workspaces.lead')}</p>
      <div className="ws-create">
        <input className="cell-input" data-testid="workspace-new-name" placeholder={t('workspaces.newName')} aria-label={t('workspaces.newName')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="button" className="btn btn-small" data-testid="workspace-create-empty" disabled={busy} onClick={() => create('empty')}>
          {t('workspaces.createEmpty')}
        </button>
        <select className="cell-input" data-testid="workspace-sample" aria-label={t('workspaces.sample')} value={sample} onChange={(e) => setSample(e.target.value as SampleId)}>
          {SAMPLE_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`workspaces.samples.${id}`)}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" data-testid="workspace-create-sample" disabled={busy} onClick={() => create('sample')}>
          {t('workspaces.createSample')}
        </button>
        <button type="button" className="btn btn-small" data-testid="workspace-import" disabled={busy} title={t('workspaces.importHint')} onClick={() => fileInput.current?.click()}>
          {t('workspaces.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".json,.zip,application/json,application/zip"
          data-testid="workspace-import-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file can be chosen again after fixing it
            if (file) await workspaces.importFile(file.name, new Uint8Array(await file.arrayBuffer()));
          }}
        />
      </div>
      <p className="hint">{t('workspaces.importHint')}</p>
      {report && (
        <div className={`ws-report${report.ok ? '' : ' is-error'}`} role={report.ok ? 'status' : 'alert'} data-testid="import-report" data-ok={report.ok}>
          {report.ok ? t('workspaces.importOk', { name: report.name, file: report.file }) : t('workspaces.importFailed', { file: report.file })}
          {!report.ok && (
            <ul>
              {report.problems.map((p, i) => (
                <li key={i} data-testid="import-problem">
                  {formatProblem(p)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p className="ws-report is-error" role="alert" data-testid="workspaces-error">
          {error}
        </p>
      )}
      <ul className="ws-list" data-testid="workspace-list" aria-busy={busy}>
        {list.map((w) => (
          <WorkspaceRow key={w.id} summary={w.id === currentId && openName ? { ...w, name: openName } : w} current={w.id === currentId} />
        ))}
      </ul>
      {processes && processes.length > 0 && (
        <section className="ws-processes">
          <h3>{t('workspaces.processes')}</h3>
          <ul>
            {processes.map((p) => (
              <li key={p.id}>
                <span>{p.name}</span>
                <button type="button" className="btn btn-small" data-testid={`process-export-${p.id}`} onClick={() => void workspaces.exportProcess(p.id).then(download)}>
                  {t('workspaces.exportBpmn')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="ws-footer">
        {busy && <span className="hint">{t('workspaces.working')}</span>}
        <button type="button" className="btn" data-testid="workspaces-close" onClick={close}>
          {t('workspaces.close')}
        </button>
      </div>
    </Modal>
  );
}
