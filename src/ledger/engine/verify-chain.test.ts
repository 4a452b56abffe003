/**
 * Tamper detection: any single changed byte of a stored block, receipt or state record is found
 * by re-execution, and the damaged block is named.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openIndexedDbLedgerStore } from '../store/indexeddb-store.js';
import type { StoredBlock, StoredChain, StoredGenesis, StoredReceipts, StoredState } from '../store/ledger-store.js';
import { MemoryLedgerStore } from '../store/memory-store.js';
import { bob, fundedAlloc as alloc, mineCounterBlocks } from '../test-support/counter-chain.js';
import { flipByte, tamperRecord } from '../test-support/tamper-idb.js';
import { createLedgerEngine } from './create-ledger-engine.js';
import type { LedgerEngine } from './ledger-types.js';
import { firstDifference, sameValue, verifyChain } from './verify-chain.js';

const CHAIN_ID = 777;
let pristine: StoredChain;

/** Counter deployed (block 1), one increment (2), a faucet edit, 4 increments (3-6). */
async function buildChain(engine: LedgerEngine): Promise<void> {
  const provider = await import('../test-support/counter-chain.js');
  const address = await mineCounterBlocks(engine, 1);
  await engine.request({ method: 'ledger_setBalance', params: [bob.address, '0x5af3107a4000'] });
  const counter = provider.counterAt(engine, address, bob);
  for (let i = 0; i < 4; i++) await (await counter.increment(`块 ${i}`)).wait();
  await engine.idle();
}

beforeAll(async () => {
  const store = new MemoryLedgerStore();
  await buildChain(await createLedgerEngine({ chainId: CHAIN_ID, alloc, store }));
  pristine = (await store.load())!;
});

/** Every leaf of a record: each byte of a Uint8Array, each character of a string, each number. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value instanceof Uint8Array) return Array.from(value, (_, i) => [...path, i]);
  if (typeof value === 'string') return Array.from(value, (_, i) => [...path, i]);
  if (typeof value === 'number' || typeof value === 'bigint') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [];
}

/** Changes the leaf at `path` by one byte / one character / one unit. */
function mutate(root: Record<string | number, unknown>, path: (string | number)[]): void {
  const last = path[path.length - 1];
  const parentPath = typeof last === 'number' ? path.slice(0, -1) : path;
  const holderPath = parentPath.slice(0, -1);
  const key = parentPath[parentPath.length - 1];
  const holder = holderPath.reduce<Record<string | number, unknown>>((node, k) => node[k] as Record<string | number, unknown>, root);
  const target = holder[key];
  if (target instanceof Uint8Array) flipByte(target, last as number);
  else if (typeof target === 'string') {
    const i = last as number;
    const digit = parseInt(target[i], 16);
    const replacement = Number.isNaN(digit) ? '?' : ((digit + 1) % 16).toString(16);
    holder[key] = target.slice(0, i) + replacement + target.slice(i + 1);
  } else if (typeof target === 'bigint') holder[key] = target + 1n;
  else if (typeof target === 'number') holder[key] = target + 1;
  else throw new Error(`cannot mutate ${path.join('.')}`);
}

/** Up to `count` leaves spread evenly over the record. */
function sample<T>(items: T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % step === 0);
}

describe('ledger verification', () => {
  it('passes an untouched chain', async () => {
    expect(pristine.blocks).toHaveLength(7);
    expect(await verifyChain(pristine)).toEqual({ ok: true, blocks: 7, ms: expect.any(Number) });
  });

  it.each([
    ['block', 3],
    ['receipts', 4],
    ['state', 2],
    ['state', 0],
    ['block', 5],
  ] as const)('names block %2$i for any changed byte of its %1$s record (sampled)', async (part, n) => {
    const record = pristine.blocks[n][part] as unknown as Record<string | number, unknown>;
    const positions = sample(leaves(record), 60);
    expect(positions.length).toBeGreaterThan(10);
    for (const position of positions) {
      const copy = structuredClone(pristine);
      mutate(copy.blocks[n][part] as unknown as Record<string | number, unknown>, position);
      const result = await verifyChain(copy);
      expect(result, `change at ${part}.${position.join('.')}`).toMatchObject({ ok: false, firstBadBlock: n });
    }
  }, 120_000);

  it('names block 0 when the genesis settings were changed', async () => {
    const copy = structuredClone(pristine);
    copy.genesis.timestamp += 1;
    expect(await verifyChain(copy)).toMatchObject({ ok: false, firstBadBlock: 0, reason: expect.stringMatching(/block hash differs/) });
  });

  it('says which link or root broke', async () => {
    const relinked = structuredClone(pristine);
    relinked.blocks[4].block.header.parentHash = relinked.blocks[2].block.hash;
    expect(await verifyChain(relinked)).toMatchObject({ firstBadBlock: 4, reason: expect.stringMatching(/^hash link broken: parentHash 0x/) });
    const edited = structuredClone(pristine);
    edited.blocks[3].block.preEdits = [{ address: bob.address.toLowerCase(), balance: '0x1' }];
    expect(await verifyChain(edited)).toMatchObject({ firstBadBlock: 3, reason: expect.stringMatching(/^state root differs: stored 0x/) });
  });
});

describe('ledger_verify on an IndexedDB store changed behind the engine', () => {
  it.each([
    ['blocks', 3, (r: StoredBlock) => flipByte(r.transactions[0].raw, 40), /^(the block does not re-execute|state root differs|transactions root differs)/],
    ['receipts', 5, (r: StoredReceipts) => flipByte(r.receipts[0].logsBloom, 7), /^stored receipts differ at receipts\.receipts\[0\]\.logsBloom\[byte 7\]/],
    ['state', 4, (r: StoredState) => flipByte(r.nodes, 100), /^stored state nodes differ/],
    ['meta', 'genesis', (r: StoredGenesis) => void (r.alloc = {}), /^state root differs/],
  ] as const)('names the block when one byte of a %s record changes', async (objectStore, key, change, reason) => {
    // given a stored chain
    const name = `verify-${objectStore}`;
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store: await openIndexedDbLedgerStore(name) });
    await buildChain(engine);
    expect(await engine.request({ method: 'ledger_verify' })).toMatchObject({ ok: true, blocks: 7 });
    // when one record is changed in IndexedDB
    await tamperRecord(name, objectStore, key, change as (record: unknown) => void);
    // then verification names the block
    const expected = typeof key === 'number' ? key : 0;
    expect(await engine.request({ method: 'ledger_verify' })).toMatchObject({
      ok: false,
      blocks: 7,
      firstBadBlock: expected,
      reason: expect.stringMatching(reason),
    });
    expect(await engine.request({ method: 'ledger_lastVerification' })).toMatchObject({ state: 'done', result: { firstBadBlock: expected } });
  });
});

describe('verification of a chain longer than the BLOCKHASH window', () => {
  it('keeps the 256 hashes BLOCKHASH may read, drops older records, and still names a damaged block', async () => {
    // given 300 empty blocks, then the counter's blocks
    const store = new MemoryLedgerStore();
    const engine = await createLedgerEngine({ chainId: CHAIN_ID, alloc, store });
    for (let i = 0; i < 300; i++) await engine.request({ method: 'evm_mine' });
    await mineCounterBlocks(engine, 2);
    await engine.idle();
    const stored = (await store.load())!;
    // then it verifies, and a byte changed in block 280 (behind the window by then) is found there
    expect(await verifyChain(stored)).toMatchObject({ ok: true, blocks: 304 });
    const damaged = structuredClone(stored);
    flipByte(damaged.blocks[280].block.headerRlp, 40);
    expect(await verifyChain(damaged)).toMatchObject({ ok: false, firstBadBlock: 280 });
  });

  it('forgets blocks below the window only', async () => {
    const { ChainState } = await import('./chain-state.js');
    const { mineBlock } = await import('./mine-transaction.js');
    const chain = await ChainState.create({ chainId: CHAIN_ID, blockGasLimit: 30_000_000n, alloc: {}, timestamp: 1_700_000_000 });
    for (let i = 1; i <= 300; i++) await mineBlock(chain, [], 1_700_000_000 + i);
    chain.forgetBlocksBelow(300);
    // the next block (301) may ask BLOCKHASH for 45..300
    expect(chain.blockAt(45).number).toBe(45);
    expect(chain.head.number).toBe(300);
    expect(() => chain.blockAt(44)).toThrow(/header not found/);
    expect(chain.findBlockByHash(chain.blockAt(45).hash)?.number).toBe(45);
  });
});

describe('sameValue (the fast path of the record comparison)', () => {
  /** Record-like values: strings, numbers, bigints, null, undefined, bytes, arrays, objects. */
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 2 }), fc.bigInt({ min: -2n, max: 2n }), fc.constant(null), fc.constant(undefined), fc.uint8Array({ maxLength: 3 })),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 })),
  })).node;

  it('agrees with firstDifference on any two values, equal or not', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        // given two values, and a deep copy of the first (equal by construction)
        // then sameValue says "equal" exactly when firstDifference finds no difference
        expect(sameValue(a, b)).toBe(firstDifference(a, b, '') === undefined);
        expect(sameValue(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('treats an absent key as undefined, as firstDifference does', () => {
    expect(sameValue({ a: undefined }, {})).toBe(true);
    expect(sameValue({ a: undefined }, { b: 1 })).toBe(false);
    expect(sameValue({}, { b: new Uint8Array() })).toBe(false);
  });
});
