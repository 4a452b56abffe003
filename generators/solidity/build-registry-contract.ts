/**
 * The consortium registry: one per workspace, shared by all its processes. It is the single
 * source of truth for who belongs to which organization and plays which roles (a bit per role).
 * Membership changes are rare and task calls frequent, so the registry pushes every change into
 * the role cache of each attached process contract (syncRoles) rather than being called on
 * every task.
 */
import { ContractBuilder } from './contract-builder.js';
import {
  bin, call, id, index, member, MSG_SENDER, num, type ContractDecl, type Statement,
} from './contract-model.js';

export const REGISTRY_CONTRACT = 'ConsortiumRegistry';
export const ROLE_SINK_INTERFACE = 'IRoleSink';
/** The bit processes see for "is a member"; roles use bits 0..254. */
export const MEMBER_BIT = 255;

export function buildRegistryContracts(workspaceName: string, roles: { name: string; bit: number }[]): ContractDecl[] {
  const sink = new ContractBuilder(ROLE_SINK_INTERFACE, 'interface', { notice: ['What the registry calls on every attached process contract.'] });
  sink.addFunction({ kind: 'function', name: 'syncRoles', visibility: 'external', mutability: 'nonpayable', params: [{ type: 'address', name: 'account' }, { type: 'uint256', name: 'roles' }], returns: [] });

  const b = new ContractBuilder(REGISTRY_CONTRACT, 'contract', {
    title: `Consortium registry of "${workspaceName}"`,
    notice: ['Organizations, participants and their roles, shared by every process of the workspace.'],
    dev: [`Role bits: ${roles.map((r) => `${r.bit} = ${r.name}`).join(', ') || 'none'}.`],
  });
  b.addConstant({
    type: 'uint256', name: 'MEMBER', visibility: 'private', value: bin('<<', num(1), num(MEMBER_BIT)),
    natspec: { dev: ['Pushed to processes with the role bits of every account that belongs to an organization: lets a member without roles start an open process.'] },
  });
  b.addStateVar({ type: 'address', name: 'admin', visibility: 'public', natspec: { notice: ['The consortium operator allowed to change memberships and attach processes.'] } });
  b.addStateVar({ type: 'mapping(address account => uint256)', name: 'rolesOf', visibility: 'public', natspec: { notice: ['Role bits of every account.'] } });
  b.addStateVar({ type: 'mapping(address account => uint32)', name: 'organizationOf', visibility: 'public', natspec: { notice: ['Organization number (1-based, as in the workspace) of every member; 0 for none.'] } });
  b.addStateVar({ type: 'address[]', name: '_members', visibility: 'private' });
  b.addStateVar({ type: 'mapping(address account => bool)', name: '_isMember', visibility: 'private' });
  b.addStateVar({ type: 'address[]', name: '_processes', visibility: 'private' });
  b.addStateVar({ type: 'mapping(address process => bool)', name: '_isAttached', visibility: 'private' });

  b.addError({ name: 'NotAdmin', params: [{ type: 'address', name: 'caller' }], natspec: { notice: ['Only the consortium operator may do this.'] } });
  b.addError({ name: 'LengthMismatch', params: [], natspec: { notice: ['The member lists differ in length.'] } });
  b.addError({ name: 'ZeroAddress', params: [] });
  b.addError({ name: 'AlreadyAttached', params: [{ type: 'address', name: 'process' }] });

  b.addEvent({ name: 'MemberSet', params: [{ type: 'address', name: 'account', indexed: true }, { type: 'uint32', name: 'organization', indexed: true }, { type: 'uint256', name: 'roles' }], natspec: { notice: ["A member's organization or roles changed."] } });
  b.addEvent({ name: 'ProcessAttached', params: [{ type: 'address', name: 'process', indexed: true }] });
  b.addEvent({ name: 'AdminTransferred', params: [{ type: 'address', name: 'previousAdmin', indexed: true }, { type: 'address', name: 'newAdmin', indexed: true }] });

  const onlyAdmin: Statement = { kind: 'if', cond: bin('!=', MSG_SENDER, id('admin')), then: [{ kind: 'revert', error: 'NotAdmin', args: [MSG_SENDER] }] };
  const i = id('i');
  // the constructor needs memory arrays; the external setMembers reads them straight from calldata
  const membersParams = (location: 'memory' | 'calldata') => [
    { type: 'address[]', name: 'accounts', location },
    { type: 'uint32[]', name: 'organizations', location },
    { type: 'uint256[]', name: 'roles', location },
  ];
  const lengthCheck: Statement = {
    kind: 'if',
    cond: bin('||', bin('!=', member(id('accounts'), 'length'), member(id('organizations'), 'length')), bin('!=', member(id('accounts'), 'length'), member(id('roles'), 'length'))),
    then: [{ kind: 'revert', error: 'LengthMismatch', args: [] }],
  };
  const setEach: Statement = {
    kind: 'for', index: 'i', bound: member(id('accounts'), 'length'),
    body: [{ kind: 'expr', expr: call('_setMember', index(id('accounts'), i), index(id('organizations'), i), index(id('roles'), i)) }],
  };

  b.addFunction({
    kind: 'constructor', name: '', visibility: 'public', mutability: 'nonpayable', params: membersParams('memory'), returns: [],
    natspec: { notice: ['Creates the registry with its first members; the deployer becomes the operator.'] },
    body: [{ kind: 'assign', target: id('admin'), op: '=', value: MSG_SENDER }, { kind: 'emit', event: 'AdminTransferred', args: [call('address', num(0)), MSG_SENDER] }, lengthCheck, setEach],
  });
  b.addFunction({
    kind: 'function', name: 'setMembers', visibility: 'external', mutability: 'nonpayable', params: membersParams('calldata'), returns: [],
    natspec: { notice: ['Adds or updates members, and pushes their roles into every attached process.'] },
    body: [onlyAdmin, lengthCheck, setEach],
  });
  b.addFunction({
    kind: 'function', name: 'attachProcess', visibility: 'external', mutability: 'nonpayable', params: [{ type: 'address', name: 'process' }], returns: [],
    natspec: { notice: ["Attaches a process contract and gives it every member's roles."] },
    body: [
      onlyAdmin,
      { kind: 'if', cond: bin('==', id('process'), call('address', num(0))), then: [{ kind: 'revert', error: 'ZeroAddress', args: [] }] },
      { kind: 'if', cond: index(id('_isAttached'), id('process')), then: [{ kind: 'revert', error: 'AlreadyAttached', args: [id('process')] }] },
      { kind: 'assign', target: index(id('_isAttached'), id('process')), op: '=', value: { kind: 'bool', value: true } },
      { kind: 'expr', expr: call(member(id('_processes'), 'push'), id('process')) },
      { kind: 'emit', event: 'ProcessAttached', args: [id('process')] },
      { kind: 'let', type: 'uint256', name: 'count', value: member(id('_members'), 'length') },
      {
        kind: 'for', index: 'i', bound: id('count'),
        body: [
          { kind: 'let', type: 'address', name: 'account', value: index(id('_members'), i) },
          { kind: 'expr', expr: call(member(call(ROLE_SINK_INTERFACE, id('process')), 'syncRoles'), id('account'), call('_pushedRoles', id('account'))) },
        ],
      },
    ],
  });
  b.addFunction({
    kind: 'function', name: 'transferAdmin', visibility: 'external', mutability: 'nonpayable', params: [{ type: 'address', name: 'newAdmin' }], returns: [],
    natspec: { notice: ['Hands the operator role to another account.'] },
    body: [
      onlyAdmin,
      { kind: 'if', cond: bin('==', id('newAdmin'), call('address', num(0))), then: [{ kind: 'revert', error: 'ZeroAddress', args: [] }] },
      { kind: 'emit', event: 'AdminTransferred', args: [id('admin'), id('newAdmin')] },
      { kind: 'assign', target: id('admin'), op: '=', value: id('newAdmin') },
    ],
  });
  b.addFunction({
    kind: 'function', name: 'members', visibility: 'external', mutability: 'view', params: [], returns: [{ type: 'address[]', name: '', location: 'memory' }],
    natspec: { notice: ['Every account that was ever made a member.'] },
    body: [{ kind: 'return', value: id('_members') }],
  });
  b.addFunction({
    kind: 'function', name: 'processes', visibility: 'external', mutability: 'view', params: [], returns: [{ type: 'address[]', name: '', location: 'memory' }],
    natspec: { notice: ['The attached process contracts.'] },
    body: [{ kind: 'return', value: id('_processes') }],
  });
  b.addFunction({
    kind: 'function', name: '_setMember', visibility: 'private', mutability: 'nonpayable',
    params: [{ type: 'address', name: 'account' }, { type: 'uint32', name: 'organization' }, { type: 'uint256', name: 'roles' }], returns: [],
    body: [
      { kind: 'if', cond: bin('==', id('account'), call('address', num(0))), then: [{ kind: 'revert', error: 'ZeroAddress', args: [] }] },
      {
        kind: 'if', cond: { kind: 'un', op: '!', arg: index(id('_isMember'), id('account')) },
        then: [
          { kind: 'assign', target: index(id('_isMember'), id('account')), op: '=', value: { kind: 'bool', value: true } },
          { kind: 'expr', expr: call(member(id('_members'), 'push'), id('account')) },
        ],
      },
      { kind: 'assign', target: index(id('rolesOf'), id('account')), op: '=', value: id('roles') },
      { kind: 'assign', target: index(id('organizationOf'), id('account')), op: '=', value: id('organization') },
      { kind: 'emit', event: 'MemberSet', args: [id('account'), id('organization'), id('roles')] },
      { kind: 'let', type: 'uint256', name: 'pushed', value: call('_pushedRoles', id('account')) },
      { kind: 'let', type: 'uint256', name: 'count', value: member(id('_processes'), 'length') },
      {
        kind: 'for', index: 'i', bound: id('count'),
        body: [{ kind: 'expr', expr: call(member(call(ROLE_SINK_INTERFACE, index(id('_processes'), i)), 'syncRoles'), id('account'), id('pushed')) }],
      },
    ],
  });
  b.addFunction({
    kind: 'function', name: '_pushedRoles', visibility: 'private', mutability: 'view',
    params: [{ type: 'address', name: 'account' }], returns: [{ type: 'uint256', name: '' }],
    natspec: { dev: ['What processes cache for an account: its role bits, plus MEMBER while it belongs to an organization.'] },
    body: [
      {
        kind: 'if', cond: bin('==', index(id('organizationOf'), id('account')), num(0)),
        then: [{ kind: 'return', value: index(id('rolesOf'), id('account')) }],
      },
      { kind: 'return', value: bin('|', index(id('rolesOf'), id('account')), id('MEMBER')) },
    ],
  });
  return [sink.contract, b.contract];
}
