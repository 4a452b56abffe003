/**
 * Transactions and events in words, decoded with the workspace's ABIs: "Carrier 李伟 Li Wei
 * completed 'Ship goods' on Order fulfilment #3, gas 41,210". Pure: the result is an i18n key
 * under `explorer.story` with display-ready values, so the words exist in every UI language.
 */
import type { LogDescription, Result } from 'ethers';
import type { ProcessManifest } from '../../../generators/index.js';
import { findProcess, nameOf, roleName, shortHex, type ExplorerContext, type KnownContract } from './explorer-context.js';

/** A transaction with its receipt, as read from the chain. */
export interface ChainTx {
  hash: string;
  blockNumber: number;
  from: string;
  to: string | null;
  data: string;
  value: bigint;
  nonce: number;
  /** 1 success, 0 reverted. */
  status: number;
  gasUsed: bigint;
  contractAddress: string | null;
  logs: ChainLog[];
}

export interface ChainLog {
  address: string;
  topics: readonly string[];
  data: string;
  index: number;
  transactionHash: string;
  blockNumber: number;
}

export interface Story {
  key: StoryKey;
  values: Record<string, string>;
}

export type StoryKey =
  | 'started'
  | 'completed'
  | 'completedChoice'
  | 'deployedRegistry'
  | 'deployedProcess'
  | 'deployedContract'
  | 'attached'
  | 'membersSet'
  | 'adminTransferred'
  | 'transfer'
  | 'call'
  | 'unknown';

export interface InstanceRef {
  processId: string;
  processName: string;
  instanceId: bigint;
}

export interface EventDescription {
  contract: string;
  name: string;
  args: { name: string; value: string }[];
  instance?: InstanceRef;
}

export interface TxDescription {
  story: Story;
  failed: boolean;
  instance?: InstanceRef;
  events: EventDescription[];
}

const GAS = new Intl.NumberFormat('en-US');

export function formatGas(gas: bigint): string {
  return GAS.format(gas);
}

/** Ether with up to 6 decimals, no trailing zeros ("1.5"). */
export function formatEther(wei: bigint): string {
  const whole = wei / 10n ** 18n;
  const frac = (wei % 10n ** 18n).toString().padStart(18, '0').slice(0, 6).replace(/0+$/, '');
  return `${GAS.format(whole)}${frac ? `.${frac}` : ''}`;
}

export function describeTransaction(tx: ChainTx, ctx: ExplorerContext): TxDescription {
  const events = tx.logs.map((l) => describeLog(l, ctx)).filter((e): e is EventDescription => e !== undefined);
  const base = { failed: tx.status === 0, events };
  const who = nameOf(tx.from, ctx);
  const gas = formatGas(tx.gasUsed);

  if (!tx.to) {
    const created = tx.contractAddress ? ctx.contracts.get(tx.contractAddress.toLowerCase()) : undefined;
    if (created?.kind === 'registry') return { ...base, story: { key: 'deployedRegistry', values: { who, gas } } };
    if (created?.kind === 'process') return { ...base, story: { key: 'deployedProcess', values: { who, process: created.name, gas } } };
    return { ...base, story: { key: 'deployedContract', values: { who, address: shortHex(tx.contractAddress ?? '?'), gas } } };
  }

  const target = ctx.contracts.get(tx.to.toLowerCase());
  const call = target ? parseCall(target, tx) : undefined;
  if (target?.kind === 'process' && target.process && call) {
    const described = describeProcessCall(target.process, call, tx, events, ctx, gas);
    if (described) return { ...base, ...described };
  }
  if (target?.kind === 'registry' && call) {
    const story = describeRegistryCall(call.name, call.args, ctx, who, gas);
    if (story) return { ...base, story };
  }
  if (call) return { ...base, story: { key: 'call', values: { who, fn: call.name, to: nameOf(tx.to, ctx), gas } } };
  if (tx.data === '0x' && tx.value > 0n) {
    return { ...base, story: { key: 'transfer', values: { who, amount: formatEther(tx.value), to: nameOf(tx.to, ctx), gas } } };
  }
  return { ...base, story: { key: 'unknown', values: { who, to: nameOf(tx.to, ctx), gas } } };
}

function parseCall(target: KnownContract, tx: ChainTx): { name: string; args: Result } | undefined {
  try {
    const parsed = target.iface.parseTransaction({ data: tx.data, value: tx.value });
    return parsed ? { name: parsed.name, args: parsed.args } : undefined;
  } catch {
    return undefined;
  }
}

function describeProcessCall(
  p: ProcessManifest,
  call: { name: string; args: Result },
  tx: ChainTx,
  events: EventDescription[],
  ctx: ExplorerContext,
  gas: string,
): Pick<TxDescription, 'story' | 'instance'> | undefined {
  const who = nameOf(tx.from, ctx);
  const account = ctx.accounts.get(tx.from.toLowerCase());
  if (call.name === p.start.functionName) {
    // the id is assigned by the contract: it is in the InstanceStarted event, not in the call
    const instance = events.find((e) => e.instance && e.instance.processId === p.id)?.instance;
    const role = account?.roles.find((r) => p.start.roles.includes(r));
    const actor = [role ? roleName(role, ctx) : '', who].filter(Boolean).join(' ');
    const id = instance ? String(instance.instanceId) : '?';
    return { story: { key: 'started', values: { actor, process: p.name, instance: id, gas } }, instance };
  }
  const task = p.tasks.find((t) => t.functionName === call.name);
  if (!task) return undefined;
  const instanceId = call.args[0] as bigint;
  const instance: InstanceRef = { processId: p.id, processName: p.name, instanceId };
  const actor = [roleName(task.role, ctx), who].join(' ');
  const values = { actor, task: task.name, process: p.name, instance: String(instanceId), gas };
  if (task.choice) {
    const chosen = Number(call.args[call.args.length - 1]);
    const option = task.choice.options.find((o) => o.index === chosen);
    const choice = option?.name ?? task.choice.defaultFlowName ?? String(chosen);
    return { story: { key: 'completedChoice', values: { ...values, choice } }, instance };
  }
  return { story: { key: 'completed', values }, instance };
}

function describeRegistryCall(name: string, args: Result, ctx: ExplorerContext, who: string, gas: string): Story | undefined {
  if (name === 'attachProcess') {
    const attached = ctx.contracts.get(String(args[0]).toLowerCase());
    return { key: 'attached', values: { who, process: attached?.name ?? shortHex(String(args[0])), gas } };
  }
  if (name === 'setMembers') {
    const accounts = args[0] as string[];
    const roles = args[2] as bigint[];
    const members = accounts
      .map((a, i) => {
        const names = (ctx.manifest?.roles ?? []).filter((r) => (roles[i] >> BigInt(r.bit)) & 1n).map((r) => r.name);
        return `${nameOf(a, ctx)} (${names.join(', ') || '–'})`;
      })
      .join('; ');
    return { key: 'membersSet', values: { who, members, gas } };
  }
  if (name === 'transferAdmin') return { key: 'adminTransferred', values: { who, to: nameOf(String(args[0]), ctx), gas } };
  return undefined;
}

/** An event of a known contract, its arguments in display form; undefined for unknown logs. */
export function describeLog(log: ChainLog, ctx: ExplorerContext): EventDescription | undefined {
  const contract = ctx.contracts.get(log.address.toLowerCase());
  if (!contract) return undefined;
  let parsed: LogDescription | null;
  try {
    parsed = contract.iface.parseLog({ topics: [...log.topics], data: log.data });
  } catch {
    parsed = null;
  }
  if (!parsed) return undefined;
  const args = parsed.fragment.inputs.map((input, i) => ({ name: input.name || `#${i}`, value: displayValue(parsed.args[i], input.type, ctx) }));
  const p = contract.process;
  const instance =
    p && parsed.fragment.inputs[0]?.name === 'instanceId'
      ? { processId: p.id, processName: p.name, instanceId: parsed.args[0] as bigint }
      : undefined;
  return { contract: contract.name, name: parsed.name, args, instance };
}

function displayValue(value: unknown, type: string, ctx: ExplorerContext): string {
  if (type === 'address') return nameOf(String(value), ctx);
  if (Array.isArray(value)) return `[${value.map((v) => displayValue(v, type.replace(/\[\d*\]$/, ''), ctx)).join(', ')}]`;
  if (typeof value === 'bigint') return value.toString();
  return String(value);
}

/** What a search box query asks for. */
export type SearchQuery =
  | { kind: 'hash'; hash: string }
  | { kind: 'block'; number: number }
  | { kind: 'address'; address: string }
  | { kind: 'instance'; processIds: string[]; instanceId: bigint }
  | { kind: 'invalid'; reason: 'empty' | 'unknown-process' | 'not-understood'; text: string };

/**
 * Reads a query: a 32-byte hash (transaction or block), a block number, an address, a
 * participant's name or id, or an instance ("#3", "order-fulfilment #3", "Order fulfilment #3").
 */
export function parseSearch(query: string, ctx: ExplorerContext): SearchQuery {
  const q = query.trim();
  if (!q) return { kind: 'invalid', reason: 'empty', text: q };
  if (/^0x[0-9a-fA-F]{64}$/.test(q)) return { kind: 'hash', hash: q.toLowerCase() };
  if (/^0x[0-9a-fA-F]{40}$/.test(q)) return { kind: 'address', address: q };
  if (/^\d+$/.test(q)) return { kind: 'block', number: Number(q) };
  const instance = /^(.*?)\s*#\s*(\d+)$/.exec(q);
  if (instance) {
    const [, ref, id] = instance;
    const processIds = ref ? [findProcess(ref, ctx)?.id].filter((x): x is string => Boolean(x)) : (ctx.manifest?.processes.map((p) => p.id) ?? []);
    if (!processIds.length) return { kind: 'invalid', reason: 'unknown-process', text: ref };
    return { kind: 'instance', processIds, instanceId: BigInt(id) };
  }
  const lower = q.toLowerCase();
  const account = [...ctx.accounts.values()].find((a) => a.name.toLowerCase() === lower || a.participantId === q) ??
    [...ctx.accounts.values()].find((a) => a.name.toLowerCase().includes(lower));
  if (account) return { kind: 'address', address: account.address };
  return { kind: 'invalid', reason: 'not-understood', text: q };
}
