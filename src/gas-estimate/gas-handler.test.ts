import { describe, expect, it } from 'vitest';
import type { AppManifest, Workspace } from '../../generators/index.js';
import { createGasClient, type GasWorker } from './gas-client.js';
import { createGasHandler } from './gas-handler.js';
import type { GasRequest, GasResponse } from './gas-protocol.js';
import { CancelledError, type estimateGas } from './estimate-gas.js';

const ws = {} as Workspace;
const manifest = {} as AppManifest;
const estimate = { registryDeployGas: 1, processes: [], elapsedMs: 0 };

/** An estimate that checks for cancellation a few times, with a turn of the event loop between. */
const slowEstimate: typeof estimateGas = async (_w, _m, options = {}) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 5));
    if (options.isCancelled?.()) throw new CancelledError();
  }
  return { ok: true, estimate };
};

describe('gas handler', () => {
  it('answers each estimate once; a newer one makes the running one stop as cancelled', async () => {
    const replies: GasResponse[] = [];
    const handle = createGasHandler(slowEstimate);
    // when two estimates arrive back to back
    handle({ type: 'estimate', id: 1, workspace: ws, manifest }, (r) => replies.push(r));
    handle({ type: 'estimate', id: 2, workspace: ws, manifest }, (r) => replies.push(r));
    await expect.poll(() => replies.length).toBe(2);
    // then the first is cancelled, the second estimated
    expect(replies).toEqual([{ type: 'cancelled', id: 1 }, { type: 'estimated', id: 2, outcome: { ok: true, estimate } }]);
  });

  it('stops on cancel and reports a broken dry run as failed, never throwing', async () => {
    const replies: GasResponse[] = [];
    const handle = createGasHandler(slowEstimate);
    handle({ type: 'estimate', id: 1, workspace: ws, manifest }, (r) => replies.push(r));
    handle({ type: 'cancel', id: 1 }, (r) => replies.push(r));
    await expect.poll(() => replies.length).toBe(1);
    expect(replies[0]).toEqual({ type: 'cancelled', id: 1 });
    const broken = createGasHandler(async () => {
      throw new Error('ledger exploded');
    });
    broken({ type: 'estimate', id: 7, workspace: ws, manifest }, (r) => replies.push(r));
    await expect.poll(() => replies.length).toBe(2);
    expect(replies[1]).toEqual({ type: 'failed', id: 7, error: 'ledger exploded' });
  });
});

/** A worker running the real handler in the same thread. */
function inThreadWorker(estimateFn: typeof estimateGas): GasWorker & { terminated: boolean } {
  const handle = createGasHandler(estimateFn);
  const worker = {
    terminated: false,
    onmessage: null as GasWorker['onmessage'],
    onerror: null as GasWorker['onerror'],
    postMessage(message: GasRequest) {
      handle(message, (data) => worker.onmessage?.({ data }));
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

describe('gas client', () => {
  it('resolves a superseded estimate as cancelled and the newest with its outcome', async () => {
    const client = createGasClient({ createWorker: () => inThreadWorker(slowEstimate) });
    const first = client.estimate(ws, manifest);
    const second = client.estimate(ws, manifest);
    expect(await first).toEqual({ type: 'cancelled' });
    expect(await second).toEqual({ type: 'estimated', outcome: { ok: true, estimate } });
    client.dispose();
  });

  it('fails a request that times out, and starts a fresh worker for the next one', async () => {
    const workers: (GasWorker & { terminated: boolean })[] = [];
    const never: typeof estimateGas = () => new Promise(() => {});
    let calls = 0;
    const client = createGasClient({
      timeoutMs: 20,
      createWorker: () => {
        const w = inThreadWorker(calls++ === 0 ? never : async () => ({ ok: true, estimate }));
        workers.push(w);
        return w;
      },
    });
    expect(await client.estimate(ws, manifest)).toEqual({ type: 'failed', error: 'the gas estimate took longer than 0 s' });
    expect(workers[0].terminated).toBe(true);
    expect((await client.estimate(ws, manifest)).type).toBe('estimated');
    expect(workers).toHaveLength(2);
  });
});
