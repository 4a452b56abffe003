import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import { exportFileName, formatBytes, importConfirmation, importReason, parseIntervalSeconds, previewExport, revertConfirmation } from './ledger-file.js';

const header = (fields: Record<string, unknown>) => `${JSON.stringify({ kind: 'chainflow-ledger-export', version: 1, ...fields })}\n{"pendingEdits":[]}\n`;

describe('ledger file helpers', () => {
  it('names an export for its chain and head block (the header counts genesis)', () => {
    const preview = previewExport(header({ chainId: 1337, blocks: 43 }));
    expect(preview).toEqual({
      ok: true,
      preview: { chainId: 1337, headNumber: 42 },
    });
    expect(preview.ok && exportFileName(preview.preview)).toBe('chainflow-ledger-chain1337-block42.ndjson');
  });

  it('refuses what is not an export before asking the user anything', () => {
    expect(previewExport('PK\u0003\u0004 zip bytes')).toEqual({
      ok: false,
      reason: 'not-export',
    });
    expect(previewExport('{"kind":"something-else"}\n')).toEqual({
      ok: false,
      reason: 'not-export',
    });
    expect(previewExport('null')).toEqual({ ok: false, reason: 'not-export' });
    expect(previewExport(header({ chainId: '1337', blocks: 3 }))).toEqual({
      ok: false,
      reason: 'bad-header',
    });
    expect(previewExport(header({ chainId: 1337, blocks: 0 }))).toEqual({
      ok: false,
      reason: 'bad-header',
    });
  });

  it('drops the engine prefix of an import error', () => {
    expect(importReason('ledger import: checksum mismatch (…)')).toBe('checksum mismatch (…)');
    expect(importReason('worker stopped')).toBe('worker stopped');
  });

  it('formats bytes in decimal units with the language’s separators', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(3_200_000, 'en')).toBe('3.2 MB');
    expect(formatBytes(1_100_000_000, 'zh-CN')).toBe('1.1 GB');
    expect(formatBytes(1_234_000, 'de')).toBe('1,2 MB');
  });

  it('says what an import replaces, in both languages', () => {
    const en = createI18n('en');
    const zh = createI18n('zh-CN');
    const say = (t: typeof en.t, phrases: ReturnType<typeof importConfirmation>) => phrases.map((p) => t(p.key, p.values)).join(' ');
    const replacing = importConfirmation({ headNumber: 9, snapshots: 2 }, { chainId: 1337, headNumber: 4 });
    expect(say(en.t, replacing)).toBe(
      'Importing replaces the current chain (blocks 1 to 9, with every deployment and instance on them) by the file’s 4 blocks. Export the current chain first to keep it. Its 2 snapshot(s) are dropped.',
    );
    expect(say(zh.t, replacing)).toContain('区块 1 至 9');
    expect(say(en.t, importConfirmation({ headNumber: 0, snapshots: 0 }, { chainId: 1337, headNumber: 4 }))).toBe(
      'Importing puts the file’s 4 blocks on the ledger (the current chain has no blocks yet).',
    );
  });

  it('says which blocks a revert deletes, or that none were mined', () => {
    const en = createI18n('en');
    const say = (phrases: ReturnType<typeof revertConfirmation>) => phrases.map((p) => en.t(p.key, p.values)).join(' ');
    expect(say(revertConfirmation({ name: '试验 A', blockNumber: 5 }, 8, 1))).toBe(
      'Revert to “试验 A”? Blocks 6 to 8 are deleted for good (with their transactions and the instances’ steps in them); the chain goes back to block 5. The 1 later snapshot(s) are dropped too.',
    );
    expect(say(revertConfirmation({ name: 'b', blockNumber: 5 }, 5, 0))).toBe(
      'Revert to “b”? No block was mined since block 5; only what is queued is dropped.',
    );
  });

  it('accepts whole seconds from 1 to a day as the mining interval', () => {
    expect(parseIntervalSeconds(' 5 ')).toBe(5);
    expect(parseIntervalSeconds('86400')).toBe(86_400);
    for (const bad of ['0', '86401', '1.5', '-3', '', 'abc']) expect(parseIntervalSeconds(bad), bad).toBeUndefined();
  });
});
