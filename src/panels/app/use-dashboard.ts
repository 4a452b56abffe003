/**
 * The numbers of one process's dashboard from the store: instances (markings), the process events
 * read incrementally on every block, and the times of the blocks they are in (read here when
 * missing). Recomputed only when one of those changes.
 */
import { useEffect, useMemo } from 'react';
import type { AppManifest, ProcessManifest } from '../../../generators/index.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { instancesByState, pickThroughputMode, stepDurations, throughput, workHolders, type ThroughputMode } from './dashboard-stats.js';
import { eventsByInstance, type ProcessEvent } from './process-events.js';
import { readProcessGraph } from './process-graph.js';

const NO_EVENTS: ProcessEvent[] = [];
const NO_INSTANCES: never[] = [];

export function useDashboard(manifest: AppManifest, process: ProcessManifest, mode: ThroughputMode | 'auto') {
  const instances = useStudio((s) => s.instances[process.id] ?? NO_INSTANCES);
  const events = useStudio((s) => s.processEvents[process.id] ?? NO_EVENTS);
  const eventsRead = useStudio((s) => s.eventsThrough !== undefined);
  const blockTimes = useStudio((s) => s.blockTimes);
  const { session } = useStudioActions();

  useEffect(() => {
    void session.loadBlockTimes(events.map((e) => e.blockNumber));
  }, [session, events]);

  const graph = useMemo(() => readProcessGraph(process.bpmn), [process]);
  const byInstance = useMemo(() => eventsByInstance(events), [events]);
  return useMemo(() => {
    const throughputMode = mode === 'auto' ? pickThroughputMode(events, blockTimes) : mode;
    return {
      ready: eventsRead,
      instanceCount: instances.length,
      timesMissing: events.some((e) => blockTimes[e.blockNumber] === undefined),
      states: instancesByState(process, instances),
      throughputMode,
      throughput: throughput(events, blockTimes, throughputMode),
      durations: stepDurations(process, graph, byInstance, blockTimes),
      holders: workHolders(manifest, process, graph, instances, byInstance, blockTimes),
    };
  }, [manifest, process, graph, instances, events, byInstance, blockTimes, mode, eventsRead]);
}
