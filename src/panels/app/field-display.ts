/**
 * How a field's value reads for people, by its manifest entry: an enum by its value's text, a
 * decimal exactly in its unit (12500 at scale 3 in kg -> "12.5 kg"), a participant by name, any
 * other value with its unit when it has one. Pure; the timeline, the instance data and the audit
 * package show these.
 */
import type { AppManifest, FieldManifest } from '../../../generators/index.js';
import { formatDecimal } from '../../../generators/model/field-options.js';

/** `raw` as read from the chain (numbers as decimal strings); undefined when the raw text is what people read. */
export function fieldText(field: FieldManifest | undefined, raw: string, manifest?: Pick<AppManifest, 'participants'>): string | undefined {
  if (!field) return undefined;
  const withUnit = (text: string) => (field.unit ? `${text} ${field.unit}` : text);
  switch (field.type) {
    case 'enum': {
      const label = /^\d+$/.test(raw) ? field.values?.[Number(raw)] : undefined;
      return label === undefined ? undefined : withUnit(label);
    }
    case 'decimal':
      return /^\d+$/.test(raw) ? withUnit(formatDecimal(BigInt(raw), field.scale ?? 0)) : undefined;
    case 'participant': {
      const p = manifest?.participants.find((x) => x.address?.toLowerCase() === raw.toLowerCase());
      return p ? withUnit(p.name) : field.unit ? withUnit(raw) : undefined;
    }
    case 'timestamp':
    case 'bool':
      return undefined; // shown as a date, or ✓/✗
    default:
      return field.unit ? withUnit(raw) : undefined;
  }
}

/** What the audit package records: exact values in words (enum text, decimal in its unit), addresses and the rest as on chain. */
export function auditText(field: FieldManifest | undefined, raw: string): string {
  return field && (field.type === 'enum' || field.type === 'decimal') ? (fieldText(field, raw) ?? raw) : raw;
}
