/**
 * The consortium's task templates: save the task selected on the diagram as a template (its type,
 * name, role, fields, multi-instance, payload and documentation), and list or delete the saved
 * ones. Saving and deleting are workspace edits: autosaved, undoable, exported with the workspace.
 * Applying a template happens in the properties panel's Template group.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskTemplateDef } from '../../../generators/index.js';
import { Modal } from '../../app/Modal.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { selectWorkspace } from '../../store/selectors.js';
import { fieldsOf, type BusinessObject } from './properties/cf-model.js';
import { isSavableTask, templateFromTask } from './properties/task-templates.js';

const typeKey = (type: string) => `templates.types.${type.replace(/^bpmn:/, '')}`;

export function TaskTemplatesDialog(props: { processId?: string; readElement(elementId: string): BusinessObject | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const actions = useStudioActions();
  const workspace = useStudio(selectWorkspace);
  const selected = useStudio((s) => s.selectedElement);
  const templates = workspace?.taskTemplates ?? [];
  const roleName = (id: string) => workspace?.roles.find((r) => r.id === id)?.name ?? id;
  const element = selected && selected.processId === props.processId ? props.readElement(selected.elementId) : undefined;
  const task = element && isSavableTask(element) ? element : undefined;
  const [label, setLabel] = useState(task?.name ?? '');
  const [tried, setTried] = useState(false);
  const [notice, setNotice] = useState<string>();
  const replaced = templates.find((x) => x.label.trim() === label.trim());

  const save = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!task || !label.trim()) return;
    actions.workspace.saveTaskTemplate(templateFromTask(task, label));
    setNotice(t('templates.saved', { label: label.trim() }));
  };
  const remove = (template: TaskTemplateDef) => {
    actions.workspace.removeTaskTemplate(template.id);
    setNotice(t('templates.removed', { label: template.label }));
  };

  return (
    <Modal title={t('templates.title')} testId="templates-dialog" onCancel={props.onClose}>
      <div className="modal-form templates-dialog">
        <h3>{t('templates.saveHeading')}</h3>
        {task ? (
          <form onSubmit={save}>
            <p data-testid="templates-selected">
              {t('templates.selected', {
                name: task.name || task.id,
                type: t(typeKey(task.$type)),
                fields: fieldsOf(task).filter((f) => f.get('name')).length,
                role: task.get('cf:role') ? t('templates.selectedRole', { role: roleName(String(task.get('cf:role'))) }) : '',
                multi: task.get('loopCharacteristics') ? t('templates.selectedMulti') : '',
              })}
            </p>
            <label className="field">
              <span>{t('templates.label')}</span>
              <input autoFocus data-testid="templates-label" value={label} onChange={(e) => setLabel(e.target.value)} />
            </label>
            {tried && !label.trim() && (
              <p className="field-error" role="alert">
                {t('templates.labelRequired')}
              </p>
            )}
            {replaced && label.trim() && <p className="notice">{t('templates.replaces', { label: replaced.label })}</p>}
            <div className="modal-actions">
              <button type="submit" className="btn btn-primary" data-testid="templates-save">
                {t('templates.save')}
              </button>
            </div>
          </form>
        ) : (
          <p className="hint" data-testid="templates-select-task">
            {t('templates.selectTask')}
          </p>
        )}
        {notice && (
          <p className="notice" role="status" data-testid="templates-notice">
            {notice}
          </p>
        )}
        <h3>{t('templates.ownHeading')}</h3>
        {templates.length === 0 ? (
          <p className="hint">{t('templates.none')}</p>
        ) : (
          <ul className="templates-list" data-testid="templates-list">
            {templates.map((x) => (
              <li key={x.id} data-testid={`template-${x.id}`}>
                <strong>{x.label}</strong>{' '}
                <span className="hint">
                  {t('templates.summary', {
                    type: t(typeKey(x.taskType)),
                    name: x.name,
                    fields: x.fields.length,
                    role: x.role ? t('templates.selectedRole', { role: roleName(x.role) }) : '',
                  })}
                </span>{' '}
                <button type="button" className="btn btn-ghost" data-testid={`template-remove-${x.id}`} aria-label={t('templates.removeLabel', { label: x.label })} onClick={() => remove(x)}>
                  {t('templates.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="modal-actions">
          <button type="button" className="btn btn-ghost" data-testid="templates-close" onClick={props.onClose}>
            {t('templates.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
