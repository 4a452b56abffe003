import 'fake-indexeddb/auto';
import { Interface } from 'ethers';
import { describe, expect, it } from 'vitest';
import { createStudioStore } from './create-studio-store.js';
import { createTestServices, manifestFor, sampleWorkspace } from './test-services.js';

const ABI = ['event InstanceStarted(uint256 indexed instanceId, address indexed by)', 'event InstanceEnded(uint256 indexed instanceId)'];
const iface = new Interface(ABI);
const BUYER = '0x00000000000000000000000000000000000000b1';
const ADDRESS = '0x00000000000000000000000000000000000000cc';

/** A chain whose process contract has emitted `logs`; records every getLogs range asked. */
function fakeChain() {
  const chain = {
    head: 4,
    logs: [] as { blockNumber: number; name: string; args: unknown[] }[],
    asked: [] as [number, number][],
    provider: {
      getBlockNumber: async () => chain.head,
      getBlock: async (n: number) => ({ timestamp: 1_000 + n }),
      async getLogs({ fromBlock, toBlock }: { fromBlock: number; toBlock: number }) {
        chain.asked.push([fromBlock, toBlock]);
        await new Promise((r) => setTimeout(r, 5)); // a real node answers later: loads can overlap
        return chain.logs
          .filter((l) => l.blockNumber >= fromBlock && l.blockNumber <= toBlock)
          .map((l, index) => ({ ...iface.encodeEventLog(l.name, l.args), blockNumber: l.blockNumber, transactionHash: `0x${l.blockNumber}`, index }));
      },
    },
  };
  return chain;
}

async function studioWithEvents() {
  const t = await createTestServices();
  const chain = fakeChain();
  t.services.chain.provider = async () => chain.provider as never;
  const studio = createStudioStore(t.services);
  const manifest = manifestFor(sampleWorkspace);
  manifest.processes[0] = { ...manifest.processes[0], abi: ABI, start: { ...manifest.processes[0].start, eventName: 'InstanceStarted' }, endedEventName: 'InstanceEnded' };
  studio.store.setState({
    deploymentOnLedger: 'present',
    deployment: {
      manifest,
      record: {
        network: 'bundled', chainId: 1337, deployedAt: '', deployer: BUYER, sourceHash: 'h',
        registry: { address: ADDRESS, txHash: '0x1', blockNumber: 1 },
        processes: { order: { address: ADDRESS, txHash: '0x2', blockNumber: 2 } },
      },
    },
  });
  return { studio, chain, state: () => studio.store.getState() };
}

describe('process events slice', () => {
  it('reads from the deployment block first, then only blocks not read yet', async () => {
    // given two instances started in blocks 3 and 4
    const { studio, chain, state } = await studioWithEvents();
    chain.logs.push({ blockNumber: 3, name: 'InstanceStarted', args: [1n, BUYER] }, { blockNumber: 4, name: 'InstanceStarted', args: [2n, BUYER] });
    // when the events are loaded
    await studio.actions.session.loadEvents();
    // then both are there, read from the process's deployment block to the head, with the head's time
    expect(chain.asked).toEqual([[2, 4]]);
    expect(state().processEvents.order.map((e) => [e.kind, e.instanceId])).toEqual([['started', 1n], ['started', 2n]]);
    expect(state().eventsThrough).toBe(4);
    expect(state().chainTime).toBe(1_004);

    // when instance 1 ends in block 5, then only block 5 is read and its event appended
    chain.logs.push({ blockNumber: 5, name: 'InstanceEnded', args: [1n] });
    chain.head = 5;
    await studio.actions.session.loadEvents();
    expect(chain.asked.at(-1)).toEqual([5, 5]);
    expect(state().processEvents.order.map((e) => e.kind)).toEqual(['started', 'started', 'ended']);
  });

  it('never reads a block twice when loads are asked for while one runs', async () => {
    const { studio, chain, state } = await studioWithEvents();
    chain.logs.push({ blockNumber: 3, name: 'InstanceStarted', args: [1n, BUYER] });
    // when three loads are asked for at once
    await Promise.all([studio.actions.session.loadEvents(), studio.actions.session.loadEvents(), studio.actions.session.loadEvents()]);
    // then the event is there once: one load, then one more for what was asked during it
    expect(state().processEvents.order).toHaveLength(1);
    expect(chain.asked).toEqual([[2, 4]]);
  });

  it('starts over when the ledger is reset', async () => {
    const { studio, chain, state } = await studioWithEvents();
    chain.logs.push({ blockNumber: 3, name: 'InstanceStarted', args: [1n, BUYER] });
    await studio.actions.session.loadEvents();
    // when the ledger restarts (a new epoch) with another chain at the same block numbers
    chain.logs = [{ blockNumber: 3, name: 'InstanceStarted', args: [7n, BUYER] }];
    studio.store.setState((s) => ({ ledgerEpoch: s.ledgerEpoch + 1 }));
    await studio.actions.session.loadEvents();
    // then only the new chain's event is kept, read from the deployment block again
    expect(chain.asked.at(-1)).toEqual([2, 4]);
    expect(state().processEvents.order.map((e) => e.instanceId)).toEqual([7n]);
  });

  it('reports a node that fails, without losing what was read', async () => {
    const { studio, chain, state } = await studioWithEvents();
    chain.logs.push({ blockNumber: 3, name: 'InstanceStarted', args: [1n, BUYER] });
    await studio.actions.session.loadEvents();
    chain.head = 6;
    chain.provider.getLogs = async () => {
      throw new Error('node is down');
    };
    await studio.actions.session.loadEvents();
    expect(state().eventsError).toBe('node is down');
    expect(state().processEvents.order).toHaveLength(1);
    expect(state().eventsThrough).toBe(4);
  });
});
