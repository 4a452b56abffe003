/** Who the app acts as: every participant of the deployed consortium, with organization and roles. */
import { useTranslation } from 'react-i18next';
import type { AppManifest } from '../../../generators/index.js';
import { selectActingParticipant } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';

export function ParticipantSwitcher({ manifest }: { manifest: AppManifest }) {
  const { t } = useTranslation();
  const acting = useStudio(selectActingParticipant);
  const { session } = useStudioActions();
  const orgName = (id: string) => manifest.organizations.find((o) => o.id === id)?.name ?? id;
  const roleName = (id: string) => manifest.roles.find((r) => r.id === id)?.name ?? id;
  return (
    <section className="participant-switcher" aria-label={t('app.actAs')} data-testid="participant-switcher">
      <span className="switcher-label">{t('app.actAs')}</span>
      <div className="switcher-options" role="radiogroup">
        {manifest.participants.map((p) => (
          <button
            key={p.id}
            type="button"
            role="radio"
            aria-checked={acting?.id === p.id}
            className={`participant-chip${acting?.id === p.id ? ' is-active' : ''}`}
            data-testid={`act-as-${p.id}`}
            onClick={() => session.selectParticipant(p.id)}
          >
            <span className="participant-name">{p.name}</span>
            <span className="participant-meta">
              {t(`participants.kinds.${p.kind}`)} · {orgName(p.organization)} · {p.roles.map(roleName).join(', ') || t('app.noRoles')}
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}
