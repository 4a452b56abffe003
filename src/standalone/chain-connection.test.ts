import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { compareChain, connectToChain } from './chain-connection.js';
import { testConfig } from './test-config.js';

const GENESIS = '0x' + 'aa'.repeat(32);

describe('compareChain', () => {
  const config = { ...testConfig(), deployment: { ...testConfig().deployment, genesisHash: GENESIS } };

  it('accepts the deployment’s chain', () => {
    expect(compareChain(config, 'http://n', { chainId: 31337, genesisHash: GENESIS.toUpperCase().replace('0X', '0x') })).toBeUndefined();
  });

  it('names both chain ids when the node runs another chain', () => {
    expect(compareChain(config, 'http://n', { chainId: 1337, genesisHash: GENESIS })).toEqual({
      kind: 'wrong-chain',
      url: 'http://n',
      actual: 1337,
      expected: 31337,
      networkName: 'Consortium test net',
    });
  });

  it('tells apart two chains with one chain id by their genesis block, when the deployment recorded it', () => {
    const other = '0x' + 'bb'.repeat(32);
    expect(compareChain(config, 'http://n', { chainId: 31337, genesisHash: other })).toMatchObject({ kind: 'wrong-genesis', actual: other, expected: GENESIS });
    expect(compareChain(testConfig(), 'http://n', { chainId: 31337, genesisHash: other })).toBeUndefined();
  });
});

describe('connectToChain', () => {
  it('needs a URL, and an http(s) one', async () => {
    expect(await connectToChain(testConfig(''), '')).toEqual({ ok: false, problem: { kind: 'no-url' } });
    expect(await connectToChain(testConfig(), 'ftp://node')).toMatchObject({ ok: false, problem: { kind: 'bad-url', url: 'ftp://node' } });
  });

  it('says a node that does not answer is unreachable', async () => {
    // given a port nothing listens on
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const result = await connectToChain(testConfig(), `http://127.0.0.1:${port}`);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'unreachable', url: `http://127.0.0.1:${port}` } });
  });
});
