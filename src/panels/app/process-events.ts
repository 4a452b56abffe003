/**
 * Every step and timer event of one process contract, for all its instances at once (one
 * eth_getLogs per block range instead of one per instance): what the dashboards aggregate and
 * where waiting timers' due times come from (`TimerStarted(instanceId, timer, dueAt)`; the
 * contract keeps the deadline in private storage, so the event is the only way to read it).
 * The values each start and task event carries are kept too (`values`), so a task form can show
 * what conditions on earlier data will decide (latestValues); the instance view reads its timeline
 * per instance (process-client history).
 */
import { Interface, type Log } from 'ethers';
import type { ProcessManifest } from '../../../generators/index.js';
import { getLogsInRanges, type WindowedLogReader } from '../../chain/logs-in-ranges.js';

interface EventBase {
  instanceId: bigint;
  /** The start event's, the task's or the timer's element id ('' for 'ended'). */
  elementId: string;
  blockNumber: number;
  txHash: string;
  logIndex: number;
}

export type ProcessEvent =
  | (EventBase & { kind: 'started' | 'completed'; by: string; /** The step's field values, by field name. */ values?: Record<string, StepValue> })
  | (EventBase & { kind: 'ended' })
  | (EventBase & { kind: 'timerStarted'; timer: number; /** Unix seconds. */ dueAt: number })
  | (EventBase & { kind: 'timerFired'; timer: number; by: string })
  /** A service task asked its device/service account (`<Task>Requested`), or a message sender sent (`<Name>Sent`); values by field name. */
  | (EventBase & { kind: 'requested' | 'sent'; values: Record<string, StepValue> })
  /** An error boundary caught an error thrown inside its subprocess (`ErrorCaught`); elementId is the boundary's. */
  | (EventBase & { kind: 'errorCaught'; boundary: number; errorCode: string });

/** A field value as a condition reads it: numbers as bigint, addresses, bytes32 and text as strings. */
export type StepValue = bigint | boolean | string;

/** What eth_getLogs gives, as ethers shapes it (`index` is the log's index in its block). */
export type LogLike = Pick<Log, 'topics' | 'data' | 'blockNumber' | 'transactionHash' | 'index'>;

/** The contract's logs as events, in the order given (chain order); logs it does not know are skipped. */
export function parseProcessLogs(process: ProcessManifest, logs: readonly LogLike[]): ProcessEvent[] {
  const iface = new Interface(process.abi as never);
  const tasks = new Map(process.tasks.map((t) => [t.eventName, t]));
  const timers = process.timers ?? [];
  const requests = new Map(process.tasks.flatMap((t) => (t.requestEventName ? [[t.requestEventName, t] as const] : [])));
  const senders = new Map((process.scripts ?? []).flatMap((x) => (x.sends ? [[x.eventName, x] as const] : [])));
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
    const values = (fields: ProcessManifest['start']['fields']) => {
      const out: Record<string, StepValue> = {};
      for (const f of fields) {
        try {
          const v: unknown = parsed.args.getValue(f.identifier);
          if (typeof v === 'bigint' || typeof v === 'boolean' || typeof v === 'string') out[f.name] = v;
        } catch {
          // an event without the field (an older contract): its value stays unknown
        }
      }
      return out;
    };
    const timerId = (index: number) => timers.find((t) => t.index === index)?.elementId ?? `timer#${index}`;
    if (parsed.name === process.start.eventName) {
      events.push({ ...base, kind: 'started', elementId: process.start.elementId, by: parsed.args[1] as string, values: values(process.start.fields) });
    } else if (parsed.name === process.endedEventName) {
      events.push({ ...base, kind: 'ended', elementId: '' });
    } else if (parsed.name === 'TimerStarted') {
      const timer = Number(parsed.args.getValue('timer'));
      events.push({ ...base, kind: 'timerStarted', elementId: timerId(timer), timer, dueAt: Number(parsed.args.getValue('dueAt')) });
    } else if (parsed.name === 'TimerFired') {
      const timer = Number(parsed.args.getValue('timer'));
      events.push({ ...base, kind: 'timerFired', elementId: timerId(timer), timer, by: parsed.args.getValue('by') as string });
    } else if (parsed.name === 'ErrorCaught') {
      const boundary = Number(parsed.args.getValue('boundary'));
      const elementId = process.errorBoundaries?.find((b) => b.index === boundary)?.elementId ?? `error#${boundary}`;
      events.push({ ...base, kind: 'errorCaught', elementId, boundary, errorCode: String(parsed.args.getValue('errorCode')) });
    } else if (requests.has(parsed.name)) {
      const task = requests.get(parsed.name)!;
      events.push({ ...base, kind: 'requested', elementId: task.elementId, values: values(task.requestFields ?? []) });
    } else if (senders.has(parsed.name)) {
      const sender = senders.get(parsed.name)!;
      events.push({ ...base, kind: 'sent', elementId: sender.elementId, values: values(sender.fields) });
    } else if (tasks.has(parsed.name)) {
      const task = tasks.get(parsed.name)!;
      events.push({ ...base, kind: 'completed', elementId: task.elementId, by: parsed.args[1] as string, values: values(task.fields) });
    }
  }
  return events;
}

export type LogReader = WindowedLogReader<LogLike>;

/** The events of the contract at `address` in blocks fromBlock..toBlock (both included), in windows a real node accepts. */
export async function readProcessEvents(
  process: ProcessManifest,
  address: string,
  provider: LogReader,
  fromBlock: number,
  toBlock: number,
): Promise<ProcessEvent[]> {
  if (fromBlock > toBlock) return [];
  return parseProcessLogs(process, await getLogsInRanges(provider, { address }, fromBlock, toBlock));
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

/**
 * The latest value of each field written by the events of one instance (chain order): what the
 * contract holds now, as far as these events tell (script tasks' values are not among them).
 */
export function latestValues(events: readonly ProcessEvent[]): Record<string, StepValue> {
  const latest: Record<string, StepValue> = {};
  for (const e of events) if ((e.kind === 'started' || e.kind === 'completed') && e.values) Object.assign(latest, e.values);
  return latest;
}
