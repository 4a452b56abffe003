import { describe, expect, it } from 'vitest';
import { checksumMatches, parseChainFile, sameGenesis } from './chain-file.js';
import { fakeChainFile } from './test-chain-file.js';

describe('parseChainFile', () => {
  it('reads the genesis settings, block count, head and checksum of a ledger export', () => {
    const parsed = parseChainFile(fakeChainFile());
    expect(parsed).toMatchObject({ ok: true, info: { chainId: 31337, blockGasLimit: 30_000_000n, blocks: 2, head: '0xhead', alloc: { '0xAbC0000000000000000000000000000000000001': 10n ** 18n } } });
  });

  it('says why a file is not a usable export', () => {
    expect(parseChainFile('{}\n')).toMatchObject({ ok: false, problem: expect.stringContaining('too short') });
    expect(parseChainFile('{"kind":"x"}\n{}\n{}\n')).toMatchObject({ ok: false, problem: expect.stringContaining('not a ChainFlow ledger export') });
    const cut = fakeChainFile().split('\n').slice(0, -2).join('\n');
    expect(parseChainFile(cut)).toMatchObject({ ok: false, problem: expect.stringContaining('no sha256 checksum') });
  });

  it('checks the checksum line against the content', async () => {
    expect(await checksumMatches(fakeChainFile())).toBe(true);
    expect(await checksumMatches(fakeChainFile().replace('"timestamp":2', '"timestamp":3'))).toBe(false);
  });

  it('compares genesis settings as the ledger does (address case aside)', () => {
    const a = parseChainFile(fakeChainFile());
    const b = parseChainFile(fakeChainFile().replace('0xAbC', '0xabc'));
    const c = parseChainFile(fakeChainFile(1));
    if (!a.ok || !b.ok || !c.ok) throw new Error('fixture');
    expect(sameGenesis(a.info, b.info)).toBe(true);
    expect(sameGenesis(a.info, c.info)).toBe(false);
  });
});
