/**
 * Acting in deployed processes: start instances, complete tasks, read instance state and
 * history. Every write is signed by the participant who acts. State comes from the contract
 * (marking) and history from its events, so any client of the same chain sees the same thing.
 */
import { Contract, Interface, zeroPadValue, toBeHex, type ContractRunner, type Log, type Signer } from 'ethers';
import type { AppManifest, DeploymentRecord, ProcessManifest, TaskManifest } from '../../generators/index.js';
import type { ActResult, HistoryEntry, InstanceState } from './chain-api.js';
import { formArguments } from './field-values.js';
import { createErrorExplainer } from './explain-error.js';
import { getLogsInRanges, type WindowedLogReader } from './logs-in-ranges.js';

export function createProcessClient(manifest: AppManifest, deployment: DeploymentRecord, runner: ContractRunner) {
  const processOf = (processId: string): ProcessManifest => {
    const p = manifest.processes.find((x) => x.id === processId);
    if (!p) throw new Error(`unknown process "${processId}"`);
    return p;
  };
  const addressOf = (processId: string): string => {
    const d = deployment.processes[processId];
    if (!d) throw new Error(`process "${processId}" is not deployed in this deployment; deploy again`);
    return d.address;
  };
  const contractOf = (processId: string, signer?: Signer) => new Contract(addressOf(processId), processOf(processId).abi as never, signer ?? runner);
  const enabledTasks = (p: ProcessManifest, marking: bigint): TaskManifest[] => p.tasks.filter((t) => (marking >> BigInt(t.bit)) & 1n);
  const explainError = createErrorExplainer(manifest);

  async function send(call: () => Promise<{ hash: string; wait: () => Promise<unknown> }>): Promise<ActResult & { logs: readonly Log[] }> {
    const tx = await call();
    const receipt = (await tx.wait()) as { gasUsed: bigint; blockNumber: number; logs: readonly Log[] };
    return { txHash: tx.hash, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber, logs: receipt.logs };
  }

  return {
    explainError,

    async startInstance(processId: string, signer: Signer, data: Record<string, unknown>, choice?: number): Promise<ActResult & { instanceId: bigint }> {
      const p = processOf(processId);
      const args = [...formArguments(p.start.fields, data), ...(p.start.choice ? [choice ?? 0] : [])];
      const contract = contractOf(processId, signer);
      const result = await send(() => contract.startInstance(...args));
      const iface = new Interface(p.abi as never);
      const started = result.logs.map((l) => { try { return iface.parseLog(l); } catch { return null; } }).find((l) => l?.name === 'InstanceStarted');
      if (!started) throw new Error('the start transaction emitted no InstanceStarted event');
      return { txHash: result.txHash, gasUsed: result.gasUsed, blockNumber: result.blockNumber, instanceId: started.args[0] as bigint };
    },

    async completeTask(processId: string, taskElementId: string, instanceId: bigint, signer: Signer, data: Record<string, unknown>, choice?: number): Promise<ActResult> {
      const p = processOf(processId);
      const task = p.tasks.find((t) => t.elementId === taskElementId || t.functionName === taskElementId || t.name === taskElementId);
      if (!task) throw new Error(`process "${p.name}" has no task "${taskElementId}"`);
      const args = [instanceId, ...formArguments(task.fields, data), ...(task.choice ? [choice ?? 0] : [])];
      const contract = contractOf(processId, signer);
      const { txHash, gasUsed, blockNumber } = await send(() => contract.getFunction(task.functionName)(...args));
      return { txHash, gasUsed, blockNumber };
    },

    async getInstance(processId: string, instanceId: bigint): Promise<InstanceState> {
      const p = processOf(processId);
      const contract = contractOf(processId);
      const marking = (await contract.marking(instanceId)) as bigint;
      const state: InstanceState = { processId, instanceId, marking, ended: marking === 0n, enabledTasks: enabledTasks(p, marking) };
      // a running instance's bound roles decide who may do their tasks (the work list narrows to them)
      if (!state.ended && p.roleBindings?.length) {
        const addresses = await Promise.all(p.roleBindings.map((b) => contract.getFunction(b.functionName)(instanceId, b.index) as Promise<string>));
        const bound: Record<number, string> = {};
        p.roleBindings.forEach((b, i) => { if (BigInt(addresses[i]) !== 0n) bound[b.index] = addresses[i]; });
        state.bound = bound;
      }
      return state;
    },

    async listInstances(processId: string): Promise<InstanceState[]> {
      const count = (await contractOf(processId).instanceCount()) as bigint;
      const ids = Array.from({ length: Number(count) }, (_, i) => BigInt(i + 1));
      return Promise.all(ids.map((id) => this.getInstance(processId, id)));
    },

    async history(processId: string, instanceId: bigint): Promise<HistoryEntry[]> {
      const p = processOf(processId);
      const iface = new Interface(p.abi as never);
      const provider = (runner.provider ?? runner) as unknown as WindowedLogReader<Log> & { getBlockNumber(): Promise<number> };
      const logs = await getLogsInRanges(
        provider,
        { address: addressOf(processId), topics: [null, zeroPadValue(toBeHex(instanceId), 32)] },
        deployment.processes[processId].blockNumber,
        await provider.getBlockNumber(),
      );
      const entries: HistoryEntry[] = [];
      for (const log of logs) {
        const parsed = iface.parseLog(log);
        if (!parsed) continue;
        const base = { blockNumber: log.blockNumber, txHash: log.transactionHash };
        const values = (fields: { name: string; identifier: string }[]) =>
          Object.fromEntries(fields.map((f) => [f.name, normalise(parsed.args.getValue(f.identifier))]));
        if (parsed.name === p.start.eventName) {
          entries.push({ kind: 'started', elementId: p.start.elementId, name: p.start.name, by: parsed.args[1], ...base, data: values(p.start.fields) });
        } else if (parsed.name === p.endedEventName) {
          entries.push({ kind: 'ended', elementId: '', name: 'Ended', ...base, data: {} });
        } else {
          const task = p.tasks.find((t) => t.eventName === parsed.name);
          const script = p.scripts?.find((x) => x.eventName === parsed.name);
          if (task) {
            const data = values(task.fields);
            if (task.choice) data.choice = normalise(parsed.args.getValue('choice'));
            entries.push({ kind: 'completed', elementId: task.elementId, name: task.name, by: parsed.args[1], ...base, data });
          } else if (parsed.name === 'TimerFired') {
            const timer = p.timers?.find((x) => x.index === Number(parsed.args[2]));
            if (timer) entries.push({ kind: 'timer', elementId: timer.elementId, name: timer.name, by: parsed.args[1], ...base, data: {} });
          } else if (script) {
            entries.push({ kind: 'script', elementId: script.elementId, name: script.name, ...base, data: values(script.fields) });
          }
        }
      }
      return entries;
    },
  };
}

export type ProcessClient = ReturnType<typeof createProcessClient>;

function normalise(v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}
