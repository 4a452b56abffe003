/**
 * The enum, decimal and participant field types in the reference interpreter: how a step's data
 * becomes their values (as the contract holds them) and the participant check on write, in the
 * contract's order (add-field-types.ts).
 * - enum: the member index (bigint); data may give the value's text ("合格") or the index.
 * - decimal: the value times 10^scale (bigint); data may give decimal text ("12.5") or a JS number
 *   (12.5, read through its shortest decimal text), both meaning the value in the field's unit, or
 *   a bigint, which is already scaled (what the contract takes).
 * - participant: an address, lowercase.
 */
import type { FeelValue } from '../feel/evaluate-feel.js';
import type { FieldIR } from '../ir/process-ir.js';
import { parseDecimal } from '../model/field-options.js';

const UINT_MAX = (1n << 256n) - 1n;

/** The value of an enum or decimal field from step data; undefined: not one of these types. @throws TypeError for a value it cannot take. */
export function normaliseTypedValue(field: FieldIR, value: FeelValue | number): FeelValue | undefined {
  const fail = (why: string): never => { throw new TypeError(`field "${field.name}" (${field.type}) cannot take ${String(value)}: ${why}`); };
  if (field.type === 'enum') {
    const values = field.values ?? [];
    const index = typeof value === 'string' ? values.indexOf(value) : typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value)) ? Number(value) : -1;
    if (index < 0 || index >= values.length) fail(`not one of ${values.join(', ')}`);
    return BigInt(index);
  }
  if (field.type === 'decimal') {
    if (typeof value === 'bigint') return value >= 0n && value <= UINT_MAX ? value : fail('outside uint256');
    if (typeof value !== 'string' && typeof value !== 'number') return fail('not a number');
    const text = typeof value === 'number' ? String(value) : value;
    const parsed = parseDecimal(text, field.scale ?? 0);
    if (!parsed) return fail('not a plain non-negative decimal number');
    if ('tooPrecise' in parsed) return fail(`${parsed.tooPrecise} decimals, more than its scale ${field.scale}`);
    return parsed.value <= UINT_MAX ? parsed.value : fail('outside uint256');
  }
  return undefined;
}

/**
 * The participant fields of a step, checked after its nominations: a written participant must be
 * a registered member (in `members`, the registry as the instance sees it), of the field's role if
 * it has one; an optional one left empty is not checked. Returns the contract's error, or undefined.
 */
export function checkParticipants(
  written: readonly { w: { required: boolean }; field: FieldIR; value: FeelValue }[],
  members: ReadonlyMap<string, readonly string[]>,
  zeroAddress: string,
): { error: 'NotAParticipant' | 'ParticipantLacksRole'; message: string } | undefined {
  for (const { w, field, value } of written) {
    if (field.type !== 'participant') continue;
    if (!w.required && value === zeroAddress) continue;
    const roles = members.get(value as string);
    if (field.role === undefined) {
      if (!roles) return { error: 'NotAParticipant', message: `"${field.label || field.name}": ${value} is not a registered participant` };
    } else if (!roles?.includes(field.role)) {
      return { error: 'ParticipantLacksRole', message: `"${field.label || field.name}": ${value} does not hold ${field.role}` };
    }
  }
  return undefined;
}
