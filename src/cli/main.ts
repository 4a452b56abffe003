/**
 * ChainFlow Studio command line. A public interface: commands, exit codes and --json output are
 * stable and documented in README.md.
 *
 *   compile <workspace.json | process.bpmn> --out DIR [--json]
 *   run     <workspace.json | process.bpmn> --trace trace.json [--rpc URL --deployment record.json] [--json]
 *   deploy  <workspace.json | process.bpmn> --rpc URL [--record FILE] [--keystore FILE] ... (see USAGE)
 *   export  <workspace.json | process.bpmn> --out DIR [--format sources|hardhat] [--force] [--json]
 *
 * Exit codes: 0 success, 1 the model has errors or a step did not behave as expected,
 * 2 bad command line.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, hasErrors, type Problem } from '../../generators/index.js';
import { buildWorkspace } from './node-toolchain.js';
import { readInput } from './read-input.js';
import { withDevAddresses } from './dev-keys.js';
import { parseTrace, runTrace, type TraceChain } from './run-trace.js';
import { isoTime } from './trace-time.js';
import { deployCommand, type DeployFlags } from './deploy-command.js';
import { EXPORT_USAGE, exportCommand } from './export-command.js';
import { createNetworkProvider } from '../chain/network.js';
import type { DeploymentRecord } from '../../generators/index.js';

const USAGE = `usage:
  npm run cli -- compile <workspace.json | process.bpmn> --out DIR [--json]
  npm run cli -- run <workspace.json | process.bpmn> --trace trace.json [--rpc URL --deployment record.json] [--json]
  npm run cli -- deploy <workspace.json | process.bpmn> --rpc URL [--chain-id N] [--record FILE]
      [--key-env NAME | --keystore FILE [--passphrase-env NAME]] [--registry ADDRESS]
      [--gas free|market] [--network NAME] [--wait SECONDS] [--dev-addresses] [--json]
  ${EXPORT_USAGE}`;

interface Args {
  command?: string;
  input?: string;
  flags: Record<string, string | true>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const key = a.slice(2);
      const next = argv[i + 1];
      if (key === 'json' || key === 'dev-addresses') args.flags[key] = true;
      else if (next !== undefined && !next.startsWith('--')) args.flags[key] = argv[++i];
      else args.flags[key] = true;
    } else if (!args.command) args.command = a;
    else if (!args.input) args.input = a;
  }
  return args;
}

function printProblems(problems: Problem[]) {
  for (const p of problems) process.stderr.write(`${p.severity === 'warning' ? 'warning: ' : ''}${formatProblem(p)}\n`);
}

async function compile(input: string, out: string, json: boolean): Promise<number> {
  const read = await readInput(input);
  if (!read.workspace) {
    printProblems(read.problems);
    return 1;
  }
  const built = await buildWorkspace(read.workspace);
  const problems = [...read.problems, ...built.problems];
  if (hasErrors(problems) || !built.manifest || !built.compiled) {
    printProblems(problems);
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, problems }, null, 2)}\n`);
    return 1;
  }
  printProblems(problems);
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  const write = (name: string, content: string) => {
    writeFileSync(join(out, name), content);
    files.push(name);
  };
  for (const s of built.generated.sources) write(s.file, s.content);
  for (const contracts of Object.values(built.compiled.contracts)) {
    for (const [name, artifact] of Object.entries(contracts)) {
      if (artifact.bytecode === '0x') continue; // interfaces
      write(`${name}.abi.json`, `${JSON.stringify(artifact.abi, null, 2)}\n`);
      write(`${name}.bin`, `${artifact.bytecode}\n`);
    }
  }
  write('manifest.json', `${JSON.stringify(built.manifest, null, 2)}\n`);
  const summary = {
    ok: true,
    out,
    files,
    contracts: [built.manifest.registry.contractName, ...built.manifest.processes.map((p) => p.contractName)],
    compiler: built.manifest.compiler,
    warnings: problems.filter((p) => p.severity === 'warning').map(formatProblem),
  };
  if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else process.stdout.write(`compiled ${summary.contracts.join(', ')} into ${out} (${files.length} files)\n`);
  return 0;
}

/** `run --rpc URL --deployment FILE`: replay against contracts already on a chain. */
function traceChain(flags: Args['flags']): TraceChain | undefined | string {
  if (flags.rpc === undefined && flags.deployment === undefined) return undefined;
  if (typeof flags.rpc !== 'string' || typeof flags.deployment !== 'string') return '--rpc URL and --deployment record.json go together';
  let deployment: DeploymentRecord;
  try {
    deployment = JSON.parse(readFileSync(flags.deployment, 'utf8')) as DeploymentRecord;
  } catch (e) {
    return `${flags.deployment}: not a deployment record: ${(e as Error).message}`;
  }
  const gas = flags.gas === 'market' ? 'market' : 'free';
  return { provider: createNetworkProvider(flags.rpc, { chainId: deployment.chainId, gas }), deployment };
}

async function run(input: string, tracePath: string, json: boolean, chain?: TraceChain): Promise<number> {
  const read = await readInput(input);
  if (!read.workspace) {
    printProblems(read.problems);
    return 1;
  }
  let steps;
  try {
    steps = parseTrace(JSON.parse(readFileSync(tracePath, 'utf8')));
  } catch (e) {
    process.stderr.write(`${tracePath}: ${(e as Error).message}\n`);
    return 1;
  }
  const workspace = withDevAddresses(read.workspace);
  const built = await buildWorkspace(workspace);
  if (hasErrors(built.problems) || !built.manifest) {
    printProblems(built.problems);
    return 1;
  }
  const result = await runTrace(workspace, built.manifest, steps, chain);
  if (json) {
    process.stdout.write(`${JSON.stringify({
      steps: result.steps.map((s) => ({ task: s.task, as: s.as, gasUsed: s.gasUsed, status: s.status, expected: s.expected, ...(s.reason ? { reason: s.reason } : {}), ...(s.blockTime !== undefined ? { blockTime: s.blockTime } : {}) })),
      ended: result.ended,
      deployGas: result.deployGas,
      instanceId: result.instanceId,
      enabled: result.enabled,
    }, null, 2)}\n`);
  } else {
    process.stdout.write(`deployed ${built.manifest.processes.map((p) => p.contractName).join(', ')} (deploy gas ${result.deployGas.toLocaleString('en-US')})\n`);
    for (const s of result.steps) {
      const gas = s.gasUsed === null ? '' : `, gas ${s.gasUsed.toLocaleString('en-US')}`;
      const mark = s.asExpected ? 'ok  ' : 'FAIL';
      const outcome = s.status === 'ok' ? 'done' : `reverted: ${s.reason}`;
      const at = s.blockTime === undefined ? '' : ` at ${isoTime(s.blockTime)}`;
      process.stdout.write(`${mark} ${String(s.index).padStart(2)}. ${s.task} as ${s.as}${s.participant && s.participant !== s.as ? ` (${s.participant})` : ''}${at}: ${outcome}${gas}${s.asExpected ? '' : ` (expected ${s.expected})`}\n`);
    }
    process.stdout.write(result.instanceId === null ? 'no instance was started\n'
      : result.ended ? `instance #${result.instanceId} ended\n`
        : `instance #${result.instanceId} has not ended; waiting for: ${result.enabled.join(', ') || 'nothing'}\n`);
  }
  return result.ok ? 0 : 1;
}

function deployFlags(f: Args['flags']): DeployFlags | string {
  const text = (key: string): string | undefined => (typeof f[key] === 'string' ? (f[key] as string) : undefined);
  for (const key of ['chain-id', 'record', 'key-env', 'keystore', 'passphrase-env', 'registry', 'gas', 'network', 'wait']) {
    if (f[key] === true) return `--${key} needs a value`;
  }
  const chainId = text('chain-id') === undefined ? undefined : Number(text('chain-id'));
  if (chainId !== undefined && !(Number.isInteger(chainId) && chainId > 0)) return `--chain-id must be a positive integer, not "${text('chain-id')}"`;
  const gas = text('gas') ?? 'free';
  if (gas !== 'free' && gas !== 'market') return `--gas must be "free" or "market", not "${gas}"`;
  const waitSeconds = Number(text('wait') ?? 60);
  if (!(waitSeconds > 0)) return `--wait must be a number of seconds, not "${text('wait')}"`;
  const registry = text('registry');
  if (registry !== undefined && !/^0x[0-9a-fA-F]{40}$/.test(registry)) return `--registry must be an address (0x + 40 hex digits), not "${registry}"`;
  return {
    rpc: text('rpc')!, chainId, gas, waitSeconds, registry,
    keyEnv: text('key-env') ?? 'CHAINFLOW_DEPLOYER_KEY',
    keystore: text('keystore'),
    passphraseEnv: text('passphrase-env') ?? 'CHAINFLOW_KEYSTORE_PASSPHRASE',
    record: text('record'),
    network: text('network'),
    devAddresses: f['dev-addresses'] === true,
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const json = args.flags.json === true;
  if (args.command === 'compile' && args.input && typeof args.flags.out === 'string') return compile(args.input, args.flags.out, json);
  if (args.command === 'run' && args.input && typeof args.flags.trace === 'string') {
    const chain = traceChain(args.flags);
    if (typeof chain === 'string') {
      process.stderr.write(`${chain}\n`);
      return 2;
    }
    return run(args.input, args.flags.trace, json, chain);
  }
  if (args.command === 'deploy' && args.input && typeof args.flags.rpc === 'string') {
    const flags = deployFlags(args.flags);
    if (typeof flags === 'string') {
      process.stderr.write(`${flags}\n${USAGE}\n`);
      return 2;
    }
    return deployCommand(args.input, flags);
  }
  if (args.command === 'export' && args.input) return exportCommand(args.input, args.flags);
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    // an unexpected failure is a bug of ours: say so plainly, without a stack trace for users
    process.stderr.write(`internal error: ${(err as Error)?.message ?? err}\n`);
    if (process.env.CHAINFLOW_DEBUG) console.error(err);
    process.exit(1);
  },
);
