/**
 * The inspector: edits the selected node or link of the consortium canvas. Every change is a
 * workspace edit. Roles given here are explicit (a regulator may be given a task role here, with
 * a note), unlike links drawn on the canvas, which the connection rules check.
 */
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../generators/index.js';
import { TextCell } from '../../app/TextCell.js';
import { updateOrganization, updateRole } from '../../store/workspace-edits.js';
import {
  addParticipantRole,
  findParticipant,
  isRegulatorParticipant,
  parseKey,
  regulatorRoleIds,
  removeParticipantRole,
  updateAnyParticipant,
  updateDevice,
  type LinkKind,
} from '../../store/consortium-edits.js';
import type { LinkData } from './build-graph.js';
import { RegulatesChecklist } from './RegulatesChecklist.js';
import { AssetInspector, MayBindPicker, ProcessInspector } from './PermissionInspectors.js';

export interface InspectorProps {
  workspace: Workspace;
  nodeKey?: string;
  link?: LinkData;
  tasksOf(roleId: string): string[];
  /** Fields a process declares (names), for a data asset's field picker. */
  fieldsOf(processId: string): string[];
  edit(change: (ws: Workspace) => Workspace): void;
  onDelete(): void;
  /** Moves a member to another organization (or makes a draft a member). */
  onMove(participantId: string, organization: string): void;
}

export function Inspector(props: InspectorProps) {
  const { t } = useTranslation();
  const body = props.link ? <LinkInspector {...props} link={props.link} /> : props.nodeKey ? <NodeInspector {...props} nodeKey={props.nodeKey} /> : null;
  return (
    <aside className="cn-inspector" data-testid="cn-inspector" aria-label={t('designer.consortium.inspector.title')}>
      <h3>{t('designer.consortium.inspector.title')}</h3>
      {body ?? <p className="card-note">{t('designer.consortium.inspector.empty')}</p>}
    </aside>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="cn-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

function NodeInspector({ workspace: ws, nodeKey, tasksOf, fieldsOf, edit, onDelete, onMove }: InspectorProps & { nodeKey: string }) {
  const { t } = useTranslation();
  const key = parseKey(nodeKey);
  const k = (s: string) => t(`designer.consortium.inspector.${s}`);
  if (!key) return null;
  if (key.list === 'process') return <ProcessInspector workspace={ws} processId={key.id} />;
  if (key.list === 'asset') {
    const asset = ws.dataAssets?.find((a) => a.id === key.id);
    return asset ? <AssetInspector workspace={ws} asset={asset} edit={edit} fieldsOf={fieldsOf} onDelete={onDelete} /> : null;
  }
  let fields: React.ReactNode = null;
  let name = '';
  let rename: (name: string) => void = () => undefined;

  if (key.list === 'org') {
    const org = ws.organizations.find((o) => o.id === key.id);
    if (!org) return null;
    name = org.name;
    rename = (n) => edit((w) => updateOrganization(w, org.id, { name: n }));
    const members = ws.participants.filter((p) => p.organization === org.id).map((p) => p.name);
    fields = <Field label={k('members')}>{members.join('、') || '—'}</Field>;
  } else if (key.list === 'role') {
    const role = ws.roles.find((r) => r.id === key.id);
    if (!role) return null;
    name = role.name;
    rename = (n) => edit((w) => updateRole(w, role.id, { name: n }));
    const tasks = tasksOf(role.id);
    fields = (
      <>
        <Field label={k('description')}>
          <TextCell allowEmpty data-testid="cn-inspect-description" value={role.description ?? ''} onCommit={(d) => edit((w) => updateRole(w, role.id, { description: d || undefined }))} />
        </Field>
        <Field label={k('tasks')}>{tasks.join('、') || k('noTasks')}</Field>
        <MayBindPicker ws={ws} roleId={role.id} edit={edit} />
      </>
    );
  } else {
    const p = findParticipant(ws, key.id);
    if (!p) return null;
    name = p.name;
    rename = (n) => edit((w) => updateAnyParticipant(w, p.id, { name: n }));
    const regulator = isRegulatorParticipant(ws, p);
    const owners = [...ws.participants].filter((o) => o.kind !== 'device' && o.id !== p.id);
    fields = (
      <>
        <Field label={k('organization')}>
          <select data-testid="cn-inspect-organization" value={p.organization ?? ''} onChange={(e) => e.target.value && onMove(p.id, e.target.value)}>
            {!p.organization && <option value="">{k('noOrganization')}</option>}
            {ws.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="cn-field">
          <span>{k('roles')}</span>
          <div className="role-picker">
            {ws.roles.map((r) => {
              const on = p.roles.includes(r.id);
              return (
                <label key={r.id} className={`chip${on ? ' is-on' : ''}`}>
                  <input
                    type="checkbox"
                    data-testid={`cn-inspect-role-${r.id}`}
                    checked={on}
                    onChange={() => edit((w) => (on ? removeParticipantRole(w, p.id, r.id) : addParticipantRole(w, p.id, r.id)))}
                  />
                  {r.name}
                </label>
              );
            })}
          </div>
          {regulator &&
            p.roles
              .filter((r) => !regulatorRoleIds(ws).includes(r) && tasksOf(r).length > 0)
              .map((r) => (
                <p key={r} className="notice is-warning" data-testid="cn-regulator-task-role">
                  {t('designer.consortium.inspector.regulatorTaskRole', { role: ws.roles.find((x) => x.id === r)?.name ?? r })}
                </p>
              ))}
        </div>
        {regulator && ws.participants.some((m) => m.id === p.id) && <RegulatesChecklist ws={ws} participant={ws.participants.find((m) => m.id === p.id)!} edit={edit} />}
        {p.kind === 'device' && (
          <>
            {(['make', 'model', 'serial'] as const).map((f) => (
              <Field key={f} label={k(f)}>
                <TextCell allowEmpty data-testid={`cn-inspect-${f}`} value={p.device?.[f] ?? ''} onCommit={(v) => edit((w) => updateDevice(w, p.id, { [f]: v }))} />
              </Field>
            ))}
            <Field label={k('owner')}>
              <select data-testid="cn-inspect-owner" value={p.device?.owner ?? ''} onChange={(e) => edit((w) => updateDevice(w, p.id, { owner: e.target.value || undefined }))}>
                <option value="">{k('noOwner')}</option>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
      </>
    );
  }
  return (
    <div className="cn-inspector-body" data-testid="cn-inspect-node" data-key={nodeKey}>
      <Field label={k('name')}>
        <TextCell data-testid="cn-inspect-name" value={name} onCommit={rename} />
      </Field>
      <Field label={k('id')}>
        <code>{key.id}</code>
      </Field>
      {fields}
      <button type="button" className="btn btn-small btn-ghost" data-testid="cn-inspect-delete" onClick={onDelete}>
        {k('remove')}
      </button>
    </div>
  );
}

function LinkInspector({ workspace: ws, link, onDelete }: InspectorProps & { link: LinkData }) {
  const { t } = useTranslation();
  const k = (s: string) => t(`designer.consortium.inspector.${s}`);
  const roleName = (id: string) => ws.roles.find((r) => r.id === id)?.name ?? id;
  const fromRole = link.kind === 'role-reads' || link.kind === 'may-bind';
  const from = fromRole ? roleName(link.source) : (findParticipant(ws, link.source)?.name ?? link.source);
  const to =
    link.kind === 'plays-role' || link.kind === 'may-bind'
      ? roleName(link.target)
      : link.kind === 'may-read' || link.kind === 'role-reads'
        ? (ws.dataAssets?.find((a) => a.id === link.target)?.name ?? link.target)
        : link.kind === 'regulates'
          ? (ws.processes.find((p) => p.id === link.target)?.name ?? link.target)
          : (findParticipant(ws, link.target)?.name ?? link.target);
  return (
    <div className="cn-inspector-body" data-testid="cn-inspect-link" data-kind={link.kind}>
      <Field label={k('link')}>{t([`designer.consortium.links.${link.kind satisfies LinkKind}`, `consortium2.links.${link.kind}`])}</Field>
      <Field label={k('from')}>{from}</Field>
      <Field label={k('to')}>{to}</Field>
      {link.kind in LINK_NOTES && <p className="card-note">{t(`consortium2.linkNote.${LINK_NOTES[link.kind]}`, { from, to })}</p>}
      <button type="button" className="btn btn-small btn-ghost" data-testid="cn-inspect-delete" onClick={onDelete}>
        {k('removeLink')}
      </button>
    </div>
  );
}

/** What a permission link means, said in the link's inspector. */
const LINK_NOTES: Partial<Record<LinkKind, string>> = { 'may-read': 'mayRead', 'role-reads': 'mayRead', 'may-bind': 'mayBind', regulates: 'regulates' };
