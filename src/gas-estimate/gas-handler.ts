/**
 * The gas worker's logic, without the worker: runs one estimate at a time; a newer request or a
 * cancel stops the running one between paths. Never throws: everything comes back as a reply.
 */
import type { GasRequest, GasResponse } from './gas-protocol.js';
import { CancelledError, type estimateGas } from './estimate-gas.js';

export function createGasHandler(estimate: typeof estimateGas): (request: GasRequest, reply: (response: GasResponse) => void) => void {
  let latest = 0;
  const cancelled = new Set<number>();
  let queue: Promise<void> = Promise.resolve();

  return (request, reply) => {
    if (request.type === 'cancel') {
      cancelled.add(request.id);
      return;
    }
    const { id } = request;
    latest = Math.max(latest, id);
    const stop = () => cancelled.has(id) || id < latest;
    // one dry run at a time: a superseded one stops at its next check, then this one starts
    queue = queue.then(async () => {
      if (stop()) {
        cancelled.delete(id);
        return reply({ type: 'cancelled', id });
      }
      try {
        reply({ type: 'estimated', id, outcome: await estimate(request.workspace, request.manifest, { isCancelled: stop }) });
      } catch (error) {
        reply(error instanceof CancelledError ? { type: 'cancelled', id } : { type: 'failed', id, error: error instanceof Error ? error.message : String(error) });
      } finally {
        cancelled.delete(id);
      }
    });
  };
}
