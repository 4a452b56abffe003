/** Export to a checksummed NDJSON file and import it again, verified by re-execution. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIndexedDbLedgerStore } from '../store/indexeddb-store.js';
import { MemoryLedgerStore } from '../store/memory-store.js';
import { bob, chainFingerprint, fundedAlloc as alloc, mineCounterBlocks } from '../test-support/counter-chain.js';
import { createLedgerEngine } from './create-ledger-engine.js';
import type { LedgerEngine } from './ledger-types.js';

const CHAIN_ID = 99;

async function exported(engine: LedgerEngine): Promise<string> {
  return (await engine.request({ method: 'ledger_exportChain' })) as string;
}

/** Rewrites the checksum line so only the content check can catch a change. */
async function rechecksum(text: string): Promise<string> {
  const lines = text.trimEnd().split('\n');
  const body = lines.slice(0, -1).join('\n') + '\n';
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  return `${body}${JSON.stringify({ sha256: '0x' + Buffer.from(digest).toString('hex') })}\n`;
}

describe('ledger export and import', () => {
  it('exports a chain and imports it into another ledger: same blocks, receipts, state and store', async () => {
    // given a chain with a contract, a faucet edit before a block and one pending
    const source = await createLedgerEngine({ chainId: CHAIN_ID, alloc });
    const counter = await mineCounterBlocks(source, 3);
    await source.request({ method: 'ledger_setBalance', params: [bob.address, '0x64'] });
    await mineCounterBlocks(source, 1);
    await source.request({ method: 'ledger_setBalance', params: [bob.address, '0x65'] });
    const file = await exported(source);
    // when it is imported into a fresh ledger on IndexedDB
    const target = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('import-a') });
    await mineCounterBlocks(target, 1); // replaced by the import
    expect(await target.request({ method: 'ledger_importChain', params: [file] })).toEqual({
      blocks: 7,
      head: ((await source.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as { hash: string }).hash,
    });
    // then both serve the same chain, and so does a reload of the imported store, which verifies
    const expected = await chainFingerprint(source, counter);
    expect(await chainFingerprint(target, counter)).toEqual(expected);
    const reopened = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore('import-a') });
    expect(await chainFingerprint(reopened, counter)).toEqual(expected);
    expect(await reopened.request({ method: 'ledger_verify' })).toMatchObject({ ok: true, blocks: 7 });
    // and the document starts with the header and ends with the checksum
    const lines = file.trimEnd().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ kind: 'chainflow-ledger-export', version: 1, chainId: CHAIN_ID, blocks: 7 });
    expect(JSON.parse(lines[lines.length - 1]).sha256).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('refuses a file with a bad checksum, and a re-checksummed edit at the block it breaks', async () => {
    const source = await createLedgerEngine({ chainId: CHAIN_ID, alloc });
    await mineCounterBlocks(source, 2);
    const file = await exported(source);
    const target = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: new MemoryLedgerStore() });
    const before = await target.request({ method: 'eth_blockNumber' });
    // one changed character, checksum left as it was
    const edited = file.replace('"number":2,', '"number":2 ,');
    await expect(target.request({ method: 'ledger_importChain', params: [edited] })).rejects.toMatchObject({ code: -32602 });
    await expect(target.request({ method: 'ledger_importChain', params: [edited] })).rejects.toThrow(
      /^ledger import: checksum mismatch \(the file says 0x[0-9a-f]{64}, its content hashes to 0x[0-9a-f]{64}\): the file is damaged or was edited/,
    );
    // a changed timestamp with a matching checksum: re-execution gives another hash
    const lines = file.split('\n');
    const block2 = JSON.parse(lines[2]) as { number: number; timestamp: number };
    expect(block2.number).toBe(2);
    lines[2] = JSON.stringify({ ...block2, timestamp: block2.timestamp + 5 });
    const forged = await rechecksum(lines.join('\n'));
    await expect(target.request({ method: 'ledger_importChain', params: [forged] })).rejects.toThrow(
      /ledger import: block 2 re-executes to 0x[0-9a-f]{64}, the file says 0x/,
    );
    // the target chain is untouched by both refusals
    expect(await target.request({ method: 'eth_blockNumber' })).toBe(before);
  });

  it('refuses a file from another chain and a file that is not an export', async () => {
    const other = await createLedgerEngine({ chainId: CHAIN_ID + 1, alloc });
    const target = await createLedgerEngine({ chainId: CHAIN_ID, alloc });
    await expect(target.request({ method: 'ledger_importChain', params: [await exported(other)] })).rejects.toThrow(
      /the file holds a chain with chainId 100, not 99/,
    );
    await expect(target.request({ method: 'ledger_importChain', params: ['hello'] })).rejects.toThrow(/not a ChainFlow ledger export/);
  });
});
