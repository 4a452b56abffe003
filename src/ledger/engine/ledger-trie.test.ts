/** LedgerTrie must behave exactly as @ethereumjs's MerklePatriciaTrie: roots, stored nodes, lookups. */
import { MerklePatriciaTrie } from '@ethereumjs/mpt';
import { bytesToHex, ValueEncoding } from '@ethereumjs/util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BranchMPTNode, LeafMPTNode } from '@ethereumjs/mpt';
import { DecodedNodeCache, LedgerTrie } from './ledger-trie.js';
import { encodeBranchOfHashes } from './trie-node-encoding.js';
import { JournaledNodeDb } from './state-nodes.js';

type Op = { kind: 'put'; key: Uint8Array; value: Uint8Array } | { kind: 'del'; key: Uint8Array };

// Short keys share prefixes often (branches, extensions, leaves splitting), as hashed keys rarely do.
const key = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 3 }), fc.uint8Array({ minLength: 32, maxLength: 32 }));
// Values below 32 bytes make nodes that are inlined in their parent instead of stored by hash.
const value = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.uint8Array({ minLength: 33, maxLength: 90 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), key, value }),
  fc.record({ kind: fc.constant('del' as const), key }),
);

function pair(useKeyHashing: boolean, cache = new DecodedNodeCache()) {
  const opts = { useKeyHashing, valueEncoding: ValueEncoding.Bytes };
  const stockDb = new JournaledNodeDb();
  const ledgerDb = new JournaledNodeDb();
  return {
    stock: new MerklePatriciaTrie({ ...opts, db: stockDb }),
    ledger: new LedgerTrie({ ...opts, db: ledgerDb }, cache),
    stockDb,
    ledgerDb,
  };
}

async function apply(trie: MerklePatriciaTrie, ops: Op[]): Promise<void> {
  for (const o of ops) {
    if (o.kind === 'put') await trie.put(o.key, o.value);
    else await trie.del(o.key);
  }
}

describe('LedgerTrie', () => {
  it('given random puts and deletes, when applied to both tries, then roots, stored nodes and every lookup agree', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60 }), fc.boolean(), fc.array(key, { maxLength: 10 }), async (ops, hashed, probes) => {
        const { stock, ledger, stockDb, ledgerDb } = pair(hashed);
        await apply(stock, ops);
        await apply(ledger, ops);
        expect(bytesToHex(ledger.root())).toBe(bytesToHex(stock.root()));
        expect(bytesToHex(ledgerDb.drain())).toBe(bytesToHex(stockDb.drain()));
        for (const probe of [...ops.map((o) => o.key), ...probes]) {
          const [a, b] = [await ledger.get(probe), await stock.get(probe)];
          expect(a === null ? null : bytesToHex(a)).toBe(b === null ? null : bytesToHex(b));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('given writes in a checkpoint that is reverted, when more are made, then roots, stored nodes and lookups still agree (written nodes are cached)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), fc.array(op, { minLength: 1, maxLength: 30 }), fc.array(op, { maxLength: 30 }), async (before, reverted, after) => {
        const { stock, ledger, stockDb, ledgerDb } = pair(true);
        for (const trie of [stock, ledger]) {
          await apply(trie, before);
          trie.checkpoint();
          await apply(trie, reverted);
          await trie.revert();
          expect(await trie.checkRoot(trie.root())).toBe(true);
          await apply(trie, after);
        }
        expect(bytesToHex(ledger.root())).toBe(bytesToHex(stock.root()));
        expect(bytesToHex(ledgerDb.drain())).toBe(bytesToHex(stockDb.drain()));
        for (const probe of [...before, ...reverted, ...after].map((o) => o.key)) {
          const [a, b] = [await ledger.get(probe), await stock.get(probe)];
          expect(a === null ? null : bytesToHex(a)).toBe(b === null ? null : bytesToHex(b));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('given storage tries made by shallowCopy, when written, then they are LedgerTries sharing the cache and agree with stock copies', async () => {
    const cache = new DecodedNodeCache();
    const { stock, ledger } = pair(true, cache);
    const ops: Op[] = Array.from({ length: 40 }, (_, i) => ({ kind: 'put', key: new Uint8Array([i, i * 7]), value: new Uint8Array(40).fill(i + 1) }));
    await apply(stock, ops);
    await apply(ledger, ops);
    const [stockCopy, ledgerCopy] = [stock.shallowCopy(false), ledger.shallowCopy(false)];
    expect(ledgerCopy).toBeInstanceOf(LedgerTrie);
    expect(ledgerCopy.decodedNodes).toBe(cache);
    await apply(stockCopy, [{ kind: 'del', key: new Uint8Array([3, 21]) }, ops[0]]);
    await apply(ledgerCopy, [{ kind: 'del', key: new Uint8Array([3, 21]) }, ops[0]]);
    expect(bytesToHex(ledgerCopy.root())).toBe(bytesToHex(stockCopy.root()));
    expect(cache.size).toBeGreaterThan(0);
  });

  it('given a mutated path, when the same node is read again, then the cached decoding is unchanged (nodes are handed out fresh)', async () => {
    const { ledger } = pair(false);
    for (let i = 0; i < 20; i++) await ledger.put(new Uint8Array([i]), new Uint8Array(40).fill(i));
    const first = await ledger.findPath(new Uint8Array([5]));
    const root = first.stack[0];
    // What _updateNode and saveStack do to the nodes of a path:
    if ('setBranch' in root) root.setBranch(0, null);
    const again = await ledger.findPath(new Uint8Array([0]));
    expect(again.node?.value()).toEqual(new Uint8Array(40).fill(0));
  });

  it('given a root that is not in the database, when a key is looked up, then it reports a missing node like ethereumjs', async () => {
    const { stock, ledger } = pair(false);
    const absent = new Uint8Array(32).fill(7);
    stock.root(absent);
    ledger.root(absent);
    expect(await ledger.get(new Uint8Array([1]))).toBe(await stock.get(new Uint8Array([1])));
    await expect(ledger.get(new Uint8Array([1]), true)).rejects.toThrow('Missing node in DB');
    expect(await ledger.checkRoot(absent)).toBe(false);
  });

  it('given branch nodes of any children and value, when encoded in one pass, then the bytes are ethereumjs\'s', () => {
    const child = fc.oneof(fc.constant(null), fc.uint8Array({ minLength: 0, maxLength: 1 }), fc.uint8Array({ minLength: 32, maxLength: 32 }));
    const branchValue = fc.oneof(fc.constant(null), fc.uint8Array({ minLength: 0, maxLength: 70 }));
    fc.assert(
      fc.property(fc.array(child, { minLength: 16, maxLength: 16 }), branchValue, (children, v) => {
        const node = BranchMPTNode.fromArray([...children, v] as Uint8Array[]);
        expect(bytesToHex(encodeBranchOfHashes(node)!)).toBe(bytesToHex(node.serialize()));
      }),
      { numRuns: 300 },
    );
  });

  it('given a branch with an inlined child or a leaf, when encoded, then it is left to ethereumjs', () => {
    const inlined = BranchMPTNode.fromArray([[new Uint8Array([0x20]), new Uint8Array([1])], ...new Array(16).fill(null)] as never);
    expect(encodeBranchOfHashes(inlined)).toBeUndefined();
    expect(encodeBranchOfHashes(new LeafMPTNode([1, 2], new Uint8Array([3])))).toBeUndefined();
  });

  it('given a full cache, when more nodes are decoded, then it starts over instead of growing', () => {
    const cache = new DecodedNodeCache(3);
    for (let i = 0; i < 7; i++) cache.set(String(i), []);
    expect(cache.size).toBeLessThanOrEqual(3);
  });
});
