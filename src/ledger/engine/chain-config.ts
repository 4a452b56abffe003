/**
 * The chain this ledger runs: cancun rules (prague block building needs system contracts a bare
 * chain lacks), proof-of-stake style headers (no rewards), and a base fee pinned at zero so a
 * consortium's transactions cost nothing while gas is still metered.
 */
import { createBlock, paramsBlock, type Block } from '@ethereumjs/block';
import { createCustomCommon, Hardfork, Mainnet, type Common, type CustomCrypto } from '@ethereumjs/common';
import type { MerkleStateManager } from '@ethereumjs/statemanager';
import { paramsTx } from '@ethereumjs/tx';
import { Address, createAccount, hexToBytes } from '@ethereumjs/util';
import { ledgerKeccak256 } from './keccak.js';
import { senderRecoveryCrypto } from './sender-recovery.js';

export const DEFAULT_BLOCK_GAS_LIMIT = 30_000_000n;
export const LEDGER_HARDFORK = Hardfork.Cancun;
export const CLIENT_VERSION = 'ChainFlowLedger/v0.1.0/ethereumjs-vm-10.1.3/cancun';

export interface GenesisSettings {
  chainId: number;
  blockGasLimit: bigint;
  /** Lower-case address -> wei. */
  alloc: Record<string, bigint>;
  /** Unix seconds. */
  timestamp: number;
}

/**
 * `customCrypto` defaults to the ledger's sender recovery (libsecp256k1 in WASM once loaded,
 * sender-recovery.ts) and keccak (WASM once loaded, keccak.ts); the bare-EVM benchmark passes
 * `{ keccak256 }` alone to measure ethereumjs's JS recovery.
 * @throws Error when chainId cannot make a valid chain.
 */
export function createLedgerCommon(chainId: number, customCrypto: CustomCrypto = ledgerCrypto()): Common {
  if (!Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new Error(`ledger chainId must be a positive integer, got ${chainId}`);
  }
  const common = createCustomCommon({ chainId, name: `chainflow-${chainId}` }, Mainnet, { hardfork: LEDGER_HARDFORK, customCrypto });
  mergeParamsOnce(common, [paramsBlock, paramsTx]);
  lookUpEipsInASet(common);
  return common;
}

/** The ledger's crypto overrides: each dispatches to WASM once loaded, to JS until then. */
export function ledgerCrypto(): CustomCrypto {
  return { ...senderRecoveryCrypto(), keccak256: ledgerKeccak256 };
}

/**
 * Every block header and transaction ethereumjs builds calls `updateParams(paramsBlock)` or
 * `updateParams(paramsTx)` on its own copy of the Common: a JSON deep copy of the whole set and
 * a rebuild of the parameter cache over every hardfork, ~0.15 ms each (profiled: half of the
 * block-building time besides execution). These sets never change, so the ledger's Common merges
 * them once here, and a later call with the very same object is a no-op: the shared parameter
 * table and the cache (which every copy shares until it rebuilds its own) already hold them.
 * Copies inherit the override (Common.copy() copies own properties). Other sets go through.
 */
function mergeParamsOnce(common: Common, sets: object[]): void {
  const merged = new Set(sets);
  const updateParams = common.updateParams;
  for (const set of sets) updateParams.call(common, set as Parameters<Common['updateParams']>[0]);
  common.updateParams = function (this: Common, params) {
    if (!merged.has(params)) updateParams.call(this, params);
  };
}

/**
 * The EVM asks `isActivatedEIP` ~1,000 times a block (gas rules of SLOAD, SSTORE, CALL..., and
 * runTx), and ethereumjs answers with `includes` over its array of active EIPs (~1% of a
 * block's CPU in Node's profile). This answers from a Set of the very same array: Common
 * replaces the array whenever the active EIPs change (setHardfork, setEIPs), and a new array
 * gets its own Set, so the answer is always the array's. Copies inherit it (own property). If
 * ethereumjs renames the array, the stock method stays.
 */
function lookUpEipsInASet(common: Common): void {
  type WithCache = Common & { _activatedEIPsCache?: unknown };
  if (!Array.isArray((common as WithCache)._activatedEIPsCache)) return;
  const sets = new WeakMap<number[], Set<number>>();
  common.isActivatedEIP = function (this: Common, eip: number): boolean {
    const active = (this as WithCache)._activatedEIPsCache as number[];
    let set = sets.get(active);
    if (set === undefined) sets.set(active, (set = new Set(active)));
    return set.has(eip);
  };
}

/** Normalises genesis balances: lower-case addresses, non-negative wei. */
export function normaliseAlloc(alloc: Record<string, bigint> | undefined): Record<string, bigint> {
  const result: Record<string, bigint> = {};
  for (const [address, wei] of Object.entries(alloc ?? {})) {
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new Error(`ledger alloc: "${address}" is not an address`);
    if (typeof wei !== 'bigint' || wei < 0n)
      throw new Error(`ledger alloc: balance of ${address} must be a bigint ≥ 0`);
    result[address.toLowerCase()] = wei;
  }
  return result;
}

export async function writeAlloc(stateManager: MerkleStateManager, alloc: Record<string, bigint>): Promise<void> {
  for (const [address, wei] of Object.entries(alloc)) {
    await stateManager.putAccount(
      new Address(hexToBytes(address as `0x${string}`)),
      createAccount({ nonce: 0n, balance: wei }),
    );
  }
}

export function createGenesisBlock(common: Common, settings: GenesisSettings, stateRoot: Uint8Array): Block {
  return createBlock(
    {
      header: {
        number: 0n,
        gasLimit: settings.blockGasLimit,
        timestamp: BigInt(settings.timestamp),
        baseFeePerGas: 0n,
        stateRoot,
        excessBlobGas: 0n,
        blobGasUsed: 0n,
        parentBeaconBlockRoot: new Uint8Array(32),
      },
      withdrawals: [],
    },
    { common },
  );
}
