/**
 * Replays a trace against a freshly deployed copy of the workspace on an in-process ledger.
 * A trace is a JSON list of steps: { task: "start" | task name or id | timer name or id, as: role or
 * participant, data?: { field: value }, choose?: flow name or id, expect?: "revert", at?: date-time or
 * Unix seconds, after?: duration or seconds } (at/after: trace-time.ts). Naming a timer triggers it.
 */
import type { Provider, Signer } from 'ethers';
import type { AppManifest, DeploymentRecord, FieldManifest, Workspace } from '../../generators/index.js';
import { createLedgerEngine, type LedgerEngine } from '../ledger/engine/index.js';
import { createInProcessProvider } from '../ledger/client/in-process-provider.js';
import { createEthersProvider } from '../ledger/client/ethers-provider.js';
import { deployWorkspace } from '../chain/deploy-workspace.js';
import { createProcessClient } from '../chain/process-client.js';
import { DEPLOYER_ID, devWallet } from './dev-keys.js';
import { triggerTimer } from '../panels/app/trigger-timer.js';
import { createTraceClock, readStepTime, setStepTime } from './trace-time.js';

export interface TraceStep {
  task: string;
  as: string;
  data?: Record<string, unknown>;
  choose?: string;
  expect?: 'revert' | 'ok';
  /** Which process of the workspace (id); default the first. */
  process?: string;
  /** The step's block time: an ISO 8601 date-time with a zone, or Unix seconds. */
  at?: string | number;
  /** Time passed since the latest block before the step: an ISO 8601 duration, or seconds. */
  after?: string | number;
}

export interface StepResult {
  index: number;
  task: string;
  as: string;
  participant?: string;
  gasUsed: number | null;
  status: 'ok' | 'reverted';
  expected: 'ok' | 'revert';
  asExpected: boolean;
  reason?: string;
  txHash?: string;
  /** 21,000 plus the calldata cost of the transaction: what any call costs before running code. */
  intrinsicGas?: number;
  /** The block time the step asked for (Unix seconds); only on steps with "at" or "after". */
  blockTime?: number;
}

export interface TraceResult {
  deployGas: number;
  steps: StepResult[];
  instanceId: string | null;
  ended: boolean;
  enabled: string[];
  ok: boolean;
}

/** A step the trace itself gets wrong (no such task, no such flow): no transaction was sent. */
class TraceError extends Error {}

export function parseTrace(json: unknown): TraceStep[] {
  if (!Array.isArray(json)) throw new Error('a trace must be a JSON list of steps');
  return json.map((s, i) => {
    if (!s || typeof s !== 'object') throw new Error(`step ${i + 1}: must be an object`);
    const step = s as Record<string, unknown>;
    if (typeof step.task !== 'string') throw new Error(`step ${i + 1}: "task" must be "start" or a task name or id`);
    if (typeof step.as !== 'string') throw new Error(`step ${i + 1}: "as" must name a role or a participant`);
    if (step.expect !== undefined && step.expect !== 'revert' && step.expect !== 'ok') throw new Error(`step ${i + 1}: "expect" may only be "revert" or "ok"`);
    try {
      readStepTime(step);
    } catch (e) {
      throw new Error(`step ${i + 1}: ${(e as Error).message}`);
    }
    return step as unknown as TraceStep;
  });
}

/** Where a trace runs: by default a fresh in-process ledger; or an existing chain and deployment. */
export interface TraceChain {
  provider: Provider;
  /** The deployment to act in (participants must hold the dev keys: deploy with --dev-addresses). */
  deployment: DeploymentRecord;
}

export async function runTrace(workspace: Workspace, manifest: AppManifest, steps: TraceStep[], chain?: TraceChain): Promise<TraceResult> {
  let engine: LedgerEngine | undefined;
  let provider: Provider;
  let deployment: DeploymentRecord;
  let deployGas = 0n;
  // the in-process ledger reads this clock: steps with "at" or "after" move it; a trace whose first
  // time is a date in the past gets a chain that begins an hour before it (time never goes back)
  const clock = chain ? undefined : createTraceClock();
  const firstTime = steps.map((s) => readStepTime(s as unknown as Record<string, unknown>)).find((t) => t !== undefined);
  if (clock && firstTime && 'at' in firstTime && firstTime.at * 1000 < Date.now()) clock.moveTo(firstTime.at - 3600);
  if (chain) {
    provider = chain.provider;
    deployment = chain.deployment;
    deployGas = BigInt(deployment.gasUsed ?? '0');
  } else {
    const deployer = devWallet(DEPLOYER_ID);
    const alloc: Record<string, bigint> = { [deployer.address]: 10n ** 24n };
    for (const p of manifest.participants) if (p.address) alloc[p.address] = 10n ** 24n;
    engine = await createLedgerEngine({ chainId: workspace.chain?.chainId ?? 1337, alloc, now: clock!.now });
    provider = createEthersProvider(createInProcessProvider(engine), workspace.chain?.chainId ?? 1337);
    deployment = await deployWorkspace(manifest, devWallet(DEPLOYER_ID).connect(provider), {
      network: 'in-process',
      onStep: (s) => { if (s.status === 'confirmed' && s.gasUsed) deployGas += s.gasUsed; },
    });
  }
  const signerOf = (id: string): Signer => devWallet(id).connect(provider);
  const client = createProcessClient(manifest, deployment, provider);
  let instanceId: bigint | null = null;
  const results: StepResult[] = [];
  /** The time the latest timed step asked for. */
  let lastTime: number | undefined;

  for (const [i, step] of steps.entries()) {
    const process = step.process ? manifest.processes.find((p) => p.id === step.process) : manifest.processes[0];
    const expected = step.expect === 'revert' ? 'revert' : 'ok';
    const base = { index: i + 1, task: step.task, as: step.as, expected } as const;
    if (!process) {
      results.push({ ...base, gasUsed: null, status: 'reverted', asExpected: false, reason: `unknown process "${step.process}"` });
      continue;
    }
    const participant =
      manifest.participants.find((p) => p.id === step.as || p.name === step.as) ??
      manifest.participants.find((p) => p.roles.some((r) => r === step.as || manifest.roles.find((x) => x.id === r)?.name === step.as));
    if (!participant) {
      results.push({ ...base, gasUsed: null, status: 'reverted', asExpected: false, reason: `no participant or role "${step.as}"` });
      continue;
    }
    const isStart = step.task === 'start';
    const task = isStart ? undefined : process.tasks.find((t) => t.elementId === step.task || t.name === step.task || t.functionName === step.task);
    // not a task: a timer of that name, id or trigger function is triggered
    const timer = isStart || task ? undefined : process.timers?.find((t) => t.elementId === step.task || t.name === step.task || t.functionName === step.task);
    const choice = isStart ? process.start.choice : task?.choice;
    let choiceIndex: number | undefined;
    const time = readStepTime(step as unknown as Record<string, unknown>);
    let blockTime: number | undefined;
    try {
      if (!isStart && !task && !timer) throw new TraceError(`process "${process.name}" has no task or timer "${step.task}"`);
      if (time) lastTime = blockTime = await setStepTime(time, provider, clock, lastTime).catch((e: Error) => { throw new TraceError(e.message); });
      const timed = blockTime === undefined ? {} : { blockTime };
      if (timer) {
        if (step.choose !== undefined || step.data !== undefined) throw new TraceError(`"${step.task}" is a timer: it takes no "data" or "choose"`);
        const address = deployment.processes[process.id]?.address;
        if (!address) throw new TraceError(`process "${process.id}" is not in the deployment`);
        const r = await triggerTimer(process, address, timer.index, instanceId ?? 0n, signerOf(participant.id));
        const tx = await provider.getTransaction(r.txHash);
        results.push({ ...base, participant: participant.name, gasUsed: Number(r.gasUsed), status: 'ok', asExpected: expected === 'ok', txHash: r.txHash, intrinsicGas: tx ? intrinsicGas(tx.data) : undefined, ...timed });
        continue;
      }
      if (step.choose !== undefined) {
        if (!choice) throw new TraceError(`"${step.task}" is not followed by a choice; remove "choose"`);
        const option = choice.options.find((o) => o.flowId === step.choose || o.name === step.choose);
        if (option) choiceIndex = option.index;
        else if (choice.defaultFlowId !== undefined && (choice.defaultFlowId === step.choose || choice.defaultFlowName === step.choose)) choiceIndex = 0;
        else throw new TraceError(`"${step.choose}" is not an outgoing flow here (options: ${[...choice.options.map((o) => o.name), ...(choice.defaultFlowName ? [choice.defaultFlowName] : [])].join(', ')})`);
      }
      const signer = signerOf(participant.id);
      const data = participantsByName(manifest, isStart ? process.start.fields : task!.fields, step.data ?? {});
      const r: { txHash: string; gasUsed: bigint; instanceId?: bigint } = isStart
        ? await client.startInstance(process.id, signer, data, choiceIndex)
        : await client.completeTask(process.id, task!.elementId, instanceId ?? 0n, signer, data, choiceIndex);
      if (r.instanceId !== undefined) instanceId = r.instanceId;
      const tx = await provider.getTransaction(r.txHash);
      results.push({
        ...base, participant: participant.name, gasUsed: Number(r.gasUsed), status: 'ok', asExpected: expected === 'ok', txHash: r.txHash,
        intrinsicGas: tx ? intrinsicGas(tx.data) : undefined, ...timed,
      });
    } catch (err) {
      // a mistake in the trace itself is never the revert a step expects
      const traceMistake = err instanceof TraceError;
      results.push({
        ...base, participant: participant.name, gasUsed: null, status: 'reverted', asExpected: !traceMistake && expected === 'revert', reason: traceMistake ? err.message : client.explainError(err),
        ...(blockTime === undefined ? {} : { blockTime }),
      });
    }
  }

  let ended = false;
  let enabled: string[] = [];
  if (instanceId !== null) {
    const state = await client.getInstance(manifest.processes[0].id, instanceId);
    ended = state.ended;
    enabled = state.enabledTasks.map((t) => t.name);
  }
  await engine?.idle();
  return { deployGas: Number(deployGas), steps: results, instanceId: instanceId?.toString() ?? null, ended, enabled, ok: results.every((s) => s.asExpected) };
}


/** Intrinsic gas of a call (no contract creation, no access list): 21,000 + 4 per zero byte + 16 per other byte. */
export function intrinsicGas(data: string): number {
  let gas = 21_000;
  for (let i = 2; i < data.length; i += 2) gas += data.slice(i, i + 2) === '00' ? 4 : 16;
  return gas;
}

/** A participant field may name the participant (id or name) in a trace: their account goes to the contract. */
function participantsByName(manifest: AppManifest, fields: readonly FieldManifest[], data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  for (const f of fields) {
    const v = out[f.name];
    if (f.type !== 'participant' || typeof v !== 'string' || /^0x/i.test(v)) continue;
    const p = manifest.participants.find((x) => x.id === v || x.name === v);
    if (p?.address) out[f.name] = p.address;
  }
  return out;
}
