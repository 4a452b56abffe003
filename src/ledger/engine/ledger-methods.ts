/**
 * The ledger's own JSON-RPC methods beside the eth_* table: Hardhat/Ganache-style test helpers
 * (evm_snapshot, evm_revert, evm_mine) and the ledger_* methods of the IDE (verify, export,
 * import, interval mining, storage usage). `ledger_verify` and `ledger_flush` are answered by
 * the engine itself, outside the request queue; their entries here only make them known.
 */
import { hexToBytes } from '@ethereumjs/util';
import { parseAddress, toQuantity } from './hex-codec.js';
import { invalidParams } from './rpc-error.js';
import type { MethodContext } from './rpc-methods.js';
import type { VerifyResult } from './verify-chain.js';

export type Verification =
  | { state: 'not-run' }
  | { state: 'running' }
  | { state: 'skipped'; reason: string }
  | { state: 'failed'; reason: string }
  | { state: 'done'; result: VerifyResult };

type Handler = (ctx: MethodContext, params: readonly unknown[]) => unknown;

/** Longest interval accepted by ledger_setIntervalMining: one day. */
const MAX_INTERVAL_MS = 86_400_000;

export const LEDGER_METHODS: Record<string, Handler> = {
  /** Re-executes the stored chain: `{ ok, blocks, ms }` or `{ ok: false, firstBadBlock, reason, ... }`. */
  ledger_verify: () => {
    throw new Error('ledger_verify is answered by the engine');
  },
  /** Waits until every change so far is in the store (answered by the engine). */
  ledger_flush: () => {
    throw new Error('ledger_flush is answered by the engine');
  },
  /** The result of the verification run on open (or the last ledger_verify). */
  ledger_lastVerification: (ctx) => ctx.lastVerification(),
  /** The chain as a checksummed NDJSON document (see chain-export.ts). */
  ledger_exportChain: (ctx) => ctx.exportChain(),
  /** Replaces the chain by the one an export describes, after re-executing and checking it. */
  ledger_importChain: (ctx, [text]) => {
    if (typeof text !== 'string') throw invalidParams('ledger_importChain: the export must be a string');
    return ctx.importChain(text);
  },
  /** Bytes used (navigator.storage.estimate where available) and whether storage is persistent. */
  ledger_storageInfo: (ctx) => ctx.storageInfo(),
  /** 0 = automine (one block per transaction, the default); n > 0 = a block every n ms when transactions wait. */
  ledger_setIntervalMining: (ctx, [ms]) => {
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > MAX_INTERVAL_MS) {
      throw invalidParams(`ledger_setIntervalMining: interval must be an integer number of ms from 0 to ${MAX_INTERVAL_MS}`);
    }
    ctx.setIntervalMining(ms);
    return true;
  },
  /** Lets eth_sendTransaction sign for this key's account (kept in memory only); returns its address. */
  ledger_unlockAccount: (ctx, [key]) => {
    if (typeof key !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(key)) {
      throw invalidParams('ledger_unlockAccount: the private key must be 0x and 64 hex digits');
    }
    return ctx.unlockAccount(hexToBytes(key as `0x${string}`));
  },
  /** Forgets the key of `address`, or of every unlocked account without one; returns how many. */
  ledger_lockAccount: (ctx, [address]) =>
    ctx.lockAccount(address === undefined || address === null ? undefined : parseAddress(address, 'ledger_lockAccount: address')),
  evm_mine: async (ctx) => {
    await ctx.mine();
    return '0x0';
  },
  /** Stored with the chain: a snapshot survives a reload (not a reset or an import). Returns its id. */
  evm_snapshot: async (ctx) => (await ctx.snapshot()).id,
  /** A named snapshot: `{ id, name, blockNumber, takenAt }`. */
  ledger_snapshot: (ctx, [name]) => {
    if (name !== undefined && name !== null && typeof name !== 'string') throw invalidParams('ledger_snapshot: the name must be a string');
    return ctx.snapshot(name ?? undefined);
  },
  /** The snapshots that can be reverted to, oldest first. */
  ledger_snapshots: (ctx) => ctx.snapshots(),
  evm_revert: (ctx, [id]) => {
    if (typeof id !== 'string' || !/^0x[0-9a-fA-F]+$/.test(id)) throw invalidParams('evm_revert: snapshot id must be a 0x-hex quantity');
    return ctx.revert(toQuantity(BigInt(id)));
  },
};
