/**
 * Read permissions in the permission matrix: roles × data assets. A click makes the role a reader
 * of the asset, or no longer one (the same data as the canvas's "may read" links; undoable). An
 * asset without a readers list is read by everyone: its column says so, and the first click
 * restricts it to that role.
 */
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../generators/index.js';
import { selectWorkspace } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { addReader, isReader, removeReader } from '../../store/permission-edits.js';

export function AssetReadMatrix() {
  const { t } = useTranslation();
  const workspace = useStudio(selectWorkspace);
  const { workspace: actions } = useStudioActions();
  const assets = workspace?.dataAssets ?? [];
  if (!workspace || assets.length === 0) return null;
  const toggle = (assetId: string, roleId: string, on: boolean) =>
    actions.edit((ws: Workspace) => (on ? removeReader(ws, assetId, { list: 'roles', id: roleId }) : addReader(ws, assetId, { list: 'roles', id: roleId })));
  return (
    <section className="card" data-testid="pm-assets">
      <h2>{t('consortium2.matrix.title')}</h2>
      <p className="card-note">{t('consortium2.matrix.lead')}</p>
      <table className="pm-table">
        <thead>
          <tr>
            <th className="pm-role">{t('designer.consortium.matrix.role')}</th>
            {assets.map((a) => (
              <th key={a.id}>
                {a.name}
                {!a.readers && <small> ({t('consortium2.everyoneReads')})</small>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {workspace.roles.map((role) => (
            <tr key={role.id}>
              <th className="pm-role">{role.name}</th>
              {assets.map((a) => {
                const on = isReader(a, { list: 'roles', id: role.id });
                const state = on ? 'reader' : a.readers ? 'off' : 'everyone';
                return (
                  <td key={a.id}>
                    <button
                      type="button"
                      className={`pm-cell is-${on ? 'own' : 'off'}`}
                      data-testid={`pm-asset-${a.id}-${role.id}`}
                      data-state={state}
                      aria-pressed={on}
                      title={t(`consortium2.matrix.${state}`, { role: role.name, asset: a.name })}
                      onClick={() => toggle(a.id, role.id, on)}
                    >
                      {on ? '●' : state === 'everyone' ? '○' : ''}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
