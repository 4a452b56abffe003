import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../chain/chain-api.js';
import { createStudioStore } from './create-studio-store.js';
import { startActKey } from './session-slice.js';
import { createTestServices } from './test-services.js';

async function deployedStudio() {
  const t = await createTestServices();
  const studio = createStudioStore(t.services, { autosaveMs: 5, buildDebounceMs: 5 });
  await studio.actions.workspace.open();
  await vi.waitFor(() => expect(studio.store.getState().buildStatus).toBe('ok'));
  await studio.actions.deploy.deploy();
  return { ...t, studio, state: () => studio.store.getState() };
}

describe('session: acting as another participant', () => {
  it('clears the previous participant\'s status line, keeps each form\'s own state', async () => {
    // given 王芳 started an instance and sees "confirmed"
    const { studio, state } = await deployedStudio();
    studio.actions.session.selectParticipant('wang-fang');
    await studio.actions.session.startInstance('order', {});
    expect(state().lastActKey).toBe(startActKey('order', 'wang-fang'));
    // when 张伟 takes over
    studio.actions.session.selectParticipant('zhang-wei');
    // then no status line is shown, and 王芳's act is still recorded for her form
    expect(state().lastActKey).toBeUndefined();
    expect(state().acts[startActKey('order', 'wang-fang')]?.status).toBe('confirmed');
  });
});

describe('audit slice', () => {
  it('exports every step of every instance with block times and the integrity result', async () => {
    // given two instances on the chain with one and two steps
    const { studio, chain, services, state } = await deployedStudio();
    chain.instances.push(
      { processId: 'order', instanceId: 2n, marking: 0n, ended: true, enabledTasks: [] },
      { processId: 'order', instanceId: 1n, marking: 1n, ended: false, enabledTasks: [] },
    );
    const buyer = state().deployment!.manifest.participants[0];
    const addr = (buyer.address ??= '0x00000000000000000000000000000000000000b1');
    const histories: Record<string, HistoryEntry[]> = {
      '1': [{ kind: 'started', elementId: 'Start', name: 'Start', by: addr, blockNumber: 4, txHash: '0x04', data: {} }],
      '2': [
        { kind: 'started', elementId: 'Start', name: 'Start', by: addr, blockNumber: 5, txHash: '0x05', data: { note: '备注, "x"' } },
        { kind: 'ended', elementId: '', name: 'Ended', blockNumber: 6, txHash: '0x06', data: {} },
      ],
    };
    const base = await services.chain.processClient(state().deployment!.manifest, state().deployment!.record);
    services.chain.processClient = async () => ({ ...base, history: async (_p, id) => histories[id.toString()] });
    services.chain.provider = async () =>
      ({
        getBlock: async (n: number) => ({ timestamp: 1_700_000_000 + n }),
        getBlockNumber: async () => 6,
        getLogs: async () => [],
        send: async (method: string) => (method === 'ledger_verify' ? { ok: true, blocks: 6 } : null),
      }) as never;

    // when the regulator exports
    const files = await studio.actions.audit.exportAudit(new Date('2026-05-01T10:00:00.123Z'));

    // then the rows follow instance order and carry block, tx, time and participant
    expect(files).toMatchObject({ steps: 3, instances: 2, integrity: 'checked', baseName: '订单履行-audit-2026-05-01T10-00-00Z' });
    const doc = JSON.parse(files!.json);
    expect(doc.integrity).toEqual({ integrity: 'checked', ok: true, blocks: 6 });
    expect(doc.chainId).toBe(1337);
    expect(doc.steps.map((r: { instanceId: string; blockNumber: number; txHash: string }) => [r.instanceId, r.blockNumber, r.txHash])).toEqual([
      ['1', 4, '0x04'],
      ['2', 5, '0x05'],
      ['2', 6, '0x06'],
    ]);
    expect(doc.steps.map((r: { what: string }) => r.what)).toEqual(['Started: Start', 'Started: Start', 'Ended']);
    expect(doc.steps[0]).toMatchObject({ participant: '王芳', timestamp: new Date((1_700_000_000 + 4) * 1000).toISOString() });
    expect(files!.csv).toContain('"{""note"":""备注, \\""x\\""""}"');
    expect(state().auditStatus).toBe('done');
  });

  it('fails as data when the chain cannot be read', async () => {
    const { studio, services, state } = await deployedStudio();
    services.chain.processClient = async () => Promise.reject(new Error('ledger stopped'));
    expect(await studio.actions.audit.exportAudit()).toBeUndefined();
    expect(state()).toMatchObject({ auditStatus: 'failed', auditError: 'ledger stopped' });
  });

  it('exports only the processes a linked regulator regulates', async () => {
    // given an instance of the deployed process
    const { studio, chain, services, state } = await deployedStudio();
    chain.instances.push({ processId: 'order', instanceId: 1n, marking: 1n, ended: false, enabledTasks: [] });
    const read: string[] = [];
    const base = await services.chain.processClient(state().deployment!.manifest, state().deployment!.record);
    services.chain.processClient = async () => ({ ...base, listInstances: async (id) => (read.push(id), base.listInstances(id)), history: async () => [] });
    services.chain.provider = async () => ({ getBlock: async () => null, getBlockNumber: async () => 1, getLogs: async () => [], send: async () => ({ ok: true, blocks: 1 }) }) as never;
    // when a regulator of no deployed process exports, then nothing of 'order' is read or listed
    const files = await studio.actions.audit.exportAudit(new Date(), []);
    expect(read).toEqual([]);
    expect(files).toMatchObject({ instances: 0, steps: 0 });
    expect(JSON.parse(files!.json).processes).toEqual([]);
    // and with its process listed, the instance is exported
    expect(await studio.actions.audit.exportAudit(new Date(), ['order'])).toMatchObject({ instances: 1 });
    expect(read).toEqual(['order']);
  });
});
