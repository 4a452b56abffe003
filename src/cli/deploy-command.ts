/**
 * `deploy`: puts a workspace on a real chain over JSON-RPC and prints the deployment record as
 * JSON. The deployer key comes from an environment variable or a keystore v3 file (never from
 * the command line, where it would end up in shell history). With --record FILE the record is
 * saved after every transaction and a partial one resumes.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Wallet, type Signer } from 'ethers';
import { formatProblem, hasErrors, type DeploymentRecord, type Problem, type Workspace } from '../../generators/index.js';
import { deployWorkspace, isComplete, resumeProblem, designHash } from '../chain/deploy-workspace.js';
import { checkNetwork, createNetworkProvider, rpcUrlProblem } from '../chain/network.js';
import { buildWorkspace } from './node-toolchain.js';
import { readInput } from './read-input.js';
import { withDevAddresses } from './dev-keys.js';

export interface DeployFlags {
  rpc: string;
  chainId?: number;
  keyEnv: string;
  keystore?: string;
  passphraseEnv: string;
  record?: string;
  registry?: string;
  gas: 'free' | 'market';
  network?: string;
  devAddresses: boolean;
  waitSeconds: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Writes next to the target and renames: a crash never leaves half a record. */
export function writeRecord(path: string, record: DeploymentRecord): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

async function deployerSigner(flags: DeployFlags): Promise<Signer> {
  if (flags.keystore) {
    const passphrase = process.env[flags.passphraseEnv];
    if (passphrase === undefined) throw new Error(`set the keystore's passphrase in the environment variable ${flags.passphraseEnv}`);
    let json: string;
    try {
      json = readFileSync(flags.keystore, 'utf8');
    } catch (e) {
      throw new Error(`${flags.keystore}: cannot read: ${(e as Error).message}`);
    }
    try {
      return await Wallet.fromEncryptedJson(json, passphrase);
    } catch (e) {
      const wrong = /password|invalid/i.test((e as Error).message);
      throw new Error(`${flags.keystore}: ${wrong ? 'wrong passphrase (or not a keystore v3 file)' : (e as Error).message}`);
    }
  }
  const key = process.env[flags.keyEnv];
  if (!key) throw new Error(`no deployer key: set ${flags.keyEnv} to a private key (0x + 64 hex digits) or pass --keystore FILE`);
  try {
    return new Wallet(key.trim());
  } catch {
    throw new Error(`${flags.keyEnv} does not hold a private key (0x + 64 hex digits)`);
  }
}

function printProblems(problems: Problem[]) {
  for (const p of problems) log(`${p.severity === 'warning' ? 'warning: ' : ''}${formatProblem(p)}`);
}

export async function deployCommand(input: string, flags: DeployFlags): Promise<number> {
  const urlProblem = rpcUrlProblem(flags.rpc);
  if (urlProblem) { log(`--rpc ${urlProblem}`); return 2; }
  const read = await readInput(input);
  if (!read.workspace) { printProblems(read.problems); return 1; }
  let workspace: Workspace = flags.devAddresses ? withDevAddresses(read.workspace) : read.workspace;
  const keyless = workspace.participants.filter((p) => !p.address);
  if (keyless.length) {
    log(`${input}: ${keyless.length} participant(s) have no address yet: ${keyless.map((p) => `${p.name} (${p.id})`).join(', ')}`);
    log('create their keys in the IDE (Participants), or pass --dev-addresses for a test chain (deterministic, public dev keys)');
    return 1;
  }
  const built = await buildWorkspace(workspace);
  const problems = [...read.problems, ...built.problems];
  printProblems(problems);
  if (hasErrors(problems) || !built.manifest) return 1;
  const manifest = built.manifest;

  let resume: DeploymentRecord | undefined;
  if (flags.record && existsSync(flags.record)) {
    try {
      resume = JSON.parse(readFileSync(flags.record, 'utf8')) as DeploymentRecord;
    } catch (e) {
      log(`${flags.record}: not a deployment record: ${(e as Error).message}`);
      return 1;
    }
  }

  let signer: Signer;
  try {
    signer = await deployerSigner(flags);
  } catch (e) {
    log((e as Error).message);
    return 1;
  }
  const provider = createNetworkProvider(flags.rpc, { chainId: flags.chainId ?? resume?.chainId ?? 0, gas: flags.gas });
  let connected: ReturnType<typeof createNetworkProvider> | undefined;
  try {
    const check = await checkNetwork(provider, { chainId: flags.chainId ?? resume?.chainId ?? 0, genesisHash: resume?.genesisHash });
    const expectedId = flags.chainId ?? resume?.chainId;
    if (expectedId !== undefined && check.chainId !== expectedId) { log(`${flags.rpc}: ${check.warnings[0]}`); return 1; }
    if (resume?.genesisHash && check.genesisHash !== resume.genesisHash) { log(`${flags.rpc}: ${check.warnings.find((w) => w.includes('genesis'))}`); return 1; }
    log(`connected to ${flags.rpc}: chain ${check.chainId}, block ${check.blockNumber}${check.clientVersion ? `, ${check.clientVersion}` : ''}`);
    // the provider must carry the node's real chain id: transactions are signed for it
    connected = createNetworkProvider(flags.rpc, { chainId: check.chainId, gas: flags.gas });
    if (resume) {
      const problem = resumeProblem(resume, manifest, check.chainId);
      if (problem) { log(`${flags.record}: ${problem} (move the file away to deploy anew)`); return 1; }
      if (resume.status === 'complete' && isComplete(resume, manifest)) {
        log(`${flags.record}: already deployed (design ${designHash(manifest).slice(0, 10)}…); nothing to do`);
        process.stdout.write(`${JSON.stringify(resume, null, 2)}\n`);
        return 0;
      }
      log(`resuming the deployment saved in ${flags.record}`);
    }
    const record = await deployWorkspace(manifest, signer.connect(connected!), {
      network: flags.network ?? resume?.network ?? new URL(flags.rpc).host,
      rpcUrl: flags.rpc,
      resume,
      registryAddress: flags.registry,
      waitMs: flags.waitSeconds * 1000,
      onStep: (s) => log(`${s.status === 'sent' ? 'sent     ' : 'confirmed'} ${s.step.padEnd(8)} ${s.contractName ?? ''} ${s.txHash ?? ''}${s.gasUsed !== undefined ? ` gas ${s.gasUsed.toLocaleString('en-US')}` : ''}`),
      onRecord: (r) => { if (flags.record) writeRecord(flags.record, r); },
    });
    process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    return 0;
  } catch (e) {
    log(`deploy to ${flags.rpc} failed: ${(e as Error).message}${flags.record ? ` (progress is saved in ${flags.record}; run the same command again to resume)` : ''}`);
    return 1;
  } finally {
    provider.destroy();
    connected?.destroy();
  }
}
