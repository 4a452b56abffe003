import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { AppManifest, Workspace } from '../../generators/index.js';
import type { GasReply } from '../gas-estimate/gas-client.js';
import { createStudioStore } from './create-studio-store.js';
import { createTestServices } from './test-services.js';

const estimate = (gas: number) => ({ registryDeployGas: 1, processes: [{ processId: 'order', contractName: 'Order', deployGas: gas, attachGas: 1, elements: {}, paths: [], uncovered: [], failures: [] }], elapsedMs: 1 });

/** A studio whose gas service answers from `answer` and records what it was asked. */
async function studioWithGas(answer: (call: number) => Promise<GasReply>) {
  const t = await createTestServices();
  const calls: { workspace: Workspace; manifest: AppManifest }[] = [];
  let cancels = 0;
  t.services.gas = {
    estimate: (workspace, manifest) => {
      calls.push({ workspace, manifest });
      return answer(calls.length);
    },
    cancel: () => void cancels++,
  };
  const studio = createStudioStore(t.services, { autosaveMs: 5, buildDebounceMs: 5, gasDebounceMs: 5 });
  await studio.actions.workspace.open();
  return { ...t, studio, calls, cancels: () => cancels, state: () => studio.store.getState() };
}

describe('gas slice', () => {
  it('estimates each good build, keeping the figures with their age and the design they are of', async () => {
    // given a studio whose build succeeds
    const { state, calls } = await studioWithGas(async () => ({ type: 'estimated', outcome: { ok: true, estimate: estimate(100) } }));
    // then the built design is estimated once the build is done
    await vi.waitFor(() => expect(state().gasStatus).toBe('ok'));
    expect(calls).toHaveLength(1);
    expect(calls[0].manifest).toBe(state().manifest);
    expect(calls[0].workspace).toBe(state().builtFrom);
    expect(state().gasEstimate!.processes[0].deployGas).toBe(100);
    expect(state().gasManifest).toBe(state().manifest);
    expect(Date.now() - state().gasMeasuredAt!).toBeLessThan(5_000);
  });

  it('keeps the last figures while a new estimate runs, and ignores an answer for an older build', async () => {
    let release: (r: GasReply) => void = () => {};
    const { studio, state } = await studioWithGas((call) =>
      call === 1 ? Promise.resolve({ type: 'estimated', outcome: { ok: true, estimate: estimate(100) } }) : new Promise((r) => (release = r)),
    );
    await vi.waitFor(() => expect(state().gasStatus).toBe('ok'));
    // when the design changes and builds again
    studio.actions.workspace.edit((ws) => ({ ...ws, name: '改名 Renamed' }));
    await vi.waitFor(() => expect(state().gasStatus).toBe('estimating'));
    // then the old figures stay on screen meanwhile
    expect(state().gasEstimate!.processes[0].deployGas).toBe(100);
    release({ type: 'estimated', outcome: { ok: true, estimate: estimate(200) } });
    await vi.waitFor(() => expect(state().gasStatus).toBe('ok'));
    expect(state().gasEstimate!.processes[0].deployGas).toBe(200);
  });

  it('shows no figures for a design the generator refuses, and says why', async () => {
    const { studio, state, services, cancels } = await studioWithGas(async () => ({ type: 'estimated', outcome: { ok: true, estimate: estimate(100) } }));
    await vi.waitFor(() => expect(state().gasStatus).toBe('ok'));
    // when the generator refuses the next version
    services.build.generate = async () => ({ problems: [{ severity: 'error', message: 'flow Flow_1 is not connected', file: 'p.bpmn', elementId: 'Flow_1' }], sources: [], processes: [], roles: [], elementLines: {} });
    studio.actions.workspace.edit((ws) => ({ ...ws, name: 'broken' }));
    await vi.waitFor(() => expect(state().gasStatus).toBe('refused'));
    expect(state().gasEstimate).toBeUndefined();
    expect(state().gasReason).toEqual(['p.bpmn: Flow_1: flow Flow_1 is not connected']);
    expect(cancels()).toBeGreaterThan(0);
  });

  it('reports a broken dry run as failed, with the reason', async () => {
    const { state } = await studioWithGas(async () => ({ type: 'failed', error: 'the gas estimate worker stopped: out of memory' }));
    await vi.waitFor(() => expect(state().gasStatus).toBe('failed'));
    expect(state().gasReason).toEqual(['the gas estimate worker stopped: out of memory']);
  });
});
