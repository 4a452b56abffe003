/**
 * The Ignition module of the exported project: the registry with every participant as a member
 * (as the IDE deploys it), then each process contract, attached to the registry so it gets the
 * role cache. A participant's account is a module parameter: by default its address in the
 * workspace, or else a local account of the network (the tests bind every one to a Hardhat signer).
 */
import type { AppManifest } from '../manifest/app-manifest.js';
import type { HardhatCast } from './hardhat-cast.js';
import { str } from './ts-literal.js';

export const IGNITION_MODULE_ID = 'Consortium';

export function printIgnitionModule(manifest: AppManifest, cast: HardhatCast): string {
  const participants = cast.participants.map((p) =>
    `  { id: ${str(p.id)}, name: ${str(p.name)}, key: ${str(p.key)}, organization: ${p.organization}, roles: ${p.roleBits}n${p.address ? `, address: ${str(p.address)}` : ''} },`);
  const processes = manifest.processes.flatMap((p) => [
    `  // process "${p.name.replace(/[\r\n]/g, ' ')}"`,
    `  const ${p.contractName} = m.contract(${str(p.contractName)}, [registry]);`,
    `  m.call(registry, "attachProcess", [${p.contractName}], { id: ${str(`attach${p.contractName}`)} });`,
  ]);
  return [
    'import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";',
    '',
    '/**',
    ` * Members of the consortium "${manifest.workspaceName.replace(/\*\//g, '* /').replace(/[\r\n]/g, ' ')}": organization numbers are 1-based,`,
    ' * roles are bit sets (bit = role number in the registry). Override an account with the',
    ' * parameter named `key`, e.g. in ignition/parameters.json.',
    ' */',
    'export const PARTICIPANTS: { id: string; name: string; key: string; organization: number; roles: bigint; address?: string }[] = [',
    ...participants,
    '];',
    '',
    `export default buildModule(${str(IGNITION_MODULE_ID)}, (m) => {`,
    '  // account 0 deploys and becomes the registry operator; participant i defaults to account i + 1',
    '  const accounts = PARTICIPANTS.map((p, i) => m.getParameter(p.key, p.address ?? m.getAccount(i + 1)));',
    '  const registry = m.contract("ConsortiumRegistry", [',
    '    accounts,',
    '    PARTICIPANTS.map((p) => p.organization),',
    '    PARTICIPANTS.map((p) => p.roles),',
    '  ]);',
    ...processes,
    `  return { registry${manifest.processes.map((p) => `, ${p.contractName}`).join('')} };`,
    '});',
    '',
  ].join('\n');
}

/** Example parameters for a real chain: every participant's account, filled where the workspace knows it. */
export function ignitionParameters(cast: HardhatCast): object {
  return { [IGNITION_MODULE_ID]: Object.fromEntries(cast.participants.map((p) => [p.key, p.address ?? '0x<account of ' + p.name + '>'])) };
}
