/**
 * The options of a field (enum values, decimal scale, unit, participant role filter): what each
 * type requires and allows, checked once here for the BPMN reader, the designer and the tests.
 * Pure; messages name the field and say what to write instead.
 */
import { MAX_DECIMAL_SCALE, MAX_ENUM_VALUES, type FieldOptions, type FieldType } from './workspace.js';

/**
 * Problems of `options` for a field `name` of `type`, as messages (empty: fine). The role filter
 * is only checked for presence here: whether it names a workspace role is the IR's business.
 */
export function checkFieldOptions(name: string, type: FieldType, options: FieldOptions): string[] {
  const out: string[] = [];
  const values = options.values ?? [];
  if (type === 'enum') {
    if (values.length === 0) out.push(`enum field "${name}" needs at least one value (<cf:value>…</cf:value>)`);
    if (values.length > MAX_ENUM_VALUES) out.push(`enum field "${name}" has ${values.length} values; at most ${MAX_ENUM_VALUES} fit its uint8`);
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (!v.trim()) out.push(`enum field "${name}": value ${i + 1} is empty`);
      else if (v !== v.trim()) out.push(`enum field "${name}": value ${JSON.stringify(v)} has spaces at its ends`);
      else if (seen.has(v)) out.push(`enum field "${name}": value "${v}" is listed twice`);
      seen.add(v);
    });
  } else if (values.length) out.push(`field "${name}" is ${type}: only an enum field lists values`);
  if (type === 'decimal') {
    if (options.scale === undefined) out.push(`decimal field "${name}" needs a scale (number of decimals, 0..${MAX_DECIMAL_SCALE})`);
    else if (!Number.isInteger(options.scale) || options.scale < 0 || options.scale > MAX_DECIMAL_SCALE)
      out.push(`decimal field "${name}" has scale ${JSON.stringify(options.scale)}; use a whole number 0..${MAX_DECIMAL_SCALE}`);
  } else if (options.scale !== undefined) out.push(`field "${name}" is ${type}: only a decimal field has a scale`);
  if (options.role !== undefined && type !== 'participant') out.push(`field "${name}" is ${type}: only a participant field has a role filter`);
  if (options.unit !== undefined && options.unit.length > 32) out.push(`field "${name}": unit ${JSON.stringify(options.unit)} is longer than 32 characters`);
  return out;
}

/** Whether two declarations of one field agree on their options (same values in order, scale, unit, role). */
export function sameFieldOptions(a: FieldOptions, b: FieldOptions): boolean {
  const va = a.values ?? [];
  const vb = b.values ?? [];
  return va.length === vb.length && va.every((v, i) => v === vb[i]) && a.scale === b.scale && (a.unit ?? '') === (b.unit ?? '') && (a.role ?? '') === (b.role ?? '');
}

/** "12.5" -> 12500n for scale 3; `undefined` when the text is not a plain decimal (no sign, no exponent). */
export function parseDecimal(text: string, scale: number): { value: bigint } | { tooPrecise: number } | undefined {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[1] === '' && !m[2])) return undefined;
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  if (decimals.length > scale) return { tooPrecise: decimals.length };
  return { value: BigInt(m[1] + decimals.padEnd(scale, '0')) };
}

/** 12500n at scale 3 -> "12.5" (trailing zeros dropped; a whole number without a point). Exact, no floats. */
export function formatDecimal(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}
