/**
 * A form generated from a task's (or start event's) fields, with the choice of the exclusive
 * gateway the completer decides, when there is one. Values are parsed per type (field-values.ts).
 * A refused submit names every field in error at the top (each a link to its field) and moves the
 * focus to the first; a field nominating a role offers only that role's participants.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChoiceManifest, FieldManifest } from '../../../generators/index.js';
import type { ActState } from '../../store/session-slice.js';
import { initialDraft, parseForm, type FieldDraft, type FieldError } from './field-values.js';
import { isMember, optionsFor, type ParticipantOption } from './participant-options.js';
import { blockingPreview } from './routing-preview.js';
import { FieldRouting, RoutingSummary } from './RoutingHints.js';
import { TYPED_FIELD_TYPES, TypedFieldInput, typedFieldHint } from './TypedFieldInput.js';
import type { RoutingOf } from './use-routing.js';

/** Error codes whose words live in appView.form (the others in form.errors). */
const APP_FORM_ERRORS: ReadonlySet<FieldError> = new Set(['badChecksum']);
/** Error codes of the enum, decimal and participant types, whose words live in fieldTypes.errors. */
const TYPED_FORM_ERRORS: ReadonlySet<FieldError> = new Set(['notDecimal', 'tooPrecise', 'notInList']);
const errorKey = (code: FieldError) =>
  APP_FORM_ERRORS.has(code) ? `appView.form.${code}` : TYPED_FORM_ERRORS.has(code) ? `fieldTypes.errors.${code}` : `form.errors.${code}`;
/** What an error's words need: how many decimals a decimal keeps, and what was typed. */
const errorParams = (field: FieldManifest, draft: FieldDraft | undefined) => ({ count: field.scale ?? 0, typed: String(draft ?? '').trim() });

interface FieldFormProps {
  testId: string;
  fields: FieldManifest[];
  choice?: ChoiceManifest;
  submitLabel: string;
  act?: ActState;
  /** Addresses offered for address fields (the consortium's members). */
  addressOptions: ParticipantOption[];
  /** Role id -> name, for fields that nominate a role. */
  roleName?: (id: string) => string;
  /** Name of the choice's default flow, when it has one. */
  defaultFlowName?: string;
  /** What the values decide at the gateways after the step (use-routing.ts); shown live, and a step no path would leave is refused. */
  routing?: RoutingOf;
  onSubmit(data: Record<string, unknown>, choice: number | undefined): void;
}

const NO_CHOICE = '';

export function FieldForm({ testId, fields, choice, submitLabel, act, addressOptions, roleName = (id) => id, defaultFlowName, routing, onSubmit }: FieldFormProps) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Record<string, FieldDraft>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, initialDraft(f)])),
  );
  const defaultOption = choice?.options.find((o) => o.flowId === choice.defaultFlowId);
  const [picked, setPicked] = useState<string>(defaultOption ? String(defaultOption.index) : NO_CHOICE);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [choiceMissing, setChoiceMissing] = useState(false);
  const pending = act?.status === 'pending';
  // a confirmed submission empties the form for the next one
  useEffect(() => {
    if (act?.status === 'confirmed') setDrafts(Object.fromEntries(fields.map((f) => [f.name, initialDraft(f)])));
  }, [act, fields]);
  const listId = `${testId}-addresses`;
  const inputId = (field: FieldManifest) => `${testId}-${field.identifier}`;
  const form = useRef<HTMLFormElement>(null);
  const focus = (id: string) => form.current?.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  const previews = useMemo(() => routing?.(fields, drafts) ?? [], [routing, fields, drafts]);
  const routingId = `${testId}-routing`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseForm(fields, drafts);
    setErrors(parsed.errors);
    const needsChoice = Boolean(choice && !choice.defaultFlowId && picked === NO_CHOICE);
    setChoiceMissing(needsChoice);
    const first = fields.find((f) => parsed.errors[f.name]);
    if (first) focus(inputId(first));
    else if (needsChoice) focus(`${testId}-choice`);
    if (Object.keys(parsed.errors).length > 0 || needsChoice) return;
    // the chain would revert (NoBranchMatches, or a condition failing): say so instead of sending
    if (blockingPreview(previews)) return focus(routingId);
    onSubmit(parsed.data, picked === NO_CHOICE ? undefined : Number(picked));
  };
  const inError = fields.filter((f) => errors[f.name]);

  return (
    <form className="field-form" data-testid={testId} onSubmit={submit} noValidate ref={form}>
      {(inError.length > 0 || choiceMissing) && (
        <div className="form-error-summary" role="alert" data-testid={`${testId}-errors`}>
          {t('appView.form.errorSummary')}
          <ul>
            {inError.map((f) => (
              <li key={f.name}>
                <a href={`#${inputId(f)}`} onClick={(e) => (e.preventDefault(), focus(inputId(f)))}>
                  {f.label ?? f.name}
                </a>
                : {t(errorKey(errors[f.name]), errorParams(f, drafts[f.name]))}
              </li>
            ))}
            {choiceMissing && (
              <li>
                <a href={`#${testId}-choice`} onClick={(e) => (e.preventDefault(), focus(`${testId}-choice`))}>
                  {t('form.choice')}
                </a>
                : {t('form.errors.required')}
              </li>
            )}
          </ul>
        </div>
      )}
      {fields.map((field) => {
        const id = inputId(field);
        const draft = drafts[field.name];
        const set = (value: FieldDraft) => setDrafts((d) => ({ ...d, [field.name]: value }));
        const errorId = `${id}-error`;
        const hintId = `${id}-hint`;
        const nominees = field.type === 'address' && field.nominatesRole ? optionsFor(field, addressOptions) : undefined;
        const typed = String(draft ?? '').trim();
        const stranger = field.type === 'address' && /^0x[0-9a-fA-F]{40}$/.test(typed) && !isMember(typed, addressOptions);
        const hint = nominees?.length === 0 ? t('appView.form.noEligible', { role: roleName(field.nominatesRole!) }) : stranger ? t('appView.form.notMember') : typedFieldHint(field, addressOptions, roleName, t);
        const routesId = `${id}-routing`;
        const routes = previews.some((g) => g.branches.some((b) => b.reads.includes(field.name)));
        const described = [errors[field.name] && errorId, hint && hintId, routes && routesId].filter(Boolean).join(' ') || undefined;
        return (
          <div className={`field${errors[field.name] ? ' has-error' : ''}`} key={field.name}>
            <label htmlFor={id}>
              {field.label ?? field.name}
              {field.required && <span className="required-mark" aria-label={t('form.required')}>*</span>}
              <span className="field-type">
                {TYPED_FIELD_TYPES.has(field.type) ? t(`fieldTypes.types.${field.type}`) : t(`form.types.${field.type}`)}
                {/* the typed inputs show their unit beside the input; the others here */}
                {field.unit && !TYPED_FIELD_TYPES.has(field.type) ? ` · ${field.unit}` : ''}
              </span>
            </label>
            {TYPED_FIELD_TYPES.has(field.type) ? (
              <TypedFieldInput
                id={id}
                field={field}
                draft={String(draft ?? '')}
                invalid={Boolean(errors[field.name])}
                describedBy={described}
                participants={addressOptions}
                roleName={roleName}
                onChange={set}
              />
            ) : field.type === 'bool' ? (
              <input id={id} type="checkbox" data-testid={`field-${field.name}`} checked={draft === true} onChange={(e) => set(e.target.checked)} />
            ) : nominees && nominees.length > 0 ? (
              <select
                id={id}
                data-testid={`field-${field.name}`}
                data-role={field.nominatesRole}
                aria-invalid={errors[field.name] ? true : undefined}
                aria-describedby={described}
                value={String(draft ?? '')}
                onChange={(e) => set(e.target.value)}
              >
                <option value="">{t('appView.form.pickParticipant', { role: roleName(field.nominatesRole!) })}</option>
                {nominees.map((o) => (
                  <option key={o.address} value={o.address}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                data-testid={`field-${field.name}`}
                aria-invalid={errors[field.name] ? true : undefined}
                aria-describedby={described}
                type={field.type === 'timestamp' ? 'datetime-local' : 'text'}
                inputMode={field.type === 'uint' || field.type === 'int' ? 'numeric' : undefined}
                list={field.type === 'address' ? listId : undefined}
                placeholder={field.type === 'address' ? '0x…' : undefined}
                value={String(draft ?? '')}
                onChange={(e) => set(e.target.value)}
              />
            )}
            {errors[field.name] && (
              <span className="field-error" id={errorId} data-testid={`field-error-${field.name}`}>
                {t(errorKey(errors[field.name]), errorParams(field, draft))}
              </span>
            )}
            {hint && (
              <span className="field-hint" id={hintId} data-testid={`field-hint-${field.name}`}>
                {hint}
              </span>
            )}
            <FieldRouting previews={previews} field={field.name} id={routesId} />
          </div>
        );
      })}
      {choice && (
        <div className={`field${choiceMissing ? ' has-error' : ''}`}>
          <label htmlFor={`${testId}-choice`}>{t('form.choice')}</label>
          <select id={`${testId}-choice`} data-testid="field-choice" value={picked} onChange={(e) => setPicked(e.target.value)}>
            {!defaultOption && (
              <option value={NO_CHOICE}>
                {!choice.defaultFlowId
                  ? t('form.choose')
                  : defaultFlowName
                    ? t('form.defaultNamed', { name: defaultFlowName })
                    : t('form.defaultPath')}
              </option>
            )}
            {choice.options.map((o) => (
              <option key={o.index} value={String(o.index)}>
                {o.name}
                {o.flowId === choice.defaultFlowId ? ` (${t('form.default')})` : ''}
              </option>
            ))}
          </select>
          {choiceMissing && <span className="field-error">{t('form.errors.required')}</span>}
        </div>
      )}
      {fields.some((f) => f.type === 'address') && (
        <datalist id={listId}>
          {addressOptions.map((o) => (
            <option key={o.address} value={o.address}>
              {o.label}
            </option>
          ))}
        </datalist>
      )}
      {previews.length > 0 && <RoutingSummary previews={previews} id={routingId} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid={`${testId}-submit`} disabled={pending}>
          {pending ? t('app.sending') : submitLabel}
        </button>
        <ActStatus act={act} />
      </div>
    </form>
  );
}

export function ActStatus({ act, testId = 'act-status' }: { act?: ActState; testId?: string }) {
  const { t } = useTranslation();
  if (!act) return null;
  return (
    <span className={`act-status is-${act.status}`} data-testid={testId} data-status={act.status}>
      {act.status === 'pending' && t('app.pending')}
      {act.status === 'confirmed' &&
        t('app.confirmed', { tx: `${act.txHash.slice(0, 10)}…`, gas: act.gasUsed.toLocaleString() })}
      {act.status === 'failed' && act.error}
    </span>
  );
}
