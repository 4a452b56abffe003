/**
 * The numbers of a process dashboard, from the chain alone: instances by state (the contract's
 * markings), throughput (started / ended events per day or per block range), step durations and
 * who is holding work now. Pure; times are block timestamps (seconds).
 *
 * When did a task start waiting? The chain records completions, not enablements. A task is enabled
 * by the step whose token reached it: the latest earlier step (start, task completion, timer fired)
 * from which the diagram leads to the task through gateways, events and script tasks only. That
 * holds for parallel branches (a sibling's completion is not upstream) and loops (the latest pass
 * counts).
 */
import type { AppManifest, ProcessManifest } from '../../../generators/index.js';
import { hasDoneItsPart, taskProgress } from './multi-instance-progress.js';
import type { ProcessEvent } from './process-events.js';
import type { ProcessGraph } from './process-graph.js';

export interface InstanceLike {
  instanceId: bigint;
  ended: boolean;
  enabledTasks: { elementId: string; name: string; role: string }[];
}

export interface StateCounts {
  running: number;
  ended: number;
  /** Running instances per enabled task (an instance waiting at two tasks counts for both). */
  waitingAt: { elementId: string; name: string; count: number }[];
}

export function instancesByState(process: ProcessManifest, instances: readonly InstanceLike[]): StateCounts {
  const running = instances.filter((i) => !i.ended);
  return {
    running: running.length,
    ended: instances.length - running.length,
    waitingAt: process.tasks
      .map((t) => ({ elementId: t.elementId, name: t.name, count: running.filter((i) => i.enabledTasks.some((e) => e.elementId === t.elementId)).length }))
      .filter((w) => w.count > 0),
  };
}

export type ThroughputMode = 'day' | 'blocks';

export interface ThroughputBucket {
  /** YYYY-MM-DD (UTC) or "first–last" block numbers. */
  label: string;
  started: number;
  ended: number;
}

const DAY = 86_400;
/** At most this many buckets: days before that are left out, block ranges grow to fit. */
export const MAX_BUCKETS = 14;

/** Per day once the events span two days or more (by the times known), else per block range. */
export function pickThroughputMode(events: readonly ProcessEvent[], blockTimes: Readonly<Record<number, number>>): ThroughputMode {
  const days = new Set(events.flatMap((e) => (blockTimes[e.blockNumber] === undefined ? [] : [Math.floor(blockTimes[e.blockNumber] / DAY)])));
  return days.size >= 2 ? 'day' : 'blocks';
}

export function throughput(events: readonly ProcessEvent[], blockTimes: Readonly<Record<number, number>>, mode: ThroughputMode): ThroughputBucket[] {
  const counted = events.filter((e) => e.kind === 'started' || e.kind === 'ended');
  if (mode === 'day') {
    const dayOf = (e: ProcessEvent) => (blockTimes[e.blockNumber] === undefined ? undefined : Math.floor(blockTimes[e.blockNumber] / DAY));
    const days = counted.map(dayOf).filter((d): d is number => d !== undefined);
    if (days.length === 0) return [];
    const last = Math.max(...days);
    const first = Math.max(Math.min(...days), last - MAX_BUCKETS + 1);
    return Array.from({ length: last - first + 1 }, (_, k) => {
      const day = first + k;
      const on = counted.filter((e) => dayOf(e) === day);
      return { label: new Date(day * DAY * 1000).toISOString().slice(0, 10), started: on.filter((e) => e.kind === 'started').length, ended: on.filter((e) => e.kind === 'ended').length };
    });
  }
  if (counted.length === 0) return [];
  const min = Math.min(...counted.map((e) => e.blockNumber));
  const max = Math.max(...counted.map((e) => e.blockNumber));
  const size = Math.max(1, Math.ceil((max - min + 1) / MAX_BUCKETS));
  const buckets: ThroughputBucket[] = [];
  for (let from = min; from <= max; from += size) {
    const to = Math.min(from + size - 1, max);
    const on = counted.filter((e) => e.blockNumber >= from && e.blockNumber <= to);
    buckets.push({ label: from === to ? String(from) : `${from}–${to}`, started: on.filter((e) => e.kind === 'started').length, ended: on.filter((e) => e.kind === 'ended').length });
  }
  return buckets;
}

/** Element ids whose step can enable `target`: walking the flows backwards through passable elements. */
export function upstreamSteps(graph: ProcessGraph, target: string, passable: ReadonlySet<string> = new Set()): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const f of graph.flows) incoming.set(f.target, [...(incoming.get(f.target) ?? []), f.source]);
  const canPass = (id: string) => graph.nodes[id] === 'gateway' || graph.nodes[id] === 'event' || passable.has(id);
  const found = new Set<string>();
  const queue = [target];
  const seen = new Set(queue);
  while (queue.length) {
    for (const source of incoming.get(queue.shift()!) ?? []) {
      found.add(source);
      if (canPass(source) && !seen.has(source)) {
        seen.add(source);
        queue.push(source);
      }
    }
  }
  return found;
}

const isStep = (e: ProcessEvent) => e.kind === 'started' || e.kind === 'completed' || e.kind === 'timerFired';

/** Index (into `events`) of the step that enabled `target` before position `before`, or -1. */
function enablerIndex(events: readonly ProcessEvent[], before: number, upstream: ReadonlySet<string>): number {
  for (let j = before - 1; j >= 0; j--) if (isStep(events[j]) && upstream.has(events[j].elementId)) return j;
  return -1;
}

export interface StepDuration {
  elementId: string;
  name: string;
  /** Completions whose waiting time is known. */
  count: number;
  averageSeconds: number;
  slowest: { seconds: number; instanceId: bigint };
}

/** Per task: how long it waited from being enabled until it was completed (average and slowest). */
export function stepDurations(
  process: ProcessManifest,
  graph: ProcessGraph,
  byInstance: ReadonlyMap<string, readonly ProcessEvent[]>,
  blockTimes: Readonly<Record<number, number>>,
): StepDuration[] {
  const passable = new Set((process.scripts ?? []).map((s) => s.elementId));
  const rows: StepDuration[] = [];
  for (const task of process.tasks) {
    const upstream = upstreamSteps(graph, task.elementId, passable);
    const samples: { seconds: number; instanceId: bigint }[] = [];
    for (const events of byInstance.values()) {
      events.forEach((e, k) => {
        if (e.kind !== 'completed' || e.elementId !== task.elementId) return;
        const j = enablerIndex(events, k, upstream);
        const end = blockTimes[e.blockNumber];
        const start = j < 0 ? undefined : blockTimes[events[j].blockNumber];
        if (end !== undefined && start !== undefined) samples.push({ seconds: end - start, instanceId: e.instanceId });
      });
    }
    if (samples.length === 0) continue;
    const slowest = samples.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    rows.push({ elementId: task.elementId, name: task.name, count: samples.length, averageSeconds: samples.reduce((s, x) => s + x.seconds, 0) / samples.length, slowest });
  }
  return rows;
}

export interface WorkHolder {
  role: string;
  roleName: string;
  /** Tasks of this role waiting now, over all running instances. */
  waiting: number;
  instanceIds: bigint[];
  participants: { name: string; organization: string }[];
  /** When the longest-waiting of these tasks was enabled (seconds), when known. */
  oldestSince?: number;
}

/**
 * Who holds work now: per role with waiting tasks, its participants and how long the oldest waits.
 * A participant who already did their part of a parallel multi-instance task (the contract would
 * refuse them again) does not hold that task; they are listed only while some other task waits for them.
 */
export function workHolders(
  manifest: AppManifest,
  process: ProcessManifest,
  graph: ProcessGraph,
  instances: readonly InstanceLike[],
  byInstance: ReadonlyMap<string, readonly ProcessEvent[]>,
  blockTimes: Readonly<Record<number, number>>,
): WorkHolder[] {
  const passable = new Set((process.scripts ?? []).map((s) => s.elementId));
  const holders = new Map<string, WorkHolder>();
  const mayAct = new Map<string, Set<string>>();
  for (const instance of instances) {
    if (instance.ended) continue;
    const events = byInstance.get(instance.instanceId.toString()) ?? [];
    for (const task of instance.enabledTasks) {
      let h = holders.get(task.role);
      if (!h) {
        h = { role: task.role, roleName: manifest.roles.find((r) => r.id === task.role)?.name ?? task.role, waiting: 0, instanceIds: [], participants: [] };
        holders.set(task.role, h);
        mayAct.set(task.role, new Set());
      }
      h.waiting += 1;
      if (!h.instanceIds.includes(instance.instanceId)) h.instanceIds.push(instance.instanceId);
      const full = process.tasks.find((t) => t.elementId === task.elementId);
      const progress = full && taskProgress(manifest, process, full, events);
      for (const p of manifest.participants) {
        if (p.roles.includes(task.role) && !(full && progress && hasDoneItsPart(full, progress, p.address))) mayAct.get(task.role)!.add(p.id);
      }
      const j = enablerIndex(events, events.length, upstreamSteps(graph, task.elementId, passable));
      const since = j < 0 ? undefined : blockTimes[events[j].blockNumber];
      if (since !== undefined && (h.oldestSince === undefined || since < h.oldestSince)) h.oldestSince = since;
    }
  }
  for (const h of holders.values()) {
    const ids = mayAct.get(h.role)!;
    h.participants = manifest.participants
      .filter((p) => ids.has(p.id))
      .map((p) => ({ name: p.name, organization: manifest.organizations.find((o) => o.id === p.organization)?.name ?? p.organization }));
  }
  return [...holders.values()].sort((a, b) => b.waiting - a.waiting || a.roleName.localeCompare(b.roleName));
}
