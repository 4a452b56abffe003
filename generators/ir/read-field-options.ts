/**
 * The options of a cf:field (enum values, decimal scale, unit, participant role filter) as the IR
 * holds them, and the Solidity names an enum field needs: its enum type (from the field's
 * identifier) and one member per value (derived: Chinese values become pinyin, the original text
 * stays in NatSpec and the manifest).
 */
import type { CfField } from '../bpmn/moddle-types.js';
import { findRole } from './resolve-roles.js';
import type { FieldOptions, Role } from '../model/workspace.js';
import type { FieldIR } from './process-ir.js';
import { deriveIdentifier, IdentifierScope } from '../naming/derive-identifier.js';

/** What a cf:field declares besides name, type, label and required; absent attributes stay absent. */
export function readFieldOptions(decl: CfField): FieldOptions {
  const options: FieldOptions = {};
  if (decl.values?.length) options.values = decl.values.map((v) => v.value ?? '');
  if (decl.scale !== undefined && decl.scale !== null) options.scale = Number(decl.scale);
  if (decl.unit?.trim()) options.unit = decl.unit.trim();
  if (decl.role?.trim()) options.role = decl.role.trim();
  return options;
}

/** The role filter as a role id, or a message when it names no workspace role. */
export function resolveFieldRole(name: string, role: string, roles: readonly Role[]): { id: string } | { message: string } {
  const found = findRole(roles, role);
  return found
    ? { id: found.id }
    : { message: `participant field "${name}" accepts only role "${role}", which is not a role of the workspace (roles: ${roles.map((r) => r.name).join(', ') || 'none'})` };
}

/** Type, event and error names a process contract declares itself: an enum type must not take one. */
const CONTRACT_NAMES = [
  'Data', 'InstanceStarted', 'InstanceEnded', 'RolesSynced', 'TimerStarted', 'TimerFired', 'CallerLacksRole', 'InvalidChoice',
  'NegativeValue', 'NoBranchMatches', 'NomineeLacksRole', 'NotAMember', 'NotAParticipant', 'NotBoundParticipant', 'NotRegistry',
  'ParticipantLacksRole', 'RequiredFieldMissing', 'RoleAlreadyBound', 'TaskNotEnabled', 'TimerNotDue', 'TimerNotWaiting', 'ValueOutOfRange',
];

/**
 * Names the Solidity enum of every enum field (PascalCase of its identifier, unique among the
 * contract's type names; a `<Task>Completed` event named like it would still clash, and the
 * contract itself is renamed by generateWorkspace when it clashes) and its members (PascalCase of each value, unique within the enum).
 * Call after the field identifiers are set.
 */
export function nameEnumTypes(fields: FieldIR[], reserved: readonly string[] = []): void {
  const types = new IdentifierScope([...CONTRACT_NAMES, ...reserved]);
  for (const f of fields) {
    if (f.type !== 'enum') continue;
    const base = f.identifier.replace(/_+$/, '');
    f.enumType = types.claim(`${base.charAt(0).toUpperCase()}${base.slice(1)}`);
    const members = new IdentifierScope([]);
    f.enumMembers = (f.values ?? []).map((v, i) => members.claim(deriveIdentifier(v, `Value${i + 1}`, 'pascal')));
  }
}
