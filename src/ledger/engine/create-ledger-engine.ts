/**
 * The ledger engine: pure TypeScript (no DOM, no worker globals), used in-process by the CLI and
 * the tests and inside the module worker by the IDE. It owns the chain, the serial request
 * queue, automining, the store's event log and block notifications.
 */
import { bytesToHex, type Address } from '@ethereumjs/util';
import type { LedgerLogEntry, LedgerStore } from '../store/ledger-store.js';
import { MemoryLedgerStore } from '../store/memory-store.js';
import { DEFAULT_BLOCK_GAS_LIMIT, normaliseAlloc, type GenesisSettings } from './chain-config.js';
import { ChainState, type MinedBlock } from './chain-state.js';
import { toQuantity } from './hex-codec.js';
import type { LedgerEngine, LedgerEngineOptions, NewBlockEvent, NewBlockListener, RpcRequest } from './ledger-types.js';
import { checkTransaction, decodeTransaction, mineBlock } from './mine-transaction.js';
import { genesisEntry, replayLog } from './replay-log.js';
import { LedgerRpcError, RPC_ERROR } from './rpc-error.js';
import { RPC_METHODS, type MethodContext } from './rpc-methods.js';
import { SerialQueue } from './serial-queue.js';
import { applyBalance } from './set-balance.js';

/**
 * Opens a ledger: replays `store` if it holds a chain, otherwise starts one at genesis.
 * @throws Error when the options are invalid, or the store holds a different chain or does not replay.
 */
export async function createLedgerEngine(options: LedgerEngineOptions): Promise<LedgerEngine> {
  const blockGasLimit = options.blockGasLimit ?? DEFAULT_BLOCK_GAS_LIMIT;
  if (blockGasLimit < 21_000n) throw new Error(`ledger blockGasLimit must be at least 21000, got ${blockGasLimit}`);
  const expected = { chainId: options.chainId, blockGasLimit, alloc: normaliseAlloc(options.alloc) };
  const store = options.store ?? new MemoryLedgerStore();
  const now = options.now ?? Date.now;
  const entries = await store.readAll();
  const chain =
    entries.length > 0
      ? await replayLog(entries, expected, `ledger store (chain ${options.chainId})`)
      : await startChain(store, { ...expected, timestamp: Math.floor(now() / 1000) });
  return new Engine(chain, store, now, expected);
}

async function startChain(store: LedgerStore, settings: GenesisSettings): Promise<ChainState> {
  const chain = await ChainState.create(settings);
  await store.append(genesisEntry(chain));
  return chain;
}

class Engine implements LedgerEngine {
  private readonly queue = new SerialQueue();
  private readonly listeners = new Set<NewBlockListener>();
  /** Store writes run one after another, behind mining; this is the end of that chain. */
  private writeTail: Promise<void> = Promise.resolve();
  private storeFailure: string | undefined;

  constructor(
    private chain: ChainState,
    private readonly store: LedgerStore,
    private readonly now: () => number,
    private readonly settings: Omit<GenesisSettings, 'timestamp'>,
  ) {}

  get chainId(): number {
    return this.settings.chainId;
  }

  async request(request: RpcRequest): Promise<unknown> {
    if (typeof request !== 'object' || request === null || typeof request.method !== 'string') {
      throw new LedgerRpcError(RPC_ERROR.invalidRequest, 'a request must be an object with a string "method"');
    }
    const { method } = request;
    const handler = Object.hasOwn(RPC_METHODS, method) ? RPC_METHODS[method] : undefined;
    if (handler === undefined) {
      throw new LedgerRpcError(RPC_ERROR.methodNotFound, `the method ${method} does not exist/is not available`);
    }
    const params = request.params ?? [];
    if (!Array.isArray(params)) throw new LedgerRpcError(RPC_ERROR.invalidParams, `${method}: params must be an array`);
    const writes: Promise<void>[] = [];
    const result = await this.queue.run(() => handler(this.contextFor(writes), params));
    // Answer only once the block or faucet edit is in the store: a returned hash is durable.
    await Promise.all(writes);
    return result;
  }

  onNewBlock(listener: NewBlockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reset(): Promise<void> {
    return this.queue.run(async () => {
      await this.writeTail;
      await this.store.clear();
      this.storeFailure = undefined;
      this.chain = await startChain(this.store, { ...this.settings, timestamp: Math.floor(this.now() / 1000) });
    });
  }

  async idle(): Promise<void> {
    await this.queue.run(() => undefined);
    await this.writeTail;
  }

  private contextFor(writes: Promise<void>[]): MethodContext {
    const chain = this.chain;
    return {
      chain,
      nextTimestamp: () => this.nextTimestamp(),
      sendRawTransaction: async (raw) => {
        this.refuseWritesAfterStoreFailure();
        const tx = decodeTransaction(chain, raw);
        await checkTransaction(chain, tx);
        const mined = await mineBlock(chain, [tx], this.nextTimestamp());
        writes.push(this.persist(blockEntry(mined, raw), `block ${mined.number}`));
        this.notify(mined);
        return mined.transactions[0].hash;
      },
      setBalance: async (address: Address, wei: bigint) => {
        this.refuseWritesAfterStoreFailure();
        await applyBalance(chain, address, wei);
        writes.push(
          this.persist({ kind: 'setBalance', address: address.toString(), balance: toQuantity(wei) }, 'balance edit'),
        );
      },
    };
  }

  /** Wall-clock seconds, but never before the head: block timestamps do not go backwards. */
  private nextTimestamp(): number {
    return Math.max(Math.floor(this.now() / 1000), this.chain.head.timestamp);
  }

  private persist(entry: LedgerLogEntry, what: string): Promise<void> {
    const write = this.writeTail.then(() => this.store.append(entry));
    this.writeTail = write.catch((error: unknown) => {
      this.storeFailure ??= error instanceof Error ? error.message : String(error);
    });
    return write.catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new LedgerRpcError(
        RPC_ERROR.internal,
        `${what} was applied but the ledger store could not save it (${reason}); it will be lost on reload`,
      );
    });
  }

  /** After a failed write, the store's log has a gap: refuse to grow the chain further from it. */
  private refuseWritesAfterStoreFailure(): void {
    if (this.storeFailure !== undefined) {
      throw new LedgerRpcError(
        RPC_ERROR.internal,
        `the ledger store failed (${this.storeFailure}); state changes are refused until the ledger is reset`,
      );
    }
  }

  private notify(mined: MinedBlock): void {
    const event: NewBlockEvent = {
      number: mined.number,
      hash: mined.hash,
      parentHash: mined.parentHash,
      timestamp: mined.timestamp,
      transactionHashes: mined.transactions.map((tx) => tx.hash),
    };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not fail the transaction that was already mined.
      }
    }
  }
}

function blockEntry(mined: MinedBlock, raw: Uint8Array): LedgerLogEntry {
  return {
    kind: 'block',
    number: mined.number,
    timestamp: mined.timestamp,
    transactions: [bytesToHex(raw)],
    hash: mined.hash,
  };
}
