/**
 * What a regulator has instead of start forms and a work list: the lead that says it sees every
 * instance read-only, which processes it regulates (`manifest` holds only those: see
 * regulated-processes.ts), and the audit package export of those processes (a CSV and a JSON
 * file, saved one after the other).
 */
import { useTranslation } from 'react-i18next';
import type { AppManifest } from '../../../generators/index.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { saveBlob } from './save-file.js';

export function RegulatorSection({ manifest }: { manifest: AppManifest }) {
  const { t } = useTranslation();
  const all = useStudio((s) => s.deployment?.manifest.processes.length ?? 0);
  const regulated = manifest.processes;
  const status = useStudio((s) => s.auditStatus);
  const error = useStudio((s) => s.auditError);
  const summary = useStudio((s) => s.auditSummary);
  const { audit } = useStudioActions();

  const exportPackage = async () => {
    const files = await audit.exportAudit(new Date(), regulated.length < all ? regulated.map((p) => p.id) : undefined);
    if (!files) return;
    save(`${files.baseName}.csv`, files.csv, 'text/csv;charset=utf-8');
    save(`${files.baseName}.json`, files.json, 'application/json;charset=utf-8');
  };

  return (
    <section className="card regulator-section" data-testid="regulator-section">
      <h2>{t('appView.regulator.title')}</h2>
      <p className="page-lead">{t('appView.regulator.lead')}</p>
      <p className="card-note" data-testid="regulator-scope" data-count={regulated.length}>
        {regulated.length === 0
          ? t('designer2.regulator.scopeNone')
          : regulated.length < all
            ? t('designer2.regulator.scope', { names: regulated.map((p) => p.name).join('、') })
            : t('designer2.regulator.scopeAll')}
      </p>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" data-testid="export-audit" disabled={status === 'working'} onClick={() => void exportPackage()}>
          {t('appView.regulator.export')}
        </button>
        <span className={`act-status is-${status}`} data-testid="audit-status" data-status={status} role="status">
          {status === 'working' && t('appView.regulator.exporting')}
          {status === 'done' &&
            summary &&
            t('appView.regulator.exported', {
              steps: summary.steps,
              instances: summary.instances,
              integrity: t(`appView.regulator.integrity.${summary.integrity as 'checked'}`),
            })}
          {status === 'failed' && t('appView.regulator.failed', { error })}
        </span>
      </div>
    </section>
  );
}

function save(name: string, text: string, type: string) {
  saveBlob(name, new Blob([text], { type }));
}
