/**
 * The JSON-RPC method table. Each handler takes positional params and returns a JSON-ready
 * result or throws a LedgerRpcError. Handlers that change the chain go through the context, which
 * the engine implements (it owns mining, persistence and notifications).
 */
import { createBlock, type Block } from '@ethereumjs/block';
import { bigIntToBytes, bytesToHex, hexToBytes, setLengthLeft, type Address } from '@ethereumjs/util';
import type { VM } from '@ethereumjs/vm';
import type { ChainState, MinedBlock } from './chain-state.js';
import { CLIENT_VERSION } from './chain-config.js';
import {
  parseAddress,
  parseBlockTag,
  parseData,
  parseHash,
  parseQuantity,
  toQuantity,
  type BlockTag,
} from './hex-codec.js';
import type { FilterRegistry } from './filters.js';
import type { Verification } from './ledger-methods.js';
import { collectLogs, filterBlocks, parseLogFilter } from './log-filter.js';
import { invalidParams } from './rpc-error.js';
import { formatBlock, formatReceipt, formatTransaction } from './rpc-format.js';
import { estimateGas, ethCall, parseCallRequest } from './run-call.js';
import { parseSendRequest, type SendRequest } from './transaction-signing.js';
import { notUnlocked } from './unlocked-accounts.js';
import type { SnapshotInfo } from './snapshots.js';
import type { StorageInfo } from './storage-info.js';

export interface MethodContext {
  chain: ChainState;
  filters: FilterRegistry;
  /** Unix seconds for the next block: the wall clock, never before the head's timestamp. */
  nextTimestamp(): number;
  /** Transactions of `address` (lower-case 0x) waiting for the next interval-mined block. */
  queuedFrom(address: string): number;
  sendRawTransaction(raw: Uint8Array): Promise<string>;
  /** eth_sendTransaction: signed by the ledger for an unlocked `from`; `gas` absent = estimated. */
  sendTransaction(request: SendRequest): Promise<string>;
  /** A transaction waiting for interval mining, as eth_getTransactionByHash shows it (no block yet), or undefined. */
  pendingTransaction(hash: string): Record<string, unknown> | undefined;
  /** eth_accounts: the unlocked accounts (lower-case 0x). */
  accounts(): string[];
  unlockAccount(privateKey: Uint8Array): string;
  /** Locks `address`, or every unlocked account; returns how many were locked. */
  lockAccount(address?: Address): number;
  setBalance(address: Address, wei: bigint): Promise<void>;
  /** Mines a block now, with whatever waits for interval mining (possibly nothing). */
  mine(): Promise<MinedBlock>;
  setIntervalMining(ms: number): void;
  /** Takes a snapshot of the head (stored with the chain); a blank or missing name becomes the id. */
  snapshot(name?: string): Promise<SnapshotInfo>;
  /** The snapshots that can be reverted to, oldest first. */
  snapshots(): SnapshotInfo[];
  revert(id: string): Promise<boolean>;
  exportChain(): Promise<string>;
  importChain(text: string): Promise<{ blocks: number; head: string }>;
  lastVerification(): Verification;
  storageInfo(): Promise<StorageInfo>;
}

type Handler = (ctx: MethodContext, params: readonly unknown[]) => unknown;

const ZERO = '0x0';

export const RPC_METHODS: Record<string, Handler> = {
  eth_chainId: ({ chain }) => toQuantity(chain.settings.chainId),
  net_version: ({ chain }) => String(chain.settings.chainId),
  web3_clientVersion: () => CLIENT_VERSION,
  eth_syncing: () => false,
  eth_accounts: (ctx) => ctx.accounts(),
  eth_gasPrice: () => ZERO,
  eth_maxPriorityFeePerGas: () => ZERO,
  eth_blockNumber: ({ chain }) => toQuantity(chain.head.number),

  eth_getBalance: async ({ chain }, [address, tag]) => {
    const state = await chain.stateAt(chain.resolveBlock(parseBlockTag(tag, 'eth_getBalance: block')));
    return toQuantity((await state.getAccount(parseAddress(address, 'eth_getBalance: address')))?.balance ?? 0n);
  },
  eth_getTransactionCount: async (ctx, [address, tag]) => {
    const { chain } = ctx;
    const block = parseBlockTag(tag, 'eth_getTransactionCount: block');
    const state = await chain.stateAt(chain.resolveBlock(block));
    const account = parseAddress(address, 'eth_getTransactionCount: address');
    const queued = block.kind === 'pending' ? ctx.queuedFrom(account.toString()) : 0;
    return toQuantity(((await state.getAccount(account))?.nonce ?? 0n) + BigInt(queued));
  },
  eth_getCode: async ({ chain }, [address, tag]) => {
    const state = await chain.stateAt(chain.resolveBlock(parseBlockTag(tag, 'eth_getCode: block')));
    return bytesToHex(await state.getCode(parseAddress(address, 'eth_getCode: address')));
  },
  eth_getStorageAt: async ({ chain }, [address, slot, tag]) => {
    const key = parseQuantity(slot, 'eth_getStorageAt: slot');
    if (key >= 2n ** 256n) throw invalidParams('eth_getStorageAt: slot must fit in 32 bytes');
    const state = await chain.stateAt(chain.resolveBlock(parseBlockTag(tag, 'eth_getStorageAt: block')));
    const value = await state.getStorage(
      parseAddress(address, 'eth_getStorageAt: address'),
      setLengthLeft(bigIntToBytes(key), 32),
    );
    return bytesToHex(setLengthLeft(value, 32));
  },

  eth_call: async (ctx, [call, tag]) => {
    const request = parseCallRequest(call, 'eth_call: transaction');
    const { vm, block } = await callContext(ctx, parseBlockTag(tag, 'eth_call: block'));
    return ethCall(vm, block, request);
  },
  eth_estimateGas: async (ctx, [call, tag]) => {
    const request = parseCallRequest(call, 'eth_estimateGas: transaction');
    const { vm, block } = await callContext(ctx, parseBlockTag(tag, 'eth_estimateGas: block', { kind: 'pending' }));
    return toQuantity(await estimateGas(vm, block, request));
  },
  eth_sendRawTransaction: (ctx, [raw]) => ctx.sendRawTransaction(parseData(raw, 'eth_sendRawTransaction: data')),
  eth_sendTransaction: async (ctx, [tx]) => {
    const request = parseSendRequest(tx, 'eth_sendTransaction: transaction', ctx.chain.settings.chainId);
    const from = request.from.toString();
    if (!ctx.accounts().includes(from)) throw notUnlocked(from);
    // As geth: no gas limit given, the estimate (against the pending block) becomes it.
    if (request.gas === undefined) {
      const { vm, block } = await callContext(ctx, { kind: 'pending' });
      request.gas = await estimateGas(vm, block, request);
    }
    return ctx.sendTransaction(request);
  },

  eth_getTransactionByHash: (ctx, [hash]) => {
    const parsed = parseHash(hash, 'eth_getTransactionByHash: hash');
    const found = ctx.chain.findTransaction(parsed);
    // As geth: a transaction still waiting for its block is found too, with null block fields
    // (ethers' JsonRpcSigner polls for it after eth_sendTransaction).
    return found === undefined ? (ctx.pendingTransaction(parsed) ?? null) : formatTransaction(found.block, found.tx);
  },
  eth_getTransactionReceipt: ({ chain }, [hash]) => {
    const found = chain.findTransaction(parseHash(hash, 'eth_getTransactionReceipt: hash'));
    return found === undefined ? null : formatReceipt(found.block, found.tx);
  },
  eth_getBlockByNumber: ({ chain }, [tag, full]) => {
    const mined = chain.findBlock(parseBlockTag(tag ?? 'latest', 'eth_getBlockByNumber: block'));
    return mined === undefined ? null : formatBlock(mined, full === true);
  },
  eth_getBlockByHash: ({ chain }, [hash, full]) => {
    const mined = chain.findBlockByHash(parseHash(hash, 'eth_getBlockByHash: hash'));
    return mined === undefined ? null : formatBlock(mined, full === true);
  },
  eth_getLogs: ({ chain }, [filter]) => collectLogs(filterBlocks(chain, filter), parseLogFilter(filter)),
  eth_feeHistory: ({ chain }, [count, newest, percentiles]) => feeHistory(chain, count, newest, percentiles),

  eth_newFilter: ({ chain, filters }, [filter]) => filters.newLogFilter(chain, filter),
  eth_newBlockFilter: ({ chain, filters }) => filters.newBlockFilter(chain),
  eth_getFilterChanges: ({ chain, filters }, [id]) => filters.changes(chain, id),
  eth_getFilterLogs: ({ chain, filters }, [id]) => filters.logs(chain, id),
  eth_uninstallFilter: ({ filters }, [id]) => filters.uninstall(id),

  /** Faucet for the IDE: sets a balance without mining (the next block's state root includes it). */
  ledger_setBalance: async (ctx, [address, wei]) => {
    await ctx.setBalance(
      parseAddress(address, 'ledger_setBalance: address'),
      parseQuantity(wei, 'ledger_setBalance: balance'),
    );
    return true;
  },
};

/** State and block header a call runs against: `pending` is a fresh header on top of the head. */
async function callContext(ctx: MethodContext, tag: BlockTag): Promise<{ vm: VM; block: Block }> {
  const { chain } = ctx;
  if (tag.kind !== 'pending') {
    const mined = chain.resolveBlock(tag);
    return { vm: await chain.vmAt(mined), block: chain.blockObject(mined) };
  }
  const block = createBlock(
    {
      header: {
        parentHash: hexToBytes(chain.head.hash as `0x${string}`),
        number: BigInt(chain.head.number + 1),
        timestamp: BigInt(ctx.nextTimestamp()),
        gasLimit: chain.head.gasLimit,
        baseFeePerGas: 0n,
        excessBlobGas: 0n,
        blobGasUsed: 0n,
        parentBeaconBlockRoot: new Uint8Array(32),
      },
    },
    { common: chain.common },
  );
  return { vm: chain.vm, block };
}

function feeHistory(chain: ChainState, count: unknown, newest: unknown, percentiles: unknown) {
  const newestBlock: MinedBlock = chain.resolveBlock(parseBlockTag(newest, 'eth_feeHistory: newestBlock'));
  const requested = Number(parseQuantity(count, 'eth_feeHistory: blockCount'));
  const blockCount = Math.min(requested, newestBlock.number + 1, 1024);
  if (percentiles !== undefined && percentiles !== null) {
    if (!Array.isArray(percentiles) || !percentiles.every((p) => typeof p === 'number' && p >= 0 && p <= 100)) {
      throw invalidParams('eth_feeHistory: rewardPercentiles must be numbers between 0 and 100');
    }
  }
  const oldest = newestBlock.number - blockCount + 1;
  const blocks = chain.blocks.slice(oldest, newestBlock.number + 1);
  const zeros = (n: number) => Array.from({ length: n }, () => ZERO);
  return {
    oldestBlock: toQuantity(blockCount === 0 ? 0 : oldest),
    baseFeePerGas: zeros(blockCount === 0 ? 0 : blockCount + 1),
    gasUsedRatio: blocks.map((b) => Number(b.gasUsed) / Number(b.gasLimit)),
    baseFeePerBlobGas: Array.from({ length: blockCount === 0 ? 0 : blockCount + 1 }, () => '0x1'),
    blobGasUsedRatio: blocks.map(() => 0),
    ...(Array.isArray(percentiles) ? { reward: blocks.map(() => zeros(percentiles.length)) } : {}),
  };
}
