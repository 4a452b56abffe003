/** The cached jump analysis gives the very same chain as ethereumjs's own analysis. */
import { describe, expect, it } from 'vitest';
import { bob, chainFingerprint, counterAt, fundedAlloc as alloc, mineCounterBlocks } from '../test-support/counter-chain.js';
import { createLedgerEngine } from './create-ledger-engine.js';
import { installJumpAnalysisCache, jumpAnalysisStats, useJumpAnalysisCache } from './jump-analysis-cache.js';

/** A counter chain at a fixed clock: the same inputs give the same block hashes. */
async function counterChain() {
  let clock = 1_700_000_000_000;
  const engine = await createLedgerEngine({ chainId: 4242, alloc, now: () => (clock += 1000) });
  const address = await mineCounterBlocks(engine, 6);
  await (await counterAt(engine, address, bob).increment('第七')).wait();
  return chainFingerprint(engine, address);
}

describe('jump analysis cache', () => {
  it('is installed, serves repeated calls of the same code from the cache, and changes no hash, root or receipt', async () => {
    // given the cache installed
    expect(await installJumpAnalysisCache()).toBe(true);
    try {
      // when the same chain is built without the cache, then with it
      useJumpAnalysisCache(false);
      const without = await counterChain();
      useJumpAnalysisCache(true);
      const before = jumpAnalysisStats();
      const withCache = await counterChain();
      const after = jumpAnalysisStats();
      // then every block (hash, state, transactions and receipts roots), receipt and state read is the same
      expect(withCache).toEqual(without);
      expect(withCache.head).toBe(8);
      // and the counter's code was analysed once and then served from the cache
      expect(after.hits - before.hits).toBeGreaterThanOrEqual(5);
    } finally {
      useJumpAnalysisCache(true);
    }
  });
});
