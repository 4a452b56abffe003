/**
 * Words a derived identifier must never be: Solidity keywords, reserved keywords, global names
 * and the names the generator itself uses inside every contract. Kept in one list so the
 * generator, the IDE's inspector and the tests agree.
 */
export const SOLIDITY_RESERVED = [
  // keywords
  'abstract', 'address', 'anonymous', 'as', 'assembly', 'bool', 'break', 'byte', 'bytes', 'calldata',
  'catch', 'constant', 'constructor', 'continue', 'contract', 'delete', 'do', 'else', 'emit', 'enum',
  'error', 'event', 'external', 'fallback', 'false', 'fixed', 'for', 'function', 'global', 'hex', 'if',
  'immutable', 'import', 'indexed', 'int', 'interface', 'internal', 'is', 'layout', 'library', 'mapping',
  'memory', 'modifier', 'new', 'override', 'payable', 'pragma', 'private', 'public', 'pure', 'receive',
  'return', 'returns', 'revert', 'storage', 'string', 'struct', 'transient', 'true', 'try', 'type',
  'ufixed', 'uint', 'unchecked', 'unicode', 'using', 'view', 'virtual', 'while',
  // reserved for future use
  'after', 'alias', 'apply', 'auto', 'case', 'copyof', 'default', 'define', 'final', 'implements', 'in',
  'inline', 'let', 'macro', 'match', 'mutable', 'null', 'of', 'partial', 'promise', 'reference',
  'relocatable', 'sealed', 'sizeof', 'static', 'supports', 'switch', 'typedef', 'typeof', 'var',
  // units and globals
  'wei', 'gwei', 'ether', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'years', 'block', 'msg', 'tx',
  'abi', 'this', 'super', 'selfdestruct', 'now', 'gasleft', 'blockhash', 'blobhash', 'keccak256',
  'sha256', 'ripemd160', 'ecrecover', 'addmod', 'mulmod', 'require', 'assert',
  // names the generated contracts use themselves
  'registry', 'marking', 'instanceCount', 'syncRoles', 'startInstance', 'nextStartDueAt', 'rolesOf',
] as const;

const RESERVED = new Set<string>(SOLIDITY_RESERVED.map((w) => w.toLowerCase()));

/** Elementary type names with a size suffix (uint8, bytes32, int256, fixed128x18...) are reserved too. */
const SIZED_TYPE = /^(u?int|bytes|u?fixed)\d+(x\d+)?$/i;

export function isReservedWord(word: string): boolean {
  return RESERVED.has(word.toLowerCase()) || SIZED_TYPE.test(word);
}
