/** What changing a field's type does to its type settings (pure: testable without the panel). */
import type { FieldType } from '../../../../generators/model/workspace.js';
import type { BusinessObject } from './cf-model.js';

/** An enum field's values, in order, from its <cf:value> children. */
export const valuesOf = (field: BusinessObject): string[] => ((field.get('values') as BusinessObject[] | undefined) ?? []).map((v) => String(v.get('value') ?? ''));

/** What the type change also sets: the settings the new type does not have are removed; a new decimal gets scale 2. */
export function settingsForType(type: FieldType, field: BusinessObject): Record<string, unknown> {
  return {
    type,
    ...(type !== 'enum' && valuesOf(field).length ? { values: [] } : {}),
    ...(type !== 'decimal' && field.get('scale') !== undefined ? { scale: undefined } : {}),
    ...(type === 'decimal' && field.get('scale') === undefined ? { scale: 2 } : {}),
    ...(type !== 'participant' && field.get('role') !== undefined ? { role: undefined } : {}),
  };
}

