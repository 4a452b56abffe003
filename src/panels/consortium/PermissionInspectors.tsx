/**
 * Inspector bodies of the permission nodes: a data asset (name, kind, process and fields, device,
 * who may read it) and a process node (who regulates it; the process itself is renamed and deleted
 * in the Process panel). Every change is a workspace edit (undoable).
 */
import { useTranslation } from 'react-i18next';
import { DATA_ASSET_KINDS, type DataAsset, type DataAssetKind, type Workspace } from '../../../generators/index.js';
import { TextCell } from '../../app/TextCell.js';
import { isRegulatorParticipant } from '../../store/consortium-edits.js';
import { addMayBind, clearReaders, mayBind, removeMayBind, updateDataAsset } from '../../store/permission-edits.js';

interface Props {
  workspace: Workspace;
  edit(change: (ws: Workspace) => Workspace): void;
  /** Fields a process declares (from the permission matrix); empty while it is read. */
  fieldsOf(processId: string): string[];
  onDelete(): void;
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="cn-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

export function AssetInspector({ workspace: ws, asset, edit, fieldsOf, onDelete }: Props & { asset: DataAsset }) {
  const { t } = useTranslation();
  const k = (s: string, v?: Record<string, unknown>) => t(`consortium2.inspector.${s}`, v);
  const change = (patch: Partial<Omit<DataAsset, 'id'>>) => edit((w) => updateDataAsset(w, asset.id, patch));
  const fields = asset.process ? fieldsOf(asset.process) : [];
  // a field named by the asset but not (or no longer) declared by the process stays visible, to be unchecked
  const shown = [...fields, ...(asset.fields ?? []).filter((f) => !fields.includes(f))];
  const toggleField = (name: string, on: boolean) => {
    const current = asset.fields ?? [];
    const next = on ? [...current, name] : current.filter((f) => f !== name);
    change({ fields: next.length ? next : undefined });
  };
  const readerNames = [
    ...(asset.readers?.roles ?? []).map((r) => ws.roles.find((x) => x.id === r)?.name ?? r),
    ...(asset.readers?.participants ?? []).map((p) => ws.participants.find((x) => x.id === p)?.name ?? p),
  ];
  const devices = ws.participants.filter((p) => p.kind === 'device');
  return (
    <div className="cn-inspector-body" data-testid="cn-inspect-asset" data-key={`asset:${asset.id}`}>
      <Field label={t('designer.consortium.inspector.name')}>
        <TextCell data-testid="cn-inspect-name" value={asset.name} onCommit={(name) => change({ name })} />
      </Field>
      <Field label={t('designer.consortium.inspector.id')}>
        <code>{asset.id}</code>
      </Field>
      <Field label={t('designer.consortium.inspector.description')}>
        <TextCell allowEmpty data-testid="cn-inspect-description" value={asset.description ?? ''} onCommit={(d) => change({ description: d || undefined })} />
      </Field>
      <Field label={k('kind')}>
        <select data-testid="cn-inspect-asset-kind" value={asset.kind} onChange={(e) => change({ kind: e.target.value as DataAssetKind })}>
          {DATA_ASSET_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`consortium2.assetKind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      {asset.kind === 'process-fields' && (
        <>
          <Field label={k('process')}>
            <select data-testid="cn-inspect-asset-process" value={asset.process ?? ''} onChange={(e) => change({ process: e.target.value || undefined, fields: undefined })}>
              <option value="">{k('noProcess')}</option>
              {ws.processes.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          {asset.process && (
            <div className="cn-field" data-testid="cn-inspect-asset-fields">
              <span>{k('fields')}</span>
              <div className="role-picker">
                {shown.map((f) => {
                  const on = asset.fields?.includes(f) ?? false;
                  return (
                    <label key={f} className={`chip${on ? ' is-on' : ''}${fields.includes(f) ? '' : ' is-missing'}`}>
                      <input type="checkbox" data-testid={`cn-asset-field-${f}`} checked={on} onChange={() => toggleField(f, !on)} />
                      {f}
                    </label>
                  );
                })}
              </div>
              <p className="card-note">{asset.fields?.length ? k('someFields', { count: asset.fields.length }) : k('allFields')}</p>
            </div>
          )}
        </>
      )}
      {asset.kind === 'device-data' && (
        <Field label={k('device')}>
          <select data-testid="cn-inspect-asset-device" value={asset.device ?? ''} onChange={(e) => change({ device: e.target.value || undefined })}>
            <option value="">{k('noDevice')}</option>
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="cn-field" data-testid="cn-inspect-readers">
        <span>{k('readers')}</span>
        <p className="card-note" data-testid="cn-inspect-readers-note">
          {asset.readers ? (readerNames.length ? readerNames.join('、') : k('noReaders')) : k('everyone')}
        </p>
        <p className="card-note">{asset.readers ? k('alsoReaders') : k('drawToRestrict')}</p>
        {asset.readers && (
          <button type="button" className="btn btn-small btn-ghost" data-testid="cn-inspect-readers-everyone" onClick={() => edit((w) => clearReaders(w, asset.id))}>
            {k('letEveryone')}
          </button>
        )}
      </div>
      <p className="card-note">{k('viewOnly')}</p>
      <button type="button" className="btn btn-small btn-ghost" data-testid="cn-inspect-delete" onClick={onDelete}>
        {t('designer.consortium.inspector.remove')}
      </button>
    </div>
  );
}

export function ProcessInspector({ workspace: ws, processId }: { workspace: Workspace; processId: string }) {
  const { t } = useTranslation();
  const process = ws.processes.find((p) => p.id === processId);
  if (!process) return null;
  const regulators = ws.participants.filter((p) => isRegulatorParticipant(ws, p));
  const linked = regulators.filter((p) => p.regulates?.includes(process.id)).map((p) => p.name);
  const every = regulators.filter((p) => p.regulates === undefined).map((p) => p.name);
  return (
    <div className="cn-inspector-body" data-testid="cn-inspect-process" data-key={`process:${process.id}`}>
      <Field label={t('designer.consortium.inspector.name')}>{process.name}</Field>
      <Field label={t('designer.consortium.inspector.id')}>
        <code>{process.id}</code>
      </Field>
      <Field label={t('consortium2.inspector.regulatedBy')}>
        <span data-testid="cn-inspect-process-regulators">{[...linked, ...every].join('、') || '—'}</span>
      </Field>
      {every.length > 0 && <p className="card-note">{t('consortium2.inspector.regulatesEvery', { names: every.join('、') })}</p>}
      <p className="card-note">{t('consortium2.inspector.processPanel')}</p>
    </div>
  );
}

/**
 * The roles a role may bind, as chips in the role's inspector: the same data as the canvas's
 * may-bind links, and the only way to let a role nominate its own next player (no self-link is drawn).
 */
export function MayBindPicker({ ws, roleId, edit }: { ws: Workspace; roleId: string; edit(change: (ws: Workspace) => Workspace): void }) {
  const { t } = useTranslation();
  const restricted = ws.roles.some((r) => r.mayBind !== undefined);
  return (
    <div className="cn-field" data-testid="cn-inspect-may-bind">
      <span>{t('consortium2.inspector.mayBind')}</span>
      <div className="role-picker">
        {ws.roles.map((r) => {
          const on = mayBind(ws, roleId, r.id);
          return (
            <label key={r.id} className={`chip${on ? ' is-on' : ''}`}>
              <input
                type="checkbox"
                data-testid={`cn-may-bind-${r.id}`}
                checked={on}
                onChange={() => edit((w) => (on ? removeMayBind(w, roleId, r.id) : addMayBind(w, roleId, r.id)))}
              />
              {r.name}
            </label>
          );
        })}
      </div>
      <p className="card-note">{restricted ? t('consortium2.inspector.mayBindRestricted') : t('consortium2.inspector.mayBindFree')}</p>
    </div>
  );
}
