/** How each field type of the process format is held on chain. */
import type { FieldType } from '../model/workspace.js';
import type { Param } from './contract-model.js';

export const SOLIDITY_TYPE: Record<FieldType, string> = {
  uint: 'uint256',
  int: 'int256',
  bool: 'bool',
  string: 'string',
  address: 'address',
  bytes32: 'bytes32',
  timestamp: 'uint256',
};

/** Storage slot width in bytes, to order struct members so small ones share a slot. */
export const STORAGE_BYTES: Record<FieldType, number> = {
  bool: 1, address: 20, uint: 32, int: 32, bytes32: 32, timestamp: 32, string: 64,
};

export function fieldParam(type: FieldType, name: string): Param {
  return type === 'string' ? { type: 'string', name, location: 'calldata' } : { type: SOLIDITY_TYPE[type], name };
}

export function upperSnake(identifier: string): string {
  return identifier
    .replace(/_+$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}
