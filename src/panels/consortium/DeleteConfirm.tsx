/** Asks before deleting nodes whose links would break, and says which. */
import { useTranslation } from 'react-i18next';
import { Modal } from '../../app/Modal.js';
import type { BrokenLinks } from '../../store/consortium-edits.js';

export interface PendingDelete {
  keys: string[];
  names: string[];
  broken: BrokenLinks;
  tasks: string[];
}

export function DeleteConfirm({ pending, onConfirm, onCancel }: { pending: PendingDelete; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const c = (key: string, names: string[] | string) => t(`designer.consortium.confirm.${key}`, { names: Array.isArray(names) ? names.join('、') : names, name: names });
  const { broken } = pending;
  return (
    <Modal title={c('title', pending.names)} testId="cn-delete-confirm" onCancel={onCancel}>
      <ul className="cn-broken">
        {broken.members.length > 0 && <li>{c('members', broken.members)}</li>}
        {broken.players.length > 0 && <li>{c('players', broken.players)}</li>}
        {broken.roles.length > 0 && <li>{c('roles', broken.roles)}</li>}
        {broken.devices.length > 0 && <li>{c('devices', broken.devices)}</li>}
        {broken.owner && <li>{c('owner', broken.owner)}</li>}
        {broken.permissions && broken.permissions.length > 0 && <li data-testid="cn-broken-permissions">{t('consortium2.confirmPermissions', { names: broken.permissions.join('、') })}</li>}
        {pending.tasks.length > 0 && <li>{c('tasks', pending.tasks)}</li>}
      </ul>
      <div className="cn-actions">
        <button type="button" className="btn btn-ghost" data-testid="cn-delete-cancel" onClick={onCancel}>
          {t('designer.consortium.confirm.cancel')}
        </button>
        <button type="button" className="btn btn-primary" data-testid="cn-delete-confirm-button" onClick={onConfirm}>
          {t('designer.consortium.confirm.delete')}
        </button>
      </div>
    </Modal>
  );
}
