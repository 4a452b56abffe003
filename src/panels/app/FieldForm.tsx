/**
 * A form generated from a task's (or start event's) fields, with the choice of the exclusive
 * gateway the completer decides, when there is one. Values are parsed per type (field-values.ts).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChoiceManifest, FieldManifest } from '../../../generators/index.js';
import type { ActState } from '../../store/session-slice.js';
import { initialDraft, parseForm, type FieldDraft, type FieldError } from './field-values.js';

interface FieldFormProps {
  testId: string;
  fields: FieldManifest[];
  choice?: ChoiceManifest;
  submitLabel: string;
  act?: ActState;
  /** Addresses offered for address fields (the consortium's members). */
  addressOptions: { address: string; label: string }[];
  /** Name of the choice's default flow, when it has one. */
  defaultFlowName?: string;
  onSubmit(data: Record<string, unknown>, choice: number | undefined): void;
}

const NO_CHOICE = '';

export function FieldForm({ testId, fields, choice, submitLabel, act, addressOptions, defaultFlowName, onSubmit }: FieldFormProps) {
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

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseForm(fields, drafts);
    setErrors(parsed.errors);
    const needsChoice = Boolean(choice && !choice.defaultFlowId && picked === NO_CHOICE);
    setChoiceMissing(needsChoice);
    if (Object.keys(parsed.errors).length > 0 || needsChoice) return;
    onSubmit(parsed.data, picked === NO_CHOICE ? undefined : Number(picked));
  };

  return (
    <form className="field-form" data-testid={testId} onSubmit={submit} noValidate>
      {fields.map((field) => {
        const id = `${testId}-${field.identifier}`;
        const draft = drafts[field.name];
        const set = (value: FieldDraft) => setDrafts((d) => ({ ...d, [field.name]: value }));
        return (
          <div className={`field${errors[field.name] ? ' has-error' : ''}`} key={field.name}>
            <label htmlFor={id}>
              {field.label ?? field.name}
              {field.required && <span className="required-mark" aria-label={t('form.required')}>*</span>}
              <span className="field-type">{t(`form.types.${field.type}`)}</span>
            </label>
            {field.type === 'bool' ? (
              <input id={id} type="checkbox" data-testid={`field-${field.name}`} checked={draft === true} onChange={(e) => set(e.target.checked)} />
            ) : (
              <input
                id={id}
                data-testid={`field-${field.name}`}
                type={field.type === 'timestamp' ? 'datetime-local' : 'text'}
                inputMode={field.type === 'uint' || field.type === 'int' ? 'numeric' : undefined}
                list={field.type === 'address' ? listId : undefined}
                placeholder={field.type === 'address' ? '0x…' : undefined}
                value={String(draft ?? '')}
                onChange={(e) => set(e.target.value)}
              />
            )}
            {errors[field.name] && (
              <span className="field-error" data-testid={`field-error-${field.name}`}>
                {t(`form.errors.${errors[field.name]}`)}
              </span>
            )}
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
