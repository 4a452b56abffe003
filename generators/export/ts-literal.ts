/** Values as TypeScript source text for the generated Hardhat project. */
import type { FeelValue } from '../feel/evaluate-feel.js';
import type { FieldType } from '../model/workspace.js';

/** A string literal; JSON's escaping is valid TypeScript and keeps Chinese readable. */
export const str = (text: string): string => JSON.stringify(text);

export function valueLiteral(type: FieldType, value: FeelValue): string {
  switch (type) {
    case 'bool':
      return value ? 'true' : 'false';
    case 'uint':
    case 'int':
    case 'timestamp':
    case 'enum': // the value's index
    case 'decimal': // the value times 10^scale
      return `${BigInt(value as bigint)}n`;
    default:
      return str(String(value));
  }
}

/** `obj.name` when `name` is a plain identifier, else `obj["name"]`. */
export function member(obj: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${obj}.${name}` : `${obj}[${str(name)}]`;
}
