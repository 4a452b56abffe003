/**
 * Puts a compiled workspace on a chain: the registry with every participant that has an address
 * (or the consortium's existing registry, given by address), then each process contract, each
 * attached to the registry (which pushes the role cache into it).
 *
 * The deployment record is kept up to date after every transaction (`onRecord`), so a deployment
 * stopped half-way (a closed tab, a node that went away, a dropped transaction) resumes from its
 * record: finished steps are checked on chain and skipped, a transaction that was sent but not yet
 * seen mined is looked up before anything is sent again. Nothing is deployed twice.
 */
import { Contract, ContractFactory, Interface, keccak256, toUtf8Bytes, type Provider, type Signer, type TransactionReceipt } from 'ethers';
import type { AppManifest, DeploymentRecord } from '../../generators/index.js';
import type { DeployOptions, DeployStep } from './chain-api.js';
import { sendAndWait, waitForReceipt } from './send-and-wait.js';

/** Identifies the compiled design: changes whenever any generated contract's code does. */
export function designHash(manifest: AppManifest): string {
  return keccak256(toUtf8Bytes([manifest.registry.bytecode, ...manifest.processes.map((p) => p.bytecode)].join('|')));
}

/** Registry constructor arguments: accounts, 1-based organization numbers, role bit sets. */
export function memberArguments(manifest: AppManifest): [string[], number[], bigint[]] {
  const members = manifest.participants.filter((p) => p.address);
  return [
    members.map((p) => p.address!),
    members.map((p) => manifest.organizations.find((o) => o.id === p.organization)?.index ?? 0),
    members.map((p) => p.roles.reduce((bits, r) => bits | (1n << BigInt(manifest.roles.find((x) => x.id === r)?.bit ?? 0)), 0n)),
  ];
}

/** Whether a record has every contract deployed and attached. */
export function isComplete(record: DeploymentRecord, manifest: AppManifest): boolean {
  return manifest.processes.every((p) => record.processes[p.id]?.attachTxHash);
}

/** Why a saved record cannot be resumed against this design and chain, or null if it can. */
export function resumeProblem(record: DeploymentRecord, manifest: AppManifest, chainId: number): string | null {
  if (record.chainId !== chainId) return `the saved deployment is for chain ${record.chainId}, this chain is ${chainId}`;
  if (record.sourceHash !== designHash(manifest)) return 'the design changed since the saved deployment began; deploy it anew';
  return null;
}

async function hasCode(provider: Provider, address: string): Promise<boolean> {
  return (await provider.getCode(address)) !== '0x';
}

export async function deployWorkspace(manifest: AppManifest, signer: Signer, opts: DeployOptions): Promise<DeploymentRecord> {
  const provider = signer.provider;
  if (!provider) throw new Error('the deploying signer is not connected to a chain');
  const [network, genesis, deployer] = await Promise.all([provider.getNetwork(), provider.getBlock(0), signer.getAddress()]);
  const chainId = Number(network.chainId);
  const step = opts.onStep ?? (() => {});
  const send = { waitMs: opts.waitMs, retries: opts.retries };

  let record: DeploymentRecord;
  if (opts.resume) {
    const problem = resumeProblem(opts.resume, manifest, chainId);
    if (problem) throw new Error(problem);
    record = structuredClone(opts.resume);
  } else {
    record = {
      network: opts.network,
      chainId,
      genesisHash: genesis?.hash ?? undefined,
      ...(opts.rpcUrl ? { rpcUrl: opts.rpcUrl } : {}),
      deployedAt: new Date().toISOString(),
      deployer,
      registry: { address: '', txHash: '', blockNumber: 0 },
      processes: {},
      sourceHash: designHash(manifest),
      compiler: manifest.compiler,
      status: 'partial',
      gasUsed: '0',
      costWei: '0',
    };
  }
  const save = async () => { await opts.onRecord?.(structuredClone(record)); };
  const account = (receipt: TransactionReceipt) => {
    record.gasUsed = (BigInt(record.gasUsed ?? '0') + receipt.gasUsed).toString();
    record.costWei = (BigInt(record.costWei ?? '0') + receipt.gasUsed * receipt.gasPrice).toString();
  };
  const report = (s: DeployStep) => step(s);

  /** Sends one step's transaction, or finishes the one a stopped deployment left pending. */
  async function run(kind: 'registry' | 'process' | 'attach', contractName: string, processId: string | undefined, request: { to?: string; data: string }): Promise<TransactionReceipt> {
    const left = record.pending;
    if (left && left.step === kind && left.processId === processId) {
      const receipt = await provider!.getTransactionReceipt(left.txHash);
      if (receipt && receipt.status === 1) {
        record.pending = undefined;
        account(receipt);
        report({ step: kind, contractName, txHash: left.txHash, gasUsed: receipt.gasUsed, status: 'confirmed' });
        return receipt;
      }
      // still unknown or failed: its nonce decides below whether sending again is safe
      if (!receipt && (await provider!.getTransaction(left.txHash))) {
        const mined = await waitForReceipt(provider!, left.txHash, opts.waitMs ?? 60_000);
        if (mined && mined.status === 1) {
          record.pending = undefined;
          account(mined);
          report({ step: kind, contractName, txHash: left.txHash, gasUsed: mined.gasUsed, status: 'confirmed' });
          return mined;
        }
      }
      record.pending = undefined;
    }
    const receipt = await sendAndWait(signer, request, {
      ...send,
      onSent: ({ txHash, nonce }) => {
        record.pending = { step: kind, ...(processId ? { processId } : {}), txHash, nonce };
        report({ step: kind, contractName, txHash, status: 'sent' });
        void save();
      },
    });
    record.pending = undefined;
    account(receipt);
    report({ step: kind, contractName, txHash: receipt.hash, gasUsed: receipt.gasUsed, status: 'confirmed' });
    return receipt;
  }

  // 1. the registry: reused, already deployed by this record, or deployed now
  if (opts.registryAddress && !record.registry.address) {
    if (!(await hasCode(provider, opts.registryAddress))) throw new Error(`no contract at the registry address ${opts.registryAddress} on chain ${chainId}`);
    record.registry = { address: opts.registryAddress, txHash: '', blockNumber: 0, reused: true };
    await save();
  }
  if (record.registry.address && !(await hasCode(provider, record.registry.address))) {
    throw new Error(`the saved deployment's registry ${record.registry.address} is not on this chain (was it reset?); deploy anew`);
  }
  if (!record.registry.address) {
    const factory = new ContractFactory(manifest.registry.abi as never, manifest.registry.bytecode, signer);
    const { data } = await factory.getDeployTransaction(...memberArguments(manifest));
    const receipt = await run('registry', manifest.registry.contractName, undefined, { data: data as string });
    record.registry = { address: receipt.contractAddress!, txHash: receipt.hash, blockNumber: receipt.blockNumber };
    await save();
  }

  // 2. each process contract, then its attachment to the registry
  const registry = new Interface(manifest.registry.abi as never);
  for (const p of manifest.processes) {
    let deployed = record.processes[p.id];
    if (deployed && !(await hasCode(provider, deployed.address))) throw new Error(`the saved deployment's ${p.contractName} at ${deployed.address} is not on this chain; deploy anew`);
    if (!deployed) {
      const factory = new ContractFactory(p.abi as never, p.bytecode, signer);
      const { data } = await factory.getDeployTransaction(record.registry.address);
      const receipt = await run('process', p.contractName, p.id, { data: data as string });
      deployed = { address: receipt.contractAddress!, txHash: receipt.hash, blockNumber: receipt.blockNumber };
      record.processes[p.id] = deployed;
      await save();
    }
    if (!deployed.attachTxHash) {
      const receipt = await run('attach', p.contractName, p.id, { to: record.registry.address, data: registry.encodeFunctionData('attachProcess', [deployed.address]) });
      record.processes[p.id] = { ...deployed, attachTxHash: receipt.hash };
      await save();
    }
  }

  record.status = 'complete';
  record.pending = undefined;
  await save();
  return record;
}

/** The deployed registry as an ethers contract (for membership changes). */
export function registryContract(manifest: AppManifest, record: DeploymentRecord, signer: Signer): Contract {
  return new Contract(record.registry.address, manifest.registry.abi as never, signer);
}
