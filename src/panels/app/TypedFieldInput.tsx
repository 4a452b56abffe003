/**
 * The inputs of the enum, decimal and participant field types in a task or start form: an enum is
 * a select of its values (the original text; the value sent is the index), a decimal a text input
 * that says how many decimals it keeps, a participant a picker of the participants (of the field's
 * role, when it filters one). The unit, when the field has one, stands beside the input.
 */
import { useTranslation } from 'react-i18next';
import type { FieldManifest } from '../../../generators/index.js';
import type { ParticipantOption } from './participant-options.js';
import './typed-field.css';

export const TYPED_FIELD_TYPES: ReadonlySet<FieldManifest['type']> = new Set(['enum', 'decimal', 'participant']);

interface TypedFieldInputProps {
  id: string;
  field: FieldManifest;
  draft: string;
  invalid: boolean;
  describedBy?: string;
  participants: ParticipantOption[];
  roleName(id: string): string;
  onChange(value: string): void;
}

export function TypedFieldInput({ id, field, draft, invalid, describedBy, participants, roleName, onChange }: TypedFieldInputProps) {
  const { t } = useTranslation();
  const common = {
    id, 'data-testid': `field-${field.name}`, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy,
    value: draft, onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  let input;
  if (field.type === 'enum') {
    input = (
      <select {...common}>
        <option value="">{t('fieldTypes.pickValue')}</option>
        {(field.values ?? []).map((v, i) => (
          <option key={v} value={String(i)}>
            {v}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'participant') {
    // the field's own role filter, and the role it nominates (cf:binds) when it is a nominee field too
    const roles = [field.role, field.nominatesRole].filter((r): r is string => r !== undefined);
    const eligible = participants.filter((p) => roles.every((r) => p.roles.includes(r)));
    input = (
      <select {...common} data-role={field.role}>
        <option value="">{field.role ? t('fieldTypes.pickParticipantOfRole', { role: roleName(field.role) }) : t('fieldTypes.pickParticipant')}</option>
        {eligible.map((o) => (
          <option key={o.address} value={o.address}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    input = <input {...common} type="text" inputMode="decimal" placeholder={(field.scale ?? 0) > 0 ? `0.${'0'.repeat(field.scale!)}` : '0'} data-scale={field.scale ?? 0} />;
  }
  return (
    <span className="typed-field">
      {input}
      {field.unit && (
        <span className="field-unit" data-testid={`field-unit-${field.name}`}>
          {field.unit}
        </span>
      )}
    </span>
  );
}

/** The hint under a typed field: the decimals a decimal keeps, or that nobody holds a participant field's role. */
export function typedFieldHint(field: FieldManifest, participants: ParticipantOption[], roleName: (id: string) => string, t: (key: string, options?: Record<string, unknown>) => string): string | undefined {
  if (field.type === 'decimal') return t('fieldTypes.scaleHint', { count: field.scale ?? 0 });
  if (field.type === 'participant' && field.role && !participants.some((p) => p.roles.includes(field.role!)))
    return t('fieldTypes.noneOfRole', { role: roleName(field.role) });
  return undefined;
}
