/**
 * "Verify ledger": re-executes every stored block from genesis and compares what it computes
 * with every stored record: hash links, the header (state, transactions and receipts roots),
 * the transactions, the receipts and the state-trie nodes each block wrote. Every stored byte is
 * either an input of re-execution (so a change alters the recomputed hash) or compared with its
 * recomputed value, so a single changed byte is found, and the first damaged block is named.
 */
import type { BlockRecords, StoredChain } from '../store/ledger-store.js';
import { ChainState } from './chain-state.js';
import { loadLedgerCrypto } from './ledger-crypto.js';
import { reexecuteBlock } from './mine-transaction.js';
import { fromStoredGenesis, toStoredRecords } from './stored-records.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

export type VerifyResult =
  | { ok: true; blocks: number; ms: number }
  | { ok: false; blocks: number; firstBadBlock: number; reason: string; ms: number };

/** Never throws for damaged data: damage is the answer, as data. */
export async function verifyChain(stored: StoredChain): Promise<VerifyResult> {
  const started = Date.now();
  const blocks = stored.blocks.length;
  const bad = (firstBadBlock: number, reason: string): VerifyResult => ({
    ok: false,
    blocks,
    firstBadBlock,
    reason,
    ms: Date.now() - started,
  });
  // Re-execution is mostly hashing and sender recovery: start it with the WASM paths (a reload
  // starts their load without waiting; each resolves, to JS, even when its WASM fails).
  await loadLedgerCrypto();
  let chain: ChainState;
  try {
    chain = await ChainState.create(fromStoredGenesis(stored.genesis));
  } catch (error) {
    return bad(0, `the genesis record does not make a chain: ${(error as Error).message}`);
  }
  for (const [n, records] of stored.blocks.entries()) {
    // The position is the block number; the stored `number` fields are compared like any other.
    let recomputed: BlockRecords;
    if (n === 0) {
      recomputed = toStoredRecords(chain.head, chain.nodeDb.drain());
    } else {
      const parent = stored.blocks[n - 1].block;
      if (records.block.header?.parentHash !== parent.hash) {
        return bad(n, `hash link broken: parentHash ${records.block.header?.parentHash} but block ${n - 1} is ${parent.hash}`);
      }
      try {
        const mined = await reexecuteBlock(chain, {
          number: n,
          timestamp: Number(records.block.header.timestamp),
          preEdits: records.block.preEdits,
          transactions: records.block.transactions.map((tx) => tx.raw),
        });
        recomputed = toStoredRecords(mined, chain.nodeDb.drain());
      } catch (error) {
        return bad(n, `the block does not re-execute: ${(error as Error).message}`);
      }
    }
    const reason = compareRecords(records, recomputed);
    if (reason !== undefined) return bad(n, reason);
    chain.forgetBlocksBelow(n);
    // Let other work (requests, messages) run between blocks of a long verification.
    if (n % 64 === 63) await yieldToEventLoop();
  }
  return { ok: true, blocks, ms: Date.now() - started };
}

/** The first way `stored` differs from `recomputed`, in words, or undefined when identical. */
function compareRecords(stored: BlockRecords, recomputed: BlockRecords): string | undefined {
  // The common case, equal records, without building a path string for every leaf.
  if (stored.block.hash === recomputed.block.hash && sameValue(stored, recomputed)) return undefined;
  const header = stored.block.header ?? {};
  const fresh = recomputed.block.header;
  if (stored.block.hash !== recomputed.block.hash) {
    for (const [field, what] of [
      ['stateRoot', 'state root'],
      ['receiptsRoot', 'receipts root'],
      ['transactionsRoot', 'transactions root'],
    ] as const) {
      if (header[field] !== fresh[field]) {
        return `${what} differs: stored ${header[field]}, re-executed ${fresh[field]}`;
      }
    }
    return `block hash differs: stored ${stored.block.hash}, re-executed ${recomputed.block.hash}`;
  }
  const blockDiff = firstDifference(stored.block, recomputed.block, 'block');
  if (blockDiff !== undefined) return `stored block record differs at ${blockDiff}`;
  const receiptsDiff = firstDifference(stored.receipts, recomputed.receipts, 'receipts');
  if (receiptsDiff !== undefined) return `stored receipts differ at ${receiptsDiff}`;
  const stateDiff = firstDifference(stored.state, recomputed.state, 'state');
  if (stateDiff !== undefined) return `stored state nodes differ from the re-executed state at ${stateDiff}`;
  return undefined;
}

/** Whether two record values (plain data) are equal: firstDifference(a, b) === undefined, faster. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const aRecord = a as Record<string, unknown>;
    const bRecord = b as Record<string, unknown>;
    // Over the union of the keys, an absent key reading as undefined (as in firstDifference).
    for (const key in aRecord) {
      if (Object.hasOwn(aRecord, key) && !sameValue(aRecord[key], bRecord[key])) return false;
    }
    for (const key in bRecord) {
      if (Object.hasOwn(bRecord, key) && !Object.hasOwn(aRecord, key) && bRecord[key] !== undefined) return false;
    }
    return true;
  }
  return Object.is(a, b);
}

/** Path of the first difference between two record values (plain data), or undefined. */
export function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array)) return path;
    if (a.length !== b.length) return `${path} (length ${a.length}, expected ${b.length})`;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return `${path}[byte ${i}]`;
    return undefined;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b))) return path;
    if (a.length !== b.length) return `${path} (length ${a.length}, expected ${b.length})`;
    for (let i = 0; i < a.length; i++) {
      const diff = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (diff !== undefined) return diff;
    }
    return undefined;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of [...keys].sort()) {
      const diff = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (diff !== undefined) return diff;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : path;
}
