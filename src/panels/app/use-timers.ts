/**
 * Timers as the app shows them: every waiting timer of every running instance with its due time
 * (from the process events the store reads), and the chain's clock, ticking so "overdue" appears
 * when the deadline passes even if no block is mined.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AppManifest } from '../../../generators/index.js';
import { useStudio } from '../../store/studio-context.js';
import { eventsByInstance } from './process-events.js';
import { byDue, chainNow, waitingTimers, type WaitingTimer } from './timer-status.js';

/** How often the clock re-renders its users; a due time shows to the minute, so a few seconds do. */
const TICK_MS = 5_000;

export function useChainNow(): number {
  const chainTime = useStudio((s) => s.chainTime);
  const [wall, setWall] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setWall(Date.now()), TICK_MS);
    return () => clearInterval(id);
  }, []);
  return chainNow(wall, chainTime);
}

/** Every waiting timer, earliest due first. */
export function useWaitingTimers(manifest: AppManifest): WaitingTimer[] {
  const instances = useStudio((s) => s.instances);
  const events = useStudio((s) => s.processEvents);
  return useMemo(
    () =>
      manifest.processes
        .filter((p) => p.timers?.length)
        .flatMap((p) => {
          const byInstance = eventsByInstance(events[p.id] ?? []);
          return (instances[p.id] ?? []).flatMap((i) => waitingTimers(p, i, byInstance.get(i.instanceId.toString()) ?? []));
        })
        .sort(byDue),
    [manifest, instances, events],
  );
}
