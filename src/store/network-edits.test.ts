import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadWorkspace, type Workspace } from '../../generators/index.js';
import { addNetwork, parseNetworkInput, removeNetwork, updateNetwork } from './network-edits.js';

const sample = (): Workspace =>
  loadWorkspace(JSON.parse(readFileSync(new URL('../../generators/samples/order-fulfilment/workspace.json', import.meta.url), 'utf8'))).workspace!;

describe('network edits', () => {
  it('adds a network with a readable unique id, and the workspace still validates', () => {
    // given the sample, when two networks with Chinese and ASCII names are added
    const first = addNetwork(sample(), { name: '联盟链 Besu QBFT', rpcUrl: 'http://10.0.0.5:8545', chainId: 1337, gas: 'free' });
    const second = addNetwork(first.workspace, { name: '测试网', rpcUrl: 'https://rpc.example.org', chainId: 2024, gas: 'market' });
    // then ids come from the ASCII words, or a numbered fallback, and never clash with the bundled ledger
    expect([first.id, second.id]).toEqual(['besu-qbft', 'network-1']);
    expect(loadWorkspace(JSON.parse(JSON.stringify(second.workspace))).problems).toEqual([]);
    expect(addNetwork(sample(), { name: 'Bundled', rpcUrl: 'http://x', chainId: 1, gas: 'free' }).id).toBe('bundled-2');
  });

  it('names every bad field of the form and adds nothing', () => {
    const ws = addNetwork(sample(), { name: 'Besu', rpcUrl: 'http://10.0.0.5:8545', chainId: 1337, gas: 'free' }).workspace;
    const { network, problems } = parseNetworkInput({ name: 'Besu', rpcUrl: 'ws://node:8546', chainId: '十', gas: 'free', registryAddress: '0x1' }, ws);
    expect(network).toBeUndefined();
    expect(problems).toEqual({
      name: 'a network named "Besu" exists already',
      rpcUrl: '"ws://node:8546": only http:// and https:// JSON-RPC endpoints are supported',
      chainId: "the chain id is a positive whole number (the node's eth_chainId)",
      registryAddress: 'an address is 0x and 40 hex digits',
    });
    expect(parseNetworkInput({ name: ' GoQuorum ', rpcUrl: ' http://q:22000 ', chainId: ' 10 ', gas: 'free', registryAddress: '' }, ws)).toEqual({
      network: { name: 'GoQuorum', rpcUrl: 'http://q:22000', chainId: 10, gas: 'free' },
      problems: {},
    });
  });

  it('updates and removes by id; unknown ids change nothing', () => {
    const { workspace, id } = addNetwork(sample(), { name: 'Besu', rpcUrl: 'http://a:8545', chainId: 1337, gas: 'free' });
    const hash = `0x${'ab'.repeat(32)}`;
    const updated = updateNetwork(workspace, id, { genesisHash: hash });
    expect(updated.networks?.[0]).toMatchObject({ id, genesisHash: hash });
    expect(updateNetwork(updated, 'nope', { chainId: 5 })).toBe(updated);
    expect(removeNetwork(updated, id).networks).toEqual([]);
    expect(removeNetwork(updated, 'nope')).toBe(updated);
  });
});
