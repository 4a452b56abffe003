/** The processes the acting participant may start, each with its start form. */
import { useTranslation } from 'react-i18next';
import type { AppManifest } from '../../../generators/index.js';
import { selectActingParticipant } from '../../store/selectors.js';
import { startActKey } from '../../store/session-slice.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { FieldForm } from './FieldForm.js';
import { StartTimerNote } from './StartTimerNote.js';
import { useAddressOptions, useFlowNames, useRoleName } from './use-form-options.js';
import { useRoutingFor } from './use-routing.js';

export function StartSection({ manifest }: { manifest: AppManifest }) {
  const { t } = useTranslation();
  const participant = useStudio(selectActingParticipant);
  const acts = useStudio((s) => s.acts);
  const { session } = useStudioActions();
  const addressOptions = useAddressOptions(manifest);
  const roleName = useRoleName(manifest);
  const flowNames = useFlowNames(manifest);
  const routingOf = useRoutingFor(manifest);
  if (!participant) return null;
  const startable = manifest.processes.filter(
    (p) => p.start.roles.length === 0 || p.start.roles.some((r) => participant.roles.includes(r)),
  );
  return (
    <section className="card" data-testid="start-section">
      <h2>{t('app.startTitle')}</h2>
      {startable.length === 0 && <p className="empty-note">{t('app.cannotStart')}</p>}
      {startable.map((p) => (
        <div key={`${p.id}:${participant.id}`} className="start-process" data-testid={`start-${p.id}`}>
          <h3>
            {p.name} <span className="muted">· {p.start.name}</span>
          </h3>
          {p.start.timer && <StartTimerNote timer={p.start.timer} testId={`start-timer-${p.id}`} />}
          <FieldForm
            testId={`start-form-${p.id}`}
            fields={p.start.fields}
            choice={p.start.choice}
            submitLabel={t('app.start')}
            act={acts[startActKey(p.id, participant.id)]}
            addressOptions={addressOptions}
            roleName={roleName}
            defaultFlowName={p.start.choice?.defaultFlowId && flowNames.get(p.id)?.get(p.start.choice.defaultFlowId)}
            routing={routingOf(p.id, p.start.elementId)}
            onSubmit={(data, choice) => void session.startInstance(p.id, data, choice)}
          />
        </div>
      ))}
    </section>
  );
}
