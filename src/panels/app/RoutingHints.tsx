/**
 * What the values typed will decide, next to the inputs: each condition reading a field, where it
 * leads and whether it holds now; and, before submit, the refusal in words when no path would be
 * taken (NoBranchMatches) or a condition would revert. See routing-preview.ts.
 */
import { useTranslation } from 'react-i18next';
import { blockingPreview, type GatewayPreview } from './routing-preview.js';

/** The conditions that read `field`, live. */
export function FieldRouting({ previews, field, id }: { previews: readonly GatewayPreview[]; field: string; id: string }) {
  const { t } = useTranslation();
  const rows = previews.flatMap((g) => g.branches.filter((b) => b.reads.includes(field)).map((b) => ({ g, b })));
  if (rows.length === 0) return null;
  return (
    // no aria-label: the input's description (aria-describedby) is this list's own text
    <ul className="routing-hints" id={id} data-testid={`routing-${field}`} title={t('appRouting.hintsLabel')}>
      {rows.map(({ g, b }) => (
        <li key={`${g.gatewayId}:${b.flowId}`} className={`routing-hint is-${b.state}`} data-state={b.state} data-flow={b.flowId}>
          <code>{b.condition}</code> → {t('appRouting.goesTo', { to: b.to })}
          <span className="routing-state">{t(`appRouting.state.${b.state}`, { fields: b.detail ?? '' })}</span>
          {b.earlier.length > 0 && b.state !== 'unknown' && <span className="routing-state">{t('appRouting.fromEarlier', { fields: b.earlier.join(', ') })}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The refusal before sending, or where the default path goes when it will be taken. */
export function RoutingSummary({ previews, id }: { previews: readonly GatewayPreview[]; id: string }) {
  const { t } = useTranslation();
  const blocked = blockingPreview(previews);
  const defaults = previews.filter((g) => g.defaultTaken);
  return (
    <div id={id} tabIndex={-1} className="routing-summary" aria-live="polite">
      {blocked && (
        <p className="notice is-error" role="alert" data-testid="routing-blocked" data-gateway={blocked.gateway.gatewayId}>
          {blocked.branch
            ? t('appRouting.reverts', { condition: blocked.branch.condition, detail: blocked.branch.detail })
            : t('appRouting.noBranch', { gateway: blocked.gateway.name, conditions: blocked.gateway.branches.map((b) => `${b.condition} → ${b.to}`).join('; ') })}
        </p>
      )}
      {!blocked &&
        defaults.map((g) => (
          <p key={g.gatewayId} className="card-note" data-testid="routing-default">
            {t('appRouting.defaultTaken', { gateway: g.name, to: g.defaultTo })}
          </p>
        ))}
    </div>
  );
}
