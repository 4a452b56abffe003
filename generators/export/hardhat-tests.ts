/**
 * The exported project's tests: per process, one test per conforming path (generators/testing/
 * conforming-paths.ts) that starts an instance and does every step as a signer holding the step's
 * role, with data that steers the gateways, checking each step's event and the marking after it
 * (the interpreter's, so the chain must agree bit for bit) and that the instance ends; plus one
 * negative test: a step tried by an account without its role reverts with the contract's error.
 */
import type { ProcessIR } from '../ir/process-ir.js';
import type { AppManifest, FieldManifest, ProcessManifest } from '../manifest/app-manifest.js';
import { findConformingPaths, type ConformingPath, type PathStep } from '../testing/conforming-paths.js';
import type { HardhatCast } from './hardhat-cast.js';
import { IGNITION_MODULE_ID } from './ignition-module.js';
import { member, str, valueLiteral } from './ts-literal.js';

/** ethers' Contract members a generated function name could hide: call those through getFunction. */
const CONTRACT_MEMBERS = new Set(['connect', 'attach', 'target', 'interface', 'runner', 'filters', 'fallback', 'getAddress', 'getFunction', 'getEvent',
  'getDeployedCode', 'waitForDeployment', 'deploymentTransaction', 'on', 'once', 'off', 'emit', 'listenerCount', 'listeners', 'removeAllListeners',
  'addListener', 'removeListener', 'queryFilter', 'then']);

export function printTestHelper(cast: HardhatCast): string {
  const spares = cast.spares.map((s) => `  { id: ${str(s.id)}, organization: ${s.organization}, roles: ${s.roleBits}n },`);
  return [
    '/**',
    ' * Deploys the consortium with the Ignition module, every participant bound to its own Hardhat',
    ' * account (account 0 is the operator), and hands out the signer of each participant.',
    ' */',
    'import { network } from "hardhat";',
    `import ConsortiumModule, { PARTICIPANTS } from "../../ignition/modules/${IGNITION_MODULE_ID}.js";`,
    '',
    'type Connection = Awaited<ReturnType<typeof network.create>>;',
    '',
    '/** Roles nobody in the workspace plays: the tests give each to a spare account so every task can be done. */',
    'const SPARE_MEMBERS: { id: string; organization: number; roles: bigint }[] = [',
    ...spares,
    '];',
    '',
    'export async function deployConsortium(connection: Connection) {',
    '  const signers = await connection.ethers.getSigners();',
    '  const needed = PARTICIPANTS.length + SPARE_MEMBERS.length + 2;',
    '  if (signers.length < needed) throw new Error(`the tests need ${needed} accounts, the network has ${signers.length}`);',
    '  const operator = signers[0];',
    '  const parameters = { ' + `${IGNITION_MODULE_ID}` + ': Object.fromEntries(PARTICIPANTS.map((p, i) => [p.key, signers[i + 1].address])) };',
    '  const contracts = await connection.ignition.deploy(ConsortiumModule, { parameters });',
    '  const byId = new Map(PARTICIPANTS.map((p, i) => [p.id, signers[i + 1]]));',
    '  const spares = SPARE_MEMBERS.map((s, j) => signers[PARTICIPANTS.length + 1 + j]);',
    '  SPARE_MEMBERS.forEach((s, j) => byId.set(s.id, spares[j]));',
    '  if (SPARE_MEMBERS.length > 0) {',
    '    const registry = contracts.registry.connect(operator);',
    '    await (await registry.getFunction("setMembers")(spares.map((s) => s.address), SPARE_MEMBERS.map((s) => s.organization), SPARE_MEMBERS.map((s) => s.roles))).wait();',
    '  }',
    '  return {',
    '    ...contracts,',
    '    operator,',
    '    /** An account that is no member of the consortium. */',
    '    outsider: signers[PARTICIPANTS.length + SPARE_MEMBERS.length + 1],',
    '    /** The signer of a participant (workspace participant id). */',
    '    signer(id: string) {',
    '      const s = byId.get(id);',
    '      if (!s) throw new Error(`no participant "${id}"`);',
    '      return s;',
    '    },',
    '  };',
    '}',
    '',
  ].join('\n');
}

export interface ProcessTests {
  file: string;
  content: string;
  paths: number;
  /** Coverage targets (elements and flows) no path reaches; listed in the file header. */
  uncovered: string[];
}

export function printProcessTests(manifest: AppManifest, p: ProcessManifest, ir: ProcessIR, cast: HardhatCast): ProcessTests {
  const found = findConformingPaths(ir, { participants: cast.members.map((m) => ({ id: m.id, roles: m.roles })) });
  const uncovered = found.uncovered.map((t) => `${t.kind} ${t.label}`);
  const roleNames = (roles: string[]) => roles.map((r) => manifest.roles.find((x) => x.id === r)?.name ?? r).join(' or ');
  const who = (id: string) => cast.members.find((m) => m.id === id)?.name ?? id;
  const call = (fn: string, signer: string, args: string[]) =>
    `contract.connect(${signer})${CONTRACT_MEMBERS.has(fn) ? `.getFunction(${str(fn)})` : `.${fn}`}(${args.join(', ')})`;
  const argsOf = (fields: FieldManifest[], step: Extract<PathStep, { kind: 'start' | 'task' }>, hasChoice: boolean) => [
    ...fields.map((f) => (step.nominees[f.name] !== undefined ? `c.signer(${str(step.nominees[f.name])}).address` : valueLiteral(f.type, step.data[f.name]))),
    ...(hasChoice ? [String(step.choice ?? 0)] : []),
  ];

  /** Code of one step; `check` false leaves the outcome to the caller (the negative test). */
  const stepCode = (step: PathStep, n: number, last: boolean): string[] => {
    const lines: string[] = [];
    if (step.kind === 'trigger') {
      const timer = (p.timers ?? [])[step.timer];
      lines.push(`    // ${n}. "${oneLine(step.name)}" fires once ${step.waitSeconds} s have passed; anyone may trigger it`);
      lines.push(`    await networkHelpers.time.increase(${Math.max(1, step.waitSeconds)});`);
      lines.push(`    tx = await ${call(timer.functionName, 'c.operator', ['id'])};`);
      lines.push('    await expect(tx).to.emit(contract, "TimerFired");');
    } else {
      const isStart = step.kind === 'start';
      const spec = isStart ? p.start : p.tasks[step.task];
      const choiceNote = spec.choice && step.choice !== undefined ? `, choosing ${describeChoice(spec.choice, step.choice)}` : '';
      lines.push(`    // ${n}. "${oneLine(step.name)}" by ${oneLine(who(step.as))}${step.role ? ` (${oneLine(roleNames([step.role]))})` : ''}${choiceNote}`);
      const args = [...(isStart ? [] : ['id']), ...argsOf(spec.fields, step, spec.choice !== undefined)];
      lines.push(`    ${isStart ? 'let tx = ' : 'tx = '}await ${call(isStart ? 'startInstance' : spec.functionName, `c.signer(${str(step.as)})`, args)};`);
      if (isStart) {
        lines.push('    await expect(tx).to.emit(contract, "InstanceStarted");');
        lines.push('    const id = await contract.instanceCount();');
      } else lines.push(`    await expect(tx).to.emit(contract, ${str((spec as { eventName: string }).eventName)});`);
    }
    if (last) lines.push('    await expect(tx).to.emit(contract, "InstanceEnded").withArgs(id);');
    lines.push(`    expect(await contract.marking(id)).to.equal(${step.marking}n);`);
    return lines;
  };

  const pathTest = (path: ConformingPath, i: number) => [
    `  it(${str(`path ${i + 1}: ${title(path)}`)}, async function () {`,
    '    const c = await networkHelpers.loadFixture(deployed);',
    `    const contract = await ethers.getContractAt(${str(p.contractName)}, ${member('c', p.contractName)});`,
    ...path.steps.flatMap((s, k) => stepCode(s, k + 1, k === path.steps.length - 1)),
    '  });',
  ];

  const body = [...found.paths.flatMap((path, i) => ['', ...pathTest(path, i)]), ...negativeTest()];
  function negativeTest(): string[] {
    const first = found.paths[0]?.steps ?? [];
    const k = first.findIndex((s) => s.kind === 'task');
    const head = [
      '    const c = await networkHelpers.loadFixture(deployed);',
      `    const contract = await ethers.getContractAt(${str(p.contractName)}, ${member('c', p.contractName)});`,
    ];
    if (k > 0) {
      const step = first[k] as Extract<PathStep, { kind: 'task' }>;
      const task = p.tasks[step.task];
      const args = ['id', ...argsOf(task.fields, step, task.choice !== undefined)];
      return ['', `  it(${str(`refuses "${step.name}" from an account without role ${roleNames([task.role])}`)}, async function () {`, ...head,
        ...first.slice(0, k).flatMap((s, j) => stepCode(s, j + 1, false)),
        `    await expect(${call(task.functionName, 'c.outsider', args)})`,
        `      .to.be.revertedWithCustomError(contract, "CallerLacksRole").withArgs(c.outsider.address, ${str(task.name)}, ${str(roleNames([task.role]))});`,
        `    expect(await contract.marking(id)).to.equal(${first[k - 1].marking}n);`,
        '  });'];
    }
    const start = first[0] as Extract<PathStep, { kind: 'start' }> | undefined;
    if (!start) return [];
    const args = argsOf(p.start.fields, start, p.start.choice !== undefined);
    const revert = p.start.roles.length
      ? `.to.be.revertedWithCustomError(contract, "CallerLacksRole").withArgs(c.outsider.address, ${str(p.start.name)}, ${str(roleNames(p.start.roles))})`
      : '.to.be.revertedWithCustomError(contract, "NotAMember").withArgs(c.outsider.address)';
    return ['', `  it(${str(`refuses to start "${p.name}" for an account that is ${p.start.roles.length ? `not ${roleNames(p.start.roles)}` : 'no member'}`)}, async function () {`, ...head,
      `    await expect(${call('startInstance', 'c.outsider', args)})`, `      ${revert};`, '    expect(await contract.instanceCount()).to.equal(0n);', '  });'];
  }

  const content = [
    '/**',
    ` * Generated by ChainFlow Studio: the conforming paths of process "${oneLine(p.name)}" (${p.contractName}).`,
    ' * Together they take every task, timer, gateway branch and end event the search could reach.',
    ...(uncovered.length ? [' * Not reached by any path (unreachable, or beyond the search):', ...uncovered.map((u) => ` *   - ${oneLine(u)}`)] : []),
    ' */',
    'import { expect } from "chai";',
    'import { network } from "hardhat";',
    'import { deployConsortium } from "./helpers/consortium.js";',
    '',
    'const connection = await network.create();',
    'const { ethers, networkHelpers } = connection;',
    '',
    'async function deployed() {',
    '  return deployConsortium(connection);',
    '}',
    '',
    `describe(${str(`${p.name} (${p.contractName})`)}, function () {`,
    ...body.slice(1),
    '});',
    '',
  ].join('\n');
  return { file: `test/${p.contractName}.ts`, content, paths: found.paths.length, uncovered };
}

function describeChoice(choice: NonNullable<ProcessManifest['start']['choice']>, index: number): string {
  if (index === 0) return `the default flow "${oneLine(choice.defaultFlowName ?? choice.defaultFlowId ?? '')}" (0)`;
  return `"${oneLine(choice.options[index - 1]?.name ?? '')}" (${index})`;
}

function title(path: ConformingPath): string {
  const names = path.steps.map((s) => (s.kind === 'trigger' ? `⏱ ${s.name}` : s.name));
  const shown = names.length > 8 ? [...names.slice(0, 4), '…', ...names.slice(-3)] : names;
  return shown.join(' → ');
}

/** Names go into `//` comments and titles: no line breaks. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
