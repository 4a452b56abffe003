import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createInProcessProvider } from '../ledger/client/in-process-provider.js';
import { createLedgerApi } from '../ledger/client/ledger-api.js';
import { createLedgerEngine, type LedgerEngine } from '../ledger/engine/index.js';
import { MemoryLedgerStore } from '../ledger/store/memory-store.js';
import { createStudioStore } from './create-studio-store.js';
import { selectLedgerSnapshots, selectMiningInterval } from './ledger-tools-slice.js';
import type { BundledLedgerTools } from './studio-services.js';
import { createTestServices } from './test-services.js';

/** A studio whose bundled ledger tools talk to a real in-memory ledger engine. */
async function studioWithLedger(chainId = 1337) {
  const engine = await createLedgerEngine({ chainId });
  const provider = createInProcessProvider(engine);
  const ledger: BundledLedgerTools = {
    ...createLedgerApi(provider),
    blockNumber: async () => Number(await provider.request({ method: 'eth_blockNumber' })),
    requestPersistence: async () => null,
  };
  const t = await createTestServices();
  t.services.chain.bundledLedger = async () => ledger;
  const studio = createStudioStore(t.services, {
    autosaveMs: 5,
    buildDebounceMs: 5,
  });
  await studio.actions.workspace.open();
  await vi.waitFor(() => expect(studio.store.getState().buildStatus).toBe('ok'));
  const mine = async (n: number) => {
    for (let i = 0; i < n; i++) await provider.request({ method: 'evm_mine' });
  };
  return {
    studio,
    ledger,
    mine,
    state: () => studio.store.getState(),
    actions: studio.actions.ledgerTools,
  };
}

describe('ledger tools', () => {
  it('reverts to a snapshot: the chain goes back, it and later snapshots are used up, earlier ones stay', async () => {
    // given snapshots at blocks 1, 3 and 4
    const { actions, mine, ledger, state } = await studioWithLedger();
    await mine(1);
    const first = await actions.snapshot('第一 first');
    await mine(2);
    const second = await actions.snapshot('  ');
    await mine(1);
    await actions.snapshot('third');
    await mine(2);
    expect(selectLedgerSnapshots(state()).map((s) => s.blockNumber)).toEqual([1, 3, 4]);
    expect(second).toMatchObject({
      ok: true,
      value: { name: second.ok ? second.value.id : '' },
    }); // a blank name falls back to the id
    const epoch = state().ledgerEpoch;

    // when the second is reverted to
    const result = await actions.revert(second.ok ? second.value.id : '');

    // then the chain is at block 3 again, in a new epoch, and only the first snapshot is left
    expect(result).toEqual({ ok: true, value: true });
    expect(await ledger.blockNumber()).toBe(3);
    expect(state().blockNumber).toBe(3);
    expect(state().ledgerEpoch).toBe(epoch + 1);
    expect(selectLedgerSnapshots(state())).toEqual([first.ok && first.value]);
    expect(state().instances).toEqual({});
  });

  it('refuses a snapshot id that is not on the running ledger, as data', async () => {
    const { actions, state } = await studioWithLedger();
    const epoch = state().ledgerEpoch;
    expect(await actions.revert('0x99')).toEqual({
      ok: false,
      error: 'snapshot 0x99 is not on the running ledger',
    });
    expect(state().ledgerEpoch).toBe(epoch);
  });

  it('imports an export after a reset-like loss, and refuses a damaged copy leaving the chain as it was', async () => {
    // given an export taken at block 2, then more blocks and a snapshot
    const { actions, mine, ledger, state } = await studioWithLedger();
    await mine(2);
    const exported = await actions.exportChain();
    if (!exported.ok) throw new Error(exported.error);
    await mine(3);
    await actions.snapshot('later');

    // when a copy with one changed byte is imported
    const at = exported.value.indexOf('"hash":"0x') + 12;
    const damaged = exported.value.slice(0, at) + (exported.value[at] === 'a' ? 'b' : 'a') + exported.value.slice(at + 1);
    const epoch = state().ledgerEpoch;
    const refused = await actions.importChain(damaged);

    // then it is refused with the reason, and nothing changed
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringContaining('checksum mismatch'),
    });
    expect(await ledger.blockNumber()).toBe(5);
    expect(state().ledgerEpoch).toBe(epoch);
    expect(selectLedgerSnapshots(state())).toHaveLength(1);

    // when the intact export is imported
    const imported = await actions.importChain(exported.value);

    // then the chain is the exported one, and the engine's snapshots are gone from the list too
    expect(imported).toEqual({ ok: true, value: { blocks: 3 } });
    expect(await ledger.blockNumber()).toBe(2);
    expect(state().blockNumber).toBe(2);
    expect(state().ledgerEpoch).toBe(epoch + 1);
    expect(selectLedgerSnapshots(state())).toEqual([]);
  });

  it('refuses the export of another chain in words, keeping the current chain', async () => {
    // given an export of chain 1337 and a ledger of chain 4242 with two blocks
    const other = await studioWithLedger(1337);
    await other.mine(1);
    const foreign = await other.actions.exportChain();
    if (!foreign.ok) throw new Error(foreign.error);
    const { actions, mine, ledger } = await studioWithLedger(4242);
    await mine(2);
    // when it is imported, then it is refused with the reason and nothing changed
    const result = await actions.importChain(foreign.value);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/ledger import: the file holds a chain with .*1337/) });
    expect(await ledger.blockNumber()).toBe(2);
  });

  it('forgets snapshots and the mining interval when the ledger is reset (a new worker automines)', async () => {
    const { actions, studio, state } = await studioWithLedger();
    await actions.snapshot('s');
    expect(await actions.setIntervalMining(5000)).toEqual({
      ok: true,
      value: 5000,
    });
    expect(selectMiningInterval(state())).toBe(5000);

    await studio.actions.deploy.resetLedger();

    expect(selectLedgerSnapshots(state())).toEqual([]);
    expect(selectMiningInterval(state())).toBe(0);
  });

  it('keeps the mining interval across a revert (the worker keeps it) and refuses a bad one in words', async () => {
    const { actions, state } = await studioWithLedger();
    await actions.setIntervalMining(2000);
    const snap = await actions.snapshot('s');
    await actions.revert(snap.ok ? snap.value.id : '');
    expect(selectMiningInterval(state())).toBe(2000);
    expect(await actions.setIntervalMining(-1)).toMatchObject({
      ok: false,
      error: expect.stringContaining('interval must be an integer'),
    });
    expect(selectMiningInterval(state())).toBe(2000);
    await actions.setIntervalMining(0); // stop the engine's timer
  });
});

describe('ledger tools after a restarted ledger worker', () => {
  it('lists the snapshots the restarted ledger restored from its store, and reverts to one', async () => {
    // given a studio whose ledger took a named snapshot at block 2, then mined on
    const store = new MemoryLedgerStore();
    const first = await createLedgerEngine({ chainId: 1337, store });
    const t = await createTestServices();
    const toolsOf = (engine: LedgerEngine): BundledLedgerTools => {
      const provider = createInProcessProvider(engine);
      return {
        ...createLedgerApi(provider),
        blockNumber: async () => Number(await provider.request({ method: 'eth_blockNumber' })),
        requestPersistence: async () => null,
      };
    };
    let ledger = toolsOf(first);
    t.services.chain.bundledLedger = async () => ledger;
    const studio = createStudioStore(t.services, { autosaveMs: 5, buildDebounceMs: 5 });
    const actions = studio.actions.ledgerTools;
    for (let i = 0; i < 2; i++) await first.request({ method: 'evm_mine' });
    const taken = await actions.snapshot('实验 experiment');
    for (let i = 0; i < 3; i++) await first.request({ method: 'evm_mine' });
    await first.idle();

    // when the worker restarts (a new engine on the same store) and the page's list is lost
    ledger = toolsOf(await createLedgerEngine({ chainId: 1337, store }));
    studio.store.setState({ ledgerSnapshots: { epoch: 0, list: [] } });
    const loaded = await actions.loadSnapshots();

    // then the snapshot is listed again, and reverting to it works
    expect(loaded).toEqual({ ok: true, value: [taken.ok && taken.value] });
    expect(selectLedgerSnapshots(studio.store.getState()).map((s) => [s.name, s.blockNumber])).toEqual([['实验 experiment', 2]]);
    expect(await actions.revert(taken.ok ? taken.value.id : '')).toEqual({ ok: true, value: true });
    expect(await ledger.blockNumber()).toBe(2);
    expect(selectLedgerSnapshots(studio.store.getState())).toEqual([]);
  });
});

describe('ledger tools selectors', () => {
  it('return the same empty list for a stale epoch, so React does not re-render forever', () => {
    const stale = {
      ledgerEpoch: 3,
      ledgerSnapshots: {
        epoch: 1,
        list: [{ id: '0x0', name: 'a', blockNumber: 1, takenAt: '' }],
      },
      ledgerMining: { epoch: 1, intervalMs: 5 },
    };
    expect(selectLedgerSnapshots(stale)).toBe(selectLedgerSnapshots({ ...stale, ledgerEpoch: 4 }));
    expect(selectLedgerSnapshots(stale)).toEqual([]);
    expect(selectMiningInterval(stale)).toBe(0);
  });
});
