/**
 * Puts a compiled workspace on a chain: the registry with every participant that has an
 * address, then each process contract, each attached to the registry (which pushes the role
 * cache into it). Returns the deployment record the app and the CLI drive the contracts with.
 */
import { ContractFactory, Contract, keccak256, toUtf8Bytes, type Signer } from 'ethers';
import type { AppManifest, DeploymentRecord } from '../../generators/index.js';
import type { DeployOptions } from './chain-api.js';

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

export async function deployWorkspace(manifest: AppManifest, signer: Signer, opts: DeployOptions): Promise<DeploymentRecord> {
  const provider = signer.provider;
  if (!provider) throw new Error('the deploying signer is not connected to a chain');
  const network = await provider.getNetwork();
  const step = opts.onStep ?? (() => {});

  const registryFactory = new ContractFactory(manifest.registry.abi as never, manifest.registry.bytecode, signer);
  const registry = await registryFactory.deploy(...memberArguments(manifest));
  const registryTx = registry.deploymentTransaction()!;
  step({ step: 'registry', contractName: manifest.registry.contractName, txHash: registryTx.hash, status: 'sent' });
  const registryReceipt = (await registryTx.wait())!;
  const registryAddress = await registry.getAddress();
  step({ step: 'registry', contractName: manifest.registry.contractName, txHash: registryTx.hash, gasUsed: registryReceipt.gasUsed, status: 'confirmed' });

  const processes: DeploymentRecord['processes'] = {};
  const attach = new Contract(registryAddress, manifest.registry.abi as never, signer);
  for (const p of manifest.processes) {
    const factory = new ContractFactory(p.abi as never, p.bytecode, signer);
    const contract = await factory.deploy(registryAddress);
    const tx = contract.deploymentTransaction()!;
    step({ step: 'process', contractName: p.contractName, txHash: tx.hash, status: 'sent' });
    const receipt = (await tx.wait())!;
    const address = await contract.getAddress();
    step({ step: 'process', contractName: p.contractName, txHash: tx.hash, gasUsed: receipt.gasUsed, status: 'confirmed' });
    const attachTx = await attach.attachProcess(address);
    step({ step: 'attach', contractName: p.contractName, txHash: attachTx.hash, status: 'sent' });
    const attachReceipt = await attachTx.wait();
    step({ step: 'attach', contractName: p.contractName, txHash: attachTx.hash, gasUsed: attachReceipt.gasUsed, status: 'confirmed' });
    processes[p.id] = { address, txHash: tx.hash, blockNumber: receipt.blockNumber };
  }

  return {
    network: opts.network,
    chainId: Number(network.chainId),
    deployedAt: new Date().toISOString(),
    deployer: await signer.getAddress(),
    registry: { address: registryAddress, txHash: registryTx.hash, blockNumber: registryReceipt.blockNumber },
    processes,
    sourceHash: designHash(manifest),
  };
}
