/**
 * Form or trace values -> contract arguments, with errors that name the field. Accepts what a
 * person types: numbers as strings, dates for timestamps, plain text for bytes32.
 */
import { encodeBytes32String, getAddress, isHexString } from 'ethers';
import type { FieldManifest } from '../../generators/index.js';
import { parseDecimal } from '../../generators/model/field-options.js';

export class FieldValueError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

export function toContractValue(field: FieldManifest, raw: unknown): unknown {
  const label = field.label || field.name;
  const fail = (what: string) => new FieldValueError(field.name, `"${label}" ${what} (got ${JSON.stringify(raw)})`);
  const missing = raw === undefined || raw === null || raw === '';
  switch (field.type) {
    case 'uint':
    case 'int': {
      if (missing) { if (field.required) throw fail('is required'); return 0n; }
      const v = toBigInt(raw);
      if (v === undefined) throw fail('must be a whole number');
      if (field.type === 'uint' && v < 0n) throw fail('cannot be negative');
      return v;
    }
    case 'timestamp': {
      if (missing) { if (field.required) throw fail('is required'); return 0n; }
      const n = toBigInt(raw);
      if (n !== undefined) return n;
      const ms = Date.parse(String(raw));
      if (Number.isNaN(ms)) throw fail('must be a date or Unix seconds');
      return BigInt(Math.floor(ms / 1000));
    }
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (missing) return false;
      if (raw === 'true' || raw === 1 || raw === '1') return true;
      if (raw === 'false' || raw === 0 || raw === '0') return false;
      throw fail('must be true or false');
    case 'string':
      if (missing) return '';
      return String(raw);
    case 'enum': {
      // the value's text ("合格") or its index; the contract takes the index (uint8)
      if (missing) { if (field.required) throw fail('is required'); return 0n; }
      const values = field.values ?? [];
      const i = typeof raw === 'string' && values.includes(raw) ? values.indexOf(raw) : toBigInt(raw);
      if (i === undefined || BigInt(i) < 0n || BigInt(i) >= BigInt(values.length)) throw fail(`must be one of ${values.join(', ')}`);
      return BigInt(i);
    }
    case 'decimal': {
      // decimal text or a number in the field's unit ("12.5" kg); a bigint is already scaled (as the contract takes it)
      if (missing) { if (field.required) throw fail('is required'); return 0n; }
      if (typeof raw === 'bigint') { if (raw < 0n) throw fail('cannot be negative'); return raw; }
      const parsed = typeof raw === 'string' || typeof raw === 'number' ? parseDecimal(String(raw), field.scale ?? 0) : undefined;
      if (!parsed) throw fail('must be a number such as 12.5 (not negative)');
      if ('tooPrecise' in parsed) throw fail(`has ${parsed.tooPrecise} decimals; at most ${field.scale ?? 0} are kept`);
      return parsed.value;
    }
    case 'participant':
    case 'address':
      if (missing) return '0x0000000000000000000000000000000000000000';
      try { return getAddress(String(raw)); } catch { throw fail('is not an account address'); }
    case 'bytes32':
      if (missing) return `0x${'0'.repeat(64)}`;
      if (isHexString(raw, 32)) return raw;
      try { return encodeBytes32String(String(raw)); } catch { throw fail('must be 0x and 64 hex digits, or text of at most 31 bytes'); }
  }
}

function toBigInt(raw: unknown): bigint | undefined {
  if (typeof raw === 'bigint') return raw;
  if (typeof raw === 'number') return Number.isInteger(raw) ? BigInt(raw) : undefined;
  if (typeof raw === 'string' && /^-?\d+$/.test(raw.trim())) return BigInt(raw.trim());
  return undefined;
}

/** Contract arguments for a task or start form, in the order of the manifest's fields. */
export function formArguments(fields: FieldManifest[], data: Record<string, unknown>): unknown[] {
  return fields.map((f) => toContractValue(f, data[f.name] ?? data[f.identifier]));
}
