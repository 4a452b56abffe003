/**
 * Turns what a participant typed into the values a task or start form sends, by field type.
 * Pure. Every field gets a value (empty optional fields get the type's zero) because the
 * contract function takes every field as an argument. Errors are codes the UI translates.
 * Enum and decimal fields: typed-field-values.ts.
 */
import { getAddress } from 'ethers';
import type { FieldManifest } from '../../../generators/index.js';
import { parseTypedField } from './typed-field-values.js';

export type FieldDraft = string | boolean;
export type FieldError = 'required' | 'notInteger' | 'negative' | 'tooLarge' | 'notAddress' | 'badChecksum' | 'notBytes32' | 'notDate'
  | 'notDecimal' | 'tooPrecise' | 'notInList';

const UINT256_MAX = (1n << 256n) - 1n;
const INT256_MAX = (1n << 255n) - 1n;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';
const ZERO_BYTES32 = `0x${'0'.repeat(64)}`;

export function initialDraft(field: FieldManifest): FieldDraft {
  return field.type === 'bool' ? false : '';
}

export function parseField(field: FieldManifest, draft: FieldDraft): { value: unknown } | { error: FieldError } {
  if (field.type === 'bool') return { value: draft === true };
  const text = String(draft).trim();
  if (text === '') {
    if (field.required) return { error: 'required' };
    return { value: zeroOf(field.type) };
  }
  switch (field.type) {
    case 'uint':
    case 'int': {
      if (!/^-?\d+$/.test(text)) return { error: 'notInteger' };
      const n = BigInt(text);
      if (field.type === 'uint' && n < 0n) return { error: 'negative' };
      if (field.type === 'uint' ? n > UINT256_MAX : n > INT256_MAX || n < -INT256_MAX - 1n) return { error: 'tooLarge' };
      return { value: n };
    }
    case 'timestamp': {
      const ms = Date.parse(text);
      if (Number.isNaN(ms) || ms < 0) return { error: 'notDate' };
      return { value: BigInt(Math.floor(ms / 1000)) };
    }
    case 'address':
    case 'participant':
      return parseAddress(text);
    case 'bytes32':
      return encodeBytes32(text);
    case 'enum':
    case 'decimal':
      return parseTypedField(field, text);
    case 'string':
      return { value: String(draft) };
  }
}

/**
 * 0x and 40 hex digits. All lower or all upper case carries no checksum; mixed case is an EIP-55
 * checksum, and a wrong one means a typo (a wallet would refuse it too).
 */
function parseAddress(text: string): { value: string } | { error: FieldError } {
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) return { error: 'notAddress' };
  const digits = text.slice(2);
  if (digits === digits.toLowerCase() || digits === digits.toUpperCase()) return { value: text };
  try {
    return { value: getAddress(text) };
  } catch {
    return { error: 'badChecksum' };
  }
}

/** 0x + 64 hex digits as is; otherwise UTF-8 text of at most 32 bytes, right-padded with zeros. */
function encodeBytes32(text: string): { value: string } | { error: FieldError } {
  if (/^0x[0-9a-fA-F]{64}$/.test(text)) return { value: text.toLowerCase() };
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > 32) return { error: 'notBytes32' };
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { value: `0x${hex.padEnd(64, '0')}` };
}

function zeroOf(type: FieldManifest['type']): unknown {
  switch (type) {
    case 'uint':
    case 'int':
    case 'timestamp':
    case 'enum':
    case 'decimal':
      return 0n;
    case 'address':
    case 'participant':
      return ZERO_ADDRESS;
    case 'bytes32':
      return ZERO_BYTES32;
    case 'bool':
      return false;
    case 'string':
      return '';
  }
}

export function parseForm(
  fields: readonly FieldManifest[],
  drafts: Readonly<Record<string, FieldDraft>>,
): { data: Record<string, unknown>; errors: Record<string, FieldError> } {
  const data: Record<string, unknown> = {};
  const errors: Record<string, FieldError> = {};
  for (const field of fields) {
    const parsed = parseField(field, drafts[field.name] ?? initialDraft(field));
    if ('error' in parsed) errors[field.name] = parsed.error;
    else data[field.name] = parsed.value;
  }
  return { data, errors };
}
