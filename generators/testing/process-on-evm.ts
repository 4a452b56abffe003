/**
 * Test support (Node and tests only, never imported by the app): a generated workspace compiled
 * and deployed on a bare @ethereumjs EVM (cancun, as the bundled ledger), driven by calls that
 * change state without signing or mining. Deploys once; each call costs well under a millisecond
 * of overhead, so the differential tests can run thousands of steps. Uses ethers' Interface for
 * ABI coding only.
 */
import { createCustomCommon, Hardfork, Mainnet } from '@ethereumjs/common';
import { Address, bytesToHex, createAddressFromString, hexToBytes } from '@ethereumjs/util';
import { createVM, type VM } from '@ethereumjs/vm';
import { createBlock, type Block } from '@ethereumjs/block';
import { Interface, type InterfaceAbi } from 'ethers';
import { generateWorkspace, type GenerateOutput } from '../generate-workspace.js';
import { compileSolidity } from '../compile/solc-node.js';
import { REGISTRY_CONTRACT } from '../solidity/build-registry-contract.js';
import { hasErrors, formatProblem } from '../problems.js';
import type { Workspace } from '../model/workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import type { FeelValue } from '../feel/evaluate-feel.js';

const PANIC_SELECTOR = '0x4e487b71';
const GAS = 30_000_000n;

export interface EvmStep {
  ok: boolean;
  /** The custom error's name, or 'Panic'; set when ok is false. */
  error?: string;
  /** The custom error's arguments as the ABI decodes them (what the app shows); set with `error`. */
  errorArgs?: unknown[];
  /** Events the call emitted, decoded with the process ABI. */
  events: { name: string; args: Record<string, unknown> }[];
}

export interface DeployedProcess {
  ir: ProcessIR;
  generated: GenerateOutput;
  /** Account address (lowercase hex) of each participant id of the workspace. */
  accountOf: Map<string, string>;
  /** Starts an instance as `participantId`; on success the new instance id is `instanceId`. */
  /** `now`: the block timestamp the call runs at (seconds; default TEST_EPOCH). */
  start(participantId: string, values: readonly FeelValue[], choice?: number, now?: bigint): Promise<EvmStep & { instanceId?: bigint }>;
  complete(instanceId: bigint, taskIndex: number, participantId: string, values: readonly FeelValue[], choice?: number, now?: bigint): Promise<EvmStep>;
  /** Calls the trigger function of timer `timerIndex` (into `ir.timers`) at block time `now`. */
  trigger(instanceId: bigint, timerIndex: number, participantId: string, now: bigint): Promise<EvmStep>;
  marking(instanceId: bigint): Promise<bigint>;
  /** `boundTo(instanceId, k)` for every role binding k (lowercase hex; zero while unbound). */
  boundTo(instanceId: bigint): Promise<string[]>;
  /** `nextStartDueAt()` of a process with a timer start event. */
  nextStartDueAt(): Promise<bigint>;
  /** Any function of the process by name, called by the deployer: its decoded result, or the revert as in EvmStep. */
  view(functionName: string, args: readonly unknown[]): Promise<EvmStep & { result?: unknown[] }>;
}

/** Block time of calls that do not say (2025-01-01T00:00:00Z): a realistic size, far from uint64 limits. */
export const TEST_EPOCH = 1_735_689_600n;

/** A deterministic distinct account per participant id (no keys needed: calls are not signed). */
function accountFor(n: number): Address {
  return createAddressFromString(`0x${(0x1000 + n).toString(16).padStart(40, '0')}`);
}

/**
 * Generates, compiles and deploys the first process of `workspace` with its registry; every
 * participant of the workspace becomes a member with its roles.
 * @throws Error with the problems when the workspace does not generate or compile.
 */
export async function deployProcess(workspace: Workspace): Promise<DeployedProcess> {
  const generated = await generateWorkspace(workspace);
  if (hasErrors(generated.problems)) throw new Error(`the model does not generate:\n${generated.problems.map(formatProblem).join('\n')}`);
  // only what is deployed: the registry and the first process (a workspace's other processes, e.g. the ones it
  // calls, are inlined in it already; compiling them too would double the time of the call tests)
  const compiled = await compileSolidity(generated.sources.filter((s) => s.file === `${REGISTRY_CONTRACT}.sol` || s.file === generated.processes[0].file));
  if (!compiled.ok) throw new Error(`the generated code does not compile:\n${compiled.diagnostics.map((d) => d.message).join('\n')}`);
  const artifact = (contract: string) => {
    for (const file of Object.values(compiled.contracts)) if (file[contract]) return file[contract];
    throw new Error(`no compiled contract ${contract}`);
  };
  const { ir } = generated.processes[0];
  const registryArtifact = artifact('ConsortiumRegistry');
  const processArtifact = artifact(ir.contractName);
  const registryAbi = new Interface(registryArtifact.abi as InterfaceAbi);
  const abi = new Interface(processArtifact.abi as InterfaceAbi);

  const common = createCustomCommon({ chainId: 1337, name: 'differential' }, Mainnet, { hardfork: Hardfork.Cancun });
  // the random models can grow past the 24 KB code size limit (EIP-170) and, with processes inlined by nested
  // calls, past the 48 KB initcode limit (EIP-3860); what these tests check is behaviour, not size
  const vm: VM = await createVM({ common, evmOpts: { allowUnlimitedContractSize: true, allowUnlimitedInitCodeSize: true } });
  const deployer = accountFor(0);
  const accounts = workspace.participants.map((_, i) => accountFor(i + 1));
  const roleBits = workspace.participants.map((p) => p.roles.reduce((bits, r) => bits | (1n << BigInt(generated.roles.find((x) => x.id === r)!.bit)), 0n));

  // block.timestamp comes from the block a call runs in: one header per distinct time, reused
  const blocks = new Map<bigint, Block>();
  const blockAt = (now: bigint) => {
    let block = blocks.get(now);
    if (!block) blocks.set(now, (block = createBlock({ header: { timestamp: now, number: 1n, gasLimit: GAS } }, { common })));
    return block;
  };
  const run = async (caller: Address, data: string, to?: Address, now = TEST_EPOCH) => {
    const r = await vm.evm.runCall({ caller, to, data: hexToBytes(data as `0x${string}`), gasLimit: GAS, block: blockAt(now) });
    return r;
  };
  const create = async (bytecode: string, args: string) => {
    const r = await run(deployer, bytecode + args.slice(2));
    if (r.execResult.exceptionError || !r.createdAddress) throw new Error(`deployment failed: ${r.execResult.exceptionError?.error}`);
    return r.createdAddress;
  };
  const registry = await create(registryArtifact.bytecode, registryAbi.encodeDeploy([accounts.map((a) => a.toString()), accounts.map(() => 1), roleBits]));
  const process = await create(processArtifact.bytecode, abi.encodeDeploy([registry.toString()]));
  const attached = await run(deployer, registryAbi.encodeFunctionData('attachProcess', [process.toString()]), registry);
  if (attached.execResult.exceptionError) throw new Error('attachProcess reverted');

  const call = async (participantId: string, data: string, now?: bigint): Promise<EvmStep & { returnValue: Uint8Array }> => {
    const index = workspace.participants.findIndex((p) => p.id === participantId);
    const caller = index >= 0 ? accounts[index] : accountFor(9999); // an outsider
    const r = await run(caller, data, process, now);
    const failure = r.execResult.exceptionError;
    if (failure) {
      if (failure.error !== 'revert') return { ok: false, error: `EVM ${failure.error}`, events: [], returnValue: r.execResult.returnValue };
      const revert = bytesToHex(r.execResult.returnValue);
      const parsed = revert.startsWith(PANIC_SELECTOR) ? undefined : abi.parseError(revert);
      const error = revert.startsWith(PANIC_SELECTOR) ? 'Panic' : (parsed?.name ?? `unknown revert ${revert}`);
      return { ok: false, error, ...(parsed ? { errorArgs: [...parsed.args] } : {}), events: [], returnValue: r.execResult.returnValue };
    }
    const events = (r.execResult.logs ?? []).map(([, topics, logData]) => {
      const parsed = abi.parseLog({ topics: topics.map((t) => bytesToHex(t)), data: bytesToHex(logData) });
      if (!parsed) throw new Error('a log the process ABI does not describe');
      return { name: parsed.name, args: Object.fromEntries(parsed.fragment.inputs.map((input, i) => [input.name, parsed.args[i]])) };
    });
    return { ok: true, events, returnValue: r.execResult.returnValue };
  };
  const argsOf = (writes: { field: number }[], values: readonly FeelValue[]) => writes.map((w) => values[w.field]);

  return {
    ir, generated,
    // 'outsider' (random-trace's OUTSIDER) is not in the registry; anyone may trigger a timer
    accountOf: new Map([...workspace.participants.map((p, i): [string, string] => [p.id, accounts[i].toString()]), ['outsider', accountFor(9999).toString()]]),
    async start(participantId, values, choice, now) {
      const args = [...argsOf(ir.start.writes, values), ...(ir.start.choice !== undefined ? [choice ?? 0] : [])];
      const r = await call(participantId, abi.encodeFunctionData('startInstance', args), now);
      if (!r.ok) return r;
      return { ...r, instanceId: abi.decodeFunctionResult('startInstance', r.returnValue)[0] as bigint };
    },
    async complete(instanceId, taskIndex, participantId, values, choice, now) {
      const task = ir.tasks[taskIndex];
      const args = [instanceId, ...argsOf(task.writes, values), ...(task.choice !== undefined ? [choice ?? 0] : [])];
      return call(participantId, abi.encodeFunctionData(task.identifier, args), now);
    },
    async trigger(instanceId, timerIndex, participantId, now) {
      return call(participantId, abi.encodeFunctionData(`trigger${ir.timers[timerIndex].identifier}`, [instanceId]), now);
    },
    async marking(instanceId) {
      const r = await run(deployer, abi.encodeFunctionData('marking', [instanceId]), process);
      return abi.decodeFunctionResult('marking', r.execResult.returnValue)[0] as bigint;
    },
    async nextStartDueAt() {
      const r = await run(deployer, abi.encodeFunctionData('nextStartDueAt', []), process);
      return abi.decodeFunctionResult('nextStartDueAt', r.execResult.returnValue)[0] as bigint;
    },
    async view(functionName, args) {
      const r = await run(deployer, abi.encodeFunctionData(functionName, args), process);
      if (r.execResult.exceptionError) {
        const revert = bytesToHex(r.execResult.returnValue);
        return { ok: false, error: revert.startsWith(PANIC_SELECTOR) ? 'Panic' : (abi.parseError(revert)?.name ?? `unknown revert ${revert}`), events: [] };
      }
      return { ok: true, events: [], result: [...abi.decodeFunctionResult(functionName, r.execResult.returnValue)] };
    },
    async boundTo(instanceId) {
      const out: string[] = [];
      for (let k = 0; k < ir.bindings.length; k++) {
        const r = await run(deployer, abi.encodeFunctionData('boundTo', [instanceId, k]), process);
        out.push(String(abi.decodeFunctionResult('boundTo', r.execResult.returnValue)[0]).toLowerCase());
      }
      return out;
    },
  };
}
