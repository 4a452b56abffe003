/**
 * Form input of enum and decimal fields, exact: an enum's select gives the value's index, a
 * decimal is parsed from its text to the integer the contract takes (value times 10^scale) without
 * ever going through a float, and one with more decimals than the field keeps is refused before
 * anything is sent. Pure.
 */
import type { FieldManifest } from '../../../generators/index.js';
import { parseDecimal } from '../../../generators/model/field-options.js';

const UINT256_MAX = (1n << 256n) - 1n;

export type TypedFieldError = 'notDecimal' | 'tooPrecise' | 'tooLarge' | 'notInList';

/** `text` is trimmed and not empty. */
export function parseTypedField(field: FieldManifest, text: string): { value: bigint } | { error: TypedFieldError } {
  if (field.type === 'enum') {
    const i = /^\d+$/.test(text) ? Number(text) : -1;
    return i >= 0 && i < (field.values?.length ?? 0) ? { value: BigInt(i) } : { error: 'notInList' };
  }
  // a comma is refused, not guessed: "1,000" could mean one thousand or one
  const parsed = parseDecimal(text, field.scale ?? 0);
  if (!parsed) return { error: 'notDecimal' };
  if ('tooPrecise' in parsed) return { error: 'tooPrecise' };
  return parsed.value > UINT256_MAX ? { error: 'tooLarge' } : { value: parsed.value };
}
