import { describe, expect, it } from 'vitest';
import { getLogsInRanges, isLogLimitError, type LogWindowFilter } from './logs-in-ranges.js';

/** A node holding one log per block in `blocks`, refusing queries the way real nodes do. */
function fakeNode(blocks: number[], refuse: (f: LogWindowFilter, matches: number[]) => Error | undefined) {
  const queries: [number, number][] = [];
  return {
    queries,
    async getLogs(f: LogWindowFilter) {
      queries.push([f.fromBlock, f.toBlock]);
      const matches = blocks.filter((b) => b >= f.fromBlock && b <= f.toBlock);
      const refusal = refuse(f, matches);
      if (refusal) throw refusal;
      return matches.map((blockNumber) => ({ blockNumber }));
    },
  };
}

const every = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('getLogsInRanges', () => {
  it('given a Besu-like node limiting the range, when reading 12,001 blocks, then it reads in windows and returns every log in order', async () => {
    const node = fakeNode(every(12_001), (f) =>
      f.toBlock - f.fromBlock + 1 > 5_000 ? new Error('Requested range exceeds maximum RPC range limit') : undefined,
    );
    const logs = await getLogsInRanges(node, { address: '0x1' }, 0, 12_000);
    expect(logs.map((l) => l.blockNumber)).toEqual(every(12_001));
    expect(node.queries).toEqual([[0, 4_999], [5_000, 9_999], [10_000, 12_000]]);
  });

  it('given a node refusing more than 3 results (geth/Infura wording, nested in ethers info), when reading, then refused windows are halved until accepted', async () => {
    const node = fakeNode([2, 3, 5, 8, 9, 10, 11, 40], (_f, matches) =>
      matches.length > 3 ? Object.assign(new Error('could not coalesce error'), { info: { error: { code: -32005, message: 'query returned more than 10000 results' } } }) : undefined,
    );
    const logs = await getLogsInRanges(node, { address: '0x1', topics: [null, '0xab'] }, 0, 63, 64);
    expect(logs.map((l) => l.blockNumber)).toEqual([2, 3, 5, 8, 9, 10, 11, 40]);
    expect(node.queries.length).toBeGreaterThan(1);
  });

  it('given an error that is not about size, when reading, then it is thrown at once, not retried per block', async () => {
    const node = fakeNode(every(100), () => new Error('connect ECONNREFUSED 127.0.0.1:8545'));
    await expect(getLogsInRanges(node, { address: '0x1' }, 0, 99)).rejects.toThrow('ECONNREFUSED');
    expect(node.queries).toHaveLength(1);
  });

  it('given a single block the node still refuses, when reading, then the refusal is thrown', async () => {
    const node = fakeNode([7, 7], (_f, matches) => (matches.includes(7) ? new Error('Log response size exceeded') : undefined));
    await expect(getLogsInRanges(node, { address: '0x1' }, 0, 15)).rejects.toThrow('Log response size exceeded');
  });

  it('given an empty range, when reading, then no query is sent', async () => {
    const node = fakeNode([], () => undefined);
    expect(await getLogsInRanges(node, { address: '0x1' }, 5, 4)).toEqual([]);
    expect(node.queries).toEqual([]);
  });

  it('tells size refusals from other errors', () => {
    expect(isLogLimitError(new Error('exceed maximum block range: 5000'))).toBe(true);
    expect(isLogLimitError({ shortMessage: 'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range' })).toBe(true);
    expect(isLogLimitError(new Error('invalid address'))).toBe(false);
  });
});
