/**
 * Node views of the consortium canvas. Links start at a participant's bottom handle and end on a
 * top handle (participants, roles) or on an organization's header handle (left).
 */
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { AssetData, OrgData, ParticipantData, ProcessData, RoleData } from './build-graph.js';

export function OrganizationNode({ id, data, selected }: NodeProps<Node<OrgData, 'organization'>>) {
  const { t } = useTranslation();
  return (
    <div className={`cn-org${selected ? ' is-selected' : ''}`} data-testid={`cn-node-${id}`} data-kind="organization">
      <Handle type="target" position={Position.Left} className="cn-handle cn-org-handle" data-testid={`cn-in-${id}`} />
      <header className="cn-org-header">
        <span className="cn-badge">{t('designer.consortium.kind.org')}</span>
        <span className="cn-name">{data.name}</span>
        <span className="cn-meta">{t('designer.consortium.members', { count: data.members })}</span>
      </header>
    </div>
  );
}

export function ParticipantNode({ id, data, selected }: NodeProps<Node<ParticipantData, 'participant'>>) {
  const { t } = useTranslation();
  const { participant: p, regulator, draft } = data;
  const kind = regulator ? 'regulator' : p.kind;
  const device = p.kind === 'device' ? [p.device?.make, p.device?.model].filter(Boolean).join(' ') : '';
  return (
    <div
      className={`cn-participant is-${kind}${draft ? ' is-draft' : ''}${selected ? ' is-selected' : ''}`}
      data-testid={`cn-node-${id}`}
      data-kind={kind}
      title={draft ? t('designer.consortium.draft') : undefined}
    >
      <Handle type="target" position={Position.Top} className="cn-handle" data-testid={`cn-in-${id}`} />
      <span className="cn-badge">{t(`designer.consortium.kind.${kind}`)}</span>
      <span className="cn-name">{p.name}</span>
      {device && <span className="cn-meta">{device}</span>}
      <Handle type="source" position={Position.Bottom} className="cn-handle" data-testid={`cn-out-${id}`} />
    </div>
  );
}

export function RoleNode({ id, data, selected }: NodeProps<Node<RoleData, 'role'>>) {
  const { t } = useTranslation();
  return (
    <div className={`cn-role${selected ? ' is-selected' : ''}`} data-testid={`cn-node-${id}`} data-kind="role">
      <Handle type="target" position={Position.Top} className="cn-handle" data-testid={`cn-in-${id}`} />
      <span className="cn-badge">{t('designer.consortium.kind.role')}</span>
      <span className="cn-name">{data.name}</span>
      {/* a role links on to data assets (may read) and other roles (may bind) */}
      <Handle type="source" position={Position.Bottom} className="cn-handle" data-testid={`cn-out-${id}`} />
    </div>
  );
}

export function AssetNode({ id, data, selected }: NodeProps<Node<AssetData, 'asset'>>) {
  const { t } = useTranslation();
  const { asset, from } = data;
  const readers = asset.readers ? (asset.readers.roles?.length ?? 0) + (asset.readers.participants?.length ?? 0) : undefined;
  return (
    <div className={`cn-asset${selected ? ' is-selected' : ''}`} data-testid={`cn-node-${id}`} data-kind="asset" data-restricted={asset.readers ? 'true' : 'false'}>
      <Handle type="target" position={Position.Top} className="cn-handle" data-testid={`cn-in-${id}`} />
      <span className="cn-badge">{t(`consortium2.assetKind.${asset.kind}`)}</span>
      <span className="cn-name">{asset.name}</span>
      <span className="cn-meta">{[from, readers === undefined ? t('consortium2.everyoneReads') : t('consortium2.readers', { count: readers })].filter(Boolean).join(' · ')}</span>
    </div>
  );
}

export function ProcessNode({ id, data, selected }: NodeProps<Node<ProcessData, 'process'>>) {
  const { t } = useTranslation();
  return (
    <div className={`cn-process${selected ? ' is-selected' : ''}`} data-testid={`cn-node-${id}`} data-kind="process">
      <Handle type="target" position={Position.Left} className="cn-handle" data-testid={`cn-in-${id}`} />
      <span className="cn-badge">{t('consortium2.process')}</span>
      <span className="cn-name">{data.name}</span>
    </div>
  );
}

export const NODE_TYPES = { organization: OrganizationNode, participant: ParticipantNode, role: RoleNode, asset: AssetNode, process: ProcessNode };
