/**
 * The workspace's processes as tabs, with New process, Rename and Delete. Every change is a
 * workspace edit (saved, rebuilt, undoable with the IDE's Undo). Delete asks first and says what
 * goes with the process: its diagram, and, when it is deployed, its place in the app.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessDocument } from '../../../generators/index.js';
import { Modal } from '../../app/Modal.js';
import { selectDeployment } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';

type Dialog = { kind: 'add' } | { kind: 'rename'; process: ProcessDocument } | { kind: 'delete'; process: ProcessDocument };

export function ProcessTabs({ processes, activeId }: { processes: ProcessDocument[]; activeId?: string }) {
  const { t } = useTranslation();
  const actions = useStudioActions();
  const deployment = useStudio(selectDeployment);
  const [dialog, setDialog] = useState<Dialog>();
  const active = processes.find((p) => p.id === activeId);
  const close = () => setDialog(undefined);

  return (
    <>
      <div className="tabs" role="tablist" aria-label={t('designer2.processes.label')}>
        {processes.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            aria-selected={p.id === activeId}
            className={`tab${p.id === activeId ? ' is-active' : ''}`}
            data-testid={`process-tab-${p.id}`}
            onClick={() => actions.ui.setActiveProcess(p.id)}
            onDoubleClick={() => setDialog({ kind: 'rename', process: p })}
          >
            {p.name}
          </button>
        ))}
      </div>
      <button type="button" className="btn btn-small" data-testid="process-add" onClick={() => setDialog({ kind: 'add' })}>
        {t('designer2.processes.add')}
      </button>
      {active && (
        <>
          <button type="button" className="btn btn-small btn-ghost" data-testid="process-rename" onClick={() => setDialog({ kind: 'rename', process: active })}>
            {t('designer2.processes.rename')}
          </button>
          <button type="button" className="btn btn-small btn-ghost" data-testid="process-delete" onClick={() => setDialog({ kind: 'delete', process: active })}>
            {t('designer2.processes.delete')}
          </button>
        </>
      )}
      {dialog?.kind === 'add' && (
        <NameDialog
          title={t('designer2.processes.addTitle')}
          initial={t('designer2.processes.defaultName', { n: processes.length + 1 })}
          submitLabel={t('designer2.processes.create')}
          onSubmit={(name) => {
            actions.workspace.addProcess(name);
            close();
          }}
          onCancel={close}
        />
      )}
      {dialog?.kind === 'rename' && (
        <NameDialog
          title={t('designer2.processes.renameTitle', { name: dialog.process.name })}
          initial={dialog.process.name}
          submitLabel={t('designer2.processes.save')}
          onSubmit={(name) => {
            actions.workspace.renameProcess(dialog.process.id, name);
            close();
          }}
          onCancel={close}
        />
      )}
      {dialog?.kind === 'delete' && (
        <Modal title={t('designer2.processes.deleteTitle', { name: dialog.process.name })} testId="process-delete-confirm" onCancel={close}>
          <div className="modal-form">
            <p>{t('designer2.processes.lose')}</p>
            {deployment?.manifest.processes.some((p) => p.id === dialog.process.id) && (
              <p className="notice" data-testid="process-delete-deployed">
                {t('designer2.processes.deployed')}
              </p>
            )}
            {processes.length === 1 && <p className="notice">{t('designer2.processes.last')}</p>}
            <div className="modal-actions">
              <button type="button" className="btn btn-ghost" data-testid="process-delete-cancel" onClick={close}>
                {t('designer2.processes.cancel')}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                data-testid="process-delete-confirm-button"
                onClick={() => {
                  actions.workspace.removeProcess(dialog.process.id);
                  close();
                }}
              >
                {t('designer2.processes.confirmDelete')}
              </button>
            </div>
          </div>
        </Modal>
      )}
    </>
  );
}

function NameDialog(props: { title: string; initial: string; submitLabel: string; onSubmit(name: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initial);
  const [tried, setTried] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (name.trim()) props.onSubmit(name);
  };
  return (
    <Modal title={props.title} testId="process-name-dialog" onCancel={props.onCancel}>
      <form className="modal-form" onSubmit={submit}>
        <label className="field">
          <span>{t('designer2.processes.name')}</span>
          <input autoFocus data-testid="process-name-input" value={name} onChange={(e) => setName(e.target.value)} onFocus={(e) => e.target.select()} />
        </label>
        {tried && !name.trim() && (
          <p className="field-error" role="alert">
            {t('designer2.processes.nameRequired')}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn btn-ghost" data-testid="process-name-cancel" onClick={props.onCancel}>
            {t('designer2.processes.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="process-name-submit">
            {props.submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
