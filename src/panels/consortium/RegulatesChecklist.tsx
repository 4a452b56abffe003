/**
 * "Regulates process" links of a regulator, as a checklist in the inspector: the consortium
 * canvas has no process nodes to draw such a link to. Without links a regulator regulates every
 * process; checking boxes limits its app view to those processes.
 */
import { useTranslation } from 'react-i18next';
import type { Participant, Workspace } from '../../../generators/index.js';
import { setRegulatedProcesses } from '../../store/process-edits.js';

export function RegulatesChecklist({ ws, participant, edit }: { ws: Workspace; participant: Participant; edit(change: (ws: Workspace) => Workspace): void }) {
  const { t } = useTranslation();
  const linked = participant.regulates;
  const toggle = (id: string, on: boolean) => {
    // the first box checked starts from no process (not from "every process")
    const current = linked ?? [];
    edit((w) => setRegulatedProcesses(w, participant.id, on ? [...current, id] : current.filter((x) => x !== id)));
  };
  return (
    <div className="cn-field" data-testid="cn-regulates">
      <span>{t('designer2.regulates.label')}</span>
      <div className="role-picker">
        {ws.processes.map((proc) => {
          const on = linked?.includes(proc.id) ?? false;
          return (
            <label key={proc.id} className={`chip${on ? ' is-on' : ''}`}>
              <input type="checkbox" data-testid={`cn-regulates-${proc.id}`} checked={on} onChange={() => toggle(proc.id, !on)} />
              {proc.name}
            </label>
          );
        })}
      </div>
      <p className="card-note" data-testid="cn-regulates-note">
        {linked === undefined ? t('designer2.regulates.every') : linked.length === 0 ? t('designer2.regulates.none') : t('designer2.regulates.some', { count: linked.length })}
      </p>
      {linked !== undefined && (
        <button type="button" className="btn btn-small btn-ghost" data-testid="cn-regulates-every" onClick={() => edit((w) => setRegulatedProcesses(w, participant.id, undefined))}>
          {t('designer2.regulates.reset')}
        </button>
      )}
    </div>
  );
}
