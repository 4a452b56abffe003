/** How each field type of the process format is held on chain. */
import type { FieldType } from '../model/workspace.js';
import type { FieldIR } from '../ir/process-ir.js';
import type { Param } from './contract-model.js';

/**
 * The ABI type of each field type. An enum is a generated Solidity enum (its ABI type uint8, see
 * solidityTypeOf); a decimal is a uint256 holding the value times 10^scale; a participant is an
 * address checked on write (add-participant-checks.ts).
 */
export const SOLIDITY_TYPE: Record<FieldType, string> = {
  uint: 'uint256',
  int: 'int256',
  bool: 'bool',
  string: 'string',
  address: 'address',
  bytes32: 'bytes32',
  timestamp: 'uint256',
  enum: 'uint8',
  decimal: 'uint256',
  participant: 'address',
};

/** Storage slot width in bytes, to order struct members so small ones share a slot. */
export const STORAGE_BYTES: Record<FieldType, number> = {
  bool: 1, enum: 1, address: 20, participant: 20, uint: 32, int: 32, bytes32: 32, timestamp: 32, decimal: 32, string: 64,
};

/** The Solidity type a field is declared with: its enum type for an enum field, else SOLIDITY_TYPE. */
export function solidityTypeOf(field: Pick<FieldIR, 'type' | 'enumType'>): string {
  return field.type === 'enum' && field.enumType ? field.enumType : SOLIDITY_TYPE[field.type];
}

export function fieldParam(field: Pick<FieldIR, 'type' | 'enumType'>, name: string): Param {
  return field.type === 'string' ? { type: 'string', name, location: 'calldata' } : { type: solidityTypeOf(field), name };
}

export function upperSnake(identifier: string): string {
  return identifier
    .replace(/_+$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}
