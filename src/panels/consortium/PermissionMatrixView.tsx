/**
 * The permission matrix: roles × tasks of every process (editable: a click gives the task to the
 * role as its own cf:role; clicking an own role again clears it so the lane decides) and roles ×
 * data fields (read-only, derived). Derived by generators/model/permission-matrix.ts.
 */
import { useTranslation } from 'react-i18next';
import type { MatrixProcess, MatrixTask } from '../../../generators/model/permission-matrix.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { usePermissionMatrix } from './use-permission-matrix.js';
import { AssetReadMatrix } from './AssetReadMatrix.js';
import './consortium.css';

export default function PermissionMatrixView() {
  const { t } = useTranslation();
  const matrix = usePermissionMatrix();
  const error = useStudio((s) => s.roleEditError);
  const m = (key: string, values?: Record<string, string>) => t(`designer.consortium.matrix.${key}`, values);
  if (!matrix) return <p className="empty-note">{m('reading')}</p>;
  return (
    <div className="page" data-testid="permission-matrix">
      <p className="page-lead">{m('lead')}</p>
      {error && (
        <p className="notice is-error" role="alert" data-testid="permission-error">
          {error}
        </p>
      )}
      {matrix.processes.map((process) => (
        <section className="card" key={process.id} data-testid={`pm-process-${process.id}`}>
          <h2>{process.name}</h2>
          {process.problems
            .filter((p) => p.severity === 'error')
            .map((p, i) => (
              <p key={i} className="notice is-error">
                {p.message}
              </p>
            ))}
          <h3>{m('tasks')}</h3>
          <TaskTable process={process} roles={matrix.roles} />
          <h3>{m('fields')}</h3>
          <FieldTable process={process} roles={matrix.roles} />
        </section>
      ))}
      <AssetReadMatrix />
    </div>
  );
}

type Roles = { id: string; name: string }[];

function TaskTable({ process, roles }: { process: MatrixProcess; roles: Roles }) {
  const { t } = useTranslation();
  const { consortium } = useStudioActions();
  const m = (key: string, values?: Record<string, string>) => t(`designer.consortium.matrix.${key}`, values);
  const title = (task: MatrixTask, roleName: string, on: boolean) =>
    !on ? m('assign', { task: task.name, role: roleName }) : task.source === 'own' ? m('own') : m('inherited', { source: m(`source.${task.source ?? 'lane'}`) });
  return (
    <table className="pm-table">
      <thead>
        <tr>
          <th className="pm-role">{m('role')}</th>
          {process.tasks.map((task) => (
            <th key={task.elementId} title={task.roleText && !task.role ? m('unknownRole', { role: task.roleText }) : undefined}>
              {task.name}
              {task.kind === 'start' && <small> ({m('start')})</small>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {roles.map((role) => (
          <tr key={role.id}>
            <th className="pm-role">{role.name}</th>
            {process.tasks.map((task) => {
              const on = task.role === role.id;
              const state = on ? (task.source === 'own' ? 'own' : 'inherited') : 'off';
              return (
                <td key={task.elementId}>
                  <button
                    type="button"
                    className={`pm-cell is-${state}`}
                    data-testid={`pm-cell-${process.id}-${task.elementId}-${role.id}`}
                    data-state={state}
                    title={title(task, role.name, on)}
                    onClick={() => void consortium.setTaskRole(process.id, task.elementId, on && task.source === 'own' ? undefined : role.id)}
                  >
                    {on ? '●' : ''}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldTable({ process, roles }: { process: MatrixProcess; roles: Roles }) {
  const { t } = useTranslation();
  if (process.fields.length === 0) return <p className="card-note">{t('designer.consortium.matrix.noFields')}</p>;
  return (
    <table className="pm-table">
      <thead>
        <tr>
          <th className="pm-role">{t('designer.consortium.matrix.role')}</th>
          {process.fields.map((f) => (
            <th key={f.name}>{f.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {roles.map((role) => (
          <tr key={role.id}>
            <th className="pm-role">{role.name}</th>
            {process.fields.map((f) => {
              const access = process.access[role.id]?.[f.name];
              return (
                <td key={f.name} className={access ? `pm-access is-${access}` : undefined} data-testid={`pm-field-${process.id}-${f.name}-${role.id}`} data-access={access ?? ''}>
                  {access ? t(`designer.consortium.matrix.access.${access}`) : ''}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
