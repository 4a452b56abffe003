/**
 * Every step and timer event of one process contract, for all its instances at once (one
 * eth_getLogs per block range instead of one per instance): what the dashboards aggregate and
 * where waiting timers' due times come from (`TimerStarted(instanceId, timer, dueAt)`; the
 * contract keeps the deadline in private storage, so the event is the only way to read it).
 * Field values are not kept: the instance view reads them per instance (process-client history).
 */
import { Interface, type Log } from 'ethers';
import type { ProcessManifest } from '../../../generators/index.js';

interface EventBase {
  instanceId: bigint;
  /** The start event's, the task's or the timer's element id ('' for 'ended'). */
  elementId: string;
  blockNumber: number;
  txHash: string;
  logIndex: number;
}

export type ProcessEvent =
  | (EventBase & { kind: 'started' | 'completed'; by: string })
  | (EventBase & { kind: 'ended' })
  | (EventBase & { kind: 'timerStarted'; timer: number; /** Unix seconds. */ dueAt: number })
  | (EventBase & { kind: 'timerFired'; timer: number; by: string });

/** What eth_getLogs gives, as ethers shapes it (`index` is the log's index in its block). */
export type LogLike = Pick<Log, 'topics' | 'data' | 'blockNumber' | 'transactionHash' | 'index'>;

/** The contract's logs as events, in the order given (chain order); logs it does not know are skipped. */
export function parseProcessLogs(process: ProcessManifest, logs: readonly LogLike[]): ProcessEvent[] {
  const iface = new Interface(process.abi as never);
  const tasks = new Map(process.tasks.map((t) => [t.eventName, t.elementId]));
  const timers = process.timers ?? [];
  const events: ProcessEvent[] = [];
  for (const log of logs) {
    let parsed;
    try {
      parsed = iface.parseLog({ topics: [...log.topics], data: log.data });
    } catch {
      continue; // another contract's event at this address cannot happen; a foreign topic can
    }
    if (!parsed) continue;
    const base = { instanceId: parsed.args[0] as bigint, blockNumber: log.blockNumber, txHash: log.transactionHash, logIndex: log.index };
    const timerId = (index: number) => timers.find((t) => t.index === index)?.elementId ?? `timer#${index}`;
    if (parsed.name === process.start.eventName) {
      events.push({ ...base, kind: 'started', elementId: process.start.elementId, by: parsed.args[1] as string });
    } else if (parsed.name === process.endedEventName) {
      events.push({ ...base, kind: 'ended', elementId: '' });
    } else if (parsed.name === 'TimerStarted') {
      const timer = Number(parsed.args.getValue('timer'));
      events.push({ ...base, kind: 'timerStarted', elementId: timerId(timer), timer, dueAt: Number(parsed.args.getValue('dueAt')) });
    } else if (parsed.name === 'TimerFired') {
      const timer = Number(parsed.args.getValue('timer'));
      events.push({ ...base, kind: 'timerFired', elementId: timerId(timer), timer, by: parsed.args.getValue('by') as string });
    } else if (tasks.has(parsed.name)) {
      events.push({ ...base, kind: 'completed', elementId: tasks.get(parsed.name)!, by: parsed.args[1] as string });
    }
  }
  return events;
}

export interface LogReader {
  getLogs(filter: { address: string; fromBlock: number; toBlock: number }): Promise<LogLike[]>;
}

/** The events of the contract at `address` in blocks fromBlock..toBlock (both included). */
export async function readProcessEvents(
  process: ProcessManifest,
  address: string,
  provider: LogReader,
  fromBlock: number,
  toBlock: number,
): Promise<ProcessEvent[]> {
  if (fromBlock > toBlock) return [];
  return parseProcessLogs(process, await provider.getLogs({ address, fromBlock, toBlock }));
}

/** Events grouped by instance id (decimal string), each list in chain order. */
export function eventsByInstance(events: readonly ProcessEvent[]): Map<string, ProcessEvent[]> {
  const byInstance = new Map<string, ProcessEvent[]>();
  for (const e of events) {
    const key = e.instanceId.toString();
    const list = byInstance.get(key);
    if (list) list.push(e);
    else byInstance.set(key, [e]);
  }
  return byInstance;
}
